import { renderMarkdown } from '../../review/render-markdown';
import { reviewSynthDirs } from '../../review/review';
import { RISK_CLASSES } from '../../review/risk';
import { EXAMPLE, editedExample, synthConfig } from './synth-fixture';

/** A catalog app whose SCIM connection Terraform manages: its token is the sensitive variable scim_token_<key>. */
const ORG2 = (terraformManaged: boolean) =>
  `  org2:\n    preset: generic\n    label: Partner Org\n    catalogApp: { key: okta_org2org }\n    provisioning:\n      method: scim\n      token: env:ORG2ORG_TOKEN\n      terraformManaged: ${terraformManaged}\n\n`;
const ORG2_DEV =
  '      org2:\n        acsUrl: https://partner.okta.com/sso/saml2/0oa1\n        audience: https://www.okta.com/saml2/service-provider/spabc\n        groups: [Engineering-Dev]\n        provisioning:\n          scimBaseUrl: https://partner.okta.com\n';

/** The example with org2 in dev (before omni). */
function withOrg2(terraformManaged: boolean, from: string = EXAMPLE): string {
  return editedExample(
    {
      'integrations.yaml': (t) => t.replace('  omni:\n', `${ORG2(terraformManaged)}  omni:\n`),
      'environments/dev.yaml': (t) => t.replace('      omni:\n', `${ORG2_DEV}      omni:\n`),
    },
    from,
  );
}

const devFindings = (review: ReturnType<typeof reviewSynthDirs>) =>
  review.environments.find((e) => e.name === 'dev')!.environment.findings.map((f) => `${f.class}:${f.level}:${f.detail}`);

describe('review: a sensitive variable added is a moved secret only where something read a secret before', () => {
  test("a new integration's SCIM token is a new secret, not a moved one", () => {
    const review = reviewSynthDirs(synthConfig(EXAMPLE), synthConfig(withOrg2(true)));
    expect(devFindings(review)).toEqual(['secret-new:medium:new secret: sensitive variable scim_token_org2, read by new integration org2: set it before plan and apply']);
    const md = renderMarkdown(review);
    expect(md).toContain(`- medium New secret to set (dev): ${RISK_CLASSES['secret-new'].impact}.`);
    expect(md).not.toContain(RISK_CLASSES['secret-moved'].title);
    expect(md).not.toMatch(/\bmoved\b/i);
  });

  test('a renamed integration: its token moves to the variable of its new key', () => {
    const base = withOrg2(true);
    const head = editedExample(
      {
        'integrations.yaml': (t) => t.replace('  org2:\n', '  partner:\n    renamedFrom: org2\n'),
        'environments/dev.yaml': (t) => t.replace('      org2:\n', '      partner:\n'),
      },
      base,
    );
    const review = reviewSynthDirs(synthConfig(base), synthConfig(head));
    expect(devFindings(review)).toEqual(
      expect.arrayContaining(['secret-moved:medium:sensitive variable scim_token_partner added: set it before apply', 'secret-moved:medium:sensitive variable scim_token_org2 removed']),
    );
    expect(devFindings(review).filter((f) => f.startsWith('secret-new'))).toEqual([]);
  });

  test("a removed integration's token is a secret no longer used, not a moved one", () => {
    const review = reviewSynthDirs(synthConfig(withOrg2(true)), synthConfig(EXAMPLE));
    expect(devFindings(review)).toContain('secret-unused:low:sensitive variable scim_token_org2 removed, read before by removed integration org2: nothing reads it now');
    expect(devFindings(review).filter((f) => f.startsWith('secret-moved'))).toEqual([]);
    expect(renderMarkdown(review)).toContain(`- low Secret no longer used (dev): ${RISK_CLASSES['secret-unused'].impact}.`);
  });

  test('an integration whose token Terraform no longer reads, left to its runbook: the secret moved', () => {
    const review = reviewSynthDirs(synthConfig(withOrg2(true)), synthConfig(withOrg2(false)));
    expect(devFindings(review)).toContain('secret-moved:medium:sensitive variable scim_token_org2 removed');
  });

  test('an existing integration whose token the runbook named before, now read by Terraform: the secret moved', () => {
    const review = reviewSynthDirs(synthConfig(withOrg2(false)), synthConfig(withOrg2(true)));
    expect(devFindings(review)).toContain('secret-moved:medium:sensitive variable scim_token_org2 added: set it before apply');
  });
});
