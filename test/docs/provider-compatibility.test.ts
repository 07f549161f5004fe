import * as fs from 'fs';
import * as path from 'path';
import { Testing } from 'cdktf';
import { OktaPushGroup } from '../../constructs/provisioning/okta-push-group';
import { oktaTestStack } from '../helpers';
import { GENERIC, oneEnvConfig, synthConfig } from '../support/provisioning-config';

const DOC = fs.readFileSync(path.join(__dirname, '..', '..', 'docs', 'provider-compatibility.md'), 'utf8');
const META = new Set(['//', 'lifecycle', 'depends_on', 'provider', 'count', 'for_each']);

/** The doc's "Schema attribute names at <version>" list: type -> attribute paths. */
function documentedSchemas(version: string): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const section = DOC.split(`## Schema attribute names at ${version}\n`)[1]?.split('\n## ')[0] ?? '';
  for (const m of section.matchAll(/^- `([a-z_.]+)`: (.*)$/gm)) {
    out.set(m[1], new Set(m[2] === '(none)' ? [] : m[2].split(', ').map((s) => s.trim())));
  }
  return out;
}

/** Dotted attribute paths a synthesized block writes (nested objects and lists of objects flattened). */
function attributePaths(block: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(block).flatMap(([k, v]) => {
    if (!prefix && META.has(k)) return [];
    const p = prefix ? `${prefix}.${k}` : k;
    const items = Array.isArray(v) ? v : [v];
    const objects = items.filter((x) => x !== null && typeof x === 'object' && !Array.isArray(x)) as Record<string, unknown>[];
    if (objects.length > 0 && objects.length === items.length && !(v === null)) {
      // A JSON-encoded object attribute would be a string; objects here are blocks or object attributes.
      return objects.flatMap((o) => attributePaths(o, p));
    }
    return [p];
  });
}

/** Every (type, attribute path) written by a stack, resources, data sources and the provider. */
function written(stack: any): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const add = (type: string, block: Record<string, unknown>) => {
    const set = out.get(type) ?? new Set<string>();
    attributePaths(block).forEach((a) => set.add(a));
    out.set(type, set);
  };
  for (const [type, byName] of Object.entries(stack.resource ?? {})) for (const b of Object.values(byName as object)) add(type, b);
  for (const [type, byName] of Object.entries(stack.data ?? {})) for (const b of Object.values(byName as object)) add(`data.${type}`, b);
  for (const [type, blocks] of Object.entries(stack.provider ?? {})) for (const b of blocks as object[]) add(type, b as Record<string, unknown>);
  return out;
}

describe('docs/provider-compatibility.md is backed by the synthesized attribute names', () => {
  const stacks = [
    ...['dev', 'staging', 'prod'].map((env) => synthConfig(path.join(__dirname, '..', '..', 'examples', 'acme'), env).stack),
    synthConfig(
      oneEnvConfig(
        {
          org2: {
            ...GENERIC,
            catalogApp: { key: 'okta_org2org', settings: { baseUrl: 'https://partner.okta.com' } },
            groups: [{ name: 'Partners', create: true, description: 'Partner org users' }],
            provisioning: { token: 'env:ORG2ORG_TOKEN', terraformManaged: true, scimBaseUrl: 'https://partner.okta.com', features: { syncPassword: true }, pushGroups: [{ group: 'Partners', deleteTargetGroupOnDestroy: true }] },
            attributeSync: [{ attribute: 'costCenter', from: 'user.costCenter', push: 'on-create', custom: { type: 'string', description: 'Cost center' } }],
          },
        },
        { org2: {} },
      ),
    ).stack,
  ];
  const documented = documentedSchemas('v6.12.0');
  const v7 = documentedSchemas('v7.0.0');

  test('the doc lists a schema for every class in its table', () => {
    for (const type of ['okta', 'okta_app_saml', 'okta_app_group_assignments', 'data.okta_group', 'okta_group', 'okta_profile_mapping', 'okta_app_user_schema_property', 'data.okta_user_profile_mapping_source', 'okta_app_connection', 'okta_app_features', 'okta_push_group']) {
      expect(documented.has(type)).toBe(true);
    }
  });

  test('every type and attribute the stacks write is in the documented v6.12.0 schema', () => {
    const seen = new Map<string, Set<string>>();
    // The doc covers the okta provider; the Snowflake provider's classes are its own (docs/idp-record.md).
    for (const stack of stacks) {
      for (const [type, attrs] of written(stack)) if (/^(data\.)?okta(_|$)/.test(type)) seen.set(type, new Set([...(seen.get(type) ?? []), ...attrs]));
    }
    // The stacks exercise every class the doc covers, so the check is not vacuous.
    expect([...seen.keys()].sort()).toEqual([...documented.keys()].sort());
    for (const [type, attrs] of seen) {
      const allowed = documented.get(type)!;
      const unknown = [...attrs].filter((a) => !allowed.has(a));
      expect({ type, unknown }).toEqual({ type, unknown: [] });
      // okta/okta 7.x is admitted by the default constraint: what the stacks write must be in its schema too.
      const inV7 = v7.get(type);
      expect({ type, inV7: inV7 !== undefined }).toEqual({ type, inV7: true });
      expect({ type, unknownInV7: [...attrs].filter((a) => !inV7!.has(a)) }).toEqual({ type, unknownInV7: [] });
    }
  });

  test('the v7.0.0 list covers the same classes, and differs from v6.12.0 only by computed ids and timeouts', () => {
    expect([...v7.keys()].sort()).toEqual([...documented.keys()].sort());
    for (const [type, attrs] of documented) {
      const only6 = [...attrs].filter((a) => !v7.get(type)!.has(a) && a !== 'id' && !a.startsWith('timeouts.'));
      const only7 = [...v7.get(type)!].filter((a) => !attrs.has(a));
      expect({ type, only6, only7 }).toEqual({ type, only6: [], only7: [] });
    }
  });
});

describe('the hand-written okta_push_group class', () => {
  test('carries every argument of the newest schema (v7.0.0)', () => {
    const stack = oktaTestStack();
    new OktaPushGroup(stack, 'push', {
      appId: 'app',
      sourceGroupId: 'group',
      targetGroupName: 'Engineering',
      targetGroupId: 'target',
      status: 'ACTIVE',
      deleteTargetGroupOnDestroy: false,
      appConfig: { type: 'ACTIVE_DIRECTORY', distinguishedName: 'CN=Eng', groupScope: 'GLOBAL', groupType: 'SECURITY', samAccountName: 'eng' },
    });
    const block = JSON.parse(Testing.synth(stack)).resource.okta_push_group.push;
    expect(attributePaths(block).sort()).toEqual([...documentedSchemas('v7.0.0').get('okta_push_group')!].sort());
  });
});
