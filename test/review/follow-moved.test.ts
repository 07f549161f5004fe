import { followMoved, renameIdentifiers } from '../../review/follow-moved';

describe('review: values read with moved addresses and renamed identifiers', () => {
  const moved = new Map([['okta_app_saml.old', 'okta_app_saml.new']]);

  test('only the parts that change are copied; the rest, and the input, stay as they are', () => {
    const value = JSON.parse('{"app_id": "${okta_app_saml.old.id}", "group": [{"id": "${okta_group.g.id}"}], "profile": {"a": 1}, "//": {"x": "${okta_app_saml.old.id}"}, "__proto__": "kept"}');
    const out = followMoved(value, moved);
    expect(out).not.toBe(value);
    expect(Object.keys(out)).toEqual(['app_id', 'group', 'profile', '//', '__proto__']);
    expect(out.app_id).toBe('${okta_app_saml.new.id}');
    expect(out.group).toBe(value.group);
    expect(out.profile).toBe(value.profile);
    expect(out['//']).toBe(value['//']);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(out, '__proto__')?.value).toBe('kept');
    expect(value.app_id).toBe('${okta_app_saml.old.id}');
  });

  test('a value with nothing to rewrite is returned as it is', () => {
    const value = { a: ['${okta_app_saml.other.id}', { b: 'old' }], n: 1 };
    expect(followMoved(value, moved)).toBe(value);
    expect(renameIdentifiers(value, new Map([['missing', 'x']]))).toBe(value);
    const renamed = renameIdentifiers(value, new Map([['old', 'new']]));
    expect(renamed).toEqual({ a: ['${okta_app_saml.other.id}', { b: 'new' }], n: 1 });
    expect(value.a[1]).toEqual({ b: 'old' });
  });
});
