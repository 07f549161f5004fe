import * as fs from 'fs';
import * as path from 'path';
import { reviewSynthDirs } from '../../review/review';
import { ReviewInputError } from '../../review/synth-dir';
import { runCliCaptured } from '../helpers';
import { EXAMPLE, Stacks, clone, readStacks, synthConfig, writeSynthDir } from './synth-fixture';

let baseDir: string;
let base: Stacks;

beforeAll(() => {
  baseDir = synthConfig(EXAMPLE);
  base = readStacks(baseDir);
});

/** Review of the example against a head whose dev stack's cdk.tf.json is `text`. */
async function reviewWithDev(text: string, file = 'cdk.tf.json') {
  const head = writeSynthDir(clone(base));
  fs.writeFileSync(path.join(head, 'stacks', 'dev', file), text);
  return { head, ...(await runCliCaptured(['review', '--base', baseDir, '--head', head])) };
}

describe('review: a synthesized file that is not JSON', () => {
  test.each([
    // Node 20 quotes these in its message: `Unexpected token 's', "sk_live_..." is not valid JSON`.
    ['a raw secret', 'sk_live_51NqLkSECRETSECRETSECRET', 'line 1, column 1'],
    ['a literal inside a provider', '{\n  "provider": {"okta": [{"api_token": 00SECRETSECRETSECRET}]}\n}', 'line 2, column 40'],
  ])('%s: exit 2, the file and the position, never the content', async (_name, text, position) => {
    const r = await reviewWithDev(text);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain(`${r.head}/stacks/dev/cdk.tf.json: malformed JSON: is not valid JSON (${position})`);
    expect(r.err).not.toMatch(/SECRET|sk_live|"\.\.\."|is not valid JSON\s*$/m);
  });
});

describe('review: a cdk.tf.json or runbook.json of the wrong shape exits 2 naming the file and the JSON path', () => {
  test.each([
    ['{"resource": [1, 2]}', 'resource is a list; accepted: an object of resource types, each an object of resources by name'],
    ['{"resource": {"okta_app_saml": 5}}', 'resource.okta_app_saml is a number (5); accepted: an object of resources by name'],
    ['{"resource": {"okta_app_saml": {"omni": null}}}', 'resource.okta_app_saml.omni is null; accepted: an object (a block body)'],
    ['null', '(the top level) is null; accepted: a Terraform JSON configuration'],
    ['[]', '(the top level) is a list; accepted: a Terraform JSON configuration'],
    ['{"provider": {"okta": "acme"}}', 'provider.okta is a string ("acme"); accepted: an object (a block body)'],
    ['{"provider": {"okta": [7]}}', 'provider.okta[0] is a number (7); accepted: an object (a block body)'],
    ['{"moved": [{"from": "okta_app_saml.a"}]}', 'moved[0].to is missing; accepted: {"from": "<address>", "to": "<address>"}'],
    ['{"import": {"to": "x", "id": "y"}}', 'import is an object; accepted: a list of import blocks'],
    ['{"terraform": {"backend": {"s3": true}}}', 'terraform.backend.s3 is a boolean (true); accepted: an object (a block body)'],
    ['{"resources": {}}', 'resources is not accepted here; accepted: the members //, resource, data, provider'],
  ])('%s', async (text, message) => {
    const r = await reviewWithDev(text);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain(`${r.head}/stacks/dev/cdk.tf.json: ${message}`);
  });

  test('a runbook.json of the wrong shape', async () => {
    const r = await reviewWithDev('{"environment": "dev", "steps": [{"id": "a", "values": [1]}, {"title": "b"}]}', 'runbook.json');
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${r.head}/stacks/dev/runbook.json: steps[0].values is a list; accepted: an object (a block body)`);
    expect(r.err).toContain(`${r.head}/stacks/dev/runbook.json: steps[1].id is missing; accepted: a runbook step`);
  });

  test('a secret-looking scalar in the wrong place is not shown; many problems are capped with a count', async () => {
    const resource = Object.fromEntries(Array.from({ length: 25 }, (_, i) => [`t${i}`, i === 0 ? 'sk_live_51NqLkSECRETSECRETSECRETSECRET' : i]));
    const r = await reviewWithDev(JSON.stringify({ resource }));
    expect(r.code).toBe(2);
    expect(r.err).not.toContain('SECRETSECRET');
    expect(r.err).toContain('and 15 more shape problems');
  });

  test('nesting far deeper than any synthesized file is refused, not a stack overflow', async () => {
    const r = await reviewWithDev(`{"resource": {"x": {"y": {"a": ${'['.repeat(200_000)}${']'.repeat(200_000)}}}}}`);
    expect(r.code).toBe(2);
    expect(r.err).toContain('cdk.tf.json: nests lists or objects deeper than 100 levels');
  });

  test('a cdk.tf.json that is a directory is named, not a raw EISDIR', () => {
    const head = writeSynthDir(clone(base));
    fs.rmSync(path.join(head, 'stacks', 'dev', 'cdk.tf.json'));
    fs.mkdirSync(path.join(head, 'stacks', 'dev', 'cdk.tf.json'));
    expect(() => reviewSynthDirs(baseDir, head)).toThrow(ReviewInputError);
    expect(() => reviewSynthDirs(baseDir, head)).toThrow(`${head}/stacks/dev/cdk.tf.json: not a regular file`);
  });
});

describe('review: secrets in any provider block', () => {
  test.each([
    ['snowflake', { account: 'acme', user: 'TERRAFORM', password: 'hunter2-but-longer' }, 'provider.snowflake.password'],
    ['snowflake', [{ account: 'acme', private_key: '-----BEGIN PRIVATE KEY-----\nMIIEv\n-----END PRIVATE KEY-----' }], 'provider.snowflake[0].private_key'],
    ['okta', [{ org_name: 'acme-dev', base_url: 'okta.com', api_token: '00abcdefghijklmnopqrstuvwxyz0123456789ABCD' }], 'provider.okta[0].api_token'],
  ])('a literal in provider.%s is critical, its value never shown', (name, block, at) => {
    const head = clone(base);
    head.dev.provider[name] = block;
    const review = reviewSynthDirs(baseDir, writeSynthDir(head));
    const dev = review.environments.find((e) => e.name === 'dev')!;
    expect(dev.environment.findings).toContainEqual(expect.objectContaining({ class: 'secret-exposed', level: 'critical', detail: `a secret-looking value in ${at} (value not shown)` }));
    expect(JSON.stringify(review)).not.toMatch(/hunter2|MIIEv|00abcdefghij/);
  });

  test('a reference to a variable is where a secret lives, not a secret', () => {
    const head = clone(base);
    head.dev.provider.snowflake = { account: 'acme', password: '${var.snowflake_password}' };
    const dev = reviewSynthDirs(baseDir, writeSynthDir(head)).environments.find((e) => e.name === 'dev')!;
    expect(dev.environment.findings.filter((f) => f.class === 'secret-exposed')).toEqual([]);
  });
});
