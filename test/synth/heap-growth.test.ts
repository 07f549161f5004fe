import * as v8 from 'v8';
import { EnvironmentModel } from '../../model/types';
import { keepHeapNearLive, LARGE_ENVIRONMENT, SYNTH_HEAP_GROWING_PERCENT } from '../../synth/heap-growth';

const org = (...sizes: number[]) => sizes.map((n, i) => ({ name: `e${i}`, integrations: Array.from({ length: n }, () => ({})) })) as unknown as EnvironmentModel[];

// Mocked: a V8 flag set for real would stay set in this test worker.
jest.mock('v8', () => ({ ...jest.requireActual('v8'), setFlagsFromString: jest.fn() }));
const setFlags = v8.setFlagsFromString as jest.Mock;
afterEach(() => setFlags.mockClear());

test('an organisation whose largest environment has fewer than LARGE_ENVIRONMENT integrations keeps node\'s defaults', () => {
  expect(keepHeapNearLive(org(LARGE_ENVIRONMENT - 1, 10, LARGE_ENVIRONMENT - 1))).toBe(false);
  expect(setFlags).not.toHaveBeenCalled();
});

test('one environment of LARGE_ENVIRONMENT integrations: the heap may grow only SYNTH_HEAP_GROWING_PERCENT past live data', () => {
  expect(keepHeapNearLive(org(10, LARGE_ENVIRONMENT, 10))).toBe(true);
  expect(setFlags.mock.calls).toEqual([[`--heap-growing-percent=${SYNTH_HEAP_GROWING_PERCENT}`]]);
});

test('a growth the user chose for the process is kept', () => {
  const before = process.env.NODE_OPTIONS;
  process.env.NODE_OPTIONS = '--max-old-space-size=4096 --heap-growing-percent=20';
  try {
    expect(keepHeapNearLive(org(LARGE_ENVIRONMENT))).toBe(false);
    expect(setFlags).not.toHaveBeenCalled();
  } finally {
    if (before === undefined) delete process.env.NODE_OPTIONS;
    else process.env.NODE_OPTIONS = before;
  }
});
