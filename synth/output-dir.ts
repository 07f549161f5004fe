/**
 * The synth output directory, replaced whole and atomically.
 *
 * `<out>` is a symbolic link to a sibling `.<out>.synth-<id>` directory. A synth
 * writes a new sibling, then renames a new link over `<out>`: rename(2) replaces
 * a link in one step, so whoever reads `<out>`, at any instant, even if synth is
 * killed, sees the complete old output or the complete new one. Siblings keep
 * the depth of `<out>`, so relative paths in cdk.tf.json (local state) resolve
 * the same through the link. Leftovers of an interrupted synth are removed by
 * the next one, under a lock that also makes concurrent synths wait their turn.
 */
import { randomBytes } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { isFileItself } from './file-kind';

/** Written into every output: only a directory holding it (or an output of an earlier version) is ever replaced. */
export const OUTPUT_MARKER = '.okta-sso-output';
const MARKER_TEXT = 'Written by okta-sso synth. The next synth replaces this whole directory.\n';
/** Keeps a checkout's `git status` clean of the versioned output directories, whatever the user's .gitignore says. */
const GITIGNORE_TEXT = '# okta-sso synth output: build output, never committed\n*\n';

/** How long a synth waits for another one writing the same output. */
export const DEFAULT_LOCK_WAIT_MS = 120_000;

export class OutputDirError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OutputDirError';
  }
}

/** The end of a versioned directory's or temporary link's name (OutputPaths.fresh): its kind, the pid of the synth that made it (captured), 4 random bytes. */
const VERSION_SUFFIX = String.raw`(?:synth|link)-(\d+)-[0-9a-f]{8}`;
const HELPER_NAME = new RegExp(String.raw`^\..+\.(${VERSION_SUFFIX}|lock|swap)$`);
const VERSION_NAME = new RegExp(`^${VERSION_SUFFIX}$`);

/** The paths around one output directory. */
class OutputPaths {
  readonly out: string;
  readonly parent: string;
  readonly base: string;

  constructor(outdir: string) {
    this.out = path.resolve(outdir);
    this.parent = path.dirname(this.out);
    this.base = path.basename(this.out);
  }

  get lock(): string {
    return path.join(this.parent, `.${this.base}.lock`);
  }

  /** Names the version being swapped in while `<out>` is briefly absent (a plain directory turned into the link). */
  get journal(): string {
    return path.join(this.parent, `.${this.base}.swap`);
  }

  /** Whether `name` is one of the names synth keeps beside an output (versions, links, lock, journal): never an --out. */
  static isHelperName(name: string): boolean {
    return HELPER_NAME.test(name);
  }

  /** Name (in `parent`) of a new versioned directory or temporary link, carrying the pid of the synth that made it. */
  fresh(kind: 'synth' | 'link'): string {
    return `.${this.base}.${kind}-${process.pid}-${randomBytes(4).toString('hex')}`;
  }

  /** The pid in `name` when it is one of this output's versioned directories or temporary links. */
  madeBy(name: string): number | undefined {
    const match = VERSION_NAME.exec(name.startsWith(`.${this.base}.`) ? name.slice(this.base.length + 2) : '');
    return match ? Number(match[1]) : undefined;
  }

  /**
   * The pid of an earlier version's staging directory, `<out>.tmp-<pid>`, left
   * behind when its synth was killed: only when it holds nothing but what that
   * synth wrote (a user's `report.tmp-2024` is not one).
   */
  isLegacyStaging(name: string): number | undefined {
    const prefix = `${this.base}.tmp-`;
    if (!name.startsWith(prefix) || !/^\d+$/.test(name.slice(prefix.length))) return undefined;
    return holdsOnlySynthOutput(path.join(this.parent, name)) ? Number(name.slice(prefix.length)) : undefined;
  }
}

/** What `<out>` is now, or why synth must not replace it. */
type Existing = { kind: 'none' } | { kind: 'link'; target: string } | { kind: 'directory' } | { kind: 'refused'; reason: string };

