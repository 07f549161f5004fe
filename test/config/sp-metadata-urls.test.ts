import { readConfig } from '../../config/load-config';
import { formatProblem } from '../../config/problems';
import { writeConfigDir } from '../helpers';

const ENVS =
  'environments:\n' +
  '  dev:\n    okta: { orgName: acme-dev }\n    integrations:\n      wiki: {}\n' +
  '  prod:\n    okta: { orgName: acme }\n    integrations:\n      wiki:\n        spMetadata: { file: sp/wiki-prod.xml, url: "URL_PROD" }\n';

function problemsOf(sharedUrl: string, prodUrl = 'https://wiki.example.com/prod/metadata'): string[] {
  const dir = writeConfigDir({
    'i.yaml': `integrations:\n  wiki:\n    preset: generic\n    acsUrl: https://wiki.example.com/acs\n    audience: wiki\n    spMetadata: { file: sp/wiki.xml, url: "${sharedUrl}" }\n`,
    'env.yaml': ENVS.replace('URL_PROD', prodUrl),
  });
  // The metadata files are not there (fetch-metadata has not run): those problems are not these.
  return readConfig(dir)
    .problems.map((p) => formatProblem(p).split(dir + '/').join(''))
    .filter((p) => p.includes('.spMetadata.url:'));
}

describe('spMetadata.url: validate refuses what fetch-metadata would', () => {
  test('an http URL in the shared entry: one problem at its line, not one per environment', () => {
    expect(problemsOf('http://wiki.example.com/metadata')).toEqual([
      expect.stringMatching(/^i\.yaml:6:\d+: integrations\.wiki\.spMetadata\.url: spMetadata\.url "http:\/\/wiki\.example\.com\/metadata" uses http, not https; accepted: an absolute https:\/\/ URL/),
    ]);
  });

  test("a relative URL in an environment's override: at the override's line", () => {
    expect(problemsOf('https://wiki.example.com/metadata', '/saml/metadata')).toEqual([
      expect.stringMatching(/^env\.yaml:10:\d+: environments\.prod\.integrations\.wiki\.spMetadata\.url: spMetadata\.url "\/saml\/metadata" .*; accepted: an absolute https:\/\/ URL/),
    ]);
  });

  test('https URLs are accepted (the metadata files need not exist before fetch-metadata)', () => {
    expect(problemsOf('https://wiki.example.com/metadata')).toEqual([]);
  });
});
