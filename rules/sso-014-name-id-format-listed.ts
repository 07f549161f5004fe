import { NAME_ID_FORMAT_URN, oktaNameIdFormat } from '../model/name-id-formats';
import { RULE_CATALOG } from '../model/rule-catalog';
import { listSome, showValue } from '../model/show-value';
import { COMPLIANT, NOT_APPLICABLE, PolicyRule, holdsTerraformReference, nonCompliant } from './rule';

export const nameIdFormatListed: PolicyRule = {
  ...RULE_CATALOG['SSO-014'],
  check({ app, integration }) {
    const document = integration?.props.spMetadata;
    const listed = document?.metadata?.nameIdFormats ?? [];
    const sent = app.body.subject_name_id_format;
    // No list is no constraint; a catalog app (no format of its own here) or one known only at apply is not judged.
    if (listed.length === 0 || typeof sent !== 'string' || holdsTerraformReference(sent)) return NOT_APPLICABLE;
    const accepted = [...new Set(listed.map(oktaNameIdFormat).filter((f) => f !== undefined))];
    const format = oktaNameIdFormat(sent);
    // An SP that lists `unspecified` leaves the format to the IdP: any is one it takes.
    if (accepted.includes('unspecified') || (format !== undefined && accepted.includes(format))) return COMPLIANT;
    const shownListed = listSome(listed.map((f) => showValue(f)));
    const take = accepted.length > 0 ? `nameId.format ${accepted.join(' or ')}` : `none of them is a format Okta sends (${Object.keys(NAME_ID_FORMAT_URN).join(', ')})`;
    return nonCompliant(
      `NameID format ${showValue(format ?? sent)} is not one the SP metadata (${document!.source}) lists: ${shownListed}; accepted: ${take}`,
    );
  },
};
