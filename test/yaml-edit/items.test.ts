import fc from 'fast-check';
import { parseDocument } from 'yaml';
import { dataAt } from '../../yaml-edit/data';
import { expandEdit } from '../../promote/expand';
import { matchList } from '../../promote/list-match';
import { TextEdit, editYaml } from '../../yaml-edit/edit';
import { styleOf } from '../../yaml-edit/render';

/** Editing list items and flow-map entries in place: what is not edited keeps its text, comments stay with what they were written on. */

const at = (path: string) => path.split('.');

function edit(text: string, change: TextEdit): string {
  const out = editYaml(text, [change], styleOf(parseDocument(text), text));
  expect(parseDocument(out).errors).toEqual([]);
  return out;
}

/** `value` set over what `path` holds, edit by edit as promote --write makes them (each on the text the one before left). */
function setOver(text: string, path: string, value: unknown): string {
  const queue: TextEdit[] = [{ kind: 'set', path: at(path), value }];
  let out = text;
  while (queue.length) {
    const expanded = expandEdit(queue[0], dataAt(parseDocument(out).toJS(), queue[0].path));
    if (expanded) queue.splice(0, 1, ...expanded);
    else out = edit(out, queue.shift()!);
  }
  expect(dataAt(parseDocument(out).toJS(), at(path))).toEqual(value);
  return out;
}

describe('a flow map written one entry per line', () => {
  const text = 'm: {\n  a: 1,   # first\n  b: 2    # second\n}\nz: 0\n';

  test('a new key gets its own line after the last; the last entry takes a comma without moving its comment', () => {
    expect(edit(text, { kind: 'set', path: at('m.c'), value: 3 })).toBe('m: {\n  a: 1,   # first\n  b: 2,   # second\n  c: 3\n}\nz: 0\n');
  });

  test('a removed entry goes with its line and comment; the one before keeps its comment in its column', () => {
    expect(edit(text, { kind: 'delete', path: at('m.a'), keep: 1 })).toBe('m: {\n  b: 2    # second\n}\nz: 0\n');
    expect(edit(text, { kind: 'delete', path: at('m.b'), keep: 1 })).toBe('m: {\n  a: 1    # first\n}\nz: 0\n');
  });

  test('with a comma after every entry, the one before a removed last entry keeps its comma, and a new entry gets one', () => {
    const trailing = 'm: {\n  a: 1,   # first\n  b: 2,   # second\n}\n';
    expect(edit(trailing, { kind: 'delete', path: at('m.b'), keep: 1 })).toBe('m: {\n  a: 1,   # first\n}\n');
    expect(edit(trailing, { kind: 'set', path: at('m.c'), value: 3 })).toBe('m: {\n  a: 1,   # first\n  b: 2,   # second\n  c: 3,\n}\n');
  });

  test('comment lines right above an entry go with it', () => {
    expect(edit('m: {\n  a: 1,\n  # about b\n  b: 2,\n  c: 3\n}\n', { kind: 'delete', path: at('m.b'), keep: 1 })).toBe('m: {\n  a: 1,\n  c: 3\n}\n');
  });

  test('on one line, as before: `, key: value` at the end, an entry and its comma removed', () => {
    expect(edit('m: { a: 1, b: 2 }   # c\n', { kind: 'set', path: at('m.c'), value: 3 })).toBe('m: { a: 1, b: 2, c: 3 }   # c\n');
    expect(edit('m: { a: 1, b: 2 }   # c\n', { kind: 'delete', path: at('m.a'), keep: 1 })).toBe('m: { b: 2 }   # c\n');
  });
});

describe('block list items', () => {
  const text = 'l:\n  # about x\n  - x    # ex\n  - y    # why\nz: 0\n';

  test('inserted before an item (and the comment lines above it), or after the last', () => {
    expect(edit(text, { kind: 'insert', path: at('l.0'), value: 'w' })).toBe('l:\n  - w\n  # about x\n  - x    # ex\n  - y    # why\nz: 0\n');
    expect(edit(text, { kind: 'insert', path: at('l.2'), value: 'v' })).toBe(`${text.replace('z: 0\n', '')}  - v\nz: 0\n`);
  });

  test('removed with the comment lines above it and the comment after it; nothing else', () => {
    expect(edit(text, { kind: 'delete', path: at('l.0'), keep: 1 })).toBe('l:\n  - y    # why\nz: 0\n');
  });

  test('replaced on its dash line, keeping the comment after it', () => {
    expect(edit(text, { kind: 'set', path: at('l.1'), value: 'q' })).toBe(text.replace('- y ', '- q '));
  });

  test('the first key of a block map item, removed: the next key moves up onto the dash line', () => {
    expect(edit('l:\n  - a: 1   # one\n    b: 2\n', { kind: 'delete', path: at('l.0.a'), keep: 2 })).toBe('l:\n  - b: 2\n');
  });

  test('a flow list: an item inserted in the middle, one removed, the others as written', () => {
    expect(edit("l: ['x', y]\n", { kind: 'insert', path: at('l.1'), value: 'w' })).toBe("l: ['x', w, y]\n");
    expect(edit("l: ['x', y, \"z\"]\n", { kind: 'delete', path: at('l.1'), keep: 1 })).toBe("l: ['x', \"z\"]\n");
  });
});

