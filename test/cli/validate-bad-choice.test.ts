import { MINIMAL_ENV, MINIMAL_INTEGRATIONS, runCliCaptured, writeConfigDir } from '../helpers';

// The policy rules judge the app built from what is left of the config: a value outside its choices must reach
// the user as its own located problem, never as an internal error from building that app.
test.each([['username', '{ format: bogus }', 'integrations.wiki.username.format: "bogus" is not accepted; accepted: "email", "login", "custom"']])(
  'validate with %s outside its choices reports it where it is written',
  async (field, value, problem) => {
    const dir = writeConfigDir({ 'i.yaml': `${MINIMAL_INTEGRATIONS}    ${field}: ${value}\n`, 'env.yaml': MINIMAL_ENV });
    const run = await runCliCaptured(['validate', '--config', dir]);
    expect(run.code).toBe(1);
    expect(run.err).toContain(problem);
    expect(run.err).not.toMatch(/Cannot read|TypeError|undefined/);
  },
);