function inspect(p: OutputPaths, shown: string): Existing {
  if (p.base === '' || p.out === p.parent) return { kind: 'refused', reason: `--out ${shown} is a file system root` };
  if (OutputPaths.isHelperName(p.base)) return { kind: 'refused', reason: `--out ${shown} is one of the directories or files synth keeps beside an output; give the output's own path (the link)` };
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(p.out);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'none' };
    return { kind: 'refused', reason: `--out ${shown} cannot be read (${errorCode(err)})` };
  }
  if (stat.isSymbolicLink()) {
    const target = fs.readlinkSync(p.out);
    if (p.madeBy(target) === undefined || !target.startsWith(`.${p.base}.synth-`) || !hasMarker(path.join(p.parent, target))) {
      return { kind: 'refused', reason: `--out ${shown} is a symbolic link okta-sso synth did not make (to ${target}); give --out the directory itself, or a new path` };
    }
    return { kind: 'link', target };
  }
  if (!stat.isDirectory()) return { kind: 'refused', reason: `--out ${shown} exists and is not a directory` };
  let entries: string[];
  try {
    entries = fs.readdirSync(p.out);
  } catch (err) {
    return { kind: 'refused', reason: `--out ${shown} cannot be read (${errorCode(err)})` };
  }
  if (entries.length === 0 || hasMarker(p.out) || isEarlierOutput(p.out, entries)) return { kind: 'directory' };
  return {
    kind: 'refused',
    reason: `--out ${shown} exists and was not written by okta-sso synth (no ${OUTPUT_MARKER} file in it); synth replaces the whole directory, so it only replaces its own output: choose a new or empty directory`,
  };
}

/** Files okta-sso synth writes into a stack directory. */
export const STACK_FILES = new Set(['cdk.tf.json', 'runbook.json', 'runbook.md']);

/** Whether `dir` holds only a cdktf manifest and stack directories of okta-sso's files (any of them may be missing: a killed synth). */
function holdsOnlySynthOutput(dir: string): boolean {
  try {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'manifest.json' && entry.isFile()) continue;
      if (entry.name !== 'stacks' || !entry.isDirectory()) return false;
      for (const stack of fs.readdirSync(path.join(dir, 'stacks'), { withFileTypes: true })) {
        if (!stack.isDirectory()) return false;
        if (!fs.readdirSync(path.join(dir, 'stacks', stack.name)).every((f) => STACK_FILES.has(f))) return false;
      }
    }
    return true;
  } catch {
    return false;
  }
}

function hasMarker(dir: string): boolean {
  return isFileItself(path.join(dir, OUTPUT_MARKER));
}

/**
 * An output of okta-sso synth from before the marker: only a cdktf manifest and
 * `stacks/`, each stack beside its runbook (no other cdktf app writes runbook.json).
 */
function isEarlierOutput(dir: string, entries: readonly string[]): boolean {
  if (!entries.every((e) => e === 'manifest.json' || e === 'stacks')) return false;
  try {
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as { stacks?: Record<string, { synthesizedStackPath?: string }> };
    const stacks = Object.entries(manifest.stacks ?? {});
    return stacks.length > 0 && stacks.every(([name, s]) => s.synthesizedStackPath === `stacks/${name}/cdk.tf.json` && fs.existsSync(path.join(dir, 'stacks', name, 'runbook.json')));
  } catch {
    return false;
  }
}

/** Marks `dir` as okta-sso synth output. Also for output the cdktf CLI asked the app for (CDKTF_OUTDIR). */
export function markOutput(dir: string): void {
  writeOwnFile(path.join(dir, OUTPUT_MARKER), MARKER_TEXT);
}

/**
 * Writes a file synth keeps for itself (the marker, the swap journal) as a new file: a link standing at its name,
 * dangling or not, is removed, never written through to what it leads to.
 */
function writeOwnFile(file: string, text: string): void {
  fs.rmSync(file, { force: true });
  // `wx`: created here or failing, never opened through a link another process put there meanwhile.
  fs.writeFileSync(file, text, { flag: 'wx' });
}

