import * as followMoved from '../../review/follow-moved';
import { IntegrationReview } from '../../review/model';
import { suggestRenames } from '../../review/rename-suggestion';
import { IntegrationIndex } from '../../review/stack-index';

afterEach(() => jest.restoreAllMocks());

/** An integration whose app has these settings; its label defaults to its key, as synth writes it. */
function index(key: string, ssoUrl: string, preset = 'generic', extra: Record<string, unknown> = {}): IntegrationIndex {
  const appAddress = `okta_app_saml.${key}`;
  const body = { label: key, sso_url: ssoUrl, audience: 'https://sp.example.com/metadata', ...extra };
  return { key, preset, appAddress, blocks: new Map([[appAddress, { type: 'okta_app_saml', address: appAddress, body }]]), outputs: new Map(), steps: new Map() };
}

function review(key: string, change: 'added' | 'removed'): IntegrationReview {
  const findings = change === 'removed' ? [{ class: 'app-replaced', detail: `${key} is destroyed` }] : [];
  return { key, change, risk: 'low', findings, settings: [], replacements: [], runbook: {} } as unknown as IntegrationReview;
}

function suggested(removed: IntegrationIndex[], added: IntegrationIndex[]): Map<string, string> {
  const reviews = [...removed.map((i) => review(i.key, 'removed')), ...added.map((i) => review(i.key, 'added'))];
  const out = suggestRenames(reviews, new Map(removed.map((i) => [i.key, i])), new Map(added.map((i) => [i.key, i])));
  return new Map(out.filter((r) => r.change === 'removed' && r.possibleRename).map((r) => [r.key, r.possibleRename!.to]));
}

test('a removed app and an added one with the same SP and settings, the key aside, are suggested as a rename', () => {
  expect(suggested([index('wiki', 'https://wiki.example.com/acs')], [index('wiki_v2', 'https://wiki.example.com/acs')])).toEqual(new Map([['wiki', 'wiki_v2']]));
  expect(suggested([index('wiki', 'https://wiki.example.com/acs')], [index('wiki_v2', 'https://other.example.com/acs')])).toEqual(new Map());
  expect(suggested([index('wiki', 'https://wiki.example.com/acs')], [index('wiki_v2', 'https://wiki.example.com/acs', 'aiven')])).toEqual(new Map());
});

test('an ACS URL that names the key is still one URL: a rename leaves it as it is', () => {
  expect(suggested([index('github', 'https://github.com/orgs/acme/saml/consume')], [index('github_ent', 'https://github.com/orgs/acme/saml/consume')])).toEqual(
    new Map([['github', 'github_ent']]),
  );
});

test('an ACS URL that is not one URL (a reference) is compared with every added app of its SP', () => {
  const removed = index('wiki', '${var.wiki_acs}');
  expect(suggested([removed], [index('other', 'https://x.example.com/acs'), index('wiki_v2', '${var.wiki_acs}')])).toEqual(new Map([['wiki', 'wiki_v2']]));
});

test('of two added apps that match, the first in review order is the rename; the second is left for another', () => {
  const removed = [index('a', 'https://same.example.com/acs'), index('b', 'https://same.example.com/acs')];
  const added = [index('c', 'https://same.example.com/acs'), index('d', 'https://same.example.com/acs')];
  expect(suggested(removed, added)).toEqual(new Map([['a', 'c'], ['b', 'd']]));
});

test('many renames at once: each removed app is compared only with the added apps that share its ACS URL', () => {
  const count = 400;
  const removed = Array.from({ length: count }, (_, i) => index(`old_${i}`, `https://app-${i}.example.com/acs`));
  const added = Array.from({ length: count }, (_, i) => index(`new_${count - 1 - i}`, `https://app-${count - 1 - i}.example.com/acs`));
  const compared = jest.spyOn(followMoved, 'renameReferences');
  const pairs = suggested(removed, added);
  expect(pairs.size).toBe(count);
  expect(pairs.get('old_7')).toBe('new_7');
  // One comparison per removed app; comparing each with every added one would be 400 x 400.
  expect(compared.mock.calls.length).toBeLessThanOrEqual(count);
});
