import { parseDocument } from 'yaml';
import { TextEdit, YamlEditError, editYaml } from '../../yaml-edit/edit';
import { styleOf } from '../../yaml-edit/render';

const at = (path: string) => path.split('.');

function edit(text: string, change: TextEdit): string {
  return editYaml(text, [change], styleOf(parseDocument(text), text));
}

function set(text: string, path: string, value: unknown): string {
  return edit(text, { kind: 'set', path: at(path), value });
}

function del(text: string, path: string, keep = 2): string {
  return edit(text, { kind: 'delete', path: at(path), keep });
}

describe('a set edits the text in place', () => {
  test('a changed scalar keeps its line: the comment after it and its spacing', () => {
    expect(set('a:\n  b: 1     #   one\n  c: 2\n', 'a.b', 3)).toBe('a:\n  b: 3     #   one\n  c: 2\n');
  });

  test('a key is added after the last entry of its map, past comment lines that belong to that entry, before those of the next key', () => {
    const text = 'a:\n  b:\n    c: 1\n    # about c\n  # about d\n  d: 2\ne: 3\n';
    expect(set(text, 'a.b.x', true)).toBe('a:\n  b:\n    c: 1\n    x: true\n    # about c\n  # about d\n  d: 2\ne: 3\n');
    expect(set(text, 'a.d2.y', 'z')).toBe(`${text.replace('e: 3\n', '')}  d2:\n    y: z\ne: 3\n`);
  });

  test("the file's indent step, line ending and final newline (or its absence) are kept", () => {
    expect(set('a:\r\n    b: 1\r\n', 'a.c.d', 2)).toBe('a:\r\n    b: 1\r\n    c:\r\n        d: 2\r\n');
    expect(set('a:\n  b: 1', 'a.c', 2)).toBe('a:\n  b: 1\n  c: 2');
  });

  test('flow maps take the new key inside their braces, padded as the file pads them', () => {
    expect(set('a: {b: 1}   # c\n', 'a.c.d', 2)).toBe('a: {b: 1, c: {d: 2}}   # c\n');
    expect(set('a: { b: 1 }\n', 'a.c', [1, 2])).toBe('a: { b: 1, c: [1, 2] }\n');
  });

  test('an empty value (`key:`, `key: ~`, `key: {}`) becomes a block map below the key; its line keeps its comment', () => {
    expect(set('a:\n  b:   # x\n', 'a.b.c', 1)).toBe('a:\n  b:   # x\n    c: 1\n');
    expect(set('a:\n  b: ~  # x\n', 'a.b.c', 1)).toBe('a:\n  b:  # x\n    c: 1\n');
    expect(set('a:\n  b: {}\nz: 0\n', 'a.b.c', 1)).toBe('a:\n  b:\n    c: 1\nz: 0\n');
  });

  test('lists: scalars inline, maps one per line as flow maps, a block list replaced by its lines', () => {
    expect(set('a:\n  b: 1\n', 'a.g', ['x', 'y'])).toBe('a:\n  b: 1\n  g: [x, y]\n');
    const items = [
      { attribute: 'title', from: 'user.title' },
      { attribute: 'department', from: 'user.department' },
    ];
    expect(set('a:\n  s:\n    - { attribute: title, from: user.title }   # kept line\n  z: 1\n', 'a.s', items)).toBe(
      'a:\n  s:\n    - { attribute: title, from: user.title }\n    - { attribute: department, from: user.department }\n  z: 1\n',
    );
    expect(set('a:\n  s: []   # none yet\n', 'a.s', items)).toBe('a:\n  s:   # none yet\n    - { attribute: title, from: user.title }\n    - { attribute: department, from: user.department }\n');
    expect(set('a:\n  s:\n    - x\n    - y\n', 'a.s', ['z'])).toBe('a:\n  s: [z]\n');
  });

  test('strings are quoted only where YAML needs it, never folded', () => {
    const long = 'x'.repeat(150);
    expect(set('a:\n  b: 1\n', 'a.b', 'a: b')).toBe('a:\n  b: "a: b"\n');
    expect(set('a:\n  b: 1\n', 'a.b', 'line\nbreak')).toBe('a:\n  b: "line\\nbreak"\n');
    expect(set('a:\n  b: 1\n', 'a.b', 'true')).toBe('a:\n  b: "true"\n');
    expect(set('a:\n  b: 1\n', 'a.b', long)).toBe(`a:\n  b: ${long}\n`);
    expect(set('a:\n  b: 1\n', 'a.b', 'https://x.example/?a=1#top')).toBe('a:\n  b: https://x.example/?a=1#top\n');
  });

  test('a `__proto__` key is data', () => {
    const text = set('a:\n  b: 1\n', 'a.__proto__.c', 1);
    expect(text).toBe('a:\n  b: 1\n  __proto__:\n    c: 1\n');
    expect(Object.getPrototypeOf(parseDocument(text).toJS().a)).toBe(Object.prototype);
  });

  test('never through an alias, nor into a map an alias repeats', () => {
    const text = 'a:\n  x: &s { d: 1 }\n  y: *s\n';
    expect(() => set(text, 'a.y.e', 2)).toThrow(YamlEditError);
    expect(() => set(text, 'a.x.e', 2)).toThrow(/anchor &s that an alias repeats/);
    // Replacing the alias itself changes nothing else.
    expect(set(text, 'a.y', 3)).toBe('a:\n  x: &s { d: 1 }\n  y: 3\n');
  });

  test('a value that is not a map where a map is needed is refused, with where', () => {
    try {
      set('a:\n  b: [1]\n', 'a.b.c', 1);
      throw new Error('no error');
    } catch (err) {
      expect(err).toBeInstanceOf(YamlEditError);
      expect((err as YamlEditError).at).toEqual(['a', 'b']);
      expect((err as Error).message).toBe('holds a list where the edit must write inside a map; accepted: a map');
    }
  });
});

