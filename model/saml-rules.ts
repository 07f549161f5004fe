import { showValue } from './show-value';
import { describeChar } from './text-chars';
import { FieldProblem } from './problem';
import { RuleId } from './rule-catalog';
import { SamlSettings } from './types';
import { Unresolved, neverUnresolved } from './unresolved';

export type { Unresolved } from './unresolved';

/**
 * Rules every SAML app must satisfy, whatever its SP. A table, so that each rule
 * is one line to read. `isUnresolved` skips values that are Terraform tokens.
 */
interface SamlRule {
  readonly field: string;
  readonly check: (s: SamlSettings, isUnresolved: Unresolved) => { readonly rule: RuleId; readonly message: string } | undefined;
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
  return urlProblem(value)?.why;
}

/** Characters IDNA maps to nothing in a host (UTS #46): invisible, gone from the URL as parsed, but not from the text Okta stores. */
const IGNORED_IN_HOSTS = /[\u00AD\u034F\u180B-\u180F\u200B-\u200D\u2060\uFE00-\uFE0F\uFEFF]/;

type UrlProblem = { readonly rule: RuleId; readonly why: string } | undefined;

/**
 * The last URL judged and its answer. An app's ACS URL, recipient and destination are usually one URL, judged one
 * after the other by the props' rules and again by SSO-001: parsed once instead of three times. Keyed by the whole
 * input of a pure function, so the answer is the one parsing would give.
 */
let lastUrl: { readonly value: string; readonly problem: UrlProblem } | undefined;

/** Why `value` is not an absolute https URL, and whether that is only the scheme (policy SSO-001) or the URL itself (SSO-101). */
export function urlProblem(value: string): UrlProblem {
  if (lastUrl?.value !== value) lastUrl = { value, problem: parseUrlProblem(value) };
  return lastUrl.problem;
}

function parseUrlProblem(value: string): UrlProblem {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { rule: RuleId.WELL_FORMED, why: 'is not a URL' };
  }
  if (!url.hostname) return { rule: RuleId.WELL_FORMED, why: 'has no host' };
  if (/\s/.test(value)) return { rule: RuleId.WELL_FORMED, why: 'contains whitespace' };
  // The URL parser forgives what Okta and the SP would get as written (`https:///host`, `https:\\host\acs`, `https:host`).
  // It also drops characters a host never shows (a soft hyphen, variation selectors): the URL checked would not be the one written.
  const ignored = IGNORED_IN_HOSTS.exec(value);
  if (ignored) return { rule: RuleId.WELL_FORMED, why: `contains ${describeChar(ignored[0].charCodeAt(0))}, which URL parsers drop from a host name, so the URL checked would not be the one Okta gets; accepted: the URL without it` };
  if (value.includes('\\')) return { rule: RuleId.WELL_FORMED, why: 'contains a backslash; URLs take / only' };
  if (!/^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/]/.test(value)) return { rule: RuleId.WELL_FORMED, why: 'is not written scheme://host (two slashes, then the host)' };
  const userinfo = userinfoProblem(url);
  if (userinfo) return { rule: RuleId.WELL_FORMED, why: userinfo };
  if (url.protocol !== 'https:') return { rule: url.protocol === 'http:' ? RuleId.HTTPS_URLS : RuleId.WELL_FORMED, why: `uses ${url.protocol.replace(':', '')}, not https` };
  return undefined;
}

/** The scheme written before a value's first Terraform reference, if any (`http` in `http://${var.host}/acs`). */
export function writtenScheme(value: string): string | undefined {
  return /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(value)?.[1];
}

/** A URL known only at apply, by the scheme written in it: http is SSO-001, another scheme is not a URL Okta takes; none written, nothing to judge. */
function writtenSchemeProblem(value: string): UrlProblem {
  const scheme = writtenScheme(value);
  if (scheme === undefined || scheme.toLowerCase() === 'https') return undefined;
  return { rule: scheme.toLowerCase() === 'http' ? RuleId.HTTPS_URLS : RuleId.WELL_FORMED, why: `uses ${scheme}, not https` };
}

