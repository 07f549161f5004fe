import * as fs from 'fs';
import * as path from 'path';
import { Command } from 'commander';
import { formatProblemList, problemCount } from '../config/problems';
import { writeReplacing } from '../config/write-replacing';
import { httpsUrlProblem } from '../model/saml-rules';
import { redactSecrets } from '../model/secret-literals';
import { MAX_SHOWN_VALUE, listValues, showPath, showValue } from '../model/show-value';
import { MAX_SP_METADATA_BYTES } from '../model/sp-metadata';
import { CONFIG_OPTION_HELP, configDirOf } from './config-option';
import { CliIo } from './io';

/** Downloads a URL's text; replaceable in tests (which never use the network). */
export type FetchText = (url: string) => Promise<string>;

const TIMEOUT_MS = 30_000;

export const httpFetchText: FetchText = async (url) => {
  const response = await fetch(url, { redirect: 'follow', signal: AbortSignal.timeout(TIMEOUT_MS), headers: { accept: 'application/samlmetadata+xml, application/xml, text/xml' } });
  if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`.trim());
  const body = await response.arrayBuffer();
  if (body.byteLength > MAX_SP_METADATA_BYTES) throw new Error(`the response is ${body.byteLength} bytes; accepted: SAML metadata up to ${MAX_SP_METADATA_BYTES} bytes`);
  return new TextDecoder('utf-8').decode(body);
};

interface Options {
  config?: string;
  env?: string;
  integration?: string;
}

export function registerFetchMetadata(program: Command, io: CliIo, fetchText: FetchText = httpFetchText): void {
  program
    .command('fetch-metadata')
    .description(
      "download each SP's SAML metadata from its spMetadata.url into its spMetadata.file, after checking that it is SP metadata (this command and adopt, which reads Okta's API, use the network; synth, validate, review and promote never do: they read the saved file)",
    )
    .option('-c, --config <dir>', CONFIG_OPTION_HELP)
    .option('-e, --env <env>', 'only integrations of this environment')
    .option('-i, --integration <key>', 'only this integration')
    .action(async (opts: Options) => {
      // Loaded on use, so that other commands do not load the XML parser and the config reader for it.
      const { SpMetadataError, parseSpMetadata } = require('../model/sp-metadata') as typeof import('../model/sp-metadata');
      const { listSpMetadataSources } = require('../config/sp-metadata-sources') as typeof import('../config/sp-metadata-sources');
      const { spMetadataLocation } = require('../config/sp-metadata-file') as typeof import('../config/sp-metadata-file');
      const dir = configDirOf(opts.config);
      const listed = listSpMetadataSources(dir);
      const { sources } = listed;
      // A config holding a secret is refused before anything is fetched or printed, as validate refuses it: its URL would be sent and echoed.
      const problems = listed.secrets.length > 0 ? listed.secrets : listed.problems;
      if (problems.length > 0) {
        io.err(`${dir}: ${problemCount(problems.length)}; nothing fetched\n${formatProblemList(problems)}\n`);
        io.exit(1);
        return;
      }
      // A name that is not in config at all is a usage error, as synth --env says it: not "nothing to fetch".
      for (const [flag, name, defined, what] of [
        ['--env', opts.env, listed.environments, 'environment'],
        ['--integration', opts.integration, listed.integrations, 'integration'],
      ] as const) {
        if (name !== undefined && !defined.includes(name)) {
          io.err(`okta-sso fetch-metadata: ${flag}: no ${what} ${showValue(name)} in config; accepted: ${listValues(defined)}; nothing fetched\n`);
          io.exit(2);
          return;
        }
      }
      const selected = sources.filter((s) => (opts.env === undefined || s.environment === opts.env) && (opts.integration === undefined || s.integration === opts.integration));
      const byPath = new Map<string, { url?: string; who: string[]; file: string }>();
      const errors: string[] = [];
      for (const s of selected) {
        const who = `${s.environment}/${s.integration}`;
        const entry = byPath.get(s.path);
        if (entry && entry.url !== s.url) {
          errors.push(`${s.path} is fetched from two URLs: ${entry.url === undefined ? '(none)' : showValue(entry.url)} (${entry.who.join(', ')}) and ${s.url === undefined ? '(none)' : showValue(s.url)} (${who}); accepted: one URL per file`);
        } else if (entry) entry.who.push(who);
        else byPath.set(s.path, { url: s.url, who: [who], file: s.file });
      }
      const toFetch = [...byPath.entries()].filter(([, e]) => e.url !== undefined);
      if (selected.length === 0 || toFetch.length === 0) {
        errors.push(`no spMetadata with a url in ${dir}${opts.env ? ` for environment ${showValue(opts.env)}` : ''}${opts.integration ? ` and integration ${showValue(opts.integration)}` : ''}; accepted: spMetadata: { file: ..., url: https://... }`);
      }
      for (const [file, { url, who, file: written }] of toFetch) {
        const why = httpsUrlProblem(url!);
        if (why) {
          errors.push(`${who.join(', ')}: spMetadata.url ${showValue(url)} ${why}; accepted: an absolute https:// URL`);
          continue;
        }
        // Checked before fetching: a file config may not name is never written, whatever the download.
        const location = spMetadataLocation(dir, written);
        if ('problem' in location) {
          errors.push(`${who.join(', ')}: spMetadata.file: ${location.problem}; nothing fetched, nothing written`);
          continue;
        }
        try {
          const xml = await fetchText(url!);
          const metadata = parseSpMetadata(xml);
          writeAtomically(location.path, xml);
          io.out(`${file}: saved from ${shownUrl(url!)} (entityID ${metadata.entityId}; ${metadata.postAcs.length} HTTP-POST ACS)\n`);
        } catch (err) {
          // A fetch error can quote the URL (undici names its user info): cut and redacted like every value.
          const detail = err instanceof SpMetadataError ? `the document ${err.message}` : redactSecrets(fetchFailure(err), [url!]);
          errors.push(`${who.join(', ')}: ${shownUrl(url!)}: ${detail}; ${file} not written`);
        }
      }
      if (errors.length > 0) {
        io.err(`${errors.map((e) => `okta-sso fetch-metadata: ${e}`).join('\n')}\n`);
        io.exit(1);
      }
    });
}

/** A URL in a line of its own, unquoted: secret-looking parts (a token in its query, its user info) replaced, cut to a readable length. */
function shownUrl(url: string): string {
  return showPath(url, MAX_SHOWN_VALUE);
}

/**
 * Never leaves a half-written metadata file behind. `file` is a real path
 * checked to be inside the config directory: its missing parents are created
 * under an existing parent that is inside, and the temporary file is created
 * exclusively, so a symlink planted under its name is never followed.
 */
function writeAtomically(file: string, text: string): void {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    if (fs.existsSync(file) && !fs.statSync(file).isFile()) throw new Error('it is not a regular file');
    writeReplacing(file, text);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new Error(`cannot write it: ${code ?? (err as Error).message}`);
  }
}

/** A failed fetch in words: node says only "fetch failed", with why (ENOTFOUND, ECONNREFUSED, a timeout) in its cause. */
function fetchFailure(err: unknown): string {
  const message = String((err as Error)?.message ?? err);
  const cause = (err as { cause?: { code?: unknown; message?: unknown } })?.cause;
  const why = typeof cause?.code === 'string' ? cause.code : typeof cause?.message === 'string' ? cause.message : undefined;
  if ((err as Error)?.name === 'TimeoutError') return `no answer within ${TIMEOUT_MS / 1000} s`;
  return why ? `${message} (${why}); check the URL and the network` : message;
}
