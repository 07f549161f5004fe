import { Lazy } from 'cdktf';
import { withoutCreationStacks } from '../../synth/creation-stacks';

const lazyStack = () => Lazy.anyValue({ produce: () => 1 }).creationStack;

test('tokens made inside keep no creation stack; outside, cdktf records one again', () => {
  expect(lazyStack().length).toBeGreaterThan(0);
  expect(withoutCreationStacks(lazyStack)).toEqual([]);
  expect(lazyStack().length).toBeGreaterThan(0);
});

test('restored after a throw, and nested calls restore the outer state', () => {
  expect(() =>
    withoutCreationStacks(() => {
      withoutCreationStacks(() => undefined);
      expect(lazyStack()).toEqual([]);
      throw new Error('boom');
    }),
  ).toThrow('boom');
  expect(lazyStack().length).toBeGreaterThan(0);
});
