import { readSpMetadata } from '../config/sp-metadata-file';
import { IntegrationSettings } from '../config/settings';
import { propsFromSettings } from '../config/to-props';
import { validateSso } from '../model/validate-sso';

/**
 * What an environment's users get from one integration's settings, as the
 * config layer resolves them (readConfig's path: SP metadata, props, the SP's
 * validation with its defaults): the resolved model without the props it came
 * from, as text to compare. Undefined when the settings do not resolve, so
 * that nothing is called equal that cannot be shown to be.
 */
export type EffectOf = (settings: IntegrationSettings) => string | undefined;

/**
 * The resolver for one integration of the target environment. Its SP metadata
 * file is env-specific (promote never changes it), so it is read once.
 */
export function effectResolver(configDir: string, key: string, spMetadata: IntegrationSettings['spMetadata']): EffectOf {
  let document: ReturnType<typeof readSpMetadata>;
  try {
    document = readSpMetadata(configDir, spMetadata);
  } catch {
    // An `spMetadata` of a shape the config layer reports and leaves out: nothing can be shown equal.
    return () => undefined;
  }
  return (settings) => {
    let validated: ReturnType<typeof validateSso>;
    try {
      const { preset, props } = propsFromSettings(settings, document);
      validated = validateSso(preset, key, props);
    } catch {
      // Settings of a shape the config layer would not even resolve (readConfig leaves them out): nothing can be shown equal.
      return undefined;
    }
    const { model, problems } = validated;
    if (!model || problems.length) return undefined;
    // How config wrote a value (stated or left to its default) is in the props only.
    const { props: _written, ...effect } = model;
    return JSON.stringify(effect);
  };
}
