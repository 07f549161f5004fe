import * as path from 'path';
import { writeConfigDir } from '../helpers';

/** A config with one generic integration, `tool`, in dev and prod: each test adds the lines under test to an environment's entry. */

export const INTEGRATIONS = `integrations:
  tool:
    preset: generic
`;

/** Environment `name`'s file: its own URLs and groups for `tool`, then `extra` (lines at the entry's indent). */
export function env(name: string, org: string, extra: string): string {
  return `environments:
  ${name}:
    okta: { orgName: ${org}, baseUrl: okta.com }
    integrations:
      tool:
        acsUrl: https://tool-${name}.example.com/saml/acs
        audience: https://tool-${name}.example.com/saml/metadata
        groups: [Everyone]
${extra}`;
}

export function toolConfig(devExtra: string, prodExtra: string, integrations = INTEGRATIONS): { dir: string; prodFile: string } {
  const dir = writeConfigDir({ 'integrations.yaml': integrations, 'environments/dev.yaml': env('dev', 'example-dev', devExtra), 'environments/prod.yaml': env('prod', 'example', prodExtra) });
  return { dir, prodFile: path.join(dir, 'environments', 'prod.yaml') };
}