describe('a value set over a list, item by item', () => {
  test('equal items stay, an item that shares entries with a new one is that item changed, the rest inserted or removed', () => {
    const text = 'l:\n  - { name: a, v: 1 }   # keep\n  - { name: b, v: 2 }   # b\n  - { name: c, v: 3 }   # gone\n';
    expect(setOver(text, 'l', [{ name: 'a', v: 1 }, { name: 'new', v: 0 }, { name: 'b', v: 5 }])).toBe(
      'l:\n  - { name: a, v: 1 }   # keep\n  - { name: new, v: 0 }\n  - { name: b, v: 5 }   # b\n',
    );
  });

  test('a scalar list', () => {
    expect(setOver('l:\n  - x   # ex\n  - y   # why\n', 'l', ['y', 'z'])).toBe('l:\n  - y   # why\n  - z\n');
  });

  test('an item the source lists elsewhere moves there with its comments, and is then changed in place', () => {
    const text = 'l:\n  # about a\n  - { name: a, v: [1] }      # a prod\n  - { name: b, v: [2] }   # b\nz: 0\n';
    expect(setOver(text, 'l', [{ name: 'b', v: [2] }, { name: 'a', v: [1, 3] }])).toBe('l:\n  - { name: b, v: [2] }   # b\n  # about a\n  - { name: a, v: [1, 3] }      # a prod\nz: 0\n');
    // The same at the end of a text without a final line break.
    expect(setOver('l:\n  - x   # ex\n  - y   # why', 'l', ['y', 'x'])).toBe('l:\n  - y   # why\n  - x   # ex');
  });

  test('a block map item moves whole, the lines below its dash too', () => {
    const text = 'l:\n  - name: a    # a\n    v: 1\n  - name: b    # b\n    v: 2\n';
    expect(setOver(text, 'l', [{ name: 'b', v: 2 }, { name: 'a', v: 5 }])).toBe('l:\n  - name: b    # b\n    v: 2\n  - name: a    # a\n    v: 5\n');
  });

  test('a flow list: on one line, the moved item keeps its text; one item per line, its comments go with it and the commas stay right', () => {
    expect(setOver("l: [x, 'y', z]\n", 'l', ['z', 'x', 'y'])).toBe("l: [z, x, 'y']\n");
    const lines = 'l: [\n  x,     # ex\n  # about y\n  y      # why\n]\n';
    expect(setOver(lines, 'l', ['y', 'x'])).toBe('l: [\n  # about y\n  y,     # why\n  x      # ex\n]\n');
  });
});

test('any list set over any other: the text reads back as the new list, and each matched item keeps its comments wherever it ends up', () => {
  const item = fc.record({ name: fc.constantFrom('a', 'b', 'c', 'd'), v: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 2 }) });
  const flow = (x: { name: string; v: number[] }) => `{ name: ${x.name}, v: [${x.v.join(', ')}] }`;
  // Each old item i is written with a comment line `# above i` (block lists) and `# after i` on its line.
  const styles: Record<string, (items: Array<{ name: string; v: number[] }>) => string> = {
    block: (items) => `l:\n${items.map((x, i) => `  # above ${i}\n  - ${flow(x)}   # after ${i}\n`).join('')}z: 0\n`,
    blockMaps: (items) => `l:\n${items.map((x, i) => `  - name: ${x.name}   # after ${i}\n    v: [${x.v.join(', ')}]\n`).join('')}z: 0\n`,
    flowLine: (items) => `l: [${items.map(flow).join(', ')}]\nz: 0\n`,
    flowLines: (items) => `l: [\n${items.map((x, i) => `  ${flow(x)}${i + 1 < items.length ? ',' : ''}   # after ${i}\n`).join('')}]\nz: 0\n`,
  };
  fc.assert(
    fc.property(fc.constantFrom(...Object.keys(styles)), fc.array(item, { minLength: 1, maxLength: 5 }), fc.array(item, { minLength: 1, maxLength: 5 }), (style, old, now) => {
      const out = setOver(styles[style](old), 'l', now);
      expect(parseDocument(out).toJS()).toEqual({ l: now, z: 0 });
      // One line holds every item: no comment to follow.
      if (style === 'flowLine') return;
      const lines = out.split('\n');
      const itemLines = lines.filter((line) => /^ +(- )?(\{|name:)/.test(line));
      const match = matchList(old, now)!;
      for (const pair of match.pairs) {
        expect(itemLines[pair.now]).toContain(`# after ${pair.old}`);
        if (style === 'block') expect(lines[lines.indexOf(itemLines[pair.now]) - 1]).toBe(`  # above ${pair.old}`);
      }
      for (const j of match.added) expect(itemLines[j]).not.toContain('#');
    }),
    { numRuns: 100 },
  );
});
