import { BENCH_ENVIRONMENTS, generateOrg } from '../../bench/generate';
import { loadConfig } from '../../config/load-config';
import { EnvironmentModel } from '../../model/types';
import { writeConfigDir } from '../helpers';

const SIZE = 40;
const base = generateOrg({ integrations: SIZE });
const head = generateOrg({ integrations: SIZE, changed: true });
const baseModel = loadConfig(writeConfigDir({ ...base.files }));
const headModel = loadConfig(writeConfigDir({ ...head.files }));

const byKey = (env: EnvironmentModel) => Object.fromEntries(env.integrations.map((i) => [i.key, i]));

describe('the benchmark generator', () => {
  test('writes a config that loads without a problem: every integration in 3 environments', () => {
    expect(baseModel.environments.map((e) => e.name)).toEqual([...BENCH_ENVIRONMENTS].sort());
    for (const env of baseModel.environments) expect(env.integrations.map((i) => i.key)).toEqual([...base.keys].sort());
    expect(base.keys).toHaveLength(SIZE);
    expect(new Set(base.keys).size).toBe(SIZE);
  });

  test('mixes the SP presets: four in ten generic, two in ten each of aiven, atlan and omni', () => {
    const counts: Record<string, number> = {};
    for (const i of baseModel.environments[0].integrations) counts[i.preset] = (counts[i.preset] ?? 0) + 1;
    expect(counts).toEqual({ generic: 16, aiven: 8, atlan: 8, omni: 8 });
  });

  test('assigns groups to every app, creates some, renames some, and uses a backend of each type', () => {
    const integrations = baseModel.environments.flatMap((e) => e.integrations);
    expect(integrations.every((i) => i.groups.length >= 1)).toBe(true);
    expect(integrations.some((i) => i.groups.some((g) => g.create))).toBe(true);
    expect(integrations.filter((i) => i.renamedFrom).map((i) => i.key)).toEqual(Array(3).fill('design_0009'));
    expect(baseModel.environments.map((e) => e.backend.type).sort()).toEqual(['hcp', 'local', 's3']);
  });

  test('the changed variant changes exactly one integration in ten, and only those', () => {
    expect(head.changedKeys).toHaveLength(SIZE / 10);
    const changed = new Set<string>();
    for (const [i, env] of baseModel.environments.entries()) {
      const before = byKey(env);
      const after = byKey(headModel.environments[i]);
      expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
      for (const key of Object.keys(before)) if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) changed.add(key);
    }
    expect([...changed].sort()).toEqual([...head.changedKeys].sort());
  });

  test('is deterministic', () => {
    expect(generateOrg({ integrations: SIZE }).files).toEqual(base.files);
  });
});
