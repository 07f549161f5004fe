import { PRESETS } from '../model/presets';
import { ProvisioningValues } from '../model/presets/preset';
import { ProvisioningCapability } from '../model/provisioning/capability';
import { ProvisioningPlacement, apiSupportsProvisioning, oauthOnlyApp, placeProvisioning } from '../model/provisioning/placement';
import { describeSecretRef } from '../model/provisioning/secret-ref';
import { AttributeSyncModel, EnvironmentModel, IntegrationModel, ProvisioningFeature, ProvisioningModel, UsernameSettings } from '../model/types';

/** What a runbook needs of an environment: its name and its integrations, in key order. */
export type RunbookEnvironment = Pick<EnvironmentModel, 'name' | 'integrations'>;
import { provisioningOutputName, scimTokenVariableName } from '../model/terraform-names';
import { idpRecordStep } from './idp-record-step';
import { RunbookApp, declaredApp } from './okta-app';
import { Runbook, RunbookStep } from './types';

const FEATURE_LABELS: ReadonlyArray<[ProvisioningFeature, string]> = [
  ['createUsers', 'Create Users'],
  ['updateAttributes', 'Update User Attributes'],
  ['deactivateUsers', 'Deactivate Users'],
  ['syncPassword', 'Sync Password'],
];

const NO_IMPORT_GROUPS_API = 'Okta has no API for Import Groups (no Terraform resource in any okta/okta version), so only the Admin Console sets it.';

const onOff = (on: boolean) => (on ? 'on' : 'off');

function usernameWords(u: UsernameSettings): string {
  if (u.format === 'email') return 'Email';
  if (u.format === 'login') return 'Okta username';
  return `Custom: ${u.template}`;
}

/** Everything a step builder needs about one integration. */
interface Subject {
  readonly env: RunbookEnvironment;
  readonly integration: IntegrationModel;
  /** The Okta app as Terraform applies it. */
  readonly app: RunbookApp;
  readonly provisioning: ProvisioningModel;
  readonly capability: ProvisioningCapability;
  readonly sp: string;
  readonly placement?: ProvisioningPlacement;
  readonly output: string;
  readonly openApp: string;
}

function step(s: Subject, slug: string, rest: Omit<RunbookStep, 'id' | 'integration'>): RunbookStep {
  return { id: `${s.integration.key}.${slug}`, integration: s.integration.key, ...rest };
}

function tokenWhere(s: Subject): string {
  return s.provisioning.token ? describeSecretRef(s.provisioning.token) : 'not set in config';
}

/** Confirms the admin is in the right app, showing what Terraform applied (check only). */
function openAppStep(s: Subject): RunbookStep {
  const { catalogApp } = s.integration.saml;
  const { app } = s;
  const values: Record<string, string> = { 'Okta app': `${app.label} (app ID: output ${s.output}.app_id)`, 'ACS URL (Single sign-on URL)': app.acsUrl };
  // Terraform sets the audience of a custom SAML app only; a catalog app takes it from the catalog.
  if (!catalogApp) values['Audience URI (SP Entity ID)'] = app.audience;
  if (app.relayState !== undefined) values['Default relay state'] = app.relayState;
  values['Application username format'] = usernameWords(app.username);
  const actions = [
    `${s.openApp}.`,
    `Check that ${catalogApp ? 'the Sign On tab shows' : 'General tab > SAML Settings and the Sign On tab (Credentials Details) show'} the values below: Terraform applies them (okta_app_saml.${s.integration.key}); if they differ, run terraform plan instead of editing them here.`,
  ];
  // Said where the values are: a reviewer comparing them with config sees why they differ.
  if (app.overridden.length > 0) {
    actions.push(
      `Keep in mind: code overrides the props for ${app.overridden.join(', ')} (an escape hatch on okta_app_saml.${s.integration.key}): the values below are what Terraform applies, not what the props declare.`,
    );
  }
  if (PRESETS[s.integration.preset]?.permanentUsernames) {
    actions.push(`Never change the Application username format or template: ${s.sp} usernames are permanent once provisioned.`);
  }
  return step(s, 'open-app', {
    title: `Open ${app.label} in the Okta Admin Console`,
    why: 'Every following step is done in this app; its sign-on settings are shown so you can confirm it is the right app in the right org.',
    actions,
    values,
    terraformOutput: s.output,
    checkOnly: true,
  });
}

