import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { stringify } from 'yaml';

/** Writes a config directory (file name -> data, as YAML) into a fresh temp dir. */
export function writeConfigDir(files: Record<string, unknown>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'okta-sso-cfg-'));
  for (const [name, data] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), typeof data === 'string' ? data : stringify(data));
  return dir;
}

/** A config with one environment `dev` enabling the given integrations. */
export function oneEnvConfig(integrations: Record<string, unknown>, dev: Record<string, unknown>, okta: Record<string, unknown> = { orgName: 'acme-dev' }): string {
  return writeConfigDir({
    'integrations.yaml': { integrations },
    'dev.yaml': { environments: { dev: { okta, integrations: dev } } },
  });
}

/** Every file under `dir`, relative paths, sorted. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(r);
      else out.push(r);
    }
  };
  if (fs.existsSync(dir)) walk('');
  return out.sort();
}

export function tempDir(prefix = 'okta-sso-out-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Aiven settings that resolve (IDs are letters and digits). */
export const AIVEN = { preset: 'aiven', aiven: { accountId: 'a1b2c3', methodId: 'am1b2c3' } };
export const OMNI = { preset: 'omni', acsUrl: 'https://acme.omniapp.co/api/auth/saml/acs', audience: 'acme.omniapp.co' };
export const ATLAN = { preset: 'atlan', acsUrl: 'https://acme.atlan.com/auth/realms/default/broker/saml/endpoint', audience: 'https://acme.atlan.com/auth/realms/default' };
export const GENERIC = { preset: 'generic', acsUrl: 'https://sp.example.com/saml/acs', audience: 'https://sp.example.com' };
export const ONPREM = { preset: 'onprem', acsUrl: 'https://hr.corp.example/saml/acs', audience: 'https://hr.corp.example/saml' };
