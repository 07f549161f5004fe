import { showValue } from '../model/show-value';
import * as fs from 'fs';
import * as path from 'path';
import { AdoptError, ApiResponse, OktaReader } from './okta-api';

/** One saved response is an Okta page of at most 200 objects: far below this. */
const MAX_FILE_BYTES = 20 * 1024 * 1024;

interface IndexEntry {
  readonly method?: string;
  readonly url: string;
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
  readonly auth?: boolean;
}

/**
 * Okta API responses saved as files (`--from DIR`), in the saved-org layout of
 * ../shared/terraform-fake-providers: `GET /api/v1/<path>` is `DIR/<path>.json`,
 * and `DIR/index.json` records what a path alone cannot (status, `Link`
 * headers of each page). The same directory feeds the fake Okta provider, so
 * adopt and `terraform plan` read one org. Nothing outside DIR is read.
 */
export class SavedOrg implements OktaReader {
  public readonly source: string;
  private readonly root: string;
  private readonly index: readonly IndexEntry[];

  constructor(dir: string) {
    this.source = dir;
    try {
      this.root = fs.realpathSync(dir);
      if (!fs.statSync(this.root).isDirectory()) throw new Error('not a directory');
    } catch {
      throw new AdoptError(`--from ${JSON.stringify(dir)} is not a readable directory; accepted: a directory of saved Okta API responses (see the README, "Adopt the apps you already have")`);
    }
    this.index = this.readIndex();
  }

  public async get(pathAndQuery: string): Promise<ApiResponse> {
    const entries = this.index.filter((e) => (e.method ?? 'GET') === 'GET' && e.url === pathAndQuery && !e.auth);
    if (entries.length > 0) {
      // Saved retries (a 429 then the answer): the last successful one is what a client ends with.
      const ok = [...entries].reverse().find((e) => e.status >= 200 && e.status < 300) ?? entries[entries.length - 1];
      return { status: ok.status, headers: lowerCase(ok.headers ?? {}), body: ok.body === undefined ? null : this.readBody(ok.body) };
    }
    const [p, query] = pathAndQuery.split('?');
    const rel = p.replace(/^\/api\/v1\//, '').replace(/^\//, '');
    if (rel === 'groups' && query) {
      const q = new URLSearchParams(query).get('q');
      const groups = this.exists('groups.json') ? this.readBody('groups.json') : [];
      if (!Array.isArray(groups)) throw this.notOkta('groups.json', 'a list of groups');
      const name = (g: unknown) => String((g as { profile?: { name?: unknown } })?.profile?.name ?? '').toLowerCase();
      return { status: 200, headers: {}, body: q ? groups.filter((g) => name(g).startsWith(q.toLowerCase())) : groups };
    }
    for (const ext of ['.json', '.xml']) {
      if (this.exists(rel + ext)) return { status: 200, headers: {}, body: this.readBody(rel + ext) };
    }
    return { status: 404, headers: {}, body: { errorCode: 'E0000007', errorSummary: `Not found: Resource not found: ${p.split('/').pop()} (no saved response ${rel}.json)` } };
  }

  /** The org's public identity as saved (`.well-known/okta-organization.json`), answered as Okta would: 404 when it was not saved. */
  public async getPublic(pathAndQuery: string): Promise<ApiResponse> {
    const rel = `${pathAndQuery.replace(/^\//, '').split('?')[0]}.json`;
    if (!this.exists(rel)) return { status: 404, headers: {}, body: null };
    return { status: 200, headers: {}, body: this.readBody(rel) };
  }

  /** The host of the org the responses were recorded from (index.json `org_url`), if it says. */
  public get recordedHost(): string | undefined {
    try {
      return typeof this.orgUrl === 'string' ? new URL(this.orgUrl).host.toLowerCase() : undefined;
    } catch {
      return undefined;
    }
  }

  private orgUrl: unknown;

  private readIndex(): IndexEntry[] {
    if (!this.exists('index.json')) return [];
    const j = this.readBody('index.json');
    this.orgUrl = (j as { org_url?: unknown } | null)?.org_url;
    const list = Array.isArray(j) ? j : (j as { responses?: unknown })?.responses;
    if (!Array.isArray(list)) throw this.notOkta('index.json', '{ responses: [{ method, url, status, headers, body }] }');
    return list.map((e, i) => {
      const entry = e as IndexEntry;
      if (!entry || typeof entry.url !== 'string' || typeof entry.status !== 'number' || (entry.body !== undefined && typeof entry.body !== 'string')) {
        throw this.notOkta(`index.json responses.${i}`, '{ url, status, headers, body: <file> }');
      }
      return entry;
    });
  }

  /**
   * Whether a saved file exists at `rel` (a name with `..` never does). A symlink to a file outside the
   * directory exists too, so that readBody refuses it as outside rather than the request being answered 404.
   */
  private exists(rel: string): boolean {
    if (rel.split(/[\\/]/).includes('..') || path.isAbsolute(rel)) return false;
    const file = path.join(this.root, rel);
    return fs.existsSync(file) && fs.statSync(file).isFile();
  }

  private readBody(rel: string): unknown {
    const file = this.inside(rel);
    if (file === undefined) throw new AdoptError(`${this.source}: ${showValue(rel, 120)} is outside the saved org; accepted: files inside ${this.source}`);
    let text: string;
    try {
      const size = fs.statSync(file).size;
      if (size > MAX_FILE_BYTES) throw new AdoptError(`${path.join(this.source, rel)} is ${size} bytes; accepted: saved responses up to ${MAX_FILE_BYTES} bytes`);
      text = fs.readFileSync(file, 'utf8');
    } catch (err) {
      if (err instanceof AdoptError) throw err;
      throw new AdoptError(`${path.join(this.source, rel)} cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
    }
    if (!rel.endsWith('.json')) return text;
    try {
      return JSON.parse(text);
    } catch {
      throw this.notOkta(rel, 'JSON as the Okta API returns it');
    }
  }

  /** The real path of `rel` when it stays inside the saved org (symlinks followed), else undefined. */
  private inside(rel: string): string | undefined {
    if (rel.split(/[\\/]/).includes('..') || path.isAbsolute(rel)) return undefined;
    const file = path.join(this.root, rel);
    let real: string;
    try {
      real = fs.realpathSync(file);
    } catch {
      return fs.existsSync(file) ? undefined : file;
    }
    const from = path.relative(this.root, real);
    return from.startsWith('..') || path.isAbsolute(from) ? undefined : real;
  }

  private notOkta(rel: string, accepted: string): AdoptError {
    return new AdoptError(`${path.join(this.source, rel)} is not a saved Okta API response; accepted: ${accepted}`);
  }
}

function lowerCase(headers: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), String(v)]));
}