/**
 * Marks output the cdktf CLI asked the app for (CDKTF_OUTDIR), so that a later `okta-sso synth --out` may replace it, only
 * when it holds nothing but synth's own: the manifest, the marker and the stacks of `stacks`. The cdktf CLI writes into
 * any directory it is given (`cdktf synth --output site`); marked, a directory of the user's files would be replaced
 * whole. Returns whether it was marked. Not holdsOnlySynthOutput: the stacks are judged by name, as `cdktf deploy`
 * leaves Terraform's own files (`.terraform/`, its lock file) in their directories.
 */
export function markOutputIfOnlySynths(dir: string, stacks: readonly string[]): boolean {
  const own = new Set(['manifest.json', 'stacks', OUTPUT_MARKER, '.gitignore']);
  const known = new Set(stacks);
  let entries: string[];
  let stackDirs: string[];
  try {
    entries = fs.readdirSync(dir);
    stackDirs = entries.includes('stacks') ? fs.readdirSync(path.join(dir, 'stacks')) : [];
  } catch {
    return false;
  }
  if (!entries.every((e) => own.has(e)) || !stackDirs.every((s) => known.has(s))) return false;
  // Something else at the marker's name (a directory, a link) is not this tool's to replace: the output is left unmarked.
  if (entries.includes(OUTPUT_MARKER) && !hasMarker(dir)) return false;
  try {
    markOutput(dir);
  } catch {
    return false;
  }
  return true;
}

export interface ReplaceOptions {
  /** @default DEFAULT_LOCK_WAIT_MS */
  readonly lockWaitMs?: number;
}

/**
 * One replacement of an output directory. Constructing it only reads, and
 * refuses an `outdir` that is not this tool's output. `prepare` makes the
 * directory to write into (cdktf's App creates its outdir when built, before
 * its stacks can be checked); `abandon` removes it, and any parent it created,
 * when the checks fail; `replace` fills it and swaps it in.
 */
export class OutputSwap {
  private readonly p: OutputPaths;
  private readonly version: string;
  private createdParents: string[] = [];
  /** The directory the new output is written into. */
  readonly dir: string;

  constructor(private readonly outdir: string) {
    this.p = new OutputPaths(outdir);
    const existing = inspect(this.p, outdir);
    if (existing.kind === 'refused') throw new OutputDirError(`${existing.reason}; nothing written`);
    this.version = this.p.fresh('synth');
    this.dir = path.join(this.p.parent, this.version);
  }

