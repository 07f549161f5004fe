import { IStackSynthesizer, ISynthesisSession } from 'cdktf';
import * as path from 'path';
import { Construct } from 'constructs';
import { OktaEnvironmentStack, OktaEnvironmentStackProps } from '../stacks/okta-environment-stack';
import { stackConfiguration } from './stack-configuration';
import { writeStableJsonFile } from './stable-json-file';

/**
 * An environment's stack alone in its app, as synthEachEnvironment builds them.
 * It computes its configuration in linear time (synth/stack-configuration.ts)
 * and writes its cdk.tf.json a piece at a time (synth/stable-json-file.ts): the
 * same bytes as cdktf's, without the whole text in memory at once.
 */
export class SoleEnvironmentStack extends OktaEnvironmentStack {
  /** Set while cdktf's synthesizer runs: the configuration it would write as one string is written after it, streamed. */
  private deferConfig = false;
  private configDeferred = false;

  constructor(scope: Construct, id: string, props: OktaEnvironmentStackProps) {
    super(scope, id, props);
    this.synthesizer = this.streamingConfig(this.synthesizer);
  }

  /**
   * cdktf's preparing pass resolves every element once, to find references to
   * other stacks' resources and wire them through outputs and remote state.
   * Alone in its app, the stack has no other stack to refer to: the pass would
   * find nothing, and it costs about a fifth of synth's CPU. The backend is all
   * it still needs.
   */
  public prepareStack(): void {
    this.ensureBackendExists();
  }

  /** The configuration, computed in linear time (synth/stack-configuration.ts); cdktf's own where that cannot give the same. */
  public toTerraform(): any {
    if (!this.deferConfig) return stackConfiguration(this) ?? super.toTerraform();
    this.configDeferred = true;
    return {};
  }

  /**
   * Runs cdktf's own synthesizer (aspects, custom synthesis such as the
   * runbook, annotations in the manifest) with the configuration left for
   * later, then writes the configuration where that synthesizer put its
   * placeholder. With HCL output (SYNTH_HCL_OUTPUT) cdktf never asks for the
   * JSON configuration, and nothing more is written.
   */
  private streamingConfig(inner: IStackSynthesizer): IStackSynthesizer {
    return {
      synthesize: (session: ISynthesisSession) => {
        this.deferConfig = true;
        this.configDeferred = false;
        try {
          inner.synthesize(session);
        } finally {
          this.deferConfig = false;
        }
        if (this.configDeferred) writeStableJsonFile(path.join(session.outdir, session.manifest.forStack(this).synthesizedStackPath), this.toTerraform());
      },
    };
  }
}
