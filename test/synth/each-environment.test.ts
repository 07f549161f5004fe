import { App, TerraformStack } from 'cdktf';
import * as fs from 'fs';
import * as path from 'path';
import { loadConfig } from '../../config/load-config';
import { buildApp, checkApp, synthToDisk } from '../../synth/synth';
import { EXAMPLE_DIR, listFiles, tempDir } from '../helpers';

const model = loadConfig(EXAMPLE_DIR);

afterEach(() => jest.restoreAllMocks());

test('each environment is built, written and released before the next: the app holds one stack whenever it writes', () => {
  const held: string[][] = [];
  const synth = App.prototype.synth;
  jest.spyOn(App.prototype, 'synth').mockImplementation(function (this: App) {
    held.push(this.node.children.filter((c) => c instanceof TerraformStack).map((c) => c.node.id));
    synth.call(this);
  });
  synthToDisk(model, { outdir: path.join(tempDir(), 'cdktf.out'), configDir: EXAMPLE_DIR });
  expect(held).toEqual(model.environments.map((e) => [e.name]));
});

test('the output is byte for byte what one app holding every stack writes, manifest.json included', () => {
  const root = tempDir();
  const oneByOne = path.join(root, 'cdktf.out');
  synthToDisk(model, { outdir: oneByOne, configDir: EXAMPLE_DIR });
  const whole = path.join(root, 'whole');
  // The same stacks from one app, laid out for the same place so that local state paths agree.
  const app = buildApp(model, whole, fs.realpathSync(EXAMPLE_DIR), path.join(fs.realpathSync(root), 'cdktf.out'));
  expect(checkApp(app, 'declared').failures).toEqual([]);
  app.synth();
  const ours = listFiles(oneByOne).filter((f) => !f.startsWith('.'));
  expect(ours).toEqual(listFiles(whole));
  for (const file of ours) expect([file, fs.readFileSync(path.join(oneByOne, file), 'utf8')]).toEqual([file, fs.readFileSync(path.join(whole, file), 'utf8')]);
});

test('an error in one environment: every environment is still checked, and nothing is written', () => {
  const root = tempDir();
  const out = path.join(root, 'cdktf.out');
  const broken = {
    environments: model.environments.map((env, i) =>
      i === 0 ? env : { ...env, integrations: env.integrations.map((it, j) => (j === 0 ? { ...it, props: { ...it.props, acsUrl: `http://insecure-${env.name}` } } : it)) },
    ),
  };
  let message = '';
  try {
    synthToDisk(broken, { outdir: out, configDir: EXAMPLE_DIR });
  } catch (err) {
    message = (err as Error).message;
  }
  // The first stack, clean, was written before the second was built; the third was still checked after the second failed.
  expect(message).toContain(`http://insecure-${model.environments[1].name}`);
  expect(message).toContain(`http://insecure-${model.environments[2].name}`);
  expect(fs.readdirSync(root)).toEqual([]);
});
