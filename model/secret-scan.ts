/**
 * The one scan for secrets inside text: a whole value, or a token inside a
 * longer string (a URL query, a description, a message quoting a value). The
 * config check, the props check, message redaction, SSO-008 and the review all
 * use it, so what one refuses or hides the others do too.
 *
 * Linear in the text's length, whatever it holds: the text is cut into runs of
 * token characters and each run is looked at once, by patterns anchored at a
 * known position (no pattern searches forward from every start, which is what
 * made `eyJaaaaaaaa-` repeated take minutes).
 */

export interface SecretSpan {
  /** Where the secret starts and ends in the text (end exclusive). */
  readonly start: number;
  readonly end: number;
  /** What it looks like, in words ("a JSON Web Token"); never the value. */
  readonly kind: string;
}

/**
 * Patterns tried inside one run of token characters; each is a vendor prefix, then a bounded class. At a word start the
 * prefix decides; glued to the letters or digits before it (`Aivenghp_...`, a token pasted onto a label) the token
 * must also look random (gluedTokenLooksRandom), as a name may hold a prefix (`Risk_test_environment1`).
 */
const RUN_PATTERNS: ReadonlyArray<{ readonly kind: string; readonly pattern: RegExp }> = [
  { kind: 'a GitHub token', pattern: /gh[pousr]_[A-Za-z0-9]{30,}/g },
  { kind: 'an AWS access key ID', pattern: /(?:AKIA|ASIA)[0-9A-Z]{16}(?![A-Za-z0-9])/g },
  { kind: 'a Slack token', pattern: /xox[abprs]-[A-Za-z0-9-]{10,}/g },
  { kind: 'a Stripe secret key', pattern: /[rs]k_(?:live|test)_[A-Za-z0-9]{10,}/g },
];

/** The shortest token glued to text before it that is taken for one, and the randomness it must have (bits per character). */
const MIN_GLUED_TOKEN = 16;
const MIN_GLUED_ENTROPY = 3.5;

/** Whether a vendor-prefixed match glued to letters or digits before it is a token, not part of a name. */
function gluedTokenLooksRandom(token: string): boolean {
  return token.length >= MIN_GLUED_TOKEN && /[0-9]/.test(token) && /[A-Za-z]/.test(token) && entropy(token) >= MIN_GLUED_ENTROPY;
}

/** The first match of `pattern` in `run` at a word start, or glued and random-looking; each start tried once. */
function vendorToken(run: string, pattern: RegExp): RegExpExecArray | undefined {
  pattern.lastIndex = 0;
  for (let m = pattern.exec(run); m; m = pattern.exec(run)) {
    const glued = m.index > 0 && isAlphanumeric(run.charCodeAt(m.index - 1));
    if (!glued || gluedTokenLooksRandom(m[0])) return m;
    // A match consumed its whole tail: the next try starts just after its first character, never at the same place.
    pattern.lastIndex = m.index + 1;
  }
  return undefined;
}

