import { listSome, showValue } from './show-value';
import { FieldProblem } from './problem';
import { RuleId } from './rule-catalog';
import { SpMetadata } from './sp-metadata';
import { SamlSettings } from './types';
import { Unresolved, neverUnresolved } from './unresolved';

/** Settings an SP's metadata provides when config leaves them out (generic SPs declared from metadata alone). */
export function settingsFromMetadata(metadata: SpMetadata): { acsUrl: string; audience: string } {
  return { acsUrl: metadata.defaultPostAcs.location, audience: metadata.entityId };
}

const ACS_FIELDS = [
  ['acsUrl', 'ACS URL'],
  ['recipient', 'recipient'],
  ['destination', 'destination'],
] as const;

/**
 * Compares the Okta side with the SP's own metadata: the ACS URL, recipient and
 * destination must be one of the SP's HTTP-POST ACS locations, and the audience
 * its entity ID. `source` names the metadata file in messages.
 */
export function checkAgainstSpMetadata(saml: SamlSettings, metadata: SpMetadata, source: string, isUnresolved: Unresolved = neverUnresolved): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const locations = metadata.postAcs.map((a) => a.location);
  const shown = listSome(metadata.postAcs.map((a) => `${showValue(a.location)} (index ${a.index}${a.isDefault ? ', default' : ''})`));
  // Recipient and destination usually repeat the ACS URL: one message per wrong value, on the first field that has it.
  const wrong = new Map<string, { field: string; words: string[] }>();
  for (const [field, words] of ACS_FIELDS) {
    const value = saml[field];
    if (locations.includes(value) || isUnresolved(value)) continue;
    const entry = wrong.get(value);
    if (entry) entry.words.push(words);
    else wrong.set(value, { field, words: [words] });
  }
  for (const [value, { field, words }] of wrong) {
    problems.push({
      field,
      rule: RuleId.MATCHES_SP_METADATA,
      message: `${joinWords(words)} ${showValue(value)} ${words.length === 1 ? 'does' : 'do'} not match the SP metadata (${source}): its HTTP-POST AssertionConsumerService ${locations.length === 1 ? 'location is' : 'locations are'} ${shown}`,
    });
  }
  if (saml.audience !== metadata.entityId && !isUnresolved(saml.audience)) {
    problems.push({
      field: 'audience',
      rule: RuleId.MATCHES_SP_METADATA,
      message: `audience ${showValue(saml.audience)} does not match the SP metadata (${source}): its entityID is ${showValue(metadata.entityId)}`,
    });
  }
  return problems;
}

function joinWords(words: readonly string[]): string {
  return words.length === 1 ? words[0] : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}
