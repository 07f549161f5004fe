/**
 * The construct library: use these from your own cdktf app when the config
 * directory format is not enough. The `okta-sso` CLI and `main.ts` use the same.
 */
export { SamlApp, SamlAppProps } from './constructs/saml-app';
export { GroupAssignments, GroupAssignmentsProps } from './constructs/group-assignments';
export { OktaGroups } from './constructs/okta-groups';
export { SaasIntegration, SaasIntegrationProps } from './constructs/saas-integration';
export { MovedBlock, MovedBlockProps } from './constructs/moved-block';
export { OktaEnvironmentStack, OktaEnvironmentStackProps, OKTA_PROVIDER_CONSTRAINT } from './stacks/okta-environment-stack';
export { loadConfig, readConfig } from './config/load-config';
export { ConfigError, ConfigProblem } from './config/problems';
export { buildApp, synthToDisk, SynthOptions } from './synth/synth';
export { PRESETS } from './model/presets';
export * from './model/types';
export { IdpRecord, IdpRecordProps } from './constructs/idp-record/idp-record';
export { SnowflakeIdpRecord, SnowflakeIdpRecordProps } from './constructs/idp-record/snowflake-idp-record';
export { oktaIdpValues, OktaIdpValues } from './constructs/idp-record/okta-idp-values';
export { parseSpMetadata, SpMetadata, SpMetadataError } from './model/sp-metadata';
export { IdpRecordSpec, IdpRecordField, idpRecordOutputName } from './model/idp-record';
