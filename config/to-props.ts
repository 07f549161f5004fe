import { ownEntry } from '../model/own-entry';
import { SecretRef } from '../model/provisioning/secret-ref';
import { SpMetadataDocument } from '../model/sp-metadata-document';
import { AnySsoProps } from '../model/sso-props';
import { IntegrationSettings } from './settings';

/**
 * Config blocks that hold an SP's own props, by preset: `aiven: { accountId }`
 * in config is the `accountId` prop of AivenSso. Every other prop has the same
 * path in config and in the props.
 */
const SP_BLOCKS: Readonly<Record<string, { readonly block: string; readonly props: readonly string[] }>> = {
  aiven: { block: 'aiven', props: ['accountId', 'methodId', 'idpLoginAllowed'] },
  snowflake: { block: 'snowflake', props: ['account', 'integrationName', 'loginPageLabel', 'scim'] },
};

/**
 * Where config writes a prop of an integration of `preset`: the config field
 * path that a problem found at `prop` (e.g. `accountId`) is reported at (e.g.
 * `aiven.accountId`).
 */
export function configFieldOf(preset: string | undefined, prop: string): string {
  const [head, ...rest] = prop.split('.');
  const block = ownEntry(SP_BLOCKS, preset);
  if (block?.props.includes(head)) return [block.block, head, ...rest].join('.');
  if (head === 'spMetadata' && rest.length === 0) return 'spMetadata.file';
  return prop;
}

/**
 * Every config field path a problem found at `prop` may be written at, most likely first:
 * configFieldOf's, then, for an SP with its own block, the same name inside the block (a prop
 * misspelt there, `aiven: { methodID }`, reaches the props under its own name).
 */
export function configFieldsOf(preset: string | undefined, prop: string): string[] {
  const field = configFieldOf(preset, prop);
  const block = ownEntry(SP_BLOCKS, preset);
  return block && field === prop ? [field, `${block.block}.${prop}`] : [field];
}

/**
 * An integration's merged config settings as the props of its SP's construct:
 * the preset's block flattened into the props, secret references as SecretRef,
 * the SP metadata file as a document. A secret written as a literal is left
 * out: the config layer has already reported it where it is written.
 */
export function propsFromSettings(settings: IntegrationSettings, spMetadata: SpMetadataDocument | undefined): { readonly preset?: string; readonly props: AnySsoProps } {
  // The rest is a new object already (own keys in order, `__proto__` as data): the props start as it, not as a copy of it.
  const { preset, spMetadata: _file, provisioning, ...rest } = settings;
  let props: Record<string, unknown> = rest;
  const block = ownEntry(SP_BLOCKS, preset);
  if (block) {
    const values = props[block.block];
    delete props[block.block];
    // Spread, not Object.assign: a `__proto__` key in config stays a key (reported as unknown), never the props' prototype.
    if (values && typeof values === 'object') props = { ...props, ...values };
  }
  if (spMetadata) props.spMetadata = spMetadata;
  if (provisioning) props.provisioning = provisioningProps(provisioning);
  return { preset, props: props as AnySsoProps };
}

function provisioningProps(p: NonNullable<IntegrationSettings['provisioning']>): AnySsoProps['provisioning'] {
  const { token, connector, ...rest } = p;
  const out: Record<string, unknown> = { ...rest };
  if (token !== undefined) setRef(out, 'token', token);
  if (connector) {
    const { auth, ...connectorRest } = connector;
    const c: Record<string, unknown> = { ...connectorRest };
    if (auth) {
      const { credential, ...authRest } = auth;
      const a: Record<string, unknown> = { ...authRest };
      if (credential !== undefined) setRef(a, 'credential', credential);
      c.auth = a;
    }
    out.connector = c;
  }
  return out as AnySsoProps['provisioning'];
}

/** `env:NAME` / `secret:<path>` as a SecretRef; anything else is a literal secret, already reported, and left out. */
function setRef(into: Record<string, unknown>, key: string, text: unknown): void {
  const ref = typeof text === 'string' ? SecretRef.parse(text) : undefined;
  if (ref) into[key] = ref;
}
