import * as fs from 'fs';
import { YAMLException } from 'js-yaml';
import * as path from 'path';
import { generateOrg } from '../../bench/generate';
import { reviewFloor } from '../../bench/review-floor';
import { FLOOR_VALIDATOR, validateFloor } from '../../bench/validate-floor';
import { PRECOMPILED_VALIDATOR, configSchema } from '../../config/schema-check';
import { reviewSynthDirs } from '../../review/review';
import { checkConfig } from '../../cli/check-config';
import { runCliCaptured, tempDir, writeConfigDir } from '../helpers';

const fsModule = require('fs') as typeof fs;

/** The files a function opens (openSync) or reads whole (readFileSync) under one of `dirs`, in order. */
function filesTouched(dirs: readonly string[], run: () => unknown): string[] {
  const touched: string[] = [];
  const record = (file: unknown) => {
    if (typeof file === 'string' && dirs.some((d) => file.startsWith(d + path.sep))) touched.push(file);
  };
  // Untyped: the spies pass on whichever overload's arguments they were given.
  const open = fs.openSync as (...args: any[]) => number;
  const readFile = fs.readFileSync as (...args: any[]) => string | Buffer;
  const opens = jest.spyOn(fsModule, 'openSync').mockImplementation(((file: fs.PathLike, ...rest: any[]) => (record(file), open(file, ...rest))) as typeof fs.openSync);
  const reads = jest.spyOn(fsModule, 'readFileSync').mockImplementation(((file: fs.PathOrFileDescriptor, ...rest: any[]) => (record(file), readFile(file, ...rest))) as typeof fs.readFileSync);
  try {
    run();
  } finally {
    opens.mockRestore();
    reads.mockRestore();
  }
  return touched;
}

/** A generated organisation's config, with what the listing must skip: a hidden file, a non-config file, tool output. */
function configWithNoise(integrations: number, changed = false): string {
  return writeConfigDir({
    ...generateOrg({ integrations, changed }).files,
    '.hidden.yaml': 'not: [valid',
    'README.txt': 'notes',
    'cdktf.out/manifest.json': '{}',
  });
}

async function synth(configDir: string): Promise<string> {
  const out = path.join(tempDir('okta-sso-floor-'), 'cdktf.out');
  const { code, err } = await runCliCaptured(['synth', '--config', configDir, '--out', out]);
  expect({ code, err }).toEqual({ code: 0, err: expect.any(String) });
  return out;
}

describe('the validate floor', () => {
  const validator = configSchema().validate;

  test('uses the precompiled validator that config/schema-check.ts loads', () => {
    expect(FLOOR_VALIDATOR).toBe(PRECOMPILED_VALIDATOR);
  });

  test('reads exactly the files validate reads, in the same order', () => {
    const dir = configWithNoise(20);
    const validated = filesTouched([dir], () => expect(checkConfig(dir).problems).toEqual([]));
    const floor = filesTouched([dir], () => validateFloor(dir, validator));
    expect(floor).toEqual(validated);
    expect(validateFloor(dir, validator)).toEqual(validated);
    expect(floor.map((f) => path.relative(dir, f))).toEqual(['environments/dev.yaml', 'environments/prod.yaml', 'environments/staging.yaml', 'integrations/team-00.yaml']);
  });

  test('parses each file: a YAML syntax error fails it', () => {
    const dir = writeConfigDir({ ...generateOrg({ integrations: 3 }).files, 'extra.yaml': 'integrations: [unclosed' });
    expect(() => validateFloor(dir, validator)).toThrow(YAMLException);
  });

  test('checks the schema: a file that parses but does not match fails it', () => {
    const dir = writeConfigDir({ ...generateOrg({ integrations: 3 }).files, 'extra.yaml': 'integrations:\n  wiki:\n    preset: generic\n    colour: blue\n' });
    expect(() => validateFloor(dir, validator)).toThrow(/extra\.yaml does not match the config schema/);
  });
});

describe('the review floor', () => {
  test('reads exactly the files review reads from both synth dirs, in the same order', async () => {
    const base = await synth(configWithNoise(20));
    const head = await synth(configWithNoise(20, true));
    const reviewed = filesTouched([base, head], () => reviewSynthDirs(base, head));
    const floor = filesTouched([base, head], () => reviewFloor([base, head]));
    expect(floor).toEqual(reviewed);
    expect(reviewFloor([base, head])).toEqual(reviewed);
    const stackFiles = ['dev', 'prod', 'staging'].flatMap((env) => [`stacks/${env}/cdk.tf.json`, `stacks/${env}/runbook.json`]);
    expect(floor).toEqual([...stackFiles.map((f) => path.join(base, f)), ...stackFiles.map((f) => path.join(head, f))]);
  });

  test('parses each file: malformed JSON fails it', async () => {
    const base = await synth(writeConfigDir(generateOrg({ integrations: 3 }).files));
    fs.writeFileSync(path.join(base, 'stacks', 'prod', 'runbook.json'), '{"steps": [');
    expect(() => reviewFloor([base, base])).toThrow(SyntaxError);
  });
});
