import { TerraformBackend, TerraformRemoteState } from 'cdktf';
import { Construct } from 'constructs';

export interface HcpBackendProps {
  /** HCP Terraform / Terraform Enterprise organization. */
  readonly organization: string;
  /** Workspace name. */
  readonly workspace: string;
  /**
   * HCP Terraform or Terraform Enterprise host.
   * @default - Terraform's default, app.terraform.io
   */
  readonly hostname?: string;
}

/**
 * The `cloud` block for HCP Terraform. Written here instead of cdktf's
 * CloudBackend, which validates the Terraform version on every synth: that
 * shells out to `terraform version` and fails where terraform is not
 * installed, such as a CI job that only synthesizes for review.
 */
export class HcpBackend extends TerraformBackend {
  constructor(
    scope: Construct,
    private readonly props: HcpBackendProps,
  ) {
    super(scope, 'backend', 'cloud');
  }

  public toTerraform(): any {
    return {
      terraform: {
        cloud: {
          organization: this.props.organization,
          ...(this.props.hostname ? { hostname: this.props.hostname } : {}),
          workspaces: { name: this.props.workspace },
        },
      },
    };
  }

  public toMetadata(): any {
    const host = this.props.hostname ?? 'app.terraform.io';
    return { ...super.toMetadata(), cloud: host.startsWith('app.terraform.io') ? 'tfc' : 'tfe' };
  }

  public getRemoteStateDataSource(_scope: Construct, _name: string, _fromStack: string): TerraformRemoteState {
    throw new Error('cross-stack references are not used by cdktf-okta-sso stacks');
  }
}
