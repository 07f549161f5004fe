import { mergeSettings } from '../../model/merge';

describe('mergeSettings', () => {
  test('objects merge key by key, in base order then new keys; lists and scalars replace', () => {
    const merged = mergeSettings<Record<string, unknown>>({ a: 1, b: { c: 1, d: [1, 2] } }, { b: { d: [3], e: 'x' }, f: true });
    expect(merged).toEqual({ a: 1, b: { c: 1, d: [3], e: 'x' }, f: true });
    expect(Object.keys(merged)).toEqual(['a', 'b', 'f']);
    expect(Object.keys(merged.b as object)).toEqual(['c', 'd', 'e']);
  });

  test('an undefined layer or value keeps what is below it', () => {
    expect(mergeSettings({ a: 1 }, undefined, { a: undefined, b: undefined })).toEqual({ a: 1, b: undefined });
  });

  test('a __proto__ or toString key is data: an own entry, never the prototype', () => {
    const over = JSON.parse('{"__proto__": {"polluted": true}, "toString": "x"}');
    const merged = mergeSettings<Record<string, unknown>>({ a: 1 }, over);
    expect(Object.getPrototypeOf(merged)).toBe(Object.prototype);
    expect(Object.hasOwn(merged, '__proto__')).toBe(true);
    expect(merged.toString).toBe('x');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
