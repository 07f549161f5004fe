import { ownEntry } from '../own-entry';
import { listValues, showValue } from '../show-value';
import { ProvisioningMethod, choicesOf } from '../choices';
import { SpPreset } from '../presets/preset';
import { FieldProblem, problem } from '../problem';
import { RuleId } from '../rule-catalog';
import { urlProblem, userinfoProblem } from '../saml-rules';
import { AnySsoProps } from '../sso-props';
import { GroupAssignment, ProvisioningFeature } from '../types';
import { withoutBadCharacters } from '../text-chars';
import { Unresolved } from '../unresolved';
import { API_PROVISIONING_APPS, oauthOnlyApp, terraformManageableApps } from './placement';
import { SECRET_REF_ACCEPTED, SecretRef, secretRefProblem } from './secret-ref';

/** What a provisioning rule sees: the props and the facts around them. */
export interface ProvisioningContext {
  readonly settings: NonNullable<AnySsoProps['provisioning']>;
  readonly preset: SpPreset;
  readonly groups: readonly GroupAssignment[];
  readonly catalogKey?: string;
  readonly isUnresolved: Unresolved;
  /** The integration adopts a live app (`adopt`): its provisioning was set up by hand before. */
  readonly adopted?: boolean;
}

/** One rule: returns problems (field paths relative to the integration), empty when satisfied. */
export interface ProvisioningRule {
  readonly id: string;
  readonly check: (c: ProvisioningContext) => FieldProblem[];
}

const FEATURE_WORDS: Readonly<Record<ProvisioningFeature, string>> = {
  createUsers: 'Create Users',
  updateAttributes: 'Update User Attributes',
  deactivateUsers: 'Deactivate Users',
  syncPassword: 'Sync Password',
};

const method = (c: ProvisioningContext) => c.settings.method ?? 'scim';
const one = (rule: RuleId, field: string, message: string | undefined): FieldProblem[] => (message ? [problem(rule, field, message)] : []);
/** Problems judged by the provisioning method (a refused method is read as its default, scim): a follow-on of a refused one. */
const byMethod = (problems: FieldProblem[]): FieldProblem[] => problems.map((p) => ({ ...p, reads: [...(p.reads ?? []), 'provisioning.method'] }));

/** Why a secret prop is not a usable SecretRef (never showing it), or undefined. */
function secretProblem(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (!SecretRef.isSecretRef(value)) return `the value is not a SecretRef (not shown); accepted: ${SECRET_REF_ACCEPTED}, given in code as SecretRef.fromEnv('NAME') or SecretRef.fromStore('path')`;
  return secretRefProblem(value);
}

/** An HTTP header name: RFC 9110's token characters. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** Whether `url` has a SCIM version segment (/v1 or /v2) in its path. */
function hasScimVersion(url: URL): boolean {
  return url.pathname.split('/').some((s) => s === 'v1' || s === 'v2');
}

