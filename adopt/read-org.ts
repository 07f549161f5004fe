import { redactSecrets } from '../model/secret-literals';
import { showValue } from '../model/show-value';
import { AdoptError, OktaReader, getAll, getOk, okOrThrow } from './okta-api';

/** An Okta app as `GET /api/v1/apps/{id}` returns it (the fields adopt reads). */
export interface OktaApp {
  readonly id: string;
  readonly name: string;
  readonly label: string;
  readonly status: string;
  readonly signOnMode: string;
  readonly features?: readonly string[];
  readonly [field: string]: unknown;
}

export interface LiveAssignment {
  readonly groupId: string;
  readonly groupName: string;
  readonly priority?: number;
  readonly profile: unknown;
  /** How many Okta groups have exactly this name (config finds a group by name: more than one is ambiguous). */
  readonly sameName: number;
}

export interface LivePushMapping {
  readonly id: string;
  readonly sourceGroupId: string;
  /** The source group's name when it is one of the app's assigned groups. */
  readonly sourceGroupName?: string;
  readonly targetGroupId: string;
  readonly status: string;
}

/** One live SAML 2.0 app with the objects around it that config declares. */
export interface LiveApp {
  readonly app: OktaApp;
  readonly assignments: readonly LiveAssignment[];
  readonly pushMappings: readonly LivePushMapping[];
}

export interface SkippedApp {
  readonly id: string;
  readonly label: string;
  readonly reason: string;
}

/**
 * Reads the org's SAML 2.0 apps (or the named ones), their group assignments
 * with the groups' names, and their push group mappings where Okta shows group
 * push on. GET only. Other apps are skipped with the reason.
 */
export async function readLiveApps(
  reader: OktaReader,
  appIds: readonly string[],
): Promise<{ readonly apps: LiveApp[]; readonly skipped: SkippedApp[]; /** Every app ID the org has, of any sign-on mode, when the whole org was listed (not with --app). */ readonly orgAppIds?: ReadonlySet<string> }> {
  // Every ID is checked before the first request.
  appIds.forEach(checkAppId);
  const listed: OktaApp[] = appIds.length ? [] : (await getAll(reader, '/api/v1/apps?limit=200', 'listing the org\'s apps')).map((a, i) => appOf(a, `app ${i + 1} of the list`, reader));
  // One request at a time, as every other read here: a long --app list must not send a request per app at once (a 429 storm).
  for (const id of appIds) listed.push(appOf((await getApp(reader, id)).body, `app ${id}`, reader));
  const apps: LiveApp[] = [];
  const skipped: SkippedApp[] = [];
  // Each group is read once, however many apps it is assigned to.
  const nameOf = cached((groupId) => groupName(reader, groupId));
  // The okta_group data source searches by name prefix and takes the exact match: two groups of one name are a guess.
  const sameNamed = cached((name) => groupsNamed(reader, name));
  for (const app of listed) {
    if (app.signOnMode !== 'SAML_2_0') {
      const reason = `sign-on mode ${app.signOnMode}: adopt handles SAML 2.0 apps`;
      // Asked for by ID, an app adopt cannot take is an error, as one whose settings config cannot say.
      if (appIds.length > 0) throw new AdoptError(`cannot adopt ${describe(app)}: ${reason}`);
      skipped.push({ id: app.id, label: app.label, reason });
      continue;
    }
    const assigned = await getAll(reader, `/api/v1/apps/${app.id}/groups?limit=200`, `reading the group assignments of ${describe(app)}`);
    const assignments: LiveAssignment[] = [];
    for (const a of assigned) {
      const g = a as { id?: unknown; priority?: unknown; profile?: unknown };
      if (typeof g?.id !== 'string') throw new AdoptError(`a group assignment of ${describe(app)} from ${reader.source} has no id, which is not Okta's shape`);
      const groupName = await nameOf(g.id);
      assignments.push({ groupId: g.id, groupName, priority: typeof g.priority === 'number' ? g.priority : undefined, profile: g.profile ?? {}, sameName: await sameNamed(groupName) });
    }
    const pushMappings: LivePushMapping[] = [];
    if ((app.features ?? []).includes('GROUP_PUSH')) {
      const byId = new Map(assignments.map((a) => [a.groupId, a.groupName]));
      for (const m of await getAll(reader, `/api/v1/apps/${app.id}/group-push/mappings?limit=200`, `reading the push group mappings of ${describe(app)}`)) {
        const mapping = m as { id?: unknown; sourceGroupId?: unknown; targetGroupId?: unknown; status?: unknown };
        if (typeof mapping?.id !== 'string' || typeof mapping.sourceGroupId !== 'string' || typeof mapping.targetGroupId !== 'string') {
          throw new AdoptError(`a push group mapping of ${describe(app)} from ${reader.source} lacks id, sourceGroupId or targetGroupId, which is not Okta's shape`);
        }
        pushMappings.push({ id: mapping.id, sourceGroupId: mapping.sourceGroupId, sourceGroupName: byId.get(mapping.sourceGroupId), targetGroupId: mapping.targetGroupId, status: String(mapping.status ?? '') });
      }
    }
    apps.push({ app, assignments, pushMappings });
  }
  return { apps, skipped, ...(appIds.length ? {} : { orgAppIds: new Set(listed.map((a) => a.id)) }) };
}

