import { renderJson } from '../../review/render-json';
import { renderMarkdown } from '../../review/render-markdown';
import { reviewSynthDirs } from '../../review/review';
import { EXAMPLE, Stacks, clone, editedExample, readRunbooks, readStacks, synthConfig, writeSynthDir } from './synth-fixture';

/**
 * Names and values as the user wrote them. Synth writes every user string as a Terraform literal
 * (`${` as `$${`, `%{` as `%%{`, constructs/okta-expression.ts) and JSON escapes quotes and
 * backslashes: the review shows neither, and quotes a name in a finding once, as messages do.
 */
const ODD = 'Eng "Ops" ${x} %{y} \\d';
/** How a finding quotes ODD: JSON-quoted once (model/show-value.ts). */
const ODD_QUOTED = JSON.stringify(ODD);

let baseDir: string;
let headDir: string;
let head: Stacks;

beforeAll(() => {
  baseDir = synthConfig(EXAMPLE);
  headDir = synthConfig(
    editedExample({
      'environments/dev.yaml': (t) =>
        t.replace('groups: [Engineering-Dev]', `groups: [Engineering-Dev, '${ODD}']`).replace('description: Data team access to dev SaaS apps (managed by cdktf-okta-sso)', 'description: Data team ${x} %{y}'),
      'integrations.yaml': (t) =>
        t
          .replace('label: Acme Wiki', `label: 'Acme "Wiki" \${x} %{y} \\d'`)
          .replace('"^(Data|Analytics)-.*"', '"^(Data|Analytics)-%{y}.*"')
          .replace('- { name: email, values: [user.email] }', '- { name: "e${x}", values: [user.email] }'),
    }),
  );
  head = readStacks(headDir);
});

const integration = (review: ReturnType<typeof reviewSynthDirs>, env: string, key: string) => review.environments.find((e) => e.name === env)!.integrations.find((i) => i.key === key)!;
const row = (review: ReturnType<typeof reviewSynthDirs>, env: string, key: string, setting: string) => integration(review, env, key).settings.find((s) => s.setting === setting)!;

describe('review: literals as the user wrote them', () => {
  test('the synthesized JSON holds them escaped (what the review must undo)', () => {
    expect(head.dev.data.okta_group.group_eng_ops_x_y_d.name).toBe('Eng "Ops" $${x} %%{y} \\d');
  });

  test('a group name: once quoted in the finding, plain in the table, never with Terraform escapes', () => {
    const review = reviewSynthDirs(baseDir, headDir);
    expect(integration(review, 'dev', 'aiven').findings.map((f) => f.detail)).toContain(`group ${ODD_QUOTED} assigned`);
    expect(row(review, 'dev', 'aiven', 'assigned groups').after).toBe(`Engineering-Dev, ${ODD}`);
    const md = renderMarkdown(review);
    expect(md).toContain('- low: group "Eng \\"Ops\\" ${x} %{y} \\\\d" assigned\n');
    expect(md).toContain('| assigned groups | `Engineering-Dev` | `Engineering-Dev, Eng "Ops" ${x} %{y} \\d` |');
    for (const text of [md, renderJson(review)]) expect(text).not.toMatch(/\$\$\{|%%\{/);
  });

  test('labels, descriptions, SAML attribute names and group filters: as written', () => {
    const review = reviewSynthDirs(baseDir, headDir);
    expect(row(review, 'prod', 'wiki', 'app name').after).toBe('Acme "Wiki" ${x} %{y} \\d');
    // Only the statements that differ: email's name changed, so email is gone and e${x} is new.
    expect(row(review, 'prod', 'omni', 'SAML attributes')).toMatchObject({ items: ['e${x}', 'email'], before: 'email = user.email', after: 'e${x} = user.email' });
    expect(row(review, 'prod', 'atlan', 'SAML attributes').after).toMatch(/memberOf \(groups regex \^\(Data\|Analytics\)-%\{y\}\.\*\)$/);
    const description = review.environments.find((e) => e.name === 'dev')!.environment.settings.find((s) => s.attribute === 'description')!;
    expect(description.after).toBe('Data team ${x} %{y}');
  });

  test('an unguarded lookup, a push group and an adopted group name the group as written', () => {
    const edited = clone(head);
    delete edited.dev.data.okta_group.group_eng_ops_x_y_d.lifecycle;
    edited.prod.resource.okta_push_group.aiven_group_sre.target_group_name = 'sre $${x}';
    edited.prod.resource.okta_group = { odd: { name: 'Eng "Ops" $${x} %%{y} \\d' } };
    edited.prod.import = [{ to: 'okta_group.odd', id: '00g1b2c3d4e5f6g7h8i9' }];
    const review = reviewSynthDirs(baseDir, writeSynthDir(edited, readRunbooks(headDir)));
    const env = (name: string) => review.environments.find((e) => e.name === name)!.environment;
    expect(env('dev').findings.map((f) => f.detail)).toContain(`new group lookup ${ODD_QUOTED} has no exact-name check (used by aiven)`);
    expect(env('prod').adopted?.map((a) => a.what)).toEqual([`Okta group ${ODD_QUOTED}`]);
    expect(row(review, 'prod', 'aiven', 'push group "SRE" -> SP group "sre ${x}": SP group name')).toMatchObject({ before: 'sre', after: 'sre ${x}' });
    for (const text of [renderMarkdown(review), renderJson(review)]) expect(text).not.toMatch(/\$\$\{|%%\{/);
  });
});
