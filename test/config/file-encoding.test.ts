import * as fs from 'fs';
import * as path from 'path';
import { checkConfig } from '../../cli/check-config';
import { firstInvalidUtf8 } from '../../model/regular-file';
import { MINIMAL_ENV, MINIMAL_INTEGRATIONS, writeConfigDir } from '../helpers';

describe('a config file that is not UTF-8 is refused at the first byte that is not, never read with U+FFFD in its place', () => {
  test.each([
    ['a Latin-1 letter', Buffer.from('integrations:\n  wiki:\n    label: Acme W\xefki\n', 'latin1'), 3, 18],
    ['a lone continuation byte', Buffer.concat([Buffer.from('integrations: {}\n# caf'), Buffer.from([0xa9]), Buffer.from('\n')]), 2, 6],
    ['a character cut short at the end', Buffer.concat([Buffer.from('integrations: {}\n# ü'), Buffer.from([0xe2, 0x82])]), 2, 4],
    ['a Latin-1 letter in a file whose lines end in CR alone', Buffer.from('integrations: {}\r# caf\xe9\r', 'latin1'), 2, 6],
  ])('%s', (_what, bytes, line, column) => {
    const dir = writeConfigDir({ 'i.yaml': MINIMAL_INTEGRATIONS, 'env.yaml': MINIMAL_ENV });
    fs.writeFileSync(path.join(dir, 'x.yaml'), bytes);
    const { problems } = checkConfig(dir);
    expect(problems).toEqual([
      expect.objectContaining({ line, column, message: 'this file is not UTF-8 text: the byte here is not part of a UTF-8 character (saved as Latin-1 or Windows-1252?); accepted: a YAML file saved as UTF-8' }),
    ]);
  });

  test('U+FFFD written as UTF-8, and any other UTF-8 text, is read as written', () => {
    const dir = writeConfigDir({ 'i.yaml': MINIMAL_INTEGRATIONS, 'env.yaml': MINIMAL_ENV, 'x.yaml': '# \uFFFD café 日本語 🎉\nintegrations: {}\n' });
    expect(checkConfig(dir).problems).toEqual([]);
  });
});

test('firstInvalidUtf8 refuses overlong forms, surrogates and bytes past U+10FFFF, and nothing well formed', () => {
  expect(firstInvalidUtf8(Buffer.from('aé€😀'))).toBeUndefined();
  expect(firstInvalidUtf8(Buffer.from([0x61, 0xc0, 0x80]))).toBe(1);
  expect(firstInvalidUtf8(Buffer.from([0xe0, 0x80, 0x80]))).toBe(0);
  expect(firstInvalidUtf8(Buffer.from([0xed, 0xa0, 0x80]))).toBe(0);
  expect(firstInvalidUtf8(Buffer.from([0xf4, 0x90, 0x80, 0x80]))).toBe(0);
  expect(firstInvalidUtf8(Buffer.from([0x61, 0x62, 0xff]))).toBe(2);
});

describe('a .json config file is JSON', () => {
  test.each([
    ['a trailing comma', '{\n  "integrations": {\n    "tool": { "preset": "generic", "label": "T", }\n  }\n}\n', 3, 50],
    ['a comment', '{\n  // tools\n  "integrations": {}\n}\n', 2, 3],
  ])('%s is a JSON syntax error at its place, not read as YAML', (_what, text, line, column) => {
    const dir = writeConfigDir({ 'i.yaml': MINIMAL_INTEGRATIONS, 'env.yaml': MINIMAL_ENV, 'more.json': text });
    expect(checkConfig(dir).problems).toEqual([
      expect.objectContaining({ line, column, message: 'JSON syntax error: not valid JSON here (a trailing comma, a comment, a quote missing?); accepted: a JSON file, or the same settings in a .yaml file' }),
    ]);
  });

  test('valid JSON, with a byte order mark or not, is read', () => {
    const dir = writeConfigDir({ 'i.yaml': MINIMAL_INTEGRATIONS, 'env.yaml': MINIMAL_ENV, 'a.json': '{ "integrations": {} }\n', 'b.json': '\uFEFF{ "integrations": {} }' });
    expect(checkConfig(dir).problems).toEqual([]);
  });
});
