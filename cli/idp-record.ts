import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { Command } from 'commander';
import type { IdpRecordValue } from './idp-record-outputs';
import { STACK_DIR_HELP, stackDirOf } from './idp-record-stack';
import { readRegularFile } from '../model/regular-file';
import { showValue } from '../model/show-value';
import { CliIo } from './io';

/** Where `terraform output -json` comes from; replaceable in tests. */
export interface IdpRecordSources {
  /** Standard input when something is piped or redirected into it, else undefined. */
  readStdin(): string | undefined;
  /** Runs `terraform output -json` in a stack directory. */
  terraformOutput(stackDir: string): string;
}

export const processSources: IdpRecordSources = {
  readStdin: () => {
    // Only a pipe or a redirected file: a terminal or /dev/null means "nothing given", so terraform is run instead.
    const stat = fs.fstatSync(0);
    return stat.isFIFO() || stat.isFile() ? readAtMost(0, MAX_OUTPUTS_BYTES, 'standard input') : undefined;
  },
  terraformOutput: (stackDir) => execFileSync('terraform', [`-chdir=${stackDir}`, 'output', '-no-color', '-json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }),
};

/** The most `terraform output -json` read: far above a stack's outputs (about 20 MB at 10,000 integrations), far below what memory holds. */
const MAX_OUTPUTS_BYTES = 256 * 1024 * 1024;

/** Reads `fd` to its end, refusing it past `maxBytes` read: a pipe has no size to check first. */
function readAtMost(fd: number, maxBytes: number, what: string): string {
  const chunks: Buffer[] = [];
  let total = 0;
  const chunk = Buffer.alloc(1 << 20);
  for (;;) {
    const n = fs.readSync(fd, chunk, 0, chunk.length, null);
    if (n === 0) break;
    total += n;
    if (total > maxBytes) throw new Error(`${what} is more than ${maxBytes} bytes; accepted: the output of \`terraform output -json\``);
    chunks.push(Buffer.from(chunk.subarray(0, n)));
  }
  return Buffer.concat(chunks).toString('utf8');
}

interface Options {
  env: string;
  integration?: string;
  outputs?: string;
  out?: string;
  field?: string;
  json?: boolean;
}

export function registerIdpRecord(program: Command, io: CliIo, sources: IdpRecordSources = processSources): void {
  program
    .command('idp-record')
    .description(
      "print each SP's record of Okta as its identity provider (from the idp_record_<key> Terraform outputs), in the SP's field names, order and certificate format",
    )
    .requiredOption('-e, --env <env>', 'environment (stack) whose outputs to read')
    .option('-i, --integration <key>', 'only this integration (default: every integration with an IdP record)')
    .option('--outputs <file>', 'saved `terraform output -json` of the stack ("-" for stdin); default: stdin when piped, else run `terraform output -json` in the stack directory')
    .option('-o, --out <dir>', 'synth output directory holding stacks/<env> (default: found from the current directory, see below)')
    .option('--field <id>', "print only this field's value, exactly (e.g. idpMetadata > okta-metadata.xml); needs --integration")
    .option('--json', 'print the records as JSON (schema/idp-record.schema.json) instead of text')
    .addHelpText('after', `\n${STACK_DIR_HELP}`)
    .action((opts: Options) => {
      if (opts.field !== undefined && opts.integration === undefined) {
        io.err('okta-sso idp-record: --field needs --integration (one record, one field); accepted: --integration KEY --field ID\n');
        io.exit(2);
        return;
      }
      // Loaded on use, so that other commands do not load the record schema's validator.
      const { readIdpRecords } = require('./idp-record-outputs') as typeof import('./idp-record-outputs');
      const { renderIdpRecord, valueText } = require('./idp-record-render') as typeof import('./idp-record-render');
      let records: IdpRecordValue[];
      try {
        const { text, source } = outputsText(opts, sources);
        records = readIdpRecords(text, source, opts.integration);
        const other = records.find((r) => r.environment !== undefined && r.environment !== opts.env);
        if (other) {
          throw new Error(`${source} holds the outputs of environment ${JSON.stringify(other.environment)}, not ${JSON.stringify(opts.env)}: pass the outputs of the ${opts.env} stack, or --env ${other.environment}`);
        }
      } catch (err) {
        io.err(`okta-sso idp-record: ${(err as Error).message}\n`);
        io.exit(1);
        return;
      }
      if (opts.field !== undefined) {
        const record = records[0];
        const field = record.fields.find((f) => f.id === opts.field);
        if (!field) {
          io.err(`okta-sso idp-record: ${record.sp} has no field ${showValue(opts.field)}; fields: ${record.fields.map((f) => f.id).join(', ')}\n`);
          io.exit(1);
          return;
        }
        io.out(`${valueText(field)}\n`);
        return;
      }
      if (opts.json) {
        io.out(`${JSON.stringify(opts.integration ? records[0] : records, null, 2)}\n`);
        return;
      }
      io.out(records.map((r) => renderIdpRecord(r, opts.env)).join('\n'));
    });
}

function outputsText(opts: Options, sources: IdpRecordSources): { text: string; source: string } {
  if (opts.outputs === '-') return { text: sources.readStdin() ?? '', source: 'standard input' };
  if (opts.outputs !== undefined) {
    // A regular file only, and at most MAX_OUTPUTS_BYTES: a FIFO with no writer or /dev/zero would never end.
    const read = readRegularFile(opts.outputs, MAX_OUTPUTS_BYTES);
    if ('text' in read) return { text: read.text, source: opts.outputs };
    throw new Error(`outputs file ${opts.outputs} ${read.why}; accepted: a file saved with \`terraform output -json > FILE\` (at most ${MAX_OUTPUTS_BYTES} bytes), or \`--outputs -\` with the outputs piped in`);
  }
  const piped = sources.readStdin();
  if (piped !== undefined) return { text: piped, source: 'standard input' };
  const stackDir = stackDirOf(opts.env, opts.out);
  const where = stackDir === '.' ? 'the current directory' : stackDir;
  if (!fs.existsSync(path.join(stackDir, 'cdk.tf.json'))) {
    throw new Error(
      `no synthesized stack for environment ${JSON.stringify(opts.env)} in ${stackDir}; run okta-sso synth (or cdktf synth, for a cdktf app) first, then idp-record in the directory that holds cdktf.out, in cdktf.out or in the stack directory, or pass --out DIR or --outputs FILE`,
    );
  }
  try {
    return { text: sources.terraformOutput(stackDir), source: `terraform output -json (in ${where})` };
  } catch (err) {
    const stderr = (err as { stderr?: Buffer | string }).stderr?.toString() ?? '';
    const detail = /Error: (.*)/.exec(stderr)?.[1]?.trim() || stderr.trim().split('\n').pop() || (err as Error).message;
    throw new Error(`terraform output -json failed in ${where}: ${detail}; or pass --outputs FILE`);
  }
}
