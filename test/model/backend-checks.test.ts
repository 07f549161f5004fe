import { checkBackend } from '../../model/backend-checks';

const ACCEPTED = 'accepted: a file path inside the config directory, outside the synth output, not ending in .yaml, .yml, .json or .xml (default: state/<env>.tfstate)';

describe('checkBackend: backend settings as written', () => {
  test.each([
    ['.', 'names a directory, not a file'],
    ['./', 'names a directory, not a file'],
    ['state/', 'names a directory, not a file'],
    ['state/..', 'names a directory, not a file'],
    ['..', 'is outside the config directory'],
    ['../other/dev.tfstate', 'is outside the config directory'],
    ['state/../../dev.tfstate', 'is outside the config directory'],
    ['/var/state/dev.tfstate', 'is absolute'],
    ['integrations.yaml', "ends in .yaml: the config directory's .yaml files are its config and SP metadata, and Terraform would write state there"],
    ['environments/dev.YML', "ends in .YML: the config directory's .YML files are its config and SP metadata, and Terraform would write state there"],
    ['state/dev.json', "ends in .json: the config directory's .json files are its config and SP metadata, and Terraform would write state there"],
    ['sp-metadata/wiki-dev.xml', "ends in .xml: the config directory's .xml files are its config and SP metadata, and Terraform would write state there"],
  ])('local path %j is refused: it %s', (statePath, why) => {
    expect(checkBackend({ type: 'local', path: statePath })).toEqual([{ field: 'path', message: `state path ${JSON.stringify(statePath)} ${why}; ${ACCEPTED}` }]);
  });

  test.each(['state/dev.tfstate', 'dev.tfstate', './state/../dev.tfstate', 'state/nested/dev.tfstate'])('local path %j is a file inside the config directory', (statePath) => {
    expect(checkBackend({ type: 'local', path: statePath })).toEqual([]);
  });

  test.each([
    ['bucket', { type: 's3', bucket: 'acme-state\u0000', key: 'okta.tfstate', region: 'eu-west-1', encrypt: true }, 'U+0000 (NUL) at character 11'],
    ['region', { type: 's3', bucket: 'acme-state', key: 'okta.tfstate', region: 'eu-west-1\u200B', encrypt: true }, 'U+200B (zero-width space) at character 10'],
    ['key', { type: 's3', bucket: 'acme-state', key: 'okta/\u202Eetats.tfstate', region: 'eu-west-1', encrypt: true }, 'U+202E (right-to-left override) at character 6'],
    ['dynamodbTable', { type: 's3', bucket: 'b', key: 'k', region: 'r', dynamodbTable: 'locks\n', encrypt: true }, 'U+000A (line feed) at character 6'],
    ['workspace', { type: 'hcp', organization: 'acme', workspace: 'okta-\u2067prod' }, 'U+2067 (right-to-left isolate) at character 6'],
    ['path', { type: 'local', path: 'state/dev\uFEFF.tfstate' }, 'U+FEFF (zero-width no-break space (byte order mark)) at character 10'],
  ] as const)('a control or invisible character in %s is named by code point', (field, backend, where) => {
    expect(checkBackend(backend)).toEqual([{ field, message: `contains ${where}; accepted: text without control, zero-width or bidirectional-control characters (tab and line breaks only in descriptions and reasons)` }]);
  });
});
