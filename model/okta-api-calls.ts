/**
 * The Okta API calls a `terraform plan` makes to refresh one synthesized stack,
 * counted from the okta/okta provider's Read functions at v6.12.0 (the newest
 * source readable here; docs/okta-api-calls.md lists each call's method, path,
 * rate-limit bucket and source). Pure: one parsed cdk.tf.json in, figures out.
 *
 * The estimate is for a steady-state plan: every resource already in state (or
 * imported by an `import` block, whose Read makes the same calls), no retries
 * after a 429, and live objects shaped as the config says (an app's assigned
 * groups are the ones listed). Resources still to be created cost nothing on
 * refresh.
 */
import { ownEntry } from './own-entry';
import { isPlainObject } from './prop-strings';

/** The provider release whose source the counts come from. */
export const OKTA_SOURCE_RELEASE = 'v6.12.0';

/** Okta's page size for the list calls below (okta/utils/utils.go `DefaultPaginationLimit`). */
export const OKTA_PAGE_SIZE = 200;

/** A function of the okta/okta source that makes (or decides on) calls, path relative to the repository root. */
export interface SourceRef {
  readonly file: string;
  readonly function: string;
}

/** One HTTP call a Read makes; `bucket` is its rate-limit bucket in okta/internal/apimutex/rate_limit_lines.go ('/' when not listed there). */
export interface ApiCall {
  readonly method: 'GET';
  readonly path: string;
  readonly bucket: string;
  /** When the call is made, if not always. */
  readonly when?: string;
}

/** What refreshing one instance of a Terraform type costs. */
export interface RefreshCost {
  /** Calls per instance, for people: the same text on every row of the type. */
  readonly callsEach: string;
  readonly calls: readonly ApiCall[];
  /** The cdk.tf.json attributes (or live facts) that change the count. */
  readonly conditions: string;
  readonly sources: readonly SourceRef[];
  /** Calls for one instance, from its block in cdk.tf.json. */
  readonly each: (block: Readonly<Record<string, unknown>>) => number;
}

const IDAAS = 'okta/services/idaas';
const APP_GROUPS_CALL: ApiCall = { method: 'GET', path: `/api/v1/apps/{appId}/groups?limit=${OKTA_PAGE_SIZE}`, bucket: '/api/v1/apps', when: `once per page of ${OKTA_PAGE_SIZE} groups` };
const one = (): number => 1;

/** Pages of `OKTA_PAGE_SIZE` for `n` items: an empty list is still one call. */
export function pagesOf(n: number): number {
  return Math.max(1, Math.ceil(n / OKTA_PAGE_SIZE));
}

