import * as fs from 'fs';
import * as path from 'path';
import { buildBareApp } from '../../bench/baseline-app';
import { generateOrg } from '../../bench/generate';
import { loadConfig } from '../../config/load-config';
import { synthToDisk } from '../../synth/synth';
import { EXAMPLE_DIR, listFiles, tempDir, writeConfigDir } from '../helpers';

/** Synthesizes `configDir` with the pipeline, then the bare app from its output; returns both dirs. */
function pipelineAndBare(configDir: string): { pipeline: string; bare: string } {
  const root = tempDir();
  const pipeline = path.join(root, 'cdktf.out');
  synthToDisk(loadConfig(configDir), { outdir: pipeline, configDir });
  const bare = path.join(root, 'bare.out');
  buildBareApp(pipeline, bare).synth();
  return { pipeline, bare };
}

const read = (dir: string, rel: string) => fs.readFileSync(path.join(dir, rel), 'utf8');

describe('the bare cdktf baseline', () => {
  test.each([
    ['the example organisation', EXAMPLE_DIR, false],
    ['a generated organisation (groups created, renames, three backends)', writeConfigDir({ ...generateOrg({ integrations: 100 }).files }), true],
  ])('declares exactly what the pipeline declared for %s: byte-identical stacks', (_, configDir, renames) => {
    const { pipeline, bare } = pipelineAndBare(configDir);
    const stacks = listFiles(pipeline).filter((f) => f.endsWith('cdk.tf.json'));
    expect(stacks).toEqual(['stacks/dev/cdk.tf.json', 'stacks/prod/cdk.tf.json', 'stacks/staging/cdk.tf.json']);
    for (const rel of [...stacks, 'manifest.json']) expect({ rel, text: read(bare, rel) }).toEqual({ rel, text: read(pipeline, rel) });
    if (renames) expect(read(bare, 'stacks/prod/cdk.tf.json')).toContain('"moved"');
  });
});
