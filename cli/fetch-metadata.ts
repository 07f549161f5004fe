import * as fs from 'fs';
import * as path from 'path';
import { Command } from 'commander';
import { formatProblem } from '../config/problems';
import { httpsUrlProblem } from '../model/saml-rules';
import { CONFIG_OPTION_HELP, configDirOf } from './config-option';
import { CliIo } from './io';

/** Downloads a URL's text; replaceable in tests (which never use the network). */
export type FetchText = (url: string) => Promise<string>;

const TIMEOUT_MS = 30_000;
/** SP metadata is a few kilobytes; anything this large is not what was asked for. */
const MAX_BYTES = 5 * 1024 * 1024;

export const httpFetchText: FetchText = async (url) => {
  const response = await fetch(url, { redirect: 'follow', signal: AbortSignal.timeout(TIMEOUT_MS), headers: { accept: 'application/samlmetadata+xml, application/xml, text/xml' } });
  if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`.trim());
  const body = await response.arrayBuffer();
  if (body.byteLength > MAX_BYTES) throw new Error(`the response is ${body.byteLength} bytes; accepted: SAML metadata up to ${MAX_BYTES} bytes`);
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
      "download each SP's SAML metadata from its spMetadata.url into its spMetadata.file, after checking that it is SP metadata (the only command that uses the network; synth and validate read the saved file)",
    )
    .option('-c, --config <dir>', CONFIG_OPTION_HELP)
    .option('-e, --env <env>', 'only integrations of this environment')
    .option('-i, --integration <key>', 'only this integration')
    .action(async (opts: Options) => {
      // Loaded on use, so that other commands do not load the XML parser and the config reader for it.
      const { SpMetadataError, parseSpMetadata } = require('../model/sp-metadata') as typeof import('../model/sp-metadata');
      const { listSpMetadataSources } = require('../config/sp-metadata-sources') as typeof import('../config/sp-metadata-sources');
      const dir = configDirOf(opts.config);
      const { sources, problems } = listSpMetadataSources(dir);
      if (problems.length > 0) {
        io.err(`${dir}: ${problems.length} problem${problems.length === 1 ? '' : 's'}; nothing fetched\n${problems.map((p) => `  ${formatProblem(p)}`).join('\n')}\n`);
        io.exit(1);
        return;
      }
      const selected = sources.filter((s) => (opts.env === undefined || s.environment === opts.env) && (opts.integration === undefined || s.integration === opts.integration));
      const byPath = new Map<string, { url?: string; who: string[] }>();
      const errors: string[] = [];
      for (const s of selected) {
        const who = `${s.environment}/${s.integration}`;
        const entry = byPath.get(s.path);
        if (entry && entry.url !== s.url) {
          errors.push(`${s.path} is fetched from two URLs: ${entry.url ?? '(none)'} (${entry.who.join(', ')}) and ${s.url ?? '(none)'} (${who}); accepted: one URL per file`);
        } else if (entry) entry.who.push(who);
        else byPath.set(s.path, { url: s.url, who: [who] });
      }
      const toFetch = [...byPath.entries()].filter(([, e]) => e.url !== undefined);
      if (selected.length === 0 || toFetch.length === 0) {
        errors.push(`no spMetadata with a url in ${dir}${opts.env ? ` for environment ${opts.env}` : ''}${opts.integration ? ` and integration ${opts.integration}` : ''}; accepted: spMetadata: { file: ..., url: https://... }`);
      }
      for (const [file, { url, who }] of toFetch) {
        const why = httpsUrlProblem(url!);
        if (why) {
          errors.push(`${who.join(', ')}: spMetadata.url ${JSON.stringify(url)} ${why}; accepted: an absolute https:// URL`);
          continue;
        }
        try {
          const xml = await fetchText(url!);
          const metadata = parseSpMetadata(xml);
          writeAtomically(file, xml);
          io.out(`${file}: saved from ${url} (entityID ${metadata.entityId}; ${metadata.postAcs.length} HTTP-POST ACS)\n`);
        } catch (err) {
          const detail = err instanceof SpMetadataError ? `the document ${err.message}` : (err as Error).message;
          errors.push(`${who.join(', ')}: ${url}: ${detail}; ${file} not written`);
        }
      }
      if (errors.length > 0) {
        io.err(`${errors.map((e) => `okta-sso fetch-metadata: ${e}`).join('\n')}\n`);
        io.exit(1);
      }
    });
}

/** Never leaves a half-written metadata file behind. */
function writeAtomically(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}`;
  fs.writeFileSync(tmp, text);
  fs.renameSync(tmp, file);
}
