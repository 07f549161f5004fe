import { IdpRecordFieldValue, IdpRecordValue } from './idp-record-outputs';

const BEGIN = '-----BEGIN CERTIFICATE-----';
const END = '-----END CERTIFICATE-----';

/** A certificate as base64 on one line, without BEGIN/END lines (the same rule as the Terraform expression). */
export function certificateAsBase64(certificate: string): string {
  return certificate.replace(/-----(BEGIN|END) CERTIFICATE-----|\s/g, '');
}

/** A certificate as PEM: BEGIN line, 64-character lines, END line. */
export function certificateAsPem(certificate: string): string {
  const body = certificateAsBase64(certificate).match(/.{1,64}/g) ?? [];
  return [BEGIN, ...body, END].join('\n');
}

/** A field's value in the SP's format: certificates re-armoured or stripped, booleans as on/off. */
export function valueText(field: IdpRecordFieldValue): string {
  if (typeof field.value === 'boolean') return field.value ? 'on' : 'off';
  switch (field.format) {
    case 'pem':
      return certificateAsPem(field.value);
    case 'base64':
      return certificateAsBase64(field.value);
    default:
      return field.value;
  }
}

/**
 * One IdP record as the SP's form asks for it: the SP's field labels in its
 * order, each value in the SP's format. Multi-line values (PEM, XML) follow
 * their label unindented, so they can be copied exactly.
 */
export function renderIdpRecord(record: IdpRecordValue, environment: string): string {
  const lines = [`${record.sp}: IdP record of integration ${record.integration} (environment ${environment})`];
  if (record.terraformResource) {
    lines.push(`Applied by Terraform as ${record.terraformResource}; nothing to enter by hand. For reference:`);
  } else {
    lines.push(`Enter in: ${record.where}`);
  }
  const width = Math.max(...record.fields.map((f) => f.label.length)) + 1;
  for (const field of record.fields) {
    const text = valueText(field);
    if (field.format === 'xml') {
      // Uploaded as a file: say how to save it exactly.
      lines.push(`  ${field.label}: save it with: okta-sso idp-record --env ${environment} --integration ${record.integration} --field ${field.id} > okta-idp-metadata.xml`, text);
    } else if (text.includes('\n')) {
      lines.push(`  ${field.label}:`, text);
    } else {
      lines.push(`  ${`${field.label}:`.padEnd(width + 1)} ${text}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
