import { FieldProblem } from './settings';
import { SamlSettings } from './types';

/**
 * Rules every SAML app must satisfy, whatever its SP. A table, so that each rule
 * is one line to read and the construct and the config layer share it.
 * `isUnresolved` lets constructs skip values that are Terraform tokens.
 */
export type Unresolved = (value: unknown) => boolean;

interface SamlRule {
  readonly field: string;
  readonly check: (s: SamlSettings, isUnresolved: Unresolved) => string | undefined;
}

const URL_FIELDS = ['acsUrl', 'recipient', 'destination', 'relayState'] as const;
const URL_WORDS: Record<(typeof URL_FIELDS)[number], string> = {
  acsUrl: 'ACS URL',
  recipient: 'recipient',
  destination: 'destination',
  relayState: 'relay state',
};

/** Returns why `value` is not an absolute https URL, or undefined when it is. */
export function httpsUrlProblem(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'is not a URL';
  }
  if (url.protocol !== 'https:') return `uses ${url.protocol.replace(':', '')}, not https`;
  if (!url.hostname) return 'has no host';
  if (/\s/.test(value)) return 'contains whitespace';
  return undefined;
}

const RULES: readonly SamlRule[] = [
  ...URL_FIELDS.map(
    (field): SamlRule => ({
      field,
      check: (s, isUnresolved) => {
        const value = s[field];
        if (value === undefined || isUnresolved(value)) return undefined;
        const why = httpsUrlProblem(value);
        return why && `${URL_WORDS[field]} ${JSON.stringify(value)} ${why}; accepted: an absolute https:// URL`;
      },
    }),
  ),
  {
    field: 'audience',
    check: (s, isUnresolved) => {
      if (isUnresolved(s.audience)) return undefined;
      if (s.audience.trim() === '') return 'audience (SP entity ID) is empty; accepted: the entity ID exactly as the SP publishes it';
      if (/\s/.test(s.audience)) return `audience ${JSON.stringify(s.audience)} contains whitespace; accepted: a URI or hostname without spaces`;
      return undefined;
    },
  },
  {
    field: 'label',
    check: (s, isUnresolved) => (!isUnresolved(s.label) && s.label.trim() === '' ? 'label is empty; accepted: the app name shown in Okta' : undefined),
  },
  {
    field: 'username.template',
    check: (s) => {
      if (s.username.format === 'custom' && !s.username.template) return 'username format "custom" needs username.template (an Okta expression such as ${source.login})';
      if (s.username.format !== 'custom' && s.username.template !== undefined) {
        return `username.template ${JSON.stringify(s.username.template)} conflicts with username.format ${JSON.stringify(s.username.format)}; set format to "custom" or remove the template`;
      }
      return undefined;
    },
  },
  {
    field: 'signing',
    check: (s) =>
      !s.signing.responseSigned && !s.signing.assertionSigned
        ? 'responseSigned and assertionSigned are both false; Okta requires at least one of them to be true'
        : undefined,
  },
  {
    field: 'groupAttribute.filter.value',
    check: (s) => {
      const f = s.groupAttribute?.filter;
      if (!f || f.type !== 'regex') return undefined;
      try {
        new RegExp(f.value);
        return undefined;
      } catch {
        return `group filter ${JSON.stringify(f.value)} is not a valid regular expression`;
      }
    },
  },
];

/** Checks resolved SAML settings against the rules every SAML app must satisfy. */
export function checkSamlSettings(settings: SamlSettings, isUnresolved: Unresolved = () => false): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const rule of RULES) {
    const message = rule.check(settings, isUnresolved);
    if (message) problems.push({ field: rule.field, message });
  }
  return problems;
}
