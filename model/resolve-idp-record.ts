import { showValue } from './show-value';
import { IDP_VALUES, IdpRecordField, IdpRecordSpec, isIdpValue } from './idp-record';
import { SpPreset } from './presets/preset';
import { FieldProblem, problem } from './problem';
import { RuleId } from './rule-catalog';
import { AnySsoProps } from './sso-props';

/** What a generic SP gets when config does not describe its form. */
export const GENERIC_IDP_RECORD: IdpRecordSpec = {
  where: "the SP's SAML / identity provider settings",
  fields: [
    { id: 'signOnUrl', label: 'Sign-on URL', from: 'ssoUrl' },
    { id: 'issuer', label: 'Issuer', from: 'issuer' },
    { id: 'certificate', label: 'Signing certificate', from: 'certificatePem' },
    { id: 'metadataUrl', label: 'IdP metadata URL', from: 'metadataUrl' },
  ],
};

const ACCEPTED = Object.keys(IDP_VALUES).join(', ');

/**
 * The IdP record of one integration: the preset's own form, or for a generic SP
 * the form config describes (`idpRecord.fields`), each field checked against
 * what Okta's app can fill.
 */
export function resolveIdpRecord(preset: SpPreset, props: AnySsoProps): { spec: IdpRecordSpec; problems: FieldProblem[] } {
  const configured = props.idpRecord;
  if (preset.idpRecord) {
    const problems: FieldProblem[] = configured
      ? [problem(RuleId.CONSISTENT, 'idpRecord', `${preset.displayName}'s IdP record follows ${preset.displayName}'s own form and cannot be changed; accepted: no idpRecord (it is for generic SPs)`)]
      : [];
    return { spec: preset.idpRecord(props), problems };
  }
  if (!configured?.fields) return { spec: { ...GENERIC_IDP_RECORD, where: configured?.where ?? GENERIC_IDP_RECORD.where }, problems: [] };

  const problems: FieldProblem[] = [];
  const fields: IdpRecordField[] = [];
  const ids = new Set<string>();
  configured.fields.forEach((f, i) => {
    // Typed for code, but JavaScript (and a config field the schema refused and left out) can still leave the label out.
    if (typeof f.label !== 'string' || f.label === '') {
      problems.push(problem(RuleId.REQUIRED, `idpRecord.fields.${i}.label`, `SP field ${i + 1} has label ${showValue(f.label)}; accepted: the field's name as the SP's form shows it`));
      return;
    }
    if (!isIdpValue(f.from)) {
      problems.push({
        field: `idpRecord.fields.${i}.from`,
        rule: RuleId.WELL_FORMED,
        message: `SP field ${showValue(f.label)} asks for ${showValue(f.from)}, which the ${preset.name} preset cannot fill from Okta's app; accepted: ${ACCEPTED}`,
      });
      return;
    }
    const id = fieldId(f.label);
    if (ids.has(id)) {
      problems.push(problem(RuleId.UNIQUE, `idpRecord.fields.${i}.label`, `SP field ${showValue(f.label)} is listed twice; accepted: each field once`));
      return;
    }
    ids.add(id);
    fields.push({ id, label: f.label, from: f.from });
  });
  return { spec: { where: configured.where ?? GENERIC_IDP_RECORD.where, fields }, problems };
}

/** camelCase id from a label: `Sign-on URL` -> `signOnUrl`. */
export function fieldId(label: string): string {
  const words = label.toLowerCase().match(/[a-z0-9]+/g) ?? ['field'];
  const id = words.map((w, i) => (i === 0 ? w : w[0].toUpperCase() + w.slice(1))).join('');
  return /^[a-z]/.test(id) ? id : `f${id}`;
}