export const PROVISIONING_RULES: readonly ProvisioningRule[] = [
  {
    id: 'method-supported',
    check: (c) => {
      const m = method(c);
      const accepted = ['none', ...(c.preset.provisioning?.methods ?? [])];
      const known = (choicesOf(ProvisioningMethod) as string[]).includes(m);
      return one(known ? RuleId.SP_PROVISIONING_SUPPORT : RuleId.WELL_FORMED, 'provisioning.method', accepted.includes(m) ? undefined : `provisioning method ${showValue(m)} is not supported by ${c.preset.displayName}; accepted: ${accepted.join(', ')}`);
    },
  },
  {
    id: 'token-is-reference',
    check: (c) => one(RuleId.WELL_FORMED, 'provisioning.token', secretProblem(c.settings.token)),
  },
  {
    id: 'token-required',
    check: (c) => {
      const cap = c.preset.provisioning;
      // OAuth 2.0-only catalog apps are connected by an admin's consent, not a token.
      if (method(c) !== 'scim' || !cap || cap.connection !== 'cloud' || c.settings.token !== undefined || oauthOnlyApp(c.catalogKey)) return [];
      // An adopted app that is already connected holds its token in Okta; nothing here needs to know where it lives.
      if (c.adopted && c.settings.connected === true) return [];
      return byMethod([{ field: 'provisioning.token', rule: RuleId.REQUIRED, message: `SCIM provisioning needs provisioning.token: where ${cap.tokenSource ?? 'the SP-issued SCIM token'} lives; accepted: ${SECRET_REF_ACCEPTED}` }]);
    },
  },
  {
    id: 'import-groups-forbidden',
    check: (c) =>
      one(
        RuleId.IMPORT_GROUPS_OFF,
        'provisioning.importGroups',
        c.settings.importGroups === true && c.preset.provisioning?.importGroups === 'forbidden'
          ? `Import Groups must stay off for ${c.preset.displayName}: groups the SP does not manage through SCIM cannot be imported into Okta; accepted: false`
          : undefined,
      ),
  },
  {
    id: 'feature-supported',
    check: (c) =>
      (Object.entries(c.settings.features ?? {}) as Array<[ProvisioningFeature, boolean]>)
        .filter(([f, on]) => on && !(c.preset.provisioning?.features ?? []).includes(f))
        .map(([f]) => ({
          field: `provisioning.features.${f}`,
          rule: RuleId.SP_PROVISIONING_SUPPORT,
          message: `${FEATURE_WORDS[f]} (${f}) is not supported by ${c.preset.displayName}; accepted: false (supported: ${(c.preset.provisioning?.features ?? []).join(', ') || 'none'})`,
        })),
  },
  {
    id: 'enhanced-group-push-supported',
    check: (c) =>
      one(
        RuleId.SP_PROVISIONING_SUPPORT,
        'provisioning.enhancedGroupPush',
        c.settings.enhancedGroupPush === true && !c.preset.provisioning?.enhancedGroupPush ? `enhanced group push is not supported by ${c.preset.displayName}; accepted: false` : undefined,
      ),
  },
  {
    id: 'scim-only-settings',
    check: (c) => {
      const m = method(c);
      if (m === 'scim') return [];
      const fields = (['features', 'pushGroups', 'token', 'scimBaseUrl', 'connector', 'terraformManaged'] as const).filter((f) => {
        const v = c.settings[f];
        return v !== undefined && v !== false && !(Array.isArray(v) && v.length === 0);
      });
      return byMethod(fields.map((f) => ({ field: `provisioning.${f}`, rule: RuleId.CONSISTENT, message: `provisioning.${f} applies only to SCIM provisioning, but method is ${showValue(m)}; accepted: method scim, or remove ${f}` })));
    },
  },
  {
    id: 'push-groups-supported',
    check: (c) =>
      one(
        RuleId.SP_PROVISIONING_SUPPORT,
        'provisioning.pushGroups',
        (c.settings.pushGroups ?? []).length > 0 && !c.preset.provisioning?.pushGroups ? `${c.preset.displayName} does not accept pushed groups; accepted: no pushGroups` : undefined,
      ),
  },
  {
    id: 'push-group-assigned',
    check: (c) => {
      const pushGroups = c.settings.pushGroups ?? [];
      if (pushGroups.length === 0) return [];
      const assigned = c.groups.map((g) => g.name);
      const isAssigned = new Set(assigned);
      // Nearly always every push group is assigned: what a problem says is worked out only for one.
      if (pushGroups.every((p) => isAssigned.has(p.group))) return [];
      // The groups that look like a push group's but are not it (an invisible character in one): refused on their own, this follows from it.
      const byLook = new Map<string, string[]>();
      assigned.forEach((a, i) => {
        if (typeof a !== 'string') return;
        const look = withoutBadCharacters(a);
        const at = byLook.get(look);
        if (at) at.push(`groups.${i}`);
        else byLook.set(look, [`groups.${i}`]);
      });
      const shown = listValues(assigned, 'none assigned');
      // A group written with a space at an end (`"SRE "`) is a name of its own, which Okta can hold: the push group's message names it.
      const spaced = new Map<string, number>();
      assigned.forEach((a, i) => typeof a === 'string' && a !== a.trim() && spaced.set(a.trim(), i));
      const spacedHint = (group: unknown) => {
        const at = typeof group === 'string' ? spaced.get(group.trim()) : undefined;
        return at === undefined ? '' : `; groups.${at} (${showValue(assigned[at])}) differs from it only by spaces at its ends: remove them, or write the push group the same`;
      };
      return pushGroups.flatMap((p, i) =>
        isAssigned.has(p.group)
          ? []
          : [
              {
                field: `provisioning.pushGroups.${i}.group`,
                rule: RuleId.OKTA_ACCEPTS,
                // Config reads a refused list, or a group whose name was refused, as not there: any group's name could have been this one.
                reads: ['groups.*.name', ...(typeof p.group === 'string' ? byLook.get(withoutBadCharacters(p.group)) ?? [] : [])],
                message: `push group ${showValue(p.group)} is not assigned to the app; Okta pushes only groups assigned to it${spacedHint(p.group)}; accepted: one of the groups in \`groups\` (${shown})`,
              },
            ],
      );
    },
  },
  {
    id: 'push-group-unique',
    check: (c) => {
      const problems: FieldProblem[] = [];
      const groups = new Set<string>();
      const targets = new Set<string>();
      const items = new Set<string>();
      (c.settings.pushGroups ?? []).forEach((p, i) => {
        const target = p.targetGroupId !== undefined ? `id:${p.targetGroupId}` : p.target ?? p.group;
        if (p.targetGroupId !== undefined && p.target !== undefined) {
          problems.push({
            field: `provisioning.pushGroups.${i}.target`,
            rule: RuleId.CONSISTENT,
            message: `target ${showValue(p.target)} and targetGroupId ${showValue(p.targetGroupId)} both name the SP group; accepted: one of them`,
          });
        }
        const repeated = items.has(`${p.group}\u0000${target}`);
        if (groups.has(p.group)) problems.push({ field: `provisioning.pushGroups.${i}.group`, rule: RuleId.UNIQUE, message: `Okta group ${showValue(p.group)} is pushed twice; accepted: each group once` });
        // A push group listed twice is one problem, not also its target taken twice.
        if (targets.has(target) && !repeated) problems.push({ field: `provisioning.pushGroups.${i}.target`, rule: RuleId.UNIQUE, message: `SP group ${showValue(target)} is the target of two push groups; accepted: each target once` });
        groups.add(p.group);
        targets.add(target);
        items.add(`${p.group}\u0000${target}`);
      });
      return problems;
    },
  },
  {
    id: 'terraform-managed-supported',
    check: (c) => {
      if (c.settings.terraformManaged !== true) return [];
      const key = c.catalogKey;
      if (key && terraformManageableApps().includes(key)) return [];
      const app = ownEntry(API_PROVISIONING_APPS, key);
      const why = key
        ? app
          ? `Okta's API accepts only an OAuth 2.0 provisioning connection for ${app.displayName} (${key}), which needs an admin's consent`
          : `Okta's API does not accept a provisioning connection for the catalog app ${showValue(key)}`
        : `Okta's API does not accept a provisioning connection for custom SAML apps (${c.preset.displayName})`;
      return [{ field: 'provisioning.terraformManaged', rule: RuleId.OKTA_ACCEPTS, message: `${why}; accepted: false (the runbook carries these steps), or true only with catalogApp.key ${terraformManageableApps().join(' or ')}` }];
    },
  },
  {
    id: 'terraform-managed-needs-url',
    check: (c) =>
      byMethod(one(
        RuleId.REQUIRED,
        'provisioning.scimBaseUrl',
        c.settings.terraformManaged === true && c.settings.scimBaseUrl === undefined && method(c) === 'scim'
          ? 'a Terraform-managed provisioning connection needs provisioning.scimBaseUrl (okta_app_connection base_url); accepted: the SCIM base URL as an absolute https:// URL'
          : undefined,
      )),
  },
  {
    id: 'scim-base-url',
    check: (c) => {
      const url = c.settings.scimBaseUrl;
      if (url === undefined || c.isUnresolved(url)) return [];
      const found = urlProblem(url);
      return found ? one(found.rule, 'provisioning.scimBaseUrl', `SCIM base URL ${showValue(url)} ${found.why}; accepted: an absolute https:// URL`) : [];
    },
  },
  {
    id: 'on-prem-connector',
    check: (c) => {
      const cap = c.preset.provisioning;
      const connector = c.settings.connector;
      if (method(c) !== 'scim') return [];
      if (cap?.connection !== 'on-prem') {
        return one(RuleId.CONSISTENT, 'provisioning.connector', connector ? `a SCIM connector applies only to on-premises apps (preset onprem), not ${c.preset.displayName}; accepted: no connector` : undefined);
      }
      if (!connector?.baseUrl) {
        return byMethod([{ field: 'provisioning.connector.baseUrl', rule: RuleId.REQUIRED, message: 'missing required field provisioning.connector.baseUrl: the SCIM connector base URL that the Okta Provisioning Agent forwards to, e.g. https://scim.corp.example/scim/v2/' }]);
      }
      if (c.isUnresolved(connector.baseUrl)) return [];
      let url: URL;
      try {
        url = new URL(connector.baseUrl);
      } catch {
        return [{ field: 'provisioning.connector.baseUrl', rule: RuleId.WELL_FORMED, message: `connector base URL ${showValue(connector.baseUrl)} is not a URL; accepted: an absolute http(s) URL such as https://scim.corp.example/scim/v2/` }];
      }
      const problems: string[] = [];
      const userinfo = userinfoProblem(url);
      if (userinfo) problems.push(userinfo);
      if (url.protocol !== 'https:' && url.protocol !== 'http:') problems.push(`uses ${url.protocol.replace(':', '')}, not http(s)`);
      if (!hasScimVersion(url)) problems.push('has no SCIM version in its path (the agent then falls back to SCIM 1.1)');
      if (!url.pathname.endsWith('/')) problems.push('does not end with the trailing slash Okta requires');
      const found: FieldProblem[] = problems.map((why) => ({
        field: 'provisioning.connector.baseUrl',
        rule: RuleId.WELL_FORMED,
        message: `connector base URL ${showValue(connector.baseUrl)} ${why}; accepted: a URL with /v1/ or /v2/ in its path and a trailing slash, e.g. https://scim.corp.example/scim/v2/`,
      }));
      // Over http the agent sends the connector's credential in clear text: SSO-001, suppressible with a reason (a connector on the agent's own host).
      const type = (connector.auth as { type?: unknown } | undefined)?.type;
      if (url.protocol === 'http:' && (type === 'basic' || type === 'header')) {
        found.push({
          field: 'provisioning.connector.baseUrl',
          rule: RuleId.HTTPS_URLS,
          message: `connector base URL ${showValue(connector.baseUrl)} uses http with authorization type ${type}: the Okta Provisioning Agent would send the credential in clear text; accepted: https, or a suppression of SSO-001 with its reason (the connector on the agent's own host)`,
        });
      }
      return found;
    },
  },
  {
    id: 'on-prem-unique-user-field',
    check: (c) =>
      one(
        RuleId.WELL_FORMED,
        'provisioning.connector.uniqueUserField',
        c.settings.connector?.uniqueUserField === '' ? 'uniqueUserField is empty; accepted: the SCIM attribute that identifies a user in the app (default userName)' : undefined,
      ),
  },
  {
    id: 'on-prem-token',
    check: (c) =>
      one(
        RuleId.CONSISTENT,
        'provisioning.token',
        c.settings.token !== undefined && c.preset.provisioning?.connection === 'on-prem'
          ? 'a SCIM token is for cloud SPs; an on-premises app\'s SCIM connector authenticates the Okta Provisioning Agent with provisioning.connector.auth.credential; accepted: no token'
          : undefined,
      ),
  },
  {
    id: 'on-prem-connector-auth',
    check: (c) => {
      const auth = c.settings.connector?.auth as { type?: string; headerName?: string; credential?: unknown } | undefined;
      if (!auth || c.preset.provisioning?.connection !== 'on-prem') return [];
      const type = auth.type ?? 'none';
      const problems: FieldProblem[] = [];
      const at = 'provisioning.connector.auth.credential';
      // Judged by the authorization type (a refused one is read as its default, none): a follow-on of a refused type.
      const byType = ['provisioning.connector.auth.type'];
      if (type !== 'none' && auth.credential === undefined) problems.push(problem(RuleId.REQUIRED, at, `authorization type ${showValue(type)} needs credential: ${SECRET_REF_ACCEPTED}`, byType));
      const wrong = secretProblem(auth.credential);
      if (wrong) problems.push(problem(RuleId.WELL_FORMED, at, wrong));
      if (type === 'none' && auth.credential !== undefined) {
        const given = auth.type === undefined ? 'no authorization type is set (none)' : 'authorization type none';
        problems.push(problem(RuleId.CONSISTENT, at, `${given}, which takes no credential; accepted: type basic or header, or no credential`, byType));
      }
      if (type === 'header' && !auth.headerName) problems.push(problem(RuleId.REQUIRED, 'provisioning.connector.auth.headerName', 'authorization type header needs headerName, e.g. Authorization', byType));
      // The header's name only (RFC 9110's token): `Authorization: Bearer ...` pasted whole would put the credential in the runbook.
      if (type === 'header' && typeof auth.headerName === 'string' && auth.headerName !== '' && !c.isUnresolved(auth.headerName) && !HEADER_NAME.test(auth.headerName)) {
        problems.push(
          problem(
            RuleId.WELL_FORMED,
            'provisioning.connector.auth.headerName',
            `header name ${showValue(auth.headerName)} is not an HTTP header name; accepted: the name alone, letters, digits and - (e.g. Authorization or X-Api-Key), with the credential in credential`,
          ),
        );
      }
      if (type !== 'header' && auth.headerName !== undefined) {
        problems.push(problem(RuleId.CONSISTENT, 'provisioning.connector.auth.headerName', `headerName applies only to authorization type header, not ${showValue(type)}`, byType));
      }
      return problems;
    },
  },
];

/** Runs every provisioning rule; all problems together. */
export function checkProvisioning(c: ProvisioningContext): FieldProblem[] {
  return PROVISIONING_RULES.flatMap((r) => r.check(c));
}