/** Managed resources, by Terraform type. */
export const OKTA_RESOURCE_REFRESH: Readonly<Record<string, RefreshCost>> = {
  okta_app_saml: {
    callsEach: '3 (2 when status is INACTIVE)',
    calls: [
      { method: 'GET', path: '/api/v1/apps/{appId}', bucket: '/api/v1/apps/{id}' },
      { method: 'GET', path: '/api/v1/apps/{appId}/sso/saml/metadata?kid={kid}', bucket: '/api/v1/apps', when: 'the app has a signing key and is not INACTIVE' },
      { method: 'GET', path: '/api/v1/apps/{appId}/credentials/keys', bucket: '/api/v1/apps' },
    ],
    conditions:
      'status "INACTIVE" skips the metadata call (so does an app without a signing key, which Okta gives every SAML app); skip_authentication_policy changes no per-app call (it only skips the cached per-run org check)',
    sources: [
      { file: `${IDAAS}/resource_okta_app_saml.go`, function: 'resourceAppSamlRead' },
      { file: `${IDAAS}/app.go`, function: 'fetchAppByID' },
      { file: 'sdk/metadata.go', function: 'GetSAMLMetadata' },
      { file: `${IDAAS}/app.go`, function: 'fetchAppKeys' },
    ],
    each: (block) => (block.status === 'INACTIVE' ? 2 : 3),
  },
  okta_app_group_assignments: {
    callsEach: `1 per ${OKTA_PAGE_SIZE} assigned groups`,
    calls: [APP_GROUPS_CALL],
    conditions: `the number of groups assigned to the app in Okta (all of them, also those assigned outside Terraform; estimated from \`group\`): more than ${OKTA_PAGE_SIZE} costs a second page`,
    sources: [
      { file: `${IDAAS}/resource_okta_app_group_assignments.go`, function: 'resourceAppGroupAssignmentsRead' },
      { file: `${IDAAS}/app.go`, function: 'listApplicationGroupAssignments' },
    ],
    each: (block) => pagesOf(Array.isArray(block.group) ? block.group.length : 0),
  },
  okta_group: {
    callsEach: '1',
    calls: [{ method: 'GET', path: '/api/v1/groups/{groupId}', bucket: '/api/v1/groups/{id}' }],
    conditions: 'none (skip_users is a no-op in 6.x and lists no users)',
    sources: [{ file: `${IDAAS}/resource_okta_group.go`, function: 'resourceGroupRead' }],
    each: one,
  },
  okta_push_group: {
    callsEach: '1',
    calls: [{ method: 'GET', path: '/api/v1/apps/{appId}/group-push/mappings/{mappingId}', bucket: '/' }],
    conditions: 'none',
    sources: [{ file: `${IDAAS}/resource_okta_push_group.go`, function: 'pushGroupResource.Read' }],
    each: one,
  },
  okta_profile_mapping: {
    callsEach: '1',
    calls: [{ method: 'GET', path: '/api/v1/mappings/{mappingId}', bucket: '/api/v1' }],
    conditions: 'none (delete_when_absent only filters what is kept)',
    sources: [{ file: `${IDAAS}/resource_okta_profile_mapping.go`, function: 'resourceProfileMappingRead' }],
    each: one,
  },
  okta_app_user_schema_property: {
    callsEach: '1',
    calls: [{ method: 'GET', path: '/api/v1/meta/schemas/apps/{appId}/default', bucket: '/api/v1' }],
    conditions: 'none; each property of one app fetches that app\'s whole schema again',
    sources: [{ file: `${IDAAS}/resource_okta_app_user_custom_schema_property.go`, function: 'resourceAppUserSchemaPropertyRead' }],
    each: one,
  },
  okta_app_features: {
    callsEach: '1',
    calls: [{ method: 'GET', path: '/api/v1/apps/{appId}/features/{name}', bucket: '/api/v1/apps' }],
    conditions: 'none',
    sources: [{ file: `${IDAAS}/resource_okta_app_features.go`, function: 'appFeatures.Read' }],
    each: one,
  },
  okta_app_connection: {
    callsEach: '1',
    calls: [{ method: 'GET', path: '/api/v1/apps/{appId}/connections/default', bucket: '/api/v1/apps' }],
    conditions: 'none',
    sources: [{ file: `${IDAAS}/resource_okta_app_connection.go`, function: 'appConnections.Read' }],
    each: one,
  },
};

/** Data sources, by Terraform type; Terraform reads every one on each plan. */
export const OKTA_DATA_REFRESH: Readonly<Record<string, RefreshCost>> = {
  okta_group: {
    callsEach: `1 (+1 per ${OKTA_PAGE_SIZE} members with include_users)`,
    calls: [
      { method: 'GET', path: '/api/v1/groups?q={name}', bucket: '/api/v1/groups', when: 'looked up by name: one page only, never followed' },
      { method: 'GET', path: '/api/v1/groups/{groupId}', bucket: '/api/v1/groups/{id}', when: 'looked up by `id` instead of `name`' },
      { method: 'GET', path: `/api/v1/groups/{groupId}/users?limit=${OKTA_PAGE_SIZE}`, bucket: '/', when: `include_users is true, once per page of ${OKTA_PAGE_SIZE} members` },
    ],
    conditions: `include_users = true adds the member pages (counted here as one: the member count is not in the config); \`id\` instead of \`name\` is one call too`,
    sources: [
      { file: `${IDAAS}/data_source_okta_group.go`, function: 'dataSourceGroupRead' },
      { file: `${IDAAS}/data_source_okta_group.go`, function: 'findGroup' },
      { file: `${IDAAS}/group.go`, function: 'listGroupUsers' },
    ],
    each: (block) => (block.include_users === true ? 2 : 1),
  },
  okta_user_profile_mapping_source: {
    callsEach: `1 (+1 per further ${OKTA_PAGE_SIZE} mappings until one involves the user profile)`,
    calls: [{ method: 'GET', path: `/api/v1/mappings?limit=${OKTA_PAGE_SIZE}`, bucket: '/api/v1', when: 'pages on only while no mapping on the page has the user profile as source or target' }],
    conditions: 'none in config; a second page only in an org whose first 200 mappings all avoid the user profile',
    sources: [{ file: `${IDAAS}/data_source_okta_user_profile_mapping_source.go`, function: 'dataSourceUserProfileMappingSourceRead' }],
    each: one,
  },
};

