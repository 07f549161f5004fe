import * as fs from 'fs';
import * as path from 'path';
import { readConfig } from '../../config/load-config';
import { formatProblem } from '../../config/problems';
import { EXAMPLE_DIR, tempDir } from '../helpers';

/** A copy of the example organisation with `edit` applied to one of its files. */
function exampleWith(file: string, edit: (text: string) => string): string {
  const dir = path.join(tempDir('okta-sso-sp-objects-'), 'acme');
  fs.cpSync(EXAMPLE_DIR, dir, { recursive: true });
  const target = path.join(dir, file);
  const before = fs.readFileSync(target, 'utf8');
  const after = edit(before);
  expect(after).not.toBe(before);
  fs.writeFileSync(target, after);
  return dir;
}

describe('config: SP-side objects claimed by two environments', () => {
  test("staging on prod's Snowflake account: one problem at each environment's account line, and no model", () => {
    const dir = exampleWith('environments/staging.yaml', (t) => t.replace('account: acme-analytics_staging', 'account: acme-analytics'));
    const { model, problems } = readConfig(dir);
    expect(model).toBeUndefined();
    expect(problems.map((p) => formatProblem(p).split(dir + '/').join(''))).toEqual([
      expect.stringMatching(/^environments\/prod\.yaml:\d+:\d+: environments\.prod\.integrations\.snowflake\.snowflake\.account: in environment "prod": SAML2 integration "OKTA_SNOWFLAKE", .* also claimed by integration "snowflake" of environment "staging" in Snowflake account "acme-analytics"/),
      expect.stringMatching(/^environments\/staging\.yaml:\d+:\d+: environments\.staging\.integrations\.snowflake\.snowflake\.account: in environment "staging": .* of environment "prod" /),
    ]);
  });

  test('the example organisation, with an account per environment, has no such problem', () => {
    expect(readConfig(EXAMPLE_DIR).problems).toEqual([]);
  });
});
