/**
 * cdktf-okta-sso: SSO (SAML) and SCIM provisioning for SaaS apps in Okta, as
 * cdktf constructs. Use the SP constructs in any TerraformStack; the config
 * directory (`okta-sso` CLI, `loadConfig`) builds the same constructs.
 */

// The SP constructs and their props.
export { AivenSso, validateAivenSsoProps } from './constructs/sp/aiven-sso';
export type { AivenSsoProps } from './constructs/sp/aiven-sso';
export { OmniSso, validateOmniSsoProps } from './constructs/sp/omni-sso';
export type { OmniSsoProps } from './constructs/sp/omni-sso';
export { AtlanSso, validateAtlanSsoProps } from './constructs/sp/atlan-sso';
export type { AtlanSsoProps } from './constructs/sp/atlan-sso';
export { SnowflakeSso, validateSnowflakeSsoProps } from './constructs/sp/snowflake-sso';
export type { SnowflakeSsoProps } from './constructs/sp/snowflake-sso';
export { OnPremSso, validateOnPremSsoProps } from './constructs/sp/onprem-sso';
export type { OnPremSsoProps, OnPremProvisioningProps } from './constructs/sp/onprem-sso';
export { GenericSamlSso, validateGenericSamlSsoProps } from './constructs/sp/generic-saml-sso';
export type { GenericSamlSsoProps } from './constructs/sp/generic-saml-sso';
export { SsoIntegration, SsoPropsError } from './constructs/sp/sso-integration';
export type { ISsoIntegration, RulesSubject } from './constructs/sp/sso-integration';
// The parts an integration exposes (its public fields), for escape hatches.
export { GroupAssignments } from './constructs/group-assignments';
export { Provisioning } from './constructs/provisioning/provisioning';
export { IdpRecord } from './constructs/idp-record/idp-record';
export type { IntegrationModel } from './model/types';
export type {
  SsoIntegrationProps,
  OktaGroupProps,
  UsernameProps,
  NameIdProps,
  SigningProps,
  AttributeStatementProps,
  GroupAttributeProps,
  CatalogAppProps,
  RuleSuppressionProps,
  AdoptProps,
  ProvisioningProps,
  ProvisioningFeaturesProps,
  PushGroupProps,
  ScimConnectorProps,
  ScimConnectorAuthProps,
  AttributeSyncProps,
  IdpRecordProps,
  IdpValueName,
} from './model/sso-props';

// Stack-wide settings: provider version, environment name, runbook.
export { SsoEnvironment } from './constructs/sso-environment';
export type { SsoEnvironmentProps } from './constructs/sso-environment';

// Values users pick from, and typed inputs.
export {
  AivenConsole,
  AppStatus,
  AttributeNameFormat,
  AttributePush,
  AttributeType,
  ConnectorAuthType,
  DigestAlgorithm,
  GroupFilterType,
  NameIdFormat,
  ProvisioningMethod,
  SignatureAlgorithm,
  UsernameFormat,
} from './model/choices';
export { SecretRef } from './model/provisioning/secret-ref';
export { SpMetadataDocument } from './model/sp-metadata-document';
export { parseSpMetadata, SpMetadataError } from './model/sp-metadata';
export type { SpMetadata } from './model/sp-metadata';

// Rules.
export { RuleId, RULE_CATALOG, SUPPRESSIBLE_RULES } from './model/rule-catalog';
export type { RuleInfo, RuleLevel } from './model/rule-catalog';
export type { FieldProblem } from './model/problem';
export type { IntegrationEvaluation, IntegrationFinding } from './rules/evaluate-integration';

// The config directory, as the okta-sso CLI reads it.
export { loadConfig, readConfig } from './config/load-config';
export { ConfigError } from './config/problems';
export type { ConfigProblem } from './config/problems';
export { OktaEnvironmentStack, OKTA_PROVIDER_CONSTRAINT } from './stacks/okta-environment-stack';
export type { OktaEnvironmentStackProps } from './stacks/okta-environment-stack';
export { HcpBackend } from './stacks/hcp-backend';
export type { HcpBackendProps } from './stacks/hcp-backend';
export { buildApp, checkApp, EnvironmentSelectionError, synthToDisk } from './synth/synth';
export type { SynthOptions, AppCheck } from './synth/synth';
export { idpRecordOutputName } from './model/idp-record';
