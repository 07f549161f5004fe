import { runbookShapeProblems, tfJsonShapeProblems } from '../../review/synth-shape';

/** `levels` lists and objects nested in one another, a number innermost. */
function nested(levels: number): unknown {
  let v: unknown = 1;
  for (let i = 0; i < levels; i++) v = i % 2 ? [v] : { a: v };
  return v;
}

describe('review shape checks: a problem names its JSON path, built only when there is a problem', () => {
  test('odd keys are quoted, names joined with dots, list items indexed, at any depth', () => {
    const tf = { resource: { 'okta app': { 'a b': null, ok: {} } }, provider: { okta: [{}, 'x'] }, moved: [{ from: 'a', to: 'b' }, { from: 1, to: 'c' }] };
    expect(tfJsonShapeProblems(tf)).toEqual([
      'resource["okta app"]["a b"] is null; accepted: an object (a block body)',
      'provider.okta[1] is a string ("x"); accepted: an object (a block body)',
      'moved[1].from is a number (1); accepted: a string',
    ]);
  });

  test('a runbook step deep in the list, and a member with no place at the top level', () => {
    const steps = [{ id: 'a' }, { id: 'b', checkOnly: 'yes' }, { id: 'c', values: { 'Any label': [1, { deep: true }] }, actions: [null, 2] }];
    expect(runbookShapeProblems({ steps })).toEqual(['steps[1].checkOnly is a string ("yes"); accepted: a boolean']);
    expect(tfJsonShapeProblems({ 'not a section': 1 })[0]).toBe('["not a section"] is not accepted here; accepted: the members //, resource, data, provider, terraform, output, variable, locals, module, moved, import, check, removed (a Terraform JSON configuration, as cdktf synth writes it)');
  });

  test('a well-shaped file has no problem, whatever its block bodies hold', () => {
    const body = { name: 'x', nested: nested(50), list: [[[{}]]], 'odd key': null };
    expect(tfJsonShapeProblems({ resource: { okta_group: { g: body } }, locals: body, output: { o: { value: body } } })).toEqual([]);
  });

  // The top level is level 0: a value at level 100 is past the limit, wherever it is (block bodies are not shape-checked, but are measured).
  test.each([
    ['resource body', (v: unknown) => ({ resource: { t: { n: { deep: v } } } }), 4],
    ['locals', (v: unknown) => ({ locals: v }), 1],
  ])('nesting in %s: 100 levels are accepted, 101 refused', (_where, wrap, above) => {
    const deepest = (levels: number) => tfJsonShapeProblems(wrap(nested(levels)));
    expect(deepest(100 - above)).toEqual([]);
    expect(deepest(101 - above)).toEqual(['nests lists or objects deeper than 100 levels; accepted: a file as okta-sso synth writes it']);
  });

  test('runbook values are measured too', () => {
    expect(runbookShapeProblems({ steps: [{ id: 'a', values: { v: nested(96) } }] })).toEqual([]);
    expect(runbookShapeProblems({ steps: [{ id: 'a', values: { v: nested(97) } }] })).toHaveLength(1);
  });
});