/** Values the preset computes for this integration (Snowflake: its SCIM integration's name and SCIM URL). */
function presetValues(s: Subject): ProvisioningValues {
  return PRESETS[s.integration.preset]?.provisioningValues?.(s.integration) ?? {};
}

function tokenStep(s: Subject): RunbookStep {
  const managed = s.placement?.connection === 'terraform';
  const values: Record<string, string> = { 'Token location': tokenWhere(s) };
  const actions = [
    `In ${s.sp}, create ${presetValues(s).tokenSource ?? s.capability.tokenSource ?? 'a SCIM API token for Okta'}.`,
    `Store it at the token location below; never paste it into config, a ticket or a chat.`,
  ];
  if (managed) {
    const variable = scimTokenVariableName(s.integration.key);
    values['Terraform variable'] = `${variable} (sensitive; no default)`;
    actions.push(`Before terraform plan or apply, set TF_VAR_${variable} from the token location.`);
  }
  return step(s, 'scim-token', {
    title: `Get the SCIM token from ${s.sp}`,
    why: `Only ${s.sp} can issue the token; its value never enters config, the Terraform JSON or this runbook.`,
    actions,
    values,
  });
}

/** A catalog app's "Configure API Integration" form. */
function apiIntegrationStep(s: Subject): RunbookStep {
  const key = s.integration.saml.catalogApp?.key;
  if (oauthOnlyApp(key)) {
    return step(s, 'enable-api-integration', {
      title: 'Enable the API integration (OAuth consent)',
      why: `The provisioning connection of the catalog app ${key} is OAuth 2.0 only: an admin of the app must grant consent in the browser.`,
      actions: ['Provisioning tab > Configure API Integration.', 'Check Enable API Integration.', 'Click Authenticate and sign in as an admin of the app to grant consent.', 'Click Save.'],
      values: { 'Enable API Integration': 'on', Authentication: 'OAuth 2.0 consent by an admin of the app' },
      terraformOutput: s.output,
    });
  }
  const values: Record<string, string> = { 'Enable API Integration': 'on', 'API Token': tokenWhere(s) };
  if (s.provisioning.scimBaseUrl) values['Base URL'] = s.provisioning.scimBaseUrl;
  values['Test API Credentials'] = 'must succeed before saving';
  return step(s, 'enable-api-integration', {
    title: 'Enable the API integration',
    why: apiSupportsProvisioning(s.integration)
      ? `Okta's API could apply this for ${key}, but config leaves it to an admin (set provisioning.terraformManaged: true to let Terraform do it).`
      : `Okta's API accepts a token provisioning connection only for the catalog apps okta_org2org and zscalerbyz; ${key} is not one of them.`,
    actions: [
      'Provisioning tab > Configure API Integration.',
      'Check Enable API Integration.',
      'API Token: paste the token from the token location.',
      'Click Test API Credentials and wait for the success message.',
      'Click Save.',
    ],
    values,
    terraformOutput: s.output,
  });
}

