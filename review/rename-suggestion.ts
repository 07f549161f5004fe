import { sameJson } from './compare';
import { renameReferences, renamesNothingIn } from './follow-moved';
import { IntegrationReview } from './model';
import { IntegrationIndex } from './stack-index';

/**
 * A rename made without `renamedFrom`: one integration removed and another
 * added in the same environment, with the same SP (preset) and the same Okta
 * app settings once the old key reads as the new one. Terraform would destroy
 * the app and create another; `renamedFrom` makes synth emit `moved` blocks
 * instead. Each pair is marked on both reviews, and the removal's finding says
 * what to do, once.
 */
export function suggestRenames(reviews: IntegrationReview[], base: ReadonlyMap<string, IntegrationIndex>, head: ReadonlyMap<string, IntegrationIndex>): IntegrationReview[] {
  // The added integrations each removed one is compared with, in review order: those of its preset with its ACS URL when a rename
  // leaves that URL as it is, else all of its preset. Only those can have the same settings, so each pair compared is a likely one.
  const byUrl = new Map<string, IntegrationReview[]>();
  const byPreset = new Map<string | undefined, IntegrationReview[]>();
  const push = <K>(map: Map<K, IntegrationReview[]>, key: K, r: IntegrationReview) => {
    const list = map.get(key);
    if (list) list.push(r);
    else map.set(key, [r]);
  };
  for (const a of reviews) {
    if (a.change !== 'added') continue;
    const now = head.get(a.key);
    push(byPreset, now?.preset, a);
    const url = acsUrlOf(now);
    if (url !== undefined) push(byUrl, `${now!.preset}\u0000${url}`, a);
  }
  const taken = new Set<string>();
  const pairs = new Map<string, string>();
  for (const removed of reviews.filter((r) => r.change === 'removed')) {
    const old = base.get(removed.key);
    if (old === undefined) continue;
    const url = acsUrlOf(old);
    const candidates = (url !== undefined ? byUrl.get(`${old.preset}\u0000${url}`) : byPreset.get(old.preset)) ?? [];
    const match = candidates.find((a) => !taken.has(a.key) && sameSettings(old, head.get(a.key)));
    if (!match) continue;
    taken.add(match.key);
    pairs.set(removed.key, match.key).set(match.key, removed.key);
  }
  if (pairs.size === 0) return reviews;
  return reviews.map((r) => {
    const other = pairs.get(r.key);
    if (other === undefined) return r;
    const possibleRename = r.change === 'removed' ? { from: r.key, to: other } : { from: other, to: r.key };
    if (r.change !== 'removed') return { ...r, possibleRename };
    const advice = `; ${other}, added in this change, has the same SP and settings: if it is ${r.key} renamed, set renamedFrom: ${r.key} on integration ${other}, and Terraform moves the app with its assignments and SCIM link instead`;
    const findings = r.findings.map((f) => (f.class === 'app-replaced' ? { ...f, detail: `${f.detail}${advice}` } : f));
    return { ...r, findings, possibleRename };
  });
}

/** The app's ACS URL when it is one URL, which a rename leaves as it is: the rename's app has the same one. */
function acsUrlOf(integration: IntegrationIndex | undefined): string | undefined {
  const url = integration?.appAddress ? integration.blocks.get(integration.appAddress)?.body.sso_url : undefined;
  return typeof url === 'string' && renamesNothingIn(url) ? url : undefined;
}

/**
 * Same preset and the same Okta app (construct metadata aside), the old key read as the new one where it
 * stands for the integration (references, a label defaulted to the key), not inside the SP's URLs.
 */
function sameSettings(old: IntegrationIndex, now: IntegrationIndex | undefined): boolean {
  if (!now || old.preset !== now.preset || !old.appAddress || !now.appAddress) return false;
  const app = (i: IntegrationIndex) => {
    const { '//': _comment, ...body } = i.blocks.get(i.appAddress!)!.body;
    return body;
  };
  return sameJson(renameReferences(app(old), new Map([[old.key, now.key]])), app(now));
}
