import { ownEntry } from '../../model/own-entry';
import { showValue } from '../../model/show-value';
import { Construct } from 'constructs';
import { AnySsoProps } from '../../model/sso-props';
import { AivenSso, AivenSsoProps } from './aiven-sso';
import { AtlanSso, AtlanSsoProps } from './atlan-sso';
import { GenericSamlSso, GenericSamlSsoProps } from './generic-saml-sso';
import { OmniSso, OmniSsoProps } from './omni-sso';
import { OnPremSso, OnPremSsoProps } from './onprem-sso';
import { SnowflakeSso, SnowflakeSsoProps } from './snowflake-sso';
import { SsoIntegration } from './sso-integration';

/**
 * The construct for each preset: what the config layer builds from an
 * integration's props. The props were checked by the same validation the
 * construct registers; here they are only handed over.
 */
const CONSTRUCTS: Readonly<Record<string, (scope: Construct, id: string, props: AnySsoProps) => SsoIntegration>> = {
  aiven: (scope, id, props) => new AivenSso(scope, id, props as AivenSsoProps),
  atlan: (scope, id, props) => new AtlanSso(scope, id, props as AtlanSsoProps),
  generic: (scope, id, props) => new GenericSamlSso(scope, id, props as GenericSamlSsoProps),
  omni: (scope, id, props) => new OmniSso(scope, id, props as OmniSsoProps),
  onprem: (scope, id, props) => new OnPremSso(scope, id, props as OnPremSsoProps),
  snowflake: (scope, id, props) => new SnowflakeSso(scope, id, props as SnowflakeSsoProps),
};

/** The SP construct of `preset` for these props; throws for a preset that has none (the props' validation reports it first). */
export function createSsoIntegration(scope: Construct, id: string, preset: string, props: AnySsoProps): SsoIntegration {
  const create = ownEntry(CONSTRUCTS, preset);
  if (!create) throw new Error(`no SP construct for preset ${showValue(preset)}; accepted: ${Object.keys(CONSTRUCTS).join(', ')}`);
  return create(scope, id, props);
}