/** A custom SAML app's SCIM connection (cloud SP). */
function scimConnectionSteps(s: Subject): RunbookStep[] {
  const where = s.capability.scimBaseUrlSource ?? `${s.sp}'s SCIM settings, where it issues the token`;
  const base = s.provisioning.scimBaseUrl ?? presetValues(s).scimBaseUrl ?? `not in config: copy it from ${where} (record it as provisioning.scimBaseUrl to have it here)`;
  const f = s.provisioning.features;
  return [
    step(s, 'enable-scim', {
      title: 'Turn on SCIM provisioning for the app',
      why: `Okta's API accepts no provisioning connection for custom SAML apps such as ${s.sp}, in any okta/okta version.`,
      actions: ['General tab > App Settings > Edit.', 'Provisioning: select SCIM.', 'Click Save.'],
      values: { Provisioning: 'SCIM' },
      terraformOutput: s.output,
    }),
    step(s, 'scim-connection', {
      title: `Connect Okta to ${s.sp}'s SCIM API`,
      why: `Okta's API accepts no provisioning connection for custom SAML apps such as ${s.sp}; the token must be entered by hand.`,
      actions: [
        'Provisioning tab > Integration > Edit.',
        'Enter the values below.',
        'Click Test Connector Configuration and check that it succeeds for the actions below.',
        'Click Save.',
        ...s.capability.notes.map((n) => `Keep in mind: ${n}`),
      ],
      values: {
        'SCIM connector base URL': base,
        'Unique identifier field for users': 'userName',
        'Push New Users': onOff(f.createUsers),
        'Push Profile Updates': onOff(f.updateAttributes),
        'Push Groups': onOff(s.provisioning.pushGroups.length > 0),
        'Authentication Mode': 'HTTP Header',
        'Authorization (Bearer token)': tokenWhere(s),
      },
    }),
  ];
}

/** An on-premises app, through the Okta Provisioning Agent and a SCIM connector. */
function onPremSteps(s: Subject): RunbookStep[] {
  const c = s.provisioning.connector!;
  const authValues: Record<string, string> =
    c.auth.type === 'basic'
      ? { 'Authorization type': 'Basic Auth', 'Basic Auth username and password': describeSecretRef(c.auth.credential) }
      : c.auth.type === 'header'
        ? { 'Authorization type': 'HTTP Header', 'HTTP header name': c.auth.headerName, 'HTTP header value': describeSecretRef(c.auth.credential) }
        : { 'Authorization type': 'None' };
  const why = 'On-premises provisioning is configured only in the Admin Console: Okta has no API for the agent or the SCIM connector settings.';
  return [
    step(s, 'provisioning-agent', {
      title: 'Check the Okta Provisioning Agent',
      why,
      actions: [
        'Dashboard > Agents: the Okta Provisioning Agent that serves this app is listed and active.',
        `From the agent's host, the SCIM connector base URL below answers (the agent forwards SCIM messages there).`,
      ],
      values: { 'SCIM connector base URL': c.baseUrl },
    }),
    step(s, 'enable-on-prem-provisioning', {
      title: 'Turn on on-premises provisioning for the app',
      why,
      actions: ['General tab > App Settings > Edit.', 'Provisioning: select On-Premises Provisioning.', 'Click Save.'],
      values: { Provisioning: 'On-Premises Provisioning' },
      terraformOutput: s.output,
    }),
    step(s, 'configure-scim-connector', {
      title: 'Configure SCIM Connector',
      why,
      actions: [
        'Provisioning tab: Okta detects the agent; click Configure SCIM Connector.',
        'Enter the values below; take the credential from its location, never from config.',
        ...s.capability.notes.map((n) => `Keep in mind: ${n}`),
      ],
      values: { 'SCIM connector base URL': c.baseUrl, ...authValues, 'Unique user field name': c.uniqueUserField },
    }),
    step(s, 'test-connector', {
      title: 'Test the SCIM connector',
      why,
      actions: ['In the same form, click Test Connector Configuration and check that every enabled action succeeds.', 'Click Save.'],
      values: { 'Test Connector Configuration': 'must succeed before saving' },
    }),
  ];
}

function importGroupsStep(s: Subject): RunbookStep {
  const forbidden = s.capability.importGroups === 'forbidden';
  const on = s.provisioning.importGroups;
  return step(s, 'import-groups', {
    title: on ? 'Turn Import Groups on' : 'Keep Import Groups off',
    why: `${NO_IMPORT_GROUPS_API}${forbidden ? ` ${s.sp} requires it off: groups it does not manage through SCIM cannot be imported.` : ''}`,
    actions: [`Provisioning tab > Integration: Import Groups ${on ? 'checked' : 'unchecked'}.`, 'Click Save if you changed it.'],
    values: { 'Import Groups': onOff(on) },
  });
}