  /** Creates `dir`, and the parents of `outdir` that do not exist yet. */
  prepare(): void {
    let creating = this.dir;
    try {
      // Twice: another synth that failed may remove a parent it made, while still empty, between this one's look and its mkdir.
      for (let attempt = 1; ; attempt++) {
        const missing: string[] = [];
        for (let dir = this.p.parent; !fs.existsSync(dir); dir = path.dirname(dir)) missing.unshift(dir);
        try {
          for (const dir of missing) {
            creating = dir;
            if (makeDirectory(dir)) this.createdParents.unshift(dir);
          }
          creating = this.dir;
          fs.mkdirSync(this.dir);
          return;
        } catch (err) {
          if (attempt >= 2 || (err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
        }
      }
    } catch (err) {
      this.abandon();
      throw new OutputDirError(`cannot create ${creating} for --out ${this.outdir} (${errorCode(err)}); nothing written`);
    }
  }

  /** Removes what `prepare` created: a failed check leaves nothing behind, not even the parents of `outdir`. */
  abandon(): void {
    // Best effort: the error that led here is the one to report.
    removeQuietly(this.dir);
    this.removeCreatedParents();
  }

  /** Only while empty: another synth into the same new --out may be using a parent this one created (its lock is there too). */
  private removeCreatedParents(): void {
    for (const dir of this.createdParents) removeIfEmpty(dir);
    this.createdParents = [];
  }

  /**
   * Runs `write` (which fills `dir`) under a lock on `outdir`, then points
   * `outdir` at the result. When `write` throws, the previous output is
   * untouched and nothing of the attempt remains. Returns warnings: what of the
   * previous output could not be removed (the next synth retries).
   */
  replace(write: () => void, options: ReplaceOptions = {}): string[] {
    const { p, outdir } = this;
    let release: () => void;
    try {
      release = acquireLock(p, outdir, options.lockWaitMs ?? DEFAULT_LOCK_WAIT_MS);
    } catch (err) {
      this.abandon();
      throw err;
    }
    let failed = false;
    const warnings: string[] = [];
    try {
      let replaced: string;
      try {
        rollForward(p);
        // Looked at again under the lock: another synth may have replaced it while this one waited.
        const existing = inspect(p, outdir);
        if (existing.kind === 'refused') throw new OutputDirError(`${existing.reason}; nothing written`);
        removeLeftovers(p, [existing.kind === 'link' ? existing.target : '', this.version]);
        write();
        fs.writeFileSync(path.join(this.dir, '.gitignore'), GITIGNORE_TEXT);
        markOutput(this.dir);
        replaced = swapIn(p, this.version, existing);
      } catch (err) {
        failed = true;
        // The parents it created go once the lock (a file in the nearest) is released.
        removeQuietly(this.dir);
        // A file system error (no space, no permission) is named, not dumped; anything else is the caller's.
        const code = (err as NodeJS.ErrnoException).code;
        if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) {
          throw new OutputDirError(`cannot write --out ${outdir} (${code} on ${(err as NodeJS.ErrnoException).path ?? 'a file'}); the previous output is unchanged`);
        }
        throw err;
      }
      try {
        if (replaced) fs.rmSync(path.join(p.parent, replaced), { recursive: true, force: true });
      } catch (err) {
        warnings.push(`warning: the new output is in place, but the previous one (${path.join(p.parent, replaced)}) could not be removed (${errorCode(err)}); the next synth tries again`);
      }
    } finally {
      try {
        release();
      } catch (err) {
        // The next synth takes a dead process's lock over; this must not hide the error that led here, nor fail a synth that is in place.
        warnings.push(`warning: the lock ${p.lock} could not be removed (${errorCode(err)}); the next synth takes it over`);
      }
      if (failed) this.removeCreatedParents();
    }
    return warnings;
  }
}

/**
 * Points `<out>` at the new version; returns the name of what it replaced (to
 * remove), if anything. A directory standing at `<out>` (empty, or an earlier
 * version's output) must be moved aside first: the one moment, once per output
 * directory, when `<out>` is absent. The journal names the new version
 * meanwhile, so that if synth is killed there the next one completes the swap.
 */
function swapIn(p: OutputPaths, version: string, existing: Existing): string {
  const link = linkTo(p, version);
  const aside = existing.kind === 'directory' ? p.fresh('synth') : '';
  let movedAside = false;
  try {
    if (aside) {
      writeOwnFile(p.journal, version);
      fs.renameSync(p.out, path.join(p.parent, aside));
      movedAside = true;
    }
    fs.renameSync(link, p.out);
    if (aside) fs.rmSync(p.journal, { force: true });
    return existing.kind === 'link' ? existing.target : aside;
  } catch (err) {
    fs.rmSync(link, { force: true });
    // The previous output goes back where it was: else `<out>` would be absent, and the next synth would take it for a leftover.
    if (movedAside) fs.renameSync(path.join(p.parent, aside), p.out);
    if (aside) fs.rmSync(p.journal, { force: true });
    throw err;
  }
}

/** A new link to `version`, under a temporary name beside `<out>`, to be renamed over it. */
function linkTo(p: OutputPaths, version: string): string {
  const link = path.join(p.parent, p.fresh('link'));
  fs.symlinkSync(version, link, 'junction');
  return link;
}

/** Completes a swap a killed synth left halfway: `<out>` absent, the journal naming a complete version. */
function rollForward(p: OutputPaths): void {
  if (!fs.existsSync(p.journal)) return;
  const version = fs.readFileSync(p.journal, 'utf8').trim();
  let absent = false;
  try {
    fs.lstatSync(p.out);
  } catch {
    absent = true;
  }
  if (absent && p.madeBy(version) !== undefined && hasMarker(path.join(p.parent, version))) fs.renameSync(linkTo(p, version), p.out);
  fs.rmSync(p.journal, { force: true });
}

/**
 * What interrupted synths left: versioned directories `<out>` does not point to
 * and temporary links, unless their synth still runs (it may be checking its
 * stacks before it waits for the lock); an earlier version's staging
 * directories. One with this process's pid is an earlier process's that had the
 * same pid (containers reuse them): this one writes only `keep`'s.
 */
function removeLeftovers(p: OutputPaths, keep: readonly string[]): void {
  for (const name of fs.readdirSync(p.parent)) {
    if (keep.includes(name)) continue;
    const pid = p.madeBy(name) ?? p.isLegacyStaging(name);
    if (pid !== undefined && (pid === process.pid || !isRunning(pid))) removeQuietly(path.join(p.parent, name));
  }
}

/** Removes what it can; a leftover that cannot be removed now is tried again by the next synth. */
function removeIfEmpty(dir: string): void {
  try {
    fs.rmdirSync(dir);
  } catch {
    // not empty (another synth's output), or already gone
  }
}

function removeQuietly(target: string): void {
  try {
    fs.rmSync(target, { recursive: true, force: true });
  } catch {
    // left for the next synth
  }
}

interface LockOwner {
  readonly pid: number;
  readonly host: string;
}

/**
 * Takes `.<out>.lock` beside the output (created exclusively). A lock whose
 * process is gone (killed synth) is taken over; a live one is waited for.
 */
function acquireLock(p: OutputPaths, shown: string, waitMs: number): () => void {
  const me: LockOwner = { pid: process.pid, host: os.hostname() };
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      fs.writeFileSync(p.lock, JSON.stringify(me), { flag: 'wx' });
      return () => fs.rmSync(p.lock, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw new OutputDirError(`cannot lock --out ${shown}: ${p.lock}: ${errorCode(err)}; nothing written`);
    }
    const owner = readOwner(p.lock);
    // A lock with this process's own pid is an earlier process's (containers reuse pids): this one does not hold it yet.
    if (owner === undefined ? lockAgeMs(p.lock) > UNREADABLE_LOCK_MS : owner.host === me.host && (owner.pid === me.pid || !isRunning(owner.pid))) {
      // Its synth died: remove the lock only if it is still that one (another waiter may have taken it over already).
      takeOverStale(p.lock, owner);
      continue;
    }
    if (Date.now() >= deadline) {
      throw new OutputDirError(
        `another okta-sso synth (${owner ? `pid ${owner.pid} on ${owner.host}` : 'its lock file unreadable'}) is writing --out ${shown}; waited ${Math.round(waitMs / 1000)} s. If no synth is running${owner && owner.host !== me.host ? ` on ${owner.host} (a lock from another host cannot be checked from here)` : ''}, delete ${p.lock}; nothing written`,
      );
    }
    sleep(100);
  }
}