/** `load`, called once per key. */
function cached<T>(load: (key: string) => Promise<T>): (key: string) => Promise<T> {
  const done = new Map<string, Promise<T>>();
  return (key) => {
    let value = done.get(key);
    if (!value) done.set(key, (value = load(key)));
    return value;
  };
}

function checkAppId(id: string): void {
  if (!/^[A-Za-z0-9]{1,64}$/.test(id)) throw new AdoptError(`--app ${showValue(id, 120)} is not an Okta app ID; accepted: 0oa followed by 17 letters or digits`);
}

async function getApp(reader: OktaReader, id: string) {
  const r = await reader.get(`/api/v1/apps/${id}`);
  // The ID comes from the command line: a token pasted there by mistake is not printed back.
  if (r.status === 404) throw new AdoptError(`no app ${redactSecrets(id, [])} in ${reader.source} (Okta answered 404); check the ID in the app's Admin Console URL`);
  // The answer in hand, not a second GET of the same app.
  return okOrThrow(reader, `/api/v1/apps/${id}`, `reading app ${id}`, r);
}

async function groupName(reader: OktaReader, id: string): Promise<string> {
  const r = await getOk(reader, `/api/v1/groups/${encodeURIComponent(id)}`, `reading group ${id}`);
  const name = (r.body as { profile?: { name?: unknown } } | null)?.profile?.name;
  if (typeof name !== 'string' || name === '') throw new AdoptError(`group ${id} from ${reader.source} has no profile.name, which is not Okta's shape`);
  return name;
}

async function groupsNamed(reader: OktaReader, name: string): Promise<number> {
  const found = await getAll(reader, `/api/v1/groups?q=${encodeURIComponent(name)}&limit=200`, `searching groups named ${showValue(name, 120)}`);
  return found.filter((g) => (g as { profile?: { name?: unknown } } | null)?.profile?.name === name).length;
}

function appOf(value: unknown, where: string, reader: OktaReader): OktaApp {
  const a = value as Partial<OktaApp> | null;
  for (const field of ['id', 'name', 'label', 'status', 'signOnMode'] as const) {
    if (!a || typeof a[field] !== 'string') throw new AdoptError(`${where} from ${reader.source} has no ${field}, which is not Okta's shape (an app object as GET /api/v1/apps returns it)`);
  }
  return a as OktaApp;
}

export function describe(app: OktaApp): string {
  return `${showValue(app.label, 60)} (${app.id})`;
}
