/**
 * The construct library: use these from your own cdktf app when the config
 * directory format is not enough. The `okta-sso` CLI and `main.ts` use the same.
 */
export { SamlApp } from './constructs/saml-app';
export type { SamlAppProps } from './constructs/saml-app';
export { GroupAssignments } from './constructs/group-assignments';
export type { GroupAssignmentsProps } from './constructs/group-assignments';
export { OktaGroups } from './constructs/okta-groups';
export { SaasIntegration } from './constructs/saas-integration';
export type { SaasIntegrationProps } from './constructs/saas-integration';
export { MovedBlock } from './constructs/moved-block';
export type { MovedBlockProps } from './constructs/moved-block';
export { OktaEnvironmentStack, OKTA_PROVIDER_CONSTRAINT } from './stacks/okta-environment-stack';
export type { OktaEnvironmentStackProps } from './stacks/okta-environment-stack';
export { HcpBackend } from './stacks/hcp-backend';
export type { HcpBackendProps } from './stacks/hcp-backend';
export { loadConfig, readConfig } from './config/load-config';
export { ConfigError } from './config/problems';
export type { ConfigProblem } from './config/problems';
export { buildApp, synthToDisk } from './synth/synth';
export type { SynthOptions } from './synth/synth';
export { PRESETS } from './model/presets';
export type * from './model/types';
export { IdpRecord } from './constructs/idp-record/idp-record';
export type { IdpRecordProps } from './constructs/idp-record/idp-record';
export { SnowflakeIdpRecord } from './constructs/idp-record/snowflake-idp-record';
export type { SnowflakeIdpRecordProps } from './constructs/idp-record/snowflake-idp-record';
export { oktaIdpValues } from './constructs/idp-record/okta-idp-values';
export type { OktaIdpValues } from './constructs/idp-record/okta-idp-values';
export { parseSpMetadata, SpMetadataError } from './model/sp-metadata';
export type { SpMetadata } from './model/sp-metadata';
export { idpRecordOutputName } from './model/idp-record';
export type { IdpRecordSpec, IdpRecordField } from './model/idp-record';
