/**
 * cdktf records a complete stack trace, every frame, for each token and each
 * complex attribute it creates (several per resource), only to say where a
 * token was made should it ever fail to resolve. For a config directory's
 * stacks that is most of what synth spends on capturing and keeping strings:
 * at 10,000 integrations, about 90 MB of one environment's stack and an eighth
 * of synth's CPU. `withoutCreationStacks` runs `fn` with cdktf's capture
 * returning no frames, and restores it after, so a user's own app keeps them.
 * Should cdktf move its capture, `fn` simply runs with the traces.
 */
type Capture = { captureStackTrace: (below?: unknown) => string[] };

function cdktfCapture(): Capture | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const capture = require('cdktf/lib/tokens/private/stack-trace') as Capture;
    return typeof capture.captureStackTrace === 'function' ? capture : undefined;
  } catch {
    return undefined;
  }
}

const noFrames = (): string[] => [];

export function withoutCreationStacks<T>(fn: () => T): T {
  const capture = cdktfCapture();
  if (!capture || capture.captureStackTrace === noFrames) return fn();
  const original = capture.captureStackTrace;
  capture.captureStackTrace = noFrames;
  try {
    return fn();
  } finally {
    capture.captureStackTrace = original;
  }
}
