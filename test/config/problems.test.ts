import { ConfigError, ConfigProblem, MAX_PRINTED_PROBLEMS, formatProblem, formatProblemList } from '../../config/problems';
import { MINIMAL_ENV, MINIMAL_INTEGRATIONS, runCliCaptured, writeConfigDir } from '../helpers';

const many = (n: number): ConfigProblem[] => Array.from({ length: n }, (_, i) => ({ file: 'i.yaml', path: `integrations.wiki.groups.${i}`, line: i + 1, column: 7, message: 'true is not accepted; accepted: a string or a map' }));

describe('a problem list prints the first problems and counts the rest', () => {
  test('50,000 problems print 100 lines and how many more, in well under 20 KB', () => {
    const text = formatProblemList(many(50000));
    const lines = text.split('\n');
    expect(lines).toHaveLength(MAX_PRINTED_PROBLEMS + 1);
    expect(lines[0]).toBe(`  ${formatProblem(many(1)[0])}`);
    expect(lines[MAX_PRINTED_PROBLEMS]).toBe('  ... and 49900 more problems (fix these first)');
    expect(text.length).toBeLessThan(20000);
  });

  test('up to the cap every problem prints, without a count line', () => {
    expect(formatProblemList(many(MAX_PRINTED_PROBLEMS)).split('\n')).toHaveLength(MAX_PRINTED_PROBLEMS);
    expect(formatProblemList(many(MAX_PRINTED_PROBLEMS + 1)).split('\n').pop()).toBe('  ... and 1 more problem (fix these first)');
  });

  test('ConfigError\'s header keeps the total count', () => {
    const message = new ConfigError(many(50000)).message;
    expect(message.split('\n')[0]).toBe('config has 50000 problems:');
    expect(message.length).toBeLessThan(20000);
  });

  test('a field path made of a huge key is cut', () => {
    expect(formatProblem({ file: 'i.yaml', path: `integrations.${'k'.repeat(1_000_000)}`, message: 'x' }).length).toBeLessThan(300);
  });
});

test('validate with hundreds of problems: the header counts them all, the list stops at the cap', async () => {
  const groups = `[${Array.from({ length: 500 }, () => 'true').join(', ')}]`;
  const dir = writeConfigDir({ 'i.yaml': MINIMAL_INTEGRATIONS.replace('[Everyone-Wiki]', groups), 'env.yaml': MINIMAL_ENV });
  const { code, out, err } = await runCliCaptured(['validate', '--config', dir]);
  expect({ code, out }).toEqual({ code: 1, out: '' });
  const lines = err.trimEnd().split('\n');
  expect(lines[0]).toBe(`${dir}: 500 problems`);
  expect(lines).toHaveLength(1 + MAX_PRINTED_PROBLEMS + 1);
  expect(lines[lines.length - 1]).toBe('  ... and 400 more problems (fix these first)');
});