/** Calls once per configured okta provider, whatever the stack holds. */
export const OKTA_PER_RUN: Readonly<Record<'credentials' | 'orgPipeline', Omit<RefreshCost, 'each'> & { readonly type: string }>> = {
  credentials: {
    type: 'okta provider (per run): credential check',
    callsEach: '2 (with an API token; 0 with OAuth 2.0 or an access token)',
    calls: [
      { method: 'GET', path: '/api/v1/users/me', bucket: '/api/v1/users/me', when: 'API token (OKTA_API_TOKEN), through the v3 SDK' },
      { method: 'GET', path: '/api/v1/users/me', bucket: '/api/v1/users/me', when: 'API token (OKTA_API_TOKEN), through the v2 SDK' },
    ],
    conditions: 'the credential type, which comes from the environment, not cdk.tf.json: counted as an API token',
    sources: [
      { file: 'okta/provider/provider.go', function: 'providerConfigure' },
      { file: 'okta/config/config.go', function: 'Config.VerifyCredentials' },
    ],
  },
  orgPipeline: {
    type: 'okta provider (per run): classic or OIE org',
    callsEach: '1 (cached for the run once it succeeds)',
    calls: [{ method: 'GET', path: '/.well-known/okta-organization', bucket: '/' }],
    conditions: 'made by the first okta_app_saml read without skip_authentication_policy; repeated while it fails, and concurrent first reads may each make it',
    sources: [
      { file: `${IDAAS}/app_authentication_policy.go`, function: 'setAuthenticationPolicy' },
      { file: 'okta/config/config.go', function: 'Config.IsClassicOrg' },
    ],
  },
};

/** A row of the estimate: one Terraform type (`okta_app_saml`, `data.okta_group`) or one per-run call. */
export interface RefreshCallRow {
  readonly type: string;
  /** Instances (or provider configurations, for a per-run row). */
  readonly count: number;
  readonly callsEach: string;
  readonly calls: number;
  /** An okta type the table does not know: counted as 1 call each, a lower bound. */
  readonly unknown?: true;
}

export interface RefreshCallEstimate {
  /** Okta API calls: the sum of `rows[].calls` (other providers' rows are 0). */
  readonly total: number;
  readonly rows: ReadonlyArray<RefreshCallRow>;
  /** The rows flagged `unknown`, by type: their calls are a lower bound, so `total` is too. */
  readonly unknownTypes: readonly string[];
}

/** An unknown okta type's `callsEach`: never 0, since every Read makes at least one call. */
export const UNKNOWN_CALLS_EACH = `at least 1 (not in the okta/okta ${OKTA_SOURCE_RELEASE} table: counted as 1)`;

/** The provider configuration a block uses (`okta`, `okta.second`), by Terraform's rule: its `provider`, else its type's prefix. */
function providerOf(type: string, block: Readonly<Record<string, unknown>>): string {
  return typeof block.provider === 'string' ? block.provider : type.split('_')[0];
}

/** Whether a provider local name means okta/okta, from `terraform.required_providers` (implied when not listed). */
function isOktaProvider(localName: string, required: Readonly<Record<string, unknown>>): boolean {
  const entry = ownEntry(required, localName);
  const source = isPlainObject(entry) && typeof entry.source === 'string' ? entry.source : localName === 'okta' ? 'okta/okta' : '';
  return /^(?:registry\.terraform\.io\/)?okta\/okta$/i.test(source);
}