/** Why `url` may not be used: it carries a user (`user@`) or a password (`user:password@`), which would be written to cdk.tf.json and the runbooks. */
export function userinfoProblem(url: URL): string | undefined {
  return url.username || url.password ? 'has user info (user@ or user:password@ before the host); credentials never go in a URL: Okta and the SP authenticate otherwise' : undefined;
}

const malformed = (message: string) => ({ rule: RuleId.WELL_FORMED, message });

/**
 * A template with no Okta expression in it is a constant: every user would get the same NameID or username (one
 * account for all in the SP). `user.email` is the form attribute statements take, not templates.
 */
function constantTemplate(words: string, what: string, template: string, example: string, isUnresolved: Unresolved): { rule: RuleId; message: string } | undefined {
  if (typeof template !== 'string' || isUnresolved(template) || template.includes('${')) return undefined;
  return malformed(`${words} ${showValue(template)} has no Okta expression: every user would get the ${what} ${showValue(template)}; accepted: an expression in \${...}, e.g. ${example}`);
}
const conflict = (message: string) => ({ rule: RuleId.CONSISTENT, message });

const RULES: readonly SamlRule[] = [
  ...URL_FIELDS.map(
    (field): SamlRule => ({
      field,
      check: (s, isUnresolved) => {
        const value = s[field];
        if (value === undefined) return undefined;
        // Built around a Terraform reference: judged by the scheme written before it, as SSO-001 judges the app.
        const found = isUnresolved(value) ? writtenSchemeProblem(value) : urlProblem(value);
        return found && { rule: found.rule, message: `${URL_WORDS[field]} ${showValue(value)} ${found.why}; accepted: an absolute https:// URL` };
      },
    }),
  ),
  {
    field: 'audience',
    check: (s, isUnresolved) => {
      if (isUnresolved(s.audience)) return undefined;
      if (s.audience.trim() === '') return malformed('audience (SP entity ID) is empty; accepted: the entity ID exactly as the SP publishes it');
      if (/\s/.test(s.audience)) return malformed(`audience ${showValue(s.audience)} contains whitespace; accepted: a URI or hostname without spaces`);
      return undefined;
    },
  },
  {
    field: 'label',
    check: (s, isUnresolved) => (!isUnresolved(s.label) && s.label.trim() === '' ? malformed('label is empty; accepted: the app name shown in Okta') : undefined),
  },
  {
    field: 'nameId.template',
    check: (s, isUnresolved) => constantTemplate('NameID template', 'NameID', s.nameId.template, '${user.email}', isUnresolved),
  },
  {
    field: 'username.template',
    check: (s, isUnresolved) => {
      if (s.username.format === 'custom' && !s.username.template) return { rule: RuleId.REQUIRED, message: 'username format "custom" needs username.template (an Okta expression such as ${source.login})' };
      if (s.username.format === 'custom') return constantTemplate('username template', 'username', s.username.template!, '${source.login}', isUnresolved);
      if (s.username.template !== undefined) {
        return conflict(`username.template ${showValue(s.username.template)} conflicts with username.format ${showValue(s.username.format)}; set format to "custom" or remove the template`);
      }
      return undefined;
    },
  },
  {
    field: 'signing',
    check: (s) =>
      !s.signing.responseSigned && !s.signing.assertionSigned
        ? { rule: RuleId.OKTA_ACCEPTS, message: 'responseSigned and assertionSigned are both false; Okta requires at least one of them to be true' }
        : undefined,
  },
  {
    field: 'groupAttribute.filter.value',
    check: (s, isUnresolved) => {
      const f = s.groupAttribute?.filter;
      if (!f || f.type !== 'regex' || isUnresolved(f.value)) return undefined;
      try {
        new RegExp(f.value);
        return undefined;
      } catch {
        return malformed(`group filter ${showValue(f.value)} is not a valid regular expression`);
      }
    },
  },
];

/** Checks resolved SAML settings against the rules every SAML app must satisfy. */
export function checkSamlSettings(settings: SamlSettings, isUnresolved: Unresolved = neverUnresolved): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const rule of RULES) {
    const found = rule.check(settings, isUnresolved);
    if (found) problems.push({ field: rule.field, message: found.message, rule: found.rule });
  }
  return problems;
}
