import { aiven } from './aiven';
import { atlan } from './atlan';
import { generic } from './generic';
import { omni } from './omni';
import { onprem } from './onprem';
import { SpPreset } from './preset';
import { snowflake } from './snowflake';

export { checkPresetFacts } from './preset';
export type { SpPreset, SignInFlow } from './preset';

/** Every SP preset, by its config name. */
export const PRESETS: Readonly<Record<string, SpPreset>> = { aiven, atlan, generic, omni, onprem, snowflake };

export function presetNames(): string[] {
  return Object.keys(PRESETS).sort();
}
