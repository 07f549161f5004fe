/** Config and synth helpers for the provisioning tests (on top of test/helpers.ts). */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { stringify } from 'yaml';
import { loadConfig } from '../../config/load-config';
import { synthToDisk } from '../../synth/synth';
import { tempDir } from '../helpers';

export { listFiles, tempDir } from '../helpers';

/** Writes a config directory (file name -> data, as YAML) into a fresh temp dir. */
export function writeYamlConfigDir(files: Record<string, unknown>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'okta-sso-cfg-'));
  for (const [name, data] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), typeof data === 'string' ? data : stringify(data));
  return dir;
}

/** A config with one environment `dev` enabling the given integrations. */
export function oneEnvConfig(integrations: Record<string, unknown>, dev: Record<string, unknown>, okta: Record<string, unknown> = { orgName: 'acme-dev' }): string {
  return writeYamlConfigDir({
    'integrations.yaml': { integrations },
    'dev.yaml': { environments: { dev: { okta, integrations: dev } } },
  });
}

/** Aiven settings that resolve (IDs are letters and digits). */
export const AIVEN = { preset: 'aiven', aiven: { accountId: 'a1b2c3', methodId: 'am1b2c3' } };
export const OMNI = { preset: 'omni', acsUrl: 'https://acme.omniapp.co/api/auth/saml/acs', audience: 'acme.omniapp.co' };
export const ATLAN = { preset: 'atlan', acsUrl: 'https://acme.atlan.com/auth/realms/default/broker/saml/endpoint', audience: 'https://acme.atlan.com/auth/realms/default' };
export const GENERIC = { preset: 'generic', acsUrl: 'https://sp.example.com/saml/acs', audience: 'https://sp.example.com' };
export const ONPREM = { preset: 'onprem', acsUrl: 'https://hr.corp.example/saml/acs', audience: 'https://hr.corp.example/saml' };

export interface SynthResult {
  readonly outdir: string;
  readonly stack: any;
  readonly runbook: { environment: string; steps: Array<{ id: string; integration: string; title: string; why: string; actions: string[]; values: Record<string, string>; terraformOutput?: string }> };
  readonly runbookMd: string;
}

/** Loads a config dir and synthesizes it to a temp dir; returns env `env`'s files, parsed. */
export function synthConfig(dir: string, env = 'dev'): SynthResult {
  const outdir = path.join(tempDir(), 'cdktf.out');
  synthToDisk(loadConfig(dir), { outdir, configDir: dir });
  const stackDir = path.join(outdir, 'stacks', env);
  return {
    outdir,
    stack: JSON.parse(fs.readFileSync(path.join(stackDir, 'cdk.tf.json'), 'utf8')),
    runbook: JSON.parse(fs.readFileSync(path.join(stackDir, 'runbook.json'), 'utf8')),
    runbookMd: fs.readFileSync(path.join(stackDir, 'runbook.md'), 'utf8'),
  };
}

/** Resource addresses (`type.name`) in a synthesized stack. */
export function addresses(stack: any): string[] {
  return Object.entries(stack.resource ?? {}).flatMap(([type, byName]) => Object.keys(byName as object).map((n) => `${type}.${n}`)).sort();
}