function isAlphanumeric(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** An Okta API token (SSWS): `00` and 40 token characters, the whole run. */
const OKTA_API_TOKEN = /^00[A-Za-z0-9_-]{40}$/;

/** Schemes an Authorization header puts before a token, and what that token is. */
const AUTH_SCHEMES = new Map([
  ['bearer', 'a bearer token'],
  ['ssws', 'an Okta API token'],
]);
const AUTH_SCHEME_LENGTHS = new Set([...AUTH_SCHEMES.keys()].map((s) => s.length));
/** The shortest run that can be a secret on its own: a JWT's header, `eyJ` and 8 characters. */
const MIN_SECRET_RUN = 11;
/** The shortest credential after an auth scheme that is taken for a token. */
const MIN_AUTH_TOKEN = 16;

/** The shortest run of token characters judged by its randomness alone, where secrets are passed (a URL's query, fragment or user info). */
const MIN_RANDOM_RUN = 24;
/** The same in free text (labels, descriptions, group names, keys): a higher bar, as most such runs are names. */
const MIN_FREE_RANDOM_RUN = 32;

/**
 * Where a run sits, which decides whether its randomness alone makes it a
 * secret: a URL's scheme, host and path hold IDs (an ACS URL's tenant ID is
 * random-looking and public), so they are never judged by it; its query,
 * fragment and user info carry credentials; other text is judged with a higher bar.
 */
type RunPlace = 'url-id' | 'credential' | 'free';

function isTokenChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 45;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/** RFC 6750's b64token characters: letters, digits and - . _ ~ + / =. */
function isAuthTokenChar(c: number): boolean {
  return isTokenChar(c) || c === 46 || c === 126 || c === 43 || c === 47 || c === 61;
}

/** Characters of a PEM block (base64, its header and footer lines, line breaks also as JSON's `\n`). */
function isPemChar(c: number): boolean {
  return isTokenChar(c) || isSpace(c) || c === 43 || c === 47 || c === 61 || c === 92;
}

/** Shannon entropy in bits per character. */
export function entropy(s: string): number {
  const counts = new Map<string, number>();
  for (const ch of s) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let h = 0;
  for (const n of counts.values()) h -= (n / s.length) * Math.log2(n / s.length);
  return h;
}

/** Vowels (and y), upper and lower case, as char codes. */
const VOWELS = new Set([...'aeiouyAEIOUY'].map((c) => c.charCodeAt(0)));

type CharKind = 'upper' | 'lower' | 'digit' | 'other';

function charKind(c: number): CharKind {
  if (c >= 48 && c <= 57) return 'digit';
  if (c >= 65 && c <= 90) return 'upper';
  return c >= 97 && c <= 122 ? 'lower' : 'other';
}

/**
 * Whether a run of token characters (no separators but `_` and `-`) looks like
 * a generated token rather than a name, an ID or a hash. Random text changes
 * between upper case, lower case and digits at about two characters of three,
 * a fifth of its letters are vowels, and lower-case stretches are short; names
 * (camelCase, CipherChaCha20Poly1305) are mostly capitalised words, with
 * vowels as in language. Hex (UUIDs, hashes) and runs not well above Okta's
 * 20-character IDs are never taken for a secret; a run in one letter case has
 * a smaller alphabet, so it needs more length and digits throughout.
 */
function randomRun(run: string, place: RunPlace): boolean {
  if (place === 'url-id' || run.length < (place === 'free' ? MIN_FREE_RANDOM_RUN : MIN_RANDOM_RUN) || /^[0-9a-fA-F-]+$/.test(run) || madeOfWords(run)) return false;
  const count: Record<CharKind, number> = { upper: 0, lower: 0, digit: 0, other: 0 };
  let pairs = 0;
  let changes = 0;
  let vowels = 0;
  // Letters in words: lower-case stretches of two or more, with the capital before them.
  let inWords = 0;
  let stretch = 0;
  let prev: CharKind = 'other';
  let beforeStretch: CharKind = 'other';
  for (let i = 0; i <= run.length; i++) {
    const code = i < run.length ? run.charCodeAt(i) : 0;
    const kind = charKind(code);
    if (kind === 'lower') {
      if (prev !== 'lower') beforeStretch = prev;
      stretch++;
    } else if (stretch > 0) {
      if (stretch >= 2) inWords += stretch + (beforeStretch === 'upper' ? 1 : 0);
      stretch = 0;
    }
    if (kind !== 'other' && prev !== 'other') {
      pairs++;
      if (kind !== prev) changes++;
    }
    if (i < run.length) {
      count[kind]++;
      if (VOWELS.has(code)) vowels++;
    }
    prev = kind;
  }
  const letters = count.upper + count.lower;
  if (count.digit === 0 || letters === 0 || pairs === 0 || changes / pairs < 0.3) return false;
  if (count.upper > 0 && count.lower > 0) return !(inWords / run.length > 0.6 && vowels / letters >= 0.25);
  return run.length >= 32 && count.digit / run.length >= 0.15 && entropy(run) >= 4;
}

/** A word, then digits (`AdministratorAccess`, `Rotation2024`, `Q3`, `123456789012`), or a piece of at most 4 characters. */
const WORD_PIECE = /^[A-Za-z]*[0-9]*$/;

/**
 * Whether `text` is words and numbers joined by separators (`_`, `-`, and `+`,
 * `/`, `=` for whole values): a group name or a key such as
 * `aws_123456789012_AdministratorAccess`. A generated token mixes letters and
 * digits inside its pieces. Linear: one split, one bounded test a piece.
 */
export function madeOfWords(text: string): boolean {
  return text.split(/[-_+/=]/).every((piece) => piece.length <= 4 || WORD_PIECE.test(piece));
}

/** Characters that end a URL in text: whitespace, quotes, angle brackets, and a backslash (a JSON escape). */
function endsUrl(c: number): boolean {
  return isSpace(c) || c === 34 || c === 39 || c === 60 || c === 62 || c === 96 || c === 92;
}

/** The parts of a URL starting at `from` (just after `://`): where its user info ends (its `@`, -1 without), its authority, where its query or fragment starts, and its end. */
interface UrlParts {
  readonly start: number;
  readonly userinfoEnd: number;
  readonly authorityEnd: number;
  readonly queryStart: number;
  readonly end: number;
}

function urlParts(text: string, from: number): UrlParts {
  let end = from;
  while (end < text.length && !endsUrl(text.charCodeAt(end))) end++;
  let authorityEnd = from;
  let userinfoEnd = -1;
  for (; authorityEnd < end; authorityEnd++) {
    const c = text.charCodeAt(authorityEnd);
    if (c === 47 || c === 63 || c === 35) break;
    if (c === 64) userinfoEnd = authorityEnd;
  }
  let queryStart = authorityEnd;
  while (queryStart < end && text.charCodeAt(queryStart) !== 63 && text.charCodeAt(queryStart) !== 35) queryStart++;
  return { start: from, userinfoEnd, authorityEnd, queryStart, end };
}

function placeIn(url: UrlParts | undefined, at: number): RunPlace {
  if (!url || at < url.start || at >= url.end) return 'free';
  if (at < url.userinfoEnd || at >= url.queryStart) return 'credential';
  return 'url-id';
}

/**
 * What every span needs, tested with searches that run in native code: a run of at least MIN_SECRET_RUN token
 * characters (a vendor token, a JWT, a random run), a private key header, an auth scheme before a credential, or a
 * URL with user info or a query. Most config strings (names, short URLs) have none, and the character-by-character scan, run
 * once for each of tens of thousands of strings, is then skipped.
 */
const LONG_RUN = new RegExp(`[A-Za-z0-9_-]{${MIN_SECRET_RUN}}`);
const AUTH_SCHEME_THEN_SPACE = /(?:bearer|ssws)\s/i;

function maySpan(text: string): boolean {
  // A URL with user info, or with a query (whose parameter's name may say its value is a credential, however short).
  const urlWithUserInfo = (text.includes('@') || text.includes('=')) && text.includes('://');
  // Any other span is at least MIN_SECRET_RUN characters long (an auth scheme, a space and 16 characters; a key header).
  if (text.length < MIN_SECRET_RUN) return urlWithUserInfo;
  return urlWithUserInfo || LONG_RUN.test(text) || text.includes('-----BEGIN ') || AUTH_SCHEME_THEN_SPACE.test(text);
}

const OKTA_IDS_JOINED = /^[A-Za-z0-9]{20}(\/[A-Za-z0-9]{20})+$/;

/**
 * Whether a base64 run (token characters, `+` and `/`, then `=` padding) is a token or key given whole (an AWS secret
 * access key, a SCIM token): long, random-looking, not words and numbers joined by separators (`Team/Platform/2024`).
 */
export function randomBase64(run: string): boolean {
  if (run.length < 32 || !/[+/=]/.test(run) || madeOfWords(run)) return false;
  // Okta object IDs (20 characters each) joined by `/`: the import ID of a push group, an app user or a custom attribute.
  if (OKTA_IDS_JOINED.test(run)) return false;
  if (!/[0-9]/.test(run) || !/[A-Za-z]/.test(run)) return false;
  return entropy(run) >= 4.2;
}

/** Letters, digits, `+` and `/`: standard base64, which has no `-` or `_` (a path such as `tmp/okta-sso-x8Fk2/a` is not base64). */
function isBase64Char(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 43 || c === 47;
}

/** Where the base64 run starting at `start` ends: base64 characters, then `=` padding. */
function base64End(text: string, start: number): number {
  let j = start;
  while (j < text.length && isBase64Char(text.charCodeAt(j))) j++;
  while (j < text.length && text.charCodeAt(j) === 61) j++;
  return j;
}

/** Query parameter names that say their value is a credential (`token`, `api_key`, `X-Amz-Signature`, `sig`): any value there is one. */
const SECRET_QUERY_PARAMETER = /(?:^|[-_])(?:token|secret|password|passwd|api[-_]?key|apikey|private[-_]?key|credential|signature|sig)s?$/i;

/** Where the value of the query parameter whose `=` is at `equals` ends: at `&`, `#`, or the URL's end. */
function queryValueEnd(text: string, equals: number, urlEnd: number): number {
  let j = equals + 1;
  while (j < urlEnd && text.charCodeAt(j) !== 38 && text.charCodeAt(j) !== 35) j++;
  return j;
}

/**
 * Every secret-looking stretch of `text`, in order, without overlaps.
 * `credential`: the text is the value of a field whose name says it holds a
 * key or token, so its runs are judged as a URL query's are.
 */
export function secretSpans(text: string, credential = false): readonly SecretSpan[] {
  // Most texts: one shared empty answer, not a new list for each of tens of thousands of strings.
  if (!maySpan(text)) return NO_SPANS;
  const spans: SecretSpan[] = [];
  const n = text.length;
  let i = 0;
  // The URL the scan is in, if any; a URL inside another (a redirect in a query) keeps the outer one's parts, so each character is looked at a bounded number of times.
  let url: UrlParts | undefined;
  // Where the last base64 run judged whole ends.
  let judgedBase64 = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (url && i === url.userinfoEnd) {
      // `user:password@`: the password, whatever it looks like, is a secret; the user info is cut out whole.
      if (text.slice(url.start, i).includes(':')) spans.push({ start: url.start, end: i, kind: 'a password in a URL' });
    }
    if (c === 45 && text.startsWith('-----BEGIN ', i)) {
      const end = privateKeyEnd(text, i);
      if (end !== undefined) {
        spans.push({ start: i, end, kind: 'a private key' });
        i = end;
        continue;
      }
    }
    if (!isTokenChar(c)) {
      // A JSON escape (`\n`, `\t`) in a quoted value ends a token: the letter after the backslash is not part of the next one.
      i += c === 92 && /[nrtbf]/.test(text.charAt(i + 1)) ? 2 : 1;
      continue;
    }
    let j = i;
    while (j < n && isTokenChar(text.charCodeAt(j))) j++;
    if ((!url || i >= url.end) && text.startsWith('://', j)) url = urlParts(text, j + 3);
    const place = credential ? 'credential' : placeIn(url, i);
    if (url && place === 'credential' && i >= url.queryStart && text.charCodeAt(j) === 61 && SECRET_QUERY_PARAMETER.test(text.slice(i, j))) {
      // `?token=...`: the parameter's name says what its value is, however it looks.
      const end = queryValueEnd(text, j, url.end);
      if (end > j + 1) {
        // Named for what it is when the value says more (a Stripe key, a JWT): its first run, judged once.
        let runEnd = j + 1;
        while (runEnd < end && isTokenChar(text.charCodeAt(runEnd))) runEnd++;
        const own = runEnd > j + 1 ? runSpan(text, j + 1, runEnd, 'credential') : undefined;
        // The whole value is the span: a token inside it (a JWT's dots included) never reaches past its `&`, `#` or the URL's end.
        spans.push({ start: j + 1, end, kind: own?.kind ?? `a value of the URL query parameter ${JSON.stringify(text.slice(i, j))}` });
        i = end;
        continue;
      }
    }
    let span = runSpan(text, i, j, place);
    // Base64's `=` padding after a token is part of it.
    if (span?.end === j && text.charCodeAt(j) === 61) span = { ...span, end: base64End(text, j) };
    if (span) spans.push(span);
    // A run that base64's `+` or `/` continues (an AWS secret access key) is judged whole too, outside a URL's host and path.
    // Once per base64 run: a run inside one already judged is not judged again as its own (`a/a/a/...` stays linear).
    // base64End stops at a `-` or `_` of the token run: then the run is not base64, and b64 is not past it.
    const b64 = !span && place !== 'url-id' && i >= judgedBase64 && (text.charCodeAt(j) === 43 || text.charCodeAt(j) === 47) ? base64End(text, i) : j;
    if (b64 > j) judgedBase64 = b64;
    if (b64 > j && randomBase64(text.slice(i, b64))) {
      spans.push({ start: i, end: b64, kind: 'a random token' });
      i = b64;
      continue;
    }
    i = Math.max(j, span?.end ?? j);
  }
  return withoutOverlaps(spans);
}

