/**
 * Terraform's JSON syntax reads `${...}` and `%{...}` in any string as its own template
 * sequences. Every user-written text that reaches cdk.tf.json must arrive escaped (`$${`,
 * `%%{`): a label, a push group's SP group name, a custom attribute's title, a SCIM base URL
 * or a group description holding one would otherwise be read as an interpolation. The only
 * unescaped sequences are the references synth writes itself.
 */
import * as path from 'path';
import { killRunning } from '../support/run-command';
import { GENERIC, oneEnvConfig, synthConfig } from '../support/provisioning-config';
import { describeWithTerraform, expectPlanPasses, planStack } from '../support/terraform-plan';

const T = 'x ${literal} %{ if y } z';

function configWithTemplateText(): string {
  return oneEnvConfig(
    {
      org2: {
        ...GENERIC,
        label: `Partner ${T}`,
        catalogApp: { key: 'okta_org2org', settings: { baseUrl: 'https://partner.okta.com' } },
        groups: [{ name: `Partners ${T}`, create: true, description: `Partner users ${T}` }],
        provisioning: {
          token: 'env:ORG2ORG_TOKEN',
          terraformManaged: true,
          connected: true,
          scimBaseUrl: 'https://partner.okta.com/scim/v2?a=${b}',
          pushGroups: [{ group: `Partners ${T}`, target: `partners ${T}` }],
        },
        attributeSync: [{ attribute: 'costCenter', from: 'user.costCenter', push: 'on-create', custom: { type: 'string', title: `Cost ${T}`, description: `Cost center ${T}` } }],
      },
    },
    { org2: {} },
  );
}

/** Every string in a JSON value, with where it is. */
function strings(value: unknown, at = ''): Array<[string, string]> {
  if (typeof value === 'string') return [[at, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${at}[${i}]`));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => strings(v, at ? `${at}.${k}` : k));
  return [];
}

/** Template sequences Terraform would evaluate: `${` or `%{` not escaped by a doubled first character. */
function templateSequences(text: string): string[] {
  return [...text.matchAll(/(?<![$%])(?:\$\$|%%)*([$%])\{([^}]*)\}/g)].map((m) => `${m[1]}{${m[2]}}`);
}

const OWN_REFERENCE = /^\$\{(okta_|data\.|var\.|snowflake_|self\.name|[a-z0-9]+\()/;

describe('user text with template sequences reaches cdk.tf.json escaped', () => {
  const { stack, outdir } = synthConfig(configWithTemplateText());

  test('the only template sequences left are references synth writes itself', () => {
    const stray = strings(stack).flatMap(([at, s]) => templateSequences(s).filter((seq) => !OWN_REFERENCE.test(seq)).map((seq) => `${at}: ${seq}`));
    expect(stray).toEqual([]);
  });

  test('the texts are all there, escaped: label, group, push group target, attribute title and description, SCIM base URL, the output', () => {
    const all = strings(stack).map(([, s]) => s);
    for (const text of [`Partner x $\${literal} %%{ if y } z`, `partners x $\${literal} %%{ if y } z`, `Cost x $\${literal} %%{ if y } z`, 'https://partner.okta.com/scim/v2?a=$${b}']) {
      expect(all.some((s) => s.includes(text))).toBe(true);
    }
    expect(outdir).toBeTruthy();
  });

  describeWithTerraform('terraform', () => {
    afterAll(() => killRunning());
    test('validates and plans the stack: no text is read as an interpolation', async () => {
      expectPlanPasses(await planStack(path.join(outdir, 'stacks', 'dev'), { apply: false, variables: { scim_token_org2: 'plan-test-token' } }));
    }, 300_000);
  });
});
