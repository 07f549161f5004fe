import { TerraformStack } from 'cdktf';
import { addCustomSynthesis } from 'cdktf/lib/synthesize/synthesizer';
import { IConstruct } from 'constructs';
import * as path from 'path';

/**
 * Runs `write` with the stack's output directory (where cdk.tf.json goes) each
 * time the stack is synthesized, by `cdktf synth`, `app.synth()` or Testing:
 * for files that belong beside the stack's configuration. cdktf's hook for it
 * (`addCustomSynthesis`) is not in its public index; cdktf 0.21 is final, so
 * the deep import is stable, and this is the one file that uses it.
 */
export function onSynthesize(construct: IConstruct, write: (stackDir: string) => void): void {
  const stack = TerraformStack.of(construct);
  addCustomSynthesis(construct, {
    onSynthesize(session) {
      write(path.dirname(path.join(session.outdir, session.manifest.forStack(stack).synthesizedStackPath)));
    },
  });
}