function readOwner(lock: string): LockOwner | undefined {
  try {
    const owner = JSON.parse(fs.readFileSync(lock, 'utf8')) as Partial<LockOwner>;
    return typeof owner.pid === 'number' && typeof owner.host === 'string' ? { pid: owner.pid, host: owner.host } : undefined;
  } catch {
    return undefined;
  }
}

/** A lock file that does not say whose it is: being written this instant, or its synth was killed before it could. */
const UNREADABLE_LOCK_MS = 5_000;

function lockAgeMs(lock: string): number {
  try {
    return Date.now() - fs.statSync(lock).mtimeMs;
  } catch {
    return Infinity;
  }
}

function takeOverStale(lock: string, seen: LockOwner | undefined): void {
  const now = readOwner(lock);
  if (JSON.stringify(now) === JSON.stringify(seen)) fs.rmSync(lock, { force: true });
}

export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));
function sleep(ms: number): void {
  Atomics.wait(sleeper, 0, 0, ms);
}

function errorCode(err: unknown): string {
  return (err as NodeJS.ErrnoException).code ?? 'error';
}

/**
 * Creates a parent directory of the output; false when another process created it first (two synths into one new
 * --out at once): it is theirs, not to be removed on failure.
 */
export function makeDirectory(dir: string): boolean {
  try {
    fs.mkdirSync(dir);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST' && fs.statSync(dir).isDirectory()) return false;
    throw err;
  }
}
