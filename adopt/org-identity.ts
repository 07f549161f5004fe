import { showValue } from '../model/show-value';
import { AdoptError, ApiResponse } from './okta-api';

/**
 * The org behind an `--org-url` must be the environment's own: else the app IDs read from it would be written into
 * this environment's config (its first plan would then fail at import, or worse, adopt an app of the same ID in
 * a later org). Okta names an org's canonical URL at `/.well-known/okta-organization`, public and the same through
 * a custom domain. An answer without it (not an Okta org, an old one) is not refused here: the reads have already
 * shown what the org holds, and a note says the check was not made.
 */
export async function checkOrgIdentity(
  reader: { readonly source: string; getPublic(path: string): Promise<ApiResponse> },
  environment: { name: string; okta: { orgName: string; baseUrl: string } },
  /** What the reads come from, for messages: `--org-url <url>`, or `--from <dir>` for saved responses. */
  given: { readonly what: string; readonly accepted: string; readonly recordedHost?: string } = { what: `--org-url ${reader.source}`, accepted: 'an org URL of' },
): Promise<string | undefined> {
  const expected = `${environment.okta.orgName}.${environment.okta.baseUrl}`.toLowerCase();
  const r = await reader.getPublic('/.well-known/okta-organization');
  const href = (r.body as { _links?: { organization?: { href?: unknown } } } | null)?._links?.organization?.href;
  let host: string | undefined;
  try {
    host = r.status === 200 && typeof href === 'string' ? new URL(href).host.toLowerCase() : undefined;
  } catch {
    host = undefined;
  }
  // Saved responses without the identity may still say where they were recorded (index.json org_url): the same org is
  // enough, and another org is the same refusal as its identity would give.
  const recorded = given.recordedHost?.toLowerCase();
  if (host === undefined && recorded === expected) return undefined;
  if (host === undefined && recorded !== undefined) host = recorded;
  if (host === undefined) return `could not confirm that ${reader.source} is ${expected} (no organization at /.well-known/okta-organization); check ${given.what.split(' ')[0]}`;
  if (host === expected) return undefined;
  throw new AdoptError(
    `${given.what} is the Okta org ${showValue(host)}, not environment ${showValue(environment.name)}'s ${showValue(expected)} (its okta.orgName and okta.baseUrl): ` +
      `its app IDs would be written into ${environment.name}'s config; accepted: ${given.accepted} ${expected} (its custom domain too), or --env of the environment that org is`,
  );
}