describe('a delete', () => {
  test('removes the entry, its value lines and the comments right above it; nothing else', () => {
    const text = 'r:\n  i:\n    k: 1\n    # about s\n    s:\n      - 1\n      # inner\n    # about t\n    t: 2   # t\n';
    expect(del(text, 'r.i.s')).toBe('r:\n  i:\n    k: 1\n    # about t\n    t: 2   # t\n');
  });

  test('maps it leaves empty go too, but the kept entry stays as `{}`', () => {
    expect(del('r:\n  i:\n    s:\n      a: 1\n    k: 1\n', 'r.i.s.a')).toBe('r:\n  i:\n    k: 1\n');
    expect(del('r:\n  i:   # enabled\n    s:\n      a: 1\nz: 1\n', 'r.i.s.a')).toBe('r:\n  i: {}   # enabled\nz: 1\n');
  });

  test('the entry left as `{}` keeps no comment of what it held: none stays behind, above the next key', () => {
    expect(del('r:\n  i:\n    # about s\n    s: 1\n  j: 2\n', 'r.i.s')).toBe('r:\n  i: {}\n  j: 2\n');
    expect(del('r:\n  i:   # enabled\n    # about s\n    s:\n      # about a\n      a: 1\nz: 1\n', 'r.i.s.a')).toBe('r:\n  i: {}   # enabled\nz: 1\n');
    expect(del('r:\n  i:\n    s: 1\n    # more on s\n  # about j\n  j: 2\n', 'r.i.s')).toBe('r:\n  i: {}\n  # about j\n  j: 2\n');
  });

  test('inside flow maps: a middle entry, a last entry', () => {
    expect(del('r:\n  i: { a: 1, b: 2, c: 3 }\n', 'r.i.b')).toBe('r:\n  i: { a: 1, c: 3 }\n');
    expect(del('r:\n  i: { a: 1, b: 2 }\n', 'r.i.b')).toBe('r:\n  i: { a: 1 }\n');
  });

  test('an absent path is no edit', () => {
    expect(del('r:\n  i:\n    a: 1\n', 'r.i.b.c')).toBe('r:\n  i:\n    a: 1\n');
  });
});

describe('an add', () => {
  const add = (text: string, entries: Array<[string, unknown]>) =>
    edit(text, { kind: 'add', path: ['e', 'i'], entries, comments: entries.map(([k]) => ({ at: ['e', 'i', k], text: ` new ${k}` })) });

  test('appends every entry at the end of the map, each with its comment', () => {
    expect(add('e:\n  i:\n    a: {}\n', [['b', {}], ['c', { x: { y: 1 } }]])).toBe('e:\n  i:\n    a: {}\n    # new b\n    b: {}\n    # new c\n    c:\n      x:\n        y: 1\n');
  });

  test('creates the map where it is absent or empty, comments kept', () => {
    expect(add('e:\n  o: 1\n', [['b', { x: 1 }]])).toBe('e:\n  o: 1\n  i:\n    # new b\n    b:\n      x: 1\n');
    expect(add('e:\n  i: {}\n', [['b', { x: 1 }]])).toBe('e:\n  i:\n    # new b\n    b:\n      x: 1\n');
  });

  test('refuses a key the map already has', () => {
    expect(() => add('e:\n  i:\n    b: 1\n', [['b', {}]])).toThrow(/already has "b"/);
  });
});