function featuresStep(s: Subject): RunbookStep {
  const f = s.provisioning.features;
  const values: Record<string, string> = Object.fromEntries(FEATURE_LABELS.map(([k, label]) => [label, f[k] ? 'Enable' : 'off']));
  if (s.provisioning.enhancedGroupPush) values['Enhanced group push'] = 'on';
  return step(s, 'to-app-features', {
    title: 'Choose the provisioning features (To App)',
    why:
      s.capability.connection === 'on-prem'
        ? 'Okta has no API for the provisioning features of an on-premises app.'
        : `Okta's Application Features API accepts only a few catalog apps (okta_org2org, zscalerbyz, google, office365, slack, zoomus); ${s.sp} ${s.integration.saml.catalogApp ? 'is not Terraform-managed here' : 'is a custom SAML app'}.`,
    actions: ['Provisioning tab > To App > Edit.', ...FEATURE_LABELS.map(([k, label]) => `${label}: ${f[k] ? 'check Enable' : 'leave unchecked'}.`), 'Click Save.'],
    values,
  });
}

function pushGroupsPendingStep(s: Subject): RunbookStep {
  const values: Record<string, string> = Object.fromEntries(
    s.provisioning.pushGroups.map((g) => [`Push group ${g.group}`, `${s.sp} group ${g.targetGroupId !== undefined ? `with ID ${g.targetGroupId}` : g.target}${g.deleteTargetGroupOnDestroy ? ' (deleted in the SP when the mapping is removed)' : ' (kept in the SP when the mapping is removed)'}`]),
  );
  return step(s, 'push-groups', {
    title: 'Let Terraform push groups once provisioning works',
    why: `Okta accepts push group mappings (okta_push_group) only on an app whose provisioning is already enabled, and Okta's API cannot enable it for ${s.sp}.`,
    actions: [
      `After the steps above succeed, set provisioning.connected: true for ${s.integration.key} in environment ${s.env.name} and apply: Terraform then creates the push group mappings below.`,
      'Do not create these mappings by hand: Terraform would then fail on duplicates.',
    ],
    values,
  });
}

function attributeSyncPendingStep(s: Subject, attributes: readonly AttributeSyncModel[]): RunbookStep {
  const values: Record<string, string> = Object.fromEntries(
    attributes.map((a) => [`Attribute ${a.attribute}`, `from ${a.from}, pushed ${a.push === 'always' ? 'on create and update' : 'on create only'}${a.custom ? ' (custom attribute, added to the app user profile)' : ''}`]),
  );
  return step(s, 'attribute-sync', {
    title: 'Let Terraform sync attributes once provisioning works',
    why: `The Okta app user profile of ${s.app.label} gets its SCIM attributes only once provisioning is enabled, and Okta's API cannot enable it for ${s.sp}: profile mappings (okta_profile_mapping) applied earlier would target attributes that do not exist yet.`,
    actions: [
      `After the steps above succeed, set provisioning.connected: true for ${s.integration.key} in environment ${s.env.name} and apply: Terraform then applies the attribute mappings below.`,
      'Do not map these attributes by hand in Profile Editor > Mappings: Terraform manages them.',
    ],
    values,
  });
}

function firstLoginStep(s: Subject): RunbookStep {
  return step(s, 'first-login', {
    title: `Turn on first-login provisioning in ${s.sp}`,
    why: `A setting in ${s.sp}'s own admin UI; there is no Okta API or Terraform resource for it.`,
    actions: [
      `In ${s.sp}, ${s.capability.firstLoginSetup ?? 'turn on creating users at their first SAML sign-in'}.`,
      `In Okta, leave provisioning off for ${s.app.label} (app ID: output ${s.output}.app_id): users are created in ${s.sp} when they first sign in.`,
    ],
    values: { 'Provisioning in Okta': 'off', 'Users created in the SP': 'at first SAML sign-in' },
    terraformOutput: s.output,
  });
}

