import { reviewSynthDirs } from '../../review/review';
import { EXAMPLE, editedExample, synthConfig } from './synth-fixture';

test("staging's Snowflake account changed: its SAML2 and SCIM integrations are reported as created anew in the other account (critical), not as 'provider changed'", () => {
  const base = synthConfig(EXAMPLE);
  const head = synthConfig(editedExample({ 'environments/staging.yaml': (t) => t.replace('account: acme-analytics_staging', 'account: acme-analytics_stg') }));
  const staging = reviewSynthDirs(base, head).environments.find((e) => e.name === 'staging')!;
  const snowflake = staging.integrations.find((i) => i.key === 'snowflake')!;
  const details = snowflake.findings.map((f) => `${f.level} ${f.class}: ${f.detail}`);
  expect(details).toEqual(
    expect.arrayContaining([
      'critical snowflake-integration-replaced: SAML2 integration moved to another Snowflake account: created anew there, while the old account keeps its own, no longer managed',
      'critical snowflake-integration-replaced: SCIM integration moved to another Snowflake account: created anew there, so the SCIM token Okta holds is invalid until a new one is generated and entered',
    ]),
  );
  expect(details.join('\n')).not.toContain('provider changed');
  expect(staging.risk).toBe('critical');
});