/** Instances of one block: a literal `count` or `for_each`; one otherwise (an expression counts as one). */
function instancesOf(block: Readonly<Record<string, unknown>>): number {
  if (typeof block.count === 'number' && Number.isInteger(block.count) && block.count >= 0) return block.count;
  if (Array.isArray(block.for_each)) return new Set(block.for_each).size;
  if (isPlainObject(block.for_each)) return Object.keys(block.for_each).length;
  return 1;
}

interface Tally {
  count: number;
  calls: number;
}

/** Estimates the Okta API calls a `terraform plan` makes to refresh one stack (one parsed cdk.tf.json). */
export function estimateRefreshCalls(stack: unknown): RefreshCallEstimate {
  const root = isPlainObject(stack) ? stack : {};
  const terraform = isPlainObject(root.terraform) ? root.terraform : {};
  const required = isPlainObject(terraform.required_providers) ? terraform.required_providers : {};
  const known = new Map<string, Tally>();
  const unknown = new Map<string, Tally>();
  const other = new Map<string, Tally & { provider: string }>();
  const oktaProviders = new Set<string>();
  const samlProviders = new Set<string>();

  for (const [kind, table] of [['resource', OKTA_RESOURCE_REFRESH], ['data', OKTA_DATA_REFRESH]] as const) {
    const byType = isPlainObject(root[kind]) ? root[kind] : {};
    for (const [type, byName] of Object.entries(byType)) {
      if (!isPlainObject(byName)) continue;
      const label = kind === 'data' ? `data.${type}` : type;
      for (const block of Object.values(byName)) {
        if (!isPlainObject(block)) continue;
        const n = instancesOf(block);
        const provider = providerOf(type, block);
        const add = (into: Map<string, Tally>, calls: number) => {
          const t = into.get(label) ?? { count: 0, calls: 0 };
          into.set(label, { count: t.count + n, calls: t.calls + calls });
        };
        const localName = provider.split('.')[0];
        if (!isOktaProvider(localName, required)) {
          const t = other.get(label) ?? { count: 0, calls: 0, provider: localName };
          other.set(label, { ...t, count: t.count + n });
          continue;
        }
        if (n > 0) oktaProviders.add(provider);
        const cost = ownEntry(table, type);
        if (!cost) {
          add(unknown, n);
          continue;
        }
        add(known, n * cost.each(block));
        if (kind === 'resource' && type === 'okta_app_saml' && n > 0 && block.skip_authentication_policy !== true) samlProviders.add(provider);
      }
    }
  }

  const rows: RefreshCallRow[] = [];
  for (const [kind, table] of [['resource', OKTA_RESOURCE_REFRESH], ['data', OKTA_DATA_REFRESH]] as const) {
    for (const [type, cost] of Object.entries(table)) {
      const label = kind === 'data' ? `data.${type}` : type;
      const t = known.get(label);
      if (t) rows.push({ type: label, count: t.count, callsEach: cost.callsEach, calls: t.calls });
    }
  }
  // Each per-run call happens once per provider configuration: the credential check with an API token (both of its calls).
  const perRun = (key: keyof typeof OKTA_PER_RUN, providers: number) => {
    const { type, callsEach, calls } = OKTA_PER_RUN[key];
    if (providers > 0) rows.push({ type, count: providers, callsEach, calls: providers * calls.length });
  };
  perRun('credentials', oktaProviders.size);
  perRun('orgPipeline', samlProviders.size);
  const sorted = <T>(m: Map<string, T>) => [...m.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [type, t] of sorted(unknown)) rows.push({ type, count: t.count, callsEach: UNKNOWN_CALLS_EACH, calls: t.calls, unknown: true });
  for (const [type, t] of sorted(other)) rows.push({ type, count: t.count, callsEach: `0 (provider ${t.provider}: not an Okta API call)`, calls: 0 });

  return { total: rows.reduce((sum, r) => sum + r.calls, 0), rows, unknownTypes: sorted(unknown).map(([type]) => type) };
}
