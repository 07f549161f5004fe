import { jsonErrorOffset, lineAndColumn, parseJsonText } from '../../model/json-text';

describe('parseJsonText: JSON a user gave, never quoted back', () => {
  test('valid JSON gives its value', () => expect(parseJsonText('{"a": [1, true, null, "x"]}')).toEqual({ ok: true, value: { a: [1, true, null, 'x'] } }));

  test.each([
    // JSON.parse on Node 20 quotes these: `Unexpected token 'S', "SECRETabc" is not valid JSON`.
    ['sk_live_SECRETVALUE', 1, 1],
    ['{"provider": {"okta": [{"api_token": 00SECRETSECRETSECRET}]}}', 1, 39],
    ['{\n  "a": 1,\n  "b": tru\n}', 3, 8],
    ['[1,]', 1, 4],
    ['{"a":1} x', 1, 9],
    ['{"a" 1}', 1, 6],
    ['{"a": "x\ty"}', 1, 9],
    ['{"a": "\\q"}', 1, 8],
    ['{"a": "\\"', 1, 10],
    ['{"a": [1, 2}', 1, 12],
    ['{,}', 1, 2],
    ['01', 1, 2],
    ['\uFEFF{}', 1, 1],
  ])('%j: the position only, never the content', (text, line, column) => {
    const parsed = parseJsonText(text);
    expect(parsed).toEqual({ ok: false, problem: `is not valid JSON (line ${line}, column ${column})` });
  });

  test('empty input says so', () => expect(parseJsonText(' \n')).toEqual({ ok: false, problem: 'is empty' }));

  test('text that ends early points at its end', () => expect(parseJsonText('{"a": [1')).toEqual({ ok: false, problem: 'is not valid JSON (line 1, column 9)' }));

  test('every valid document scans to its end (the scanner agrees with JSON.parse)', () => {
    for (const text of ['{}', '[]', '[[], {}]', '{"a\\u00e9\\n": -1.5e+3, "b": [false, {"c": null}]}', ' "s" ']) expect(jsonErrorOffset(text)).toBe(text.length);
  });

  test('deep nesting and 1 MB inputs are scanned in one pass', () => {
    expect(parseJsonText(`${'['.repeat(100_000)}x`)).toEqual({ ok: false, problem: 'is not valid JSON (line 1, column 100001)' });
    const long = `{"a": "${'x'.repeat(1_000_000)}`;
    expect(parseJsonText(long)).toEqual({ ok: false, problem: `is not valid JSON (line 1, column ${long.length + 1})` });
    expect(lineAndColumn('a\n'.repeat(500_000), 999_999)).toEqual({ line: 500_000, column: 2 });
  });
});
