import * as fs from 'fs';
import * as path from 'path';
import { REPLACE_ON_CHANGE, REPLACE_ON_CHANGE_SOURCE } from '../../review/replace-on-change';
import { RISK_CLASSES } from '../../review/risk';
import { RULE_CATALOG } from '../../model/rule-catalog';
import { RULES } from '../../rules';

const DOC = fs.readFileSync(path.join(__dirname, '..', '..', 'docs', 'review-promote-rules.md'), 'utf8');

describe('docs/review-promote-rules.md matches the code', () => {
  test('one table row per rule (policy and input rules), with its level, reason and fix', () => {
    for (const r of Object.values(RULE_CATALOG)) expect(DOC).toContain(`| ${r.id} | ${r.level} | ${r.title} | ${r.reason} | ${r.fix} |`);
    for (const r of RULES) expect(RULE_CATALOG[r.id]).toMatchObject({ id: r.id, level: r.level, title: r.title, reason: r.reason, fix: r.fix });
  });

  test('every risk class with its level and impact', () => {
    for (const c of Object.values(RISK_CLASSES)) expect(DOC).toContain(`| ${c.level} | ${c.title} | ${c.impact}`);
  });

  test('the replace-on-change table and its source tag', () => {
    expect(DOC).toContain(`at tag **${REPLACE_ON_CHANGE_SOURCE.tag}**`);
    for (const [type, r] of Object.entries(REPLACE_ON_CHANGE)) {
      if (r.attributes.length) expect(DOC).toContain(`| \`${type}\` | ${r.attributes.map((a) => `\`${a}\``).join(', ')} | ${r.file} | ${r.tag} |`);
      else expect(DOC).toMatch(new RegExp(`\\| [^|\\n]*\`${type}\`[^|\\n]* \\| none \\| [^|\\n]*${r.file}[^|\\n]* \\| ${r.tag} \\|`));
    }
  });
});
