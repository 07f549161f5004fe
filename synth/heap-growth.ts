import * as v8 from 'v8';
import { EnvironmentModel } from '../model/types';

/**
 * How far V8 lets the heap grow past what was live at its last full
 * collection, in percent. By default it grows up to four times: synth makes
 * most of its garbage resolving one large stack (cdktf copies every resource's
 * arguments several times), so at 10,000 integrations one environment's
 * ~450 MB of live data peaked at 1.6 GB, and the default headroom, not the
 * data, set synth's memory. At 50% the whole 10,000 x 3 synth peaks at about
 * 0.7 GB, against 1.6 GB with V8's own growth, for the same CPU time.
 */
export const SYNTH_HEAP_GROWING_PERCENT = 50;

/**
 * The largest environment, in integrations, from which synth keeps its heap
 * near its live data. Below it the default headroom keeps the peak well under
 * 1 GB (about 300 MB at 1,000), and collecting more often would only cost
 * time (about a fifth more CPU at 1,000).
 */
export const LARGE_ENVIRONMENT = 2_000;

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

