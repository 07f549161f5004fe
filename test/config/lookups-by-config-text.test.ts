import { readConfig } from '../../config/load-config';
import { formatProblem } from '../../config/problems';
import { MINIMAL_ENV, MINIMAL_INTEGRATIONS, writeConfigDir } from '../helpers';

// Names of Object.prototype's members: a lookup keyed by config text that reaches the prototype finds these.
const WORDS = ['toString', 'constructor', '__proto__', 'valueOf', 'hasOwnProperty'];

function read(integrations: string, env = MINIMAL_ENV) {
  const dir = writeConfigDir({ 'i.yaml': integrations, 'env.yaml': env });
  const { model, problems } = readConfig(dir);
  return { model, problems: problems.map((p) => formatProblem(p).split(dir + '/').join('')) };
}
const wiki = (extra: string) => MINIMAL_INTEGRATIONS + extra.replace(/^/gm, '    ') + '\n';

describe.each(WORDS)('config text %j', (word) => {
  test.each([
    ['preset', `preset: ${word}`, 'preset', 'is not accepted; accepted: "aiven", "atlan", "generic", "omni", "onprem", "snowflake"'],
    ['NameID format', `nameId: { format: ${word} }`, 'nameId.format', 'is not accepted; accepted: "unspecified"'],
    ['username format', `username: { format: ${word} }`, 'username.format', 'is not accepted; accepted: "email", "login", "custom"'],
    ['signature algorithm', `signing: { algorithm: ${word} }`, 'signing.algorithm', 'is not accepted; accepted: "RSA_SHA256", "RSA_SHA1"'],
    ['app status', `status: ${word}`, 'status', 'is not accepted; accepted: "ACTIVE", "INACTIVE"'],
    ['attribute name format', `attributes: [{ name: a, values: [user.email], nameFormat: ${word} }]`, 'attributes.0.nameFormat', 'is not accepted; accepted: "unspecified", "uri", "basic"'],
    ['group filter type', `groupAttribute: { name: g, filter: { type: ${word}, value: x } }`, 'groupAttribute.filter.type', 'is not accepted; accepted: "regex"'],
    ['provisioning method', `provisioning: { method: ${word} }`, 'provisioning.method', 'is not accepted; accepted: "scim", "first-login", "none"'],
    ['suppressed rule', `suppressions: [{ rule: ${word}, reason: x }]`, 'suppressions.0.rule', 'is not accepted'],
    ['IdP record source', `idpRecord: { fields: [{ label: x, from: ${word} }] }`, 'idpRecord.fields.0.from', 'which the generic preset cannot fill'],
  ])('as the %s is a located problem', (_name, setting, field, message) => {
    const integrations = setting.startsWith('preset') ? MINIMAL_INTEGRATIONS.replace('preset: generic', setting) : wiki(setting);
    const { model, problems } = read(integrations);
    expect(model).toBeUndefined();
    expect(problems).toContainEqual(expect.stringContaining(`i.yaml`));
    expect(problems.find((p) => p.includes(`integrations.wiki.${field}: `))).toContain(`${JSON.stringify(word)}${message.startsWith('which') ? ', ' : ' '}${message}`);
  });

  test('as a field name is an unknown field, also inside an SP block', () => {
    const aiven = `integrations:\n  aiven:\n    preset: aiven\n    ${word}: 1\n    aiven: { accountId: a1b2c3, methodId: am1b2c3, ${word}: 1 }\n`;
    const { model, problems } = read(aiven, MINIMAL_ENV.replace('wiki: {}', 'aiven: {}'));
    expect(model).toBeUndefined();
    expect(problems).toEqual([
      expect.stringContaining(`integrations.aiven.${word}: unknown field ${JSON.stringify(word)}`),
      expect.stringContaining(`integrations.aiven.aiven.${word}: unknown field ${JSON.stringify(word)}`),
    ]);
  });

  test('as an environment name or an integration key is refused by its pattern, naming the line and what is accepted', () => {
    const { model, problems } = read(MINIMAL_INTEGRATIONS.replace('wiki:', `${word}:`), MINIMAL_ENV.replace('dev:', `${word}:`).replace('wiki: {}', `${word}: {}`));
    expect(model).toBeUndefined();
    expect(problems).toContainEqual(expect.stringMatching(new RegExp(`^env\\.yaml:2:3: environments\\.${word}: key "${word}" is not accepted; accepted: lowercase letters`)));
    expect(problems).toContainEqual(expect.stringMatching(new RegExp(`^i\\.yaml:2:3: integrations\\.${word}: key "${word}" is not accepted; accepted: lowercase letters`)));
  });

  test('as a group name, created, pushed and adopted, is a group like any other', () => {
    const onprem = `integrations:
  hr:
    preset: onprem
    acsUrl: https://hr.example.com/saml/acs
    audience: https://hr.example.com/saml/metadata
    groups: [{ name: ${JSON.stringify(word)}, create: true }]
    provisioning:
      method: scim
      connector: { baseUrl: "https://hr.example.com/scim/v2/", auth: { type: none } }
      pushGroups: [{ group: ${JSON.stringify(word)}, targetGroupId: 00gGFKRPWtvuRhgru1d7 }]
`;
    const adopt = `{ oktaAppId: 0oa1234567890abcdefg, groupIds: { ${JSON.stringify(word)}: 00g1234567890abcdefg }, pushGroupMappingIds: { ${JSON.stringify(word)}: gPm1234567890abcdefg } }`;
    const { model, problems } = read(onprem, MINIMAL_ENV.replace('wiki: {}', `hr: { adopt: ${adopt} }`));
    expect(problems).toEqual([]);
    const hr = model!.environments[0].integrations[0];
    expect(hr.groups).toEqual([{ name: word, create: true, description: undefined }]);
    expect(hr.provisioning!.pushGroups).toEqual([expect.objectContaining({ group: word })]);
    expect([...hr.adopt!.groupIds]).toEqual([[word, '00g1234567890abcdefg']]);
    expect([...hr.adopt!.pushGroupMappingIds]).toEqual([[word, 'gPm1234567890abcdefg']]);
  });

  test('as a catalog app key with Terraform-managed provisioning is a located problem', () => {
    const { problems } = read(wiki(`catalogApp: { key: ${JSON.stringify(word)} }\nprovisioning: { method: scim, token: env:T, terraformManaged: true }`));
    expect(problems).toContainEqual(expect.stringMatching(new RegExp(`integrations\\.wiki\\.provisioning\\.terraformManaged: Okta's API does not accept a provisioning connection for the catalog app "${word}"`)));
  });
});
