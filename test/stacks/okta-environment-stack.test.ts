import { Testing } from 'cdktf';
import * as fs from 'fs';
import * as path from 'path';
import { EnvironmentModel } from '../../model/types';
import { recordedLocalStatePath } from '../../stacks/local-state-record';
import { OKTA_PROVIDER_CONSTRAINT, OktaEnvironmentStack } from '../../stacks/okta-environment-stack';
import { resolvedIntegration } from '../helpers';

const WIKI = { preset: 'generic', acsUrl: 'https://w.example.com/acs', audience: 'w', groups: ['Everyone'] };
const wiki = resolvedIntegration('wiki', WIKI);

function devStack(env: Partial<EnvironmentModel>, configDirFromStackDir?: string): OktaEnvironmentStack {
  return new OktaEnvironmentStack(Testing.app(), 'dev', {
    environment: { name: 'dev', okta: { orgName: 'acme-dev', baseUrl: 'oktapreview.com' }, backend: { type: 'local', path: 'state/dev.tfstate' }, integrations: [wiki], ...env },
    configDirFromStackDir,
  });
}

function synthEnv(env: Partial<EnvironmentModel>, configDirFromStackDir?: string): any {
  return JSON.parse(Testing.synth(devStack(env, configDirFromStackDir), true));
}

/** The stack's cdk.tf.json as written to disk, with the top-level `"//"` that Testing.synth leaves out. */
function writtenEnv(env: Partial<EnvironmentModel>, configDirFromStackDir?: string): any {
  return JSON.parse(fs.readFileSync(path.join(Testing.fullSynth(devStack(env, configDirFromStackDir)), 'stacks', 'dev', 'cdk.tf.json'), 'utf8'));
}

test('the okta provider names the org and nothing secret; version constraint admits 6.6.0 through 7.x but not 6.14.0', () => {
  const json = synthEnv({});
  expect(json.provider.okta).toEqual([{ org_name: 'acme-dev', base_url: 'oktapreview.com' }]);
  expect(json.terraform.required_providers.okta).toEqual({ source: 'okta/okta', version: OKTA_PROVIDER_CONSTRAINT });
  expect(OKTA_PROVIDER_CONSTRAINT).toBe('>= 6.6.0, != 6.14.0, < 8.0.0');
  expect(JSON.stringify(json)).not.toMatch(/api_token|private_key|client_id/);
});

test('local backend: the state path is anchored on the config dir, relative to the stack dir', () => {
  expect(synthEnv({}, '../../../config').terraform.backend).toEqual({ local: { path: '../../../config/state/dev.tfstate' } });
  expect(synthEnv({ backend: { type: 'local', path: 'tf/dev.tfstate' } }, '../../../config').terraform.backend.local.path).toBe('../../../config/tf/dev.tfstate');
  expect(synthEnv({}).terraform.backend.local.path).toBe('state/dev.tfstate');
});

test('local backend from a config dir: the state path as written in config is recorded beside it, for the review', () => {
  const json = writtenEnv({ backend: { type: 'local', path: './tf//dev.tfstate' } }, '../../../config');
  expect(json.terraform.backend.local.path).toBe('../../../config/tf/dev.tfstate');
  expect(json['//']['okta-sso']).toEqual({ backend: { local: { pathInConfigDir: './tf//dev.tfstate' } } });
  expect(recordedLocalStatePath(json)).toBe('./tf//dev.tfstate');
  // cdktf's own metadata stays beside it.
  expect(json['//'].metadata.stackName).toBe('dev');
});

test('nothing is recorded without a config dir, or for another backend', () => {
  expect(writtenEnv({})['//']).not.toHaveProperty('okta-sso');
  expect(writtenEnv({ backend: { type: 's3', bucket: 'b', key: 'k', region: 'eu-west-1', encrypt: true } }, '../../../config')['//']).not.toHaveProperty('okta-sso');
  expect(writtenEnv({ backend: { type: 'hcp', organization: 'acme', workspace: 'w' } }, '../../../config')['//']).not.toHaveProperty('okta-sso');
});

test('s3 backend, with S3-native locking', () => {
  const json = synthEnv({ backend: { type: 's3', bucket: 'b', key: 'okta/dev.tfstate', region: 'eu-west-1', encrypt: true, useLockfile: true } });
  expect(json.terraform.backend).toEqual({ s3: { bucket: 'b', key: 'okta/dev.tfstate', region: 'eu-west-1', encrypt: true, use_lockfile: true } });
});

test('HCP Terraform backend (cloud block)', () => {
  const json = synthEnv({ backend: { type: 'hcp', organization: 'acme', workspace: 'okta-dev' } });
  expect(json.terraform.cloud).toEqual({ organization: 'acme', workspaces: { name: 'okta-dev' } });
  expect(synthEnv({ backend: { type: 'hcp', organization: 'acme', workspace: 'w', hostname: 'tfe.acme.example' } }).terraform.cloud.hostname).toBe('tfe.acme.example');
});

test('the HCP backend synthesizes without terraform installed (synth-only CI jobs)', () => {
  const path = process.env.PATH;
  process.env.PATH = '/nonexistent';
  try {
    expect(synthEnv({ backend: { type: 'hcp', organization: 'acme', workspace: 'okta-dev' } }).terraform.cloud.organization).toBe('acme');
  } finally {
    process.env.PATH = path;
  }
});

test('one SP construct per integration, addressed by key', () => {
  const json = synthEnv({});
  expect(Object.keys(json.resource.okta_app_saml)).toEqual(['wiki']);
  expect(json.resource.okta_app_group_assignments.wiki.app_id).toBe('${okta_app_saml.wiki.id}');
});

test('renaming an integration moves both the app and its assignments', () => {
  const renamed = resolvedIntegration('knowledge_base', { ...WIKI, renamedFrom: 'wiki' });
  const json = synthEnv({ integrations: [renamed] });
  expect(json.moved).toEqual([
    { from: 'okta_app_saml.wiki', to: 'okta_app_saml.knowledge_base' },
    { from: 'okta_app_group_assignments.wiki', to: 'okta_app_group_assignments.knowledge_base' },
  ]);
});
