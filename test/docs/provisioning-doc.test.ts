import * as fs from 'fs';
import * as path from 'path';
import { PRESETS } from '../../model/presets';

const DOC = fs.readFileSync(path.join(__dirname, '..', '..', 'docs', 'provisioning.md'), 'utf8');

describe("docs/provisioning.md's SP table matches the presets", () => {
  const rows = new Map(
    [...DOC.matchAll(/^\| `(aiven|omni|atlan|generic|onprem|snowflake)` \| (.*) \|$/gm)].map((m) => [m[1], m[2].split(' | ')]),
  );

  test('one row per preset', () => expect([...rows.keys()].sort()).toEqual(Object.keys(PRESETS).sort()));

  test.each(Object.keys(PRESETS))('%s', (name) => {
    const cap = PRESETS[name].provisioning!;
    const [methods, features, importGroups, pushGroups, enhanced] = rows.get(name)!;
    expect(methods).toBe(cap.methods.join(', '));
    expect(features).toBe(cap.features.join(', '));
    expect(importGroups).toBe(cap.importGroups);
    expect(pushGroups).toBe(cap.pushGroups ? 'yes' : 'no');
    expect(enhanced).toBe(cap.enhancedGroupPush ? 'yes' : 'no');
  });
});
