import { sameJson } from '../../review/compare';
import { keyedListChange, outputObjectChange } from '../../review/keyed-lists';
import { displayValue, groupName, literal } from '../../review/display';
import { HIDDEN } from '../../review/redact';
import { renderMarkdown } from '../../review/render-markdown';
import { reviewSynthDirs } from '../../review/review';
import { EXAMPLE, editedExample, synthConfig } from './synth-fixture';

/** The example's synth output, made once for every review in this file. */
let exampleSynth: string;
beforeAll(() => {
  exampleSynth = synthConfig(EXAMPLE);
});

/** The review of the example against a copy whose integrations.yaml is edited. */
const reviewOfEdit = (edit: (text: string) => string) => reviewSynthDirs(exampleSynth, synthConfig(editedExample({ 'integrations.yaml': edit })));

const mapping = (id: string, expression: string, push = 'PUSH') => ({ id, expression, push_status: push });
const many = Array.from({ length: 12 }, (_, i) => mapping(`attribute${i}`, `user.attribute${i}`));

describe('keyedListChange: only the items that differ', () => {
  test('one mapping changed among twelve: that one alone, named, however long the lists', () => {
    const after = many.map((m) => (m.id === 'attribute11' ? mapping('attribute11', 'user.other') : m));
    expect(keyedListChange('okta_profile_mapping', 'mappings', many, after, sameJson)).toEqual({
      names: ['attribute11'],
      before: 'attribute11 = user.attribute11',
      after: 'attribute11 = user.other',
    });
  });

  test('an item added or removed: shown on its side only; push on create only is said', () => {
    expect(keyedListChange('okta_profile_mapping', 'mappings', [], [mapping('title', 'user.title', 'DONT_PUSH')], sameJson)).toEqual({
      names: ['title'],
      after: 'title = user.title (on create only)',
    });
    expect(keyedListChange('okta_profile_mapping', 'mappings', [mapping('title', 'user.title')], [], sameJson)).toEqual({ names: ['title'], before: 'title = user.title' });
  });

  test('SAML attribute statements by name, Okta expressions as written', () => {
    const b = [{ name: 'email', type: 'EXPRESSION', values: ['user.email'] }, { name: 'groups', type: 'GROUP', filter_type: 'REGEX', filter_value: '^App-$${x}' }];
    const a = [b[0], { ...b[1], filter_value: '^Data-.*' }];
    expect(keyedListChange('okta_app_saml', 'attribute_statements', b, a, sameJson)).toEqual({
      names: ['groups'],
      before: 'groups (groups regex ^App-${x})',
      after: 'groups (groups regex ^Data-.*)',
    });
  });

  test('another order is said first, by the names in each order, beside the items that changed (Okta sends attribute statements in order)', () => {
    const three = [{ name: 'email', values: ['user.email'] }, { name: 'firstName', values: ['user.firstName'] }, { name: 'lastName', values: ['user.lastName'] }];
    const swapped = [three[1], three[0], { name: 'lastName', values: ['user.lastName', 'user.nickName'] }];
    expect(keyedListChange('okta_app_saml', 'attribute_statements', three, swapped, sameJson)).toEqual({
      names: ['order', 'lastName'],
      before: 'order: email, firstName, lastName; lastName = user.lastName',
      after: 'order: firstName, email, lastName; lastName = user.lastName, user.nickName',
    });
    expect(keyedListChange('okta_profile_mapping', 'mappings', many.slice(0, 2), many.slice(0, 2).reverse(), sameJson)).toEqual({
      names: ['order'],
      before: 'order: attribute0, attribute1',
      after: 'order: attribute1, attribute0',
    });
    // An item added or removed does not by itself change the others' order.
    expect(keyedListChange('okta_profile_mapping', 'mappings', many.slice(0, 2), [many[0], mapping('x', 'user.x'), many[1]], sameJson)!.names).toEqual(['x']);
  });

  test('whole lists instead (undefined) when a name repeats or is missing, or the attribute is not such a list', () => {
    expect(keyedListChange('okta_profile_mapping', 'mappings', [mapping('a', 'user.a'), mapping('a', 'user.b')], [mapping('a', 'user.a')], sameJson)).toBeUndefined();
    expect(keyedListChange('okta_profile_mapping', 'mappings', [{ expression: 'user.a' }], [], sameJson)).toBeUndefined();
    expect(keyedListChange('okta_app_group_assignments', 'group', many, [], sameJson)).toBeUndefined();
  });

  test('an item holding a secret is hidden whole, its name too', () => {
    const token = 'ghp_' + 'A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8';
    const got = keyedListChange('okta_profile_mapping', 'mappings', [mapping('title', 'user.title')], [mapping('title', `"${token}"`)], sameJson)!;
    expect(JSON.stringify(got)).not.toContain(token);
    expect(got.after).toBe(HIDDEN);
    expect(got.names).toEqual([HIDDEN]);
    expect(got.before).toBe('title = user.title');
  });
});

describe('review: attribute mappings and custom attributes in users\' words', () => {
  let md: string;
  beforeAll(() => {
    md = renderMarkdown(
      reviewOfEdit((t) =>
        t.replace(
          '      - { attribute: department, from: user.department }\n\n  snowflake',
          '      - { attribute: department, from: user.division }\n      - { attribute: costCenter, from: user.costCenter, custom: { title: Cost center } }\n\n  snowflake',
        ),
      ),
    );
  });

  test('each changed mapping is a row of its own, not the raw JSON of the list', () => {
    expect(md).toContain('| attribute mappings: `department, costCenter` | `department = user.department` | `department = user.division; costCenter = user.costCenter` |');
    expect(md).not.toContain('"push_status"');
  });

  test('the new custom attribute is named, and what Terraform applies it after is a list of addresses', () => {
    expect(md).toContain('- low: app user attribute "costCenter" added');
    expect(md).toContain(
      '| applied after | `okta_app_user_schema_property.hr_portal_employeenumber` | `okta_app_user_schema_property.hr_portal_employeenumber, okta_app_user_schema_property.hr_portal_costcenter` |',
    );
    expect(md).not.toContain('["okta_app_user_schema_property');
  });
});

