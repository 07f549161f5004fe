import { COMPLIANT, PolicyRule, nonCompliant } from './rule';

export const preventDestroy: PolicyRule = {
  id: 'SSO-007',
  level: 'error',
  title: 'prevent_destroy on apps',
  reason: 'destroying an Okta app loses every assignment and SCIM link; the plan must fail instead',
  fix: 'keep lifecycle.prevent_destroy on every okta_app_saml (the SamlApp construct always sets it)',
  check({ app }) {
    const lifecycle = app.body.lifecycle as { prevent_destroy?: unknown } | undefined;
    return lifecycle?.prevent_destroy === true ? COMPLIANT : nonCompliant(`${app.address} has no lifecycle.prevent_destroy`);
  },
};
