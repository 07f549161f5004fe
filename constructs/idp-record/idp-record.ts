import { TerraformOutput, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { IDP_RECORD_SCHEMA_VERSION, IdpRecordSpec, IdpValue, idpRecordCommand, idpRecordOutputName } from '../../model/idp-record';
import { terraformLiteral } from '../okta-expression';
import { OktaIdpValues } from './okta-idp-values';

/** How a field's value is written, so tools can render it without guessing. */
export const FORMAT_OF: Readonly<Record<IdpValue, string>> = {
  ssoUrl: 'url',
  issuer: 'uri',
  certificatePem: 'pem',
  certificateBase64: 'base64',
  metadataXml: 'xml',
  metadataUrl: 'url',
};

export interface IdpRecordProps {
  /** Integration key; the output is `idp_record_<key>`. */
  readonly key: string;
  /** SP preset name, e.g. `aiven`. */
  readonly preset: string;
  /** The SP's name, e.g. `Aiven`. */
  readonly spName: string;
  /** The SP's form: fields in its words and order. */
  readonly spec: IdpRecordSpec;
  /** Okta's values, as references to the app's computed attributes. */
  readonly values: OktaIdpValues;
  /**
   * Terraform address of the resource that holds the record in the SP.
   * @default - none: an admin enters the record in the SP's console
   */
  readonly terraformResource?: string;
  /**
   * The environment the record belongs to.
   * @default - the enclosing stack's id (OktaEnvironmentStack ids are environment names)
   */
  readonly environment?: string;
}

/**
 * The SP's record of Okta as its IdP, as one Terraform output
 * (`idp_record_<key>`, shape: schema/idp-record.schema.json). Only public
 * values: URLs, issuer, certificate, metadata, fixed settings.
 */
export class IdpRecord extends Construct {
  public readonly output: TerraformOutput;

  constructor(scope: Construct, id: string, props: IdpRecordProps) {
    super(scope, id);
    // Labels and texts may come from config: `${` in them must stay literal for Terraform.
    const fields = props.spec.fields.map((f) => {
      const label = terraformLiteral(f.label);
      if (f.from !== undefined) {
        return { id: f.id, label, format: FORMAT_OF[f.from], value: props.values[f.from], ...(f.apiName ? { apiName: f.apiName } : {}) };
      }
      if (f.value === undefined) throw new Error(`${props.key}: IdP record field ${JSON.stringify(f.label)} has neither an Okta value nor a fixed value`);
      const value = typeof f.value === 'string' ? terraformLiteral(f.value) : f.value;
      return { id: f.id, label, format: typeof f.value === 'boolean' ? 'boolean' : 'text', value, ...(f.apiName ? { apiName: f.apiName } : {}) };
    });
    const name = idpRecordOutputName(props.key);
    const environment = props.environment ?? TerraformStack.of(this).node.id;
    this.output = new TerraformOutput(this, name, {
      description: terraformLiteral(`${props.spName}'s record of Okta as its identity provider (${props.spec.where}); render it with: ${idpRecordCommand(environment, props.key)}`),
      value: {
        schemaVersion: IDP_RECORD_SCHEMA_VERSION,
        integration: props.key,
        // So that a record is never read as another environment's (okta-sso idp-record --env checks it).
        environment,
        preset: props.preset,
        sp: terraformLiteral(props.spName),
        where: terraformLiteral(props.spec.where),
        ...(props.terraformResource ? { terraformResource: props.terraformResource } : {}),
        fields,
      },
    });
    this.output.overrideLogicalId(name);
  }
}
