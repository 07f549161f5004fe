import { TerraformElement } from 'cdktf';
import { Construct } from 'constructs';

export interface MovedBlockProps {
  /** Terraform address before the move, e.g. `okta_app_saml.old_key`. */
  readonly from: string;
  /** Terraform address after the move, e.g. `okta_app_saml.new_key`. */
  readonly to: string;
}

/**
 * A Terraform `moved` block. Written directly rather than through
 * `moveFromId`, which makes every synth shell out to `terraform version`.
 */
export class MovedBlock extends TerraformElement {
  constructor(
    scope: Construct,
    id: string,
    private readonly props: MovedBlockProps,
  ) {
    super(scope, id);
  }

  public toTerraform(): any {
    return { moved: [{ from: this.props.from, to: this.props.to }] };
  }
}
