import * as cdktf from 'cdktf';
import * as fs from 'fs';
import * as path from 'path';
import { stringify } from 'yaml';
import * as lib from '../../index';
import { RULE_CATALOG } from '../../model/rule-catalog';
import { runCliCaptured, tempDir } from '../helpers';
import { expectRuleFired, lineWith } from '../support/rule-case-expect';
import { ConfigCase, RULE_CASES, RuleCase } from '../support/rule-cases';

const { runRuleCase } = require('../support/rule-case-runner') as {
  runRuleCase: (l: unknown, c: unknown, code: RuleCase['code'], outdir: string, suppressions?: unknown[]) => { error?: string; warnings?: string[]; stack?: any };
};

/** A config dir with the case's integration in integrations.yaml, enabled in environment prod. */
function configDir(c: RuleCase, config: ConfigCase, extra: Record<string, unknown> = {}): string {
  const dir = tempDir('okta-sso-rule-');
  const key = c.code.id;
  fs.writeFileSync(path.join(dir, 'integrations.yaml'), stringify({ integrations: { [key]: { ...config.integration, ...extra } } }));
  fs.writeFileSync(path.join(dir, 'environments.yaml'), stringify({ environments: { prod: { okta: { orgName: 'acme' }, integrations: { [key]: {} } } } }));
  for (const [name, text] of Object.entries(config.files ?? {})) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

test('every rule in the catalog has a case that makes it fire', () => {
  expect([...new Set(RULE_CASES.map((c) => c.rule))].sort()).toEqual(Object.keys(RULE_CATALOG).sort());
});

describe.each(RULE_CASES.map((c) => [`${c.rule}: ${c.what}`, c] as const))('%s', (_name, c) => {
  test('from code: a plain app.synth() names the construct path, the prop, the value and what is accepted', () => {
    expectRuleFired(c, runRuleCase(lib, cdktf, c.code, tempDir('okta-sso-app-')));
  });

  const config = c.config;
  if ('none' in config) {
    test(`from config: not expressible (${config.none})`, () => expect(config.none.length).toBeGreaterThan(10));
    return;
  }

  test('from config: the same finding at file:line:column and the field where config writes it', async () => {
    const dir = configDir(c, config);
    if (c.level === 'warning') {
      const synth = await runCliCaptured(['synth', '--config', dir, '--out', path.join(tempDir(), 'out')]);
      expect(synth.code).toBe(0);
      // Located in config as validate prints warnings: where the config writes the integration for that environment.
      expect(lineWith(synth.err, c.text)?.trim()).toMatch(new RegExp(`^warning: ${escape(dir)}/\\S+\\.yaml:\\d+:\\d+: \\S*integrations\\.wiki\\S*: `));
      return;
    }
    const validate = await runCliCaptured(['validate', '--config', dir]);
    expect(validate.code).toBe(1);
    const at = `${dir}/${config.file ?? 'integrations.yaml'}`;
    expect(lineWith(validate.err, c.text)?.trim()).toMatch(new RegExp(`^${escape(at)}:\\d+:\\d+: ${escape(config.field)}: `));
  });

  if (RULE_CATALOG[c.rule as keyof typeof RULE_CATALOG].suppressible) {
    test('a suppression with a reason accepts it on both paths, and cdk.tf.json records it', async () => {
      const suppressions = [{ rule: c.rule, reason: 'accepted for this test: the SP told us so in writing' }];
      const result = runRuleCase(lib, cdktf, c.code, tempDir('okta-sso-app-'), suppressions);
      expect(result.error).toBeUndefined();
      expect(result.warnings?.join('\n') ?? '').not.toContain(c.text);
      const note = result.stack.resource.okta_app_saml[c.code.id]['//']['okta-sso-policy'];
      expect(note.suppressions).toEqual([{ ...suppressions[0], outcome: 'non-compliant' }]);
      const validate = await runCliCaptured(['validate', '--config', configDir(c, config, { suppressions })]);
      expect(validate.err).toBe('');
      expect(validate.code).toBe(0);
    });
  } else {
    test('cannot be suppressed, on either path', async () => {
      const suppressions = [{ rule: c.rule, reason: 'trying to accept input that cannot work' }];
      const result = runRuleCase(lib, cdktf, c.code, tempDir('okta-sso-app-'), suppressions);
      expect(lineWith(result.error, 'cannot be suppressed')).toContain(`[prod/${c.code.id}] suppressions.0.rule: ${c.rule} (${RULE_CATALOG[c.rule as keyof typeof RULE_CATALOG].title}) cannot be suppressed`);
      const validate = await runCliCaptured(['validate', '--config', configDir(c, config, { suppressions })]);
      expect(validate.code).toBe(1);
      // The config schema accepts only suppressible rule IDs.
      expect(validate.err).toMatch(new RegExp(`suppressions\\.0\\.rule: .*SSO-013`));
    });
  }
});