const NO_SPANS: readonly SecretSpan[] = Object.freeze([]);

/** Spans in order, a span inside the one before it dropped (a token inside a URL's password). */
function withoutOverlaps(spans: SecretSpan[]): readonly SecretSpan[] {
  // Nearly every text has no secret: nothing to sort or copy.
  if (spans.length === 0) return NO_SPANS;
  if (spans.length < 2) return spans;
  const out: SecretSpan[] = [];
  for (const span of [...spans].sort((a, b) => a.start - b.start || b.end - a.end)) {
    const last = out[out.length - 1];
    if (last && span.start < last.end) {
      if (span.end > last.end) out[out.length - 1] = { ...last, end: span.end };
    } else out.push(span);
  }
  return out;
}

/** The secret in the run text[start, end), or one that starts in it (a JWT, a token after an auth scheme). */
function runSpan(text: string, start: number, end: number, place: RunPlace): SecretSpan | undefined {
  if (AUTH_SCHEME_LENGTHS.has(end - start)) {
    const scheme = AUTH_SCHEMES.get(text.slice(start, end).toLowerCase());
    if (scheme) return authTokenAfter(text, end, scheme);
  }
  // Shorter runs hold no secret of their own (the shortest, a JWT's header, is `eyJ` and 8 characters).
  if (end - start < MIN_SECRET_RUN) return undefined;
  const run = text.slice(start, end);
  const jwt = jwtEnd(text, run, start, end);
  if (jwt) return jwt;
  if (OKTA_API_TOKEN.test(run)) return { start, end, kind: 'an Okta API token' };
  for (const { kind, pattern } of RUN_PATTERNS) {
    const m = vendorToken(run, pattern);
    if (m) return { start: start + m.index, end: start + m.index + m[0].length, kind };
  }
  if (randomRun(run, place)) return { start, end, kind: 'a random token' };
  return undefined;
}