/**
 * The ordered admin steps for one integration (empty when Terraform does everything or nothing is provisioned).
 * `app` is the Okta app as Terraform applies it, when an escape hatch changed it past the props.
 */
export function integrationSteps(env: RunbookEnvironment, integration: IntegrationModel, app: RunbookApp = declaredApp(integration.saml)): RunbookStep[] {
  const provisioning = integration.provisioning;
  const preset = PRESETS[integration.preset];
  if (!provisioning || provisioning.method === 'none' || !preset?.provisioning) return [];
  const s: Subject = {
    env,
    integration,
    app,
    provisioning,
    capability: preset.provisioning,
    sp: preset.displayName,
    placement: placeProvisioning(integration),
    output: provisioningOutputName(integration.key),
    // Okta does not keep labels unique (another environment on the org, a hand-made app): the app ID picks the one.
    openApp: `Okta Admin Console > Applications > Applications > ${app.label}, the app whose ID is ${env.name}'s output ${provisioningOutputName(integration.key)}.app_id (apps can share a label: the Admin Console shows an app's ID in its address, after /instance/)`,
  };
  if (provisioning.method === 'first-login') return [firstLoginStep(s)];

  const steps: RunbookStep[] = [openAppStep(s)];
  if (s.capability.connection === 'on-prem') {
    steps.push(...onPremSteps(s));
  } else {
    if (!oauthOnlyApp(integration.saml.catalogApp?.key)) steps.push(tokenStep(s));
    if (s.placement?.connection === 'runbook') steps.push(...(integration.saml.catalogApp ? [apiIntegrationStep(s)] : scimConnectionSteps(s)));
  }
  steps.push(importGroupsStep(s));
  if (s.placement?.features === 'runbook') steps.push(featuresStep(s));
  if (s.placement?.pushGroups === 'runbook' && provisioning.pushGroups.length > 0) steps.push(pushGroupsPendingStep(s));
  const attributes = integration.attributeSync ?? [];
  if (s.placement?.attributeSync === 'runbook' && attributes.length > 0) steps.push(attributeSyncPendingStep(s, attributes));
  return steps;
}

/** One integration's steps: the SP's side of SSO (its IdP record, unless Terraform applies it), then the provisioning steps. */
export function runbookStepsOf(env: RunbookEnvironment, integration: IntegrationModel, app?: RunbookApp): RunbookStep[] {
  const idp = idpRecordStep(env, integration);
  const steps = [...(idp ? [idp] : []), ...integrationSteps(env, integration, app)];
  return integration.adopt ? steps.map(checkOnAdoptedApp) : steps;
}

/**
 * A step on an adopted app was most likely done by hand before adoption, and
 * Okta's API does not show its result (the SCIM connection, Import Groups, the
 * SP's record of Okta): it stays in the runbook as something to check first,
 * and to do only where it is not done (a step that config added since).
 */
function checkOnAdoptedApp(step: RunbookStep): RunbookStep {
  return {
    ...step,
    title: `Check: ${step.title.charAt(0).toLowerCase()}${step.title.slice(1)}`,
    why: `The app was live before it was adopted, so this may be done already, and Okta's API does not show it to Terraform or to okta-sso adopt: check it. ${step.why}`,
    actions: [
      'Adopted app: check whether the app already matches each instruction and value below; do only what is not done yet, and where the app differs on purpose, change the config instead.',
      ...step.actions,
    ],
  };
}

/** The runbook of one environment, in the model's (sorted) integration order. */
export function environmentRunbook(env: RunbookEnvironment): Runbook {
  return { environment: env.name, steps: env.integrations.flatMap((i) => runbookStepsOf(env, i)) };
}
