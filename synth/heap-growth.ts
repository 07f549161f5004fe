import * as v8 from 'v8';
import { EnvironmentModel } from '../model/types';

/**
 * How far V8 lets the heap grow past what was live at its last full
 * collection, in percent. By default it grows up to four times, and the
 * headroom, not the data, sets synth's memory: at 10,000 x 3 one environment's
 * live data is about 450 MB, and synth peaked at 1.26 GB with V8's own growth.
 * At 50% it peaks at about 0.65 GB; 100% and 150% gave 0.80 and 1.03 GB, no
 * faster. V8's own growth is about a quarter faster there (24 s against 33 s):
 * the price of staying under 1 GB.
 */
export const SYNTH_HEAP_GROWING_PERCENT = 50;

/**
 * The largest environment, in integrations, from which synth keeps its heap
 * near its live data. Below it the heap is small whatever the headroom (about
 * 110 MB at 100 x 3, either way). At 1,000 x 3 it peaks at about 190 MB
 * instead of 240 to 290 MB, bare cdktf's 300 MB, for the same CPU time now
 * that synth makes little garbage.
 */
export const LARGE_ENVIRONMENT = 500;

/**
 * Keeps this process's heap near its live data when one of the environments
 * synthesized has LARGE_ENVIRONMENT integrations or more. For the commands that
 * run synth (`okta-sso synth`, the repo's app), never the library: a V8 flag is
 * the whole process's, and a user's own app keeps node's defaults. Returns
 * whether it did.
 */
export function keepHeapNearLive(environments: readonly EnvironmentModel[]): boolean {
  if (!environments.some((e) => e.integrations.length >= LARGE_ENVIRONMENT)) return false;
  // A growth the user chose for this process (node --heap-growing-percent, or in NODE_OPTIONS) is theirs to keep.
  if (/heap[-_]growing[-_]percent/.test(`${process.execArgv.join(' ')} ${process.env.NODE_OPTIONS ?? ''}`)) return false;
  v8.setFlagsFromString(`--heap-growing-percent=${SYNTH_HEAP_GROWING_PERCENT}`);
  return true;
}