/** A JSON Web Token: `eyJ...` `.` `eyJ...` `.` signature, starting in the run text[start, end) = `run`. */
function jwtEnd(text: string, run: string, start: number, end: number): SecretSpan | undefined {
  // The first `eyJ` at a word start: if any later one has 8 characters after it, this one has more.
  const at = /(?<![A-Za-z0-9])eyJ/.exec(run);
  if (!at || run.length - at.index - 3 < 8 || text.charCodeAt(end) !== 46) return undefined;
  let j = end + 1;
  if (!text.startsWith('eyJ', j)) return undefined;
  const payloadStart = j;
  while (j < text.length && isTokenChar(text.charCodeAt(j))) j++;
  if (j - payloadStart < 11) return undefined;
  if (text.charCodeAt(j) === 46) {
    j++;
    while (j < text.length && isTokenChar(text.charCodeAt(j))) j++;
  }
  return { start: start + at.index, end: j, kind: 'a JSON Web Token' };
}

/** The credential after `Bearer ` or `SSWS ` (from `from`, after the scheme): token characters, letters and digits. */
function authTokenAfter(text: string, from: number, kind: string): SecretSpan | undefined {
  let i = from;
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  if (i === from) return undefined;
  let j = i;
  while (j < text.length && isAuthTokenChar(text.charCodeAt(j))) j++;
  const token = text.slice(i, j);
  if (token.length < MIN_AUTH_TOKEN || !/[0-9]/.test(token) || !/[A-Za-z]/.test(token)) return undefined;
  return { start: i, end: j, kind };
}

/** Where the private key whose `-----BEGIN ` is at `start` ends (its PEM block), or undefined when this is no private key header. */
function privateKeyEnd(text: string, start: number): number | undefined {
  let j = start + '-----BEGIN '.length;
  while (j < text.length && ((text.charCodeAt(j) >= 65 && text.charCodeAt(j) <= 90) || text.charCodeAt(j) === 32)) j++;
  if (!text.slice(start, j).endsWith('PRIVATE KEY') || !text.startsWith('-----', j)) return undefined;
  while (j < text.length && isPemChar(text.charCodeAt(j))) j++;
  return j;
}