test('the names of the items that differ are cut to a readable length in the comment, never in JSON', () => {
  const review = reviewOfEdit((t) =>
    t.replace('      - { name: lastName, values: [user.lastName] }\n', `      - { name: lastName, values: [user.lastName] }\n${Array.from({ length: 60 }, (_, i) => `      - { name: extraAttribute${i}, values: [user.email] }\n`).join('')}`),
  );
  const row = review.environments.find((e) => e.name === 'prod')!.integrations.find((i) => i.key === 'omni')!.settings.find((s) => s.setting === 'SAML attributes')!;
  expect(row.items).toHaveLength(60);
  const line = renderMarkdown(review).split('\n').find((l) => l.startsWith('| SAML attributes: `extraAttribute0'))!;
  expect(line.length).toBeLessThan(600);
  expect(line).toContain('…');
});

describe('outputObjectChange: an IdP record output by its entries and fields', () => {
  const field = (id: string, label: string, value: string) => ({ format: 'url', id, label, value });
  const record = (fields: object[], where = 'Wiki: Admin > SAML') => ({ environment: 'prod', fields, integration: 'wiki', where });
  const sso = field('idpSsoUrl', 'IdP SSO URL', '${okta_app_saml.wiki.http_post_binding}');

  test('one field relabelled: that field alone, named in the setting', () => {
    const got = outputObjectChange(record([sso, field('idpEntityId', 'IdP entity ID', 'x')]), record([sso, field('idpEntityId', 'IdP Entity ID', 'x')]), sameJson);
    expect(got).toEqual({ names: ['fields.idpEntityId'], before: 'IdP entity ID (url) = x', after: 'IdP Entity ID (url) = x' });
  });

  test('several entries: each value says which it is; a field added shows on its side only', () => {
    const got = outputObjectChange(record([sso]), record([sso, field('idpEntityId', 'IdP entity ID', 'x')], 'Wiki: Settings'), sameJson);
    expect(got).toEqual({
      names: ['fields.idpEntityId', 'where'],
      before: 'where: Wiki: Admin > SAML',
      after: 'fields.idpEntityId: IdP entity ID (url) = x; where: Wiki: Settings',
    });
  });

  test('fields in another order: the order is an entry of its own (the SP form follows it)', () => {
    const entity = field('idpEntityId', 'IdP entity ID', 'x');
    expect(outputObjectChange(record([sso, entity]), record([entity, sso]), sameJson)).toEqual({
      names: ['fields order'],
      before: 'idpSsoUrl, idpEntityId',
      after: 'idpEntityId, idpSsoUrl',
    });
  });

  test('not objects on both sides, or nothing differs by the comparison given: undefined (the whole value is shown)', () => {
    expect(outputObjectChange('a', 'b', sameJson)).toBeUndefined();
    expect(outputObjectChange(record([sso]), record([sso]), sameJson)).toBeUndefined();
  });

  test('a secret in an entry is never shown', () => {
    const token = 'ghp_' + 'A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8';
    const got = outputObjectChange(record([sso]), record([sso], `Wiki ${token}`), sameJson)!;
    expect(JSON.stringify(got)).not.toContain(token);
    expect(got.after).toBe(HIDDEN);
  });
});

test('review: an IdP record field relabelled shows that field, not the record cut short', () => {
  const md = renderMarkdown(reviewOfEdit((t) => t.replace('- { label: IdP entity ID, from: issuer }', '- { label: IdP Entity ID, from: issuer }')));
  expect(md).toContain('| output idp_record_wiki: `fields.idpEntityId` | `IdP entity ID (uri) = ${okta_app_saml.wiki.entity_url}` | `IdP Entity ID (uri) = ${okta_app_saml.wiki.entity_url}` |');
  expect(md).not.toContain('{"environment"');
});

test('review: an item name is shown as code, never as Markdown, and an invisible character in it or a value as \\uXXXX', () => {
  const md = renderMarkdown(
    reviewOfEdit((t) =>
      t.replace(
        '      - { name: lastName, values: [user.lastName] }\n',
        '      - { name: lastName, values: [user.lastName] }\n      - { name: "[click](https://evil.example) <img src=x>", values: [user.email] }\n',
      ),
    ),
  );
  expect(md).toContain('| SAML attributes: `[click](https://evil.example) <img src=x>` |');
  expect(md).not.toMatch(/\| SAML attributes: \[click\]/);
});

test('literal: invisible and control characters are written as \\uXXXX, as a reviewer must see them', () => {
  expect(literal('Fin\u200bance\tx')).toBe('Fin\\u200bance\\u0009x');
});

test('displayValue and groupName: an invisible character in any shown value is written as \\uXXXX', () => {
  expect(displayValue('okta_app_saml', 'label', 'Wi\u200bki', new Map())).toBe('Wi\\u200bki');
  expect(displayValue('okta_app_saml', 'default_relay_state', 'https://a.example/\u0007', new Map())).toBe('https://a.example/\\u0007');
  expect(groupName('${data.okta_group.x.id}', new Map([['${data.okta_group.x.id}', 'Eng\u202e']]))).toBe('Eng\\u202e');
});
