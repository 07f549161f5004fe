import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Command } from 'commander';
import { certificateAsBase64, certificateAsPem } from '../../cli/idp-record-render';
import { IdpRecordSources, registerIdpRecord } from '../../cli/idp-record';
import { runCli } from '../../cli/program';
import { FIXTURES } from '../fixture-files';
import { runCliCaptured } from '../helpers';

const OUTPUTS = path.join(FIXTURES, 'idp-record', 'dev-terraform-output.json');
const saved = JSON.parse(fs.readFileSync(OUTPUTS, 'utf8'));
const CERT = saved.idp_record_snowflake.value.fields[2].value as string;

const cli = runCliCaptured;

/** Runs idp-record with stdin and terraform replaced, as when piped or run next to a stack. */
async function withSources(args: string[], sources: IdpRecordSources) {
  let out = '';
  let err = '';
  let code = 0;
  const io = { out: (t: string) => (out += t), err: (t: string) => (err += t), exit: (c: number) => (code = c) };
  const program = new Command('okta-sso').exitOverride();
  registerIdpRecord(program, io, sources);
  await program.parseAsync(['idp-record', ...args], { from: 'user' });
  return { code, out, err };
}

describe('okta-sso idp-record', () => {
  test("renders Omni's form: its labels in its order, the PEM certificate in 64-character lines", async () => {
    const r = await cli(['idp-record', '--env', 'dev', '--integration', 'omni', '--outputs', OUTPUTS]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const pem = ['-----BEGIN CERTIFICATE-----', ...CERT.match(/.{1,64}/g)!, '-----END CERTIFICATE-----'].join('\n');
    expect(r.out).toBe(
      [
        'Omni: IdP record of integration omni (environment dev)',
        'Enter in: Omni: Settings > Authentication > SAML',
        '  Sign on URL:          https://acme-dev.oktapreview.com/app/acme-dev_omni_1/exk8omn1d3v3m2q4w6/sso/saml',
        '  Issuer:               http://www.okta.com/exk8omn1d3v3m2q4w6',
        '  Signing certificate:',
        pem,
        '',
      ].join('\n'),
    );
  });

  test("renders Aiven's form with IdP login allowed on, and Snowflake's with the one-line base64 certificate", async () => {
    const aiven = await cli(['idp-record', '-e', 'dev', '-i', 'aiven', '--outputs', OUTPUTS]);
    expect(aiven.out.split('\n').filter((l) => l.startsWith('  ')).map((l) => l.trim().split(':')[0])).toEqual(['IDP URL', 'Entity ID', 'Certificate', 'IdP login allowed']);
    expect(aiven.out).toContain('  IdP login allowed:  on\n');
    const snowflake = await cli(['idp-record', '-e', 'dev', '-i', 'snowflake', '--outputs', OUTPUTS]);
    expect(snowflake.out).toContain('Applied by Terraform as snowflake_saml2_integration.snowflake; nothing to enter by hand.');
    expect(snowflake.out).toContain(`  SAML2_X509_CERT:  ${CERT}\n`);
    expect(CERT).toMatch(/^[A-Za-z0-9+/]+={0,2}$/);
    expect(snowflake.out).not.toContain('BEGIN CERTIFICATE');
  });

  test('without --integration renders every record, sorted by integration', async () => {
    const r = await cli(['idp-record', '--env', 'dev', '--outputs', OUTPUTS]);
    expect(r.out.split('\n').filter((l) => l.includes(': IdP record of integration'))).toEqual([
      'Aiven: IdP record of integration aiven (environment dev)',
      'Atlan: IdP record of integration atlan (environment dev)',
      'Omni: IdP record of integration omni (environment dev)',
      'Snowflake: IdP record of integration snowflake (environment dev)',
    ]);
  });

  test("--field prints one value exactly (Atlan's metadata XML, to save as a file); --json prints the record", async () => {
    const xml = await cli(['idp-record', '-e', 'dev', '-i', 'atlan', '--field', 'idpMetadata', '--outputs', OUTPUTS]);
    expect(xml.out).toBe(`${saved.idp_record_atlan.value.fields[0].value}\n`);
    const json = await cli(['idp-record', '-e', 'dev', '-i', 'aiven', '--json', '--outputs', OUTPUTS]);
    expect(JSON.parse(json.out)).toEqual(saved.idp_record_aiven.value);
  });

  test('reads piped `terraform output -json`, else runs terraform in the stack directory', async () => {
    const piped = await withSources(['--env', 'dev', '-i', 'omni'], { readStdin: () => fs.readFileSync(OUTPUTS, 'utf8'), terraformOutput: () => { throw new Error('not expected'); } });
    expect(piped.out).toContain('Sign on URL:');
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'okta-sso-out-'));
    fs.mkdirSync(path.join(out, 'stacks', 'dev'), { recursive: true });
    fs.writeFileSync(path.join(out, 'stacks', 'dev', 'cdk.tf.json'), '{}');
    const dirs: string[] = [];
    const ran = await withSources(['--env', 'dev', '-i', 'omni', '--out', out], { readStdin: () => undefined, terraformOutput: (d) => (dirs.push(d), fs.readFileSync(OUTPUTS, 'utf8')) });
    expect(dirs).toEqual([path.join(out, 'stacks', 'dev')]);
    expect(ran.out).toContain('Sign on URL:');
    const missing = await withSources(['--env', 'prod', '--out', out], { readStdin: () => undefined, terraformOutput: () => '{}' });
    expect(missing.code).toBe(1);
    expect(missing.err).toContain(
      `no synthesized stack for environment "prod" in ${path.join(out, 'stacks', 'prod')}; run okta-sso synth (or cdktf synth, for a cdktf app) first, then idp-record in the directory that holds cdktf.out, in cdktf.out or in the stack directory, or pass --out DIR or --outputs FILE`,
    );
  });

  test("an environment named otherwise than its stack (SsoEnvironment.configure): found by the name its runbook records, from the project and from a sibling stack", async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'okta-sso-out-'));
    for (const [stack, env] of [['blue', 'prod'], ['green', 'staging']]) {
      fs.mkdirSync(path.join(out, 'stacks', stack), { recursive: true });
      fs.writeFileSync(path.join(out, 'stacks', stack, 'cdk.tf.json'), '{}');
      fs.writeFileSync(path.join(out, 'stacks', stack, 'runbook.json'), JSON.stringify({ environment: env, steps: [] }));
    }
    const dirs: string[] = [];
    const sources = { readStdin: () => undefined, terraformOutput: (d: string) => (dirs.push(d), fs.readFileSync(OUTPUTS, 'utf8')) };
    await withSources(['--env', 'prod', '-i', 'omni', '--out', out], sources);
    expect(dirs).toEqual([path.join(out, 'stacks', 'blue')]);
    const previous = process.cwd();
    process.chdir(path.join(out, 'stacks', 'green'));
    try {
      await withSources(['--env', 'prod', '-i', 'omni'], sources);
    } finally {
      process.chdir(previous);
    }
    expect(dirs[1]).toBe(path.join('..', 'blue'));
    // A directory named like the environment whose runbook records another name is not it: the stack whose runbook names it is.
    fs.mkdirSync(path.join(out, 'stacks', 'prod'));
    fs.writeFileSync(path.join(out, 'stacks', 'prod', 'cdk.tf.json'), '{}');
    fs.writeFileSync(path.join(out, 'stacks', 'prod', 'runbook.json'), JSON.stringify({ environment: 'production', steps: [] }, null, 2));
    await withSources(['--env', 'prod', '-i', 'omni', '--out', out], sources);
    expect(dirs[2]).toBe(path.join(out, 'stacks', 'blue'));
    await withSources(['--env', 'production', '-i', 'omni', '--out', out], sources);
    expect(dirs[3]).toBe(path.join(out, 'stacks', 'prod'));
    // A directory named like the environment holding no runbook (not a stack of this tool) does not win over the one recording it.
    fs.mkdirSync(path.join(out, 'stacks', 'staging'));
    fs.writeFileSync(path.join(out, 'stacks', 'staging', 'cdk.tf.json'), '{}');
    await withSources(['--env', 'staging', '-i', 'omni', '--out', out], sources);
    expect(dirs[4]).toBe(path.join(out, 'stacks', 'green'));
    const none = await withSources(['--env', 'dev', '--out', out], sources);
    expect(none.code).toBe(1);
    expect(none.err).toContain(`no synthesized stack for environment "dev" in ${path.join(out, 'stacks', 'dev')}`);
  });

  describe('without --out: the stack found from the current directory', () => {
    /** A project holding a synth output with stacks dev and prod (and, like this repository, a source folder named stacks). */
    function project(): string {
      const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'okta-sso-project-')));
      fs.mkdirSync(path.join(root, 'stacks'));
      fs.writeFileSync(path.join(root, 'stacks', 'environment-stack.ts'), '');
      for (const env of ['dev', 'prod']) {
        fs.mkdirSync(path.join(root, 'cdktf.out', 'stacks', env), { recursive: true });
        fs.writeFileSync(path.join(root, 'cdktf.out', 'stacks', env, 'cdk.tf.json'), '{}');
      }
      fs.writeFileSync(path.join(root, 'cdktf.out', 'manifest.json'), '{}');
      return root;
    }

    /** Runs idp-record in `cwd`; returns where terraform ran, and the result. */
    async function runIn(cwd: string, env: string) {
      const dirs: string[] = [];
      const previous = process.cwd();
      process.chdir(cwd);
      try {
        const r = await withSources(['--env', env, '-i', 'omni'], { readStdin: () => undefined, terraformOutput: (d) => (dirs.push(d), fs.readFileSync(OUTPUTS, 'utf8')) });
        return { dirs, ...r };
      } finally {
        process.chdir(previous);
      }
    }

    test.each([
      ['the project (holding cdktf.out)', '.', 'dev', path.join('cdktf.out', 'stacks', 'dev')],
      ['the synth output (cdktf.out)', 'cdktf.out', 'dev', path.join('stacks', 'dev')],
      ["the environment's own stack (cdktf.out/stacks/dev)", path.join('cdktf.out', 'stacks', 'dev'), 'dev', '.'],
      ["another environment's stack (cdktf.out/stacks/prod)", path.join('cdktf.out', 'stacks', 'prod'), 'dev', path.join('..', 'dev')],
    ])('in %s', async (_where, sub, env, expected) => {
      const r = await runIn(path.join(project(), sub), env);
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
      expect(r.dirs).toEqual([expected]);
      expect(r.out).toContain('Sign on URL:');
    });

    test("a source folder named stacks is not a synth output: the message names where it looked", async () => {
      const r = await runIn(path.join(project(), 'stacks'), 'dev');
      expect(r.code).toBe(1);
      expect(r.dirs).toEqual([]);
      expect(r.err).toContain(`no synthesized stack for environment "dev" in ${path.join('cdktf.out', 'stacks', 'dev')};`);
    });

    test('--help says how the stack is found, and that --env is required', async () => {
      const help = await cli(['idp-record', '--help']);
      expect(help.code).toBe(0);
      const flat = help.out.replace(/\s+/g, ' ');
      expect(flat).toContain('-e, --env <env> environment (stack) whose outputs to read (required)');
      expect(flat).toContain(
        'The stack directory is <out>/stacks/<env>. Without --out, <out> is found from the current directory: a stack directory (cdktf.out/stacks/<name>) is inside it, a synth output directory (holding manifest.json and stacks/) is it, else ./cdktf.out.',
      );
    });
  });

  describe('bad input', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'okta-sso-outputs-'));
    const fifo = () => {
      const at = path.join(tmp, 'outputs.fifo');
      if (!fs.existsSync(at)) execFileSync('mkfifo', [at]);
      return at;
    };
    const write = (name: string, text: string) => {
      fs.writeFileSync(path.join(tmp, name), text);
      return path.join(tmp, name);
    };

    test.each([
      ['an unknown integration', ['-i', 'nope'], OUTPUTS, 'has no output idp_record_nope; integrations with an IdP record: "aiven", "atlan", "omni", "snowflake"'],
      ['a missing file', [], '/nonexistent/outputs.json', 'outputs file /nonexistent/outputs.json not found'],
      ['a file that is not JSON', [], 'not-json', 'not-json.json is not valid JSON (line 1, column 1); accepted: the output of `terraform output -json`'],
      ['a directory', [], '/', 'outputs file / is not a regular file (a directory); accepted: a file saved with `terraform output -json > FILE`'],
      ['a device that never ends', [], '/dev/zero', 'outputs file /dev/zero is not a regular file (a device)'],
      ['a FIFO that no one writes', [], 'fifo', 'is not a regular file (a FIFO); accepted: a file saved with `terraform output -json > FILE` (at most 268435456 bytes), or `--outputs -` with the outputs piped in'],
      ['outputs without IdP records', [], 'no-records', 'has no idp_record_* output; apply the environment'],
      ['a record of the wrong shape', ['-i', 'omni'], 'bad-shape', 'output idp_record_omni does not match schema/idp-record.schema.json: /fields/0/format must be equal to one of the allowed values'],
      ['an unknown field', ['-i', 'omni', '--field', 'certificate'], OUTPUTS, 'Omni has no field "certificate"; fields: signOnUrl, issuer, signingCertificate'],
      ['an INACTIVE app (no values)', ['-i', 'omni'], 'inactive', 'output idp_record_omni has no value for "Sign on URL", "Issuer"; Okta fills them once the app is applied and ACTIVE'],
    ])('%s: exit 1 with a clear message', async (_what, extra, file, message) => {
      const badShape = JSON.parse(JSON.stringify(saved));
      badShape.idp_record_omni.value.fields[0].format = 'link';
      const paths: Record<string, string> = {
        'not-json': write('not-json.json', 'Error: No outputs found'),
        'no-records': write('no-records.json', JSON.stringify({ other: { value: 1 } })),
        'bad-shape': write('bad-shape.json', JSON.stringify(badShape)),
        fifo: fifo(),
        inactive: write('inactive.json', JSON.stringify({ idp_record_omni: { value: { ...saved.idp_record_omni.value, fields: saved.idp_record_omni.value.fields.map((f: any, i: number) => (i < 2 ? { ...f, value: i ? '' : null } : f)) } } })),
      };
      const r = await cli(['idp-record', '--env', 'dev', ...extra, '--outputs', paths[file] ?? file]);
      expect(r.code).toBe(1);
      expect(r.out).toBe('');
      expect(r.err).toContain(message);
    });

    test('a file saved with `terraform output -raw` of a sensitive output: the position only, never the content', async () => {
      // JSON.parse on Node 20 says `Unexpected token 's', "sk_live_51N..." is not valid JSON`.
      const secret = 'sk_live_51NqLkAbCdEfGhIjKlMnOpQrStUvWxYz0123456789';
      const r = await cli(['idp-record', '--env', 'dev', '--outputs', write('raw.txt', `${secret}\n`)]);
      expect(r.code).toBe(1);
      expect(r.err).toBe(`okta-sso idp-record: ${path.join(tmp, 'raw.txt')} is not valid JSON (line 1, column 1); accepted: the output of \`terraform output -json\`\n`);
      const piped = await withSources(['--env', 'dev'], { readStdin: () => `{"idp_record_omni": {"value": ${secret}}}`, terraformOutput: () => '' });
      expect(piped.err).toBe('okta-sso idp-record: standard input is not valid JSON (line 1, column 31); accepted: the output of `terraform output -json`\n');
      const empty = await withSources(['--env', 'dev'], { readStdin: () => '', terraformOutput: () => '' });
      expect(empty.err).toBe('okta-sso idp-record: standard input is empty; accepted: the output of `terraform output -json`\n');
    });

    test('--env is required (usage error)', async () => {
      expect((await cli(['idp-record', '--outputs', OUTPUTS])).code).toBe(2);
    });

    test('--field without --integration is a usage error (exit 2), said before any output is read', async () => {
      const r = await cli(['idp-record', '--env', 'dev', '--field', 'issuer', '--outputs', '/nonexistent/outputs.json']);
      expect(r).toEqual({ code: 2, out: '', err: 'okta-sso idp-record: --field needs --integration (one record, one field); accepted: --integration KEY --field ID\n' });
    });
  });
});

describe('certificate formats', () => {
  test('PEM and base64 convert both ways and ignore whitespace and CRLF', () => {
    const pem = certificateAsPem(CERT);
    expect(pem.split('\n').every((l) => l.length <= 64)).toBe(true);
    expect(certificateAsBase64(pem.replace(/\n/g, '\r\n'))).toBe(CERT);
    expect(certificateAsPem(pem)).toBe(pem);
  });
});

describe('idp-record refuses another environment\'s outputs', () => {
  test('records that name a different environment', async () => {
    const fixture = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'idp-record', 'dev-terraform-output.json'), 'utf8'));
    for (const output of Object.values<any>(fixture)) if (output?.value?.schemaVersion) output.value.environment = 'prod';
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'okta-sso-idp-')), 'outputs.json');
    fs.writeFileSync(file, JSON.stringify(fixture));
    let err = '';
    const code = await runCli(['idp-record', '--env', 'dev', '--outputs', file], { out: () => undefined, err: (t) => (err += t), exit: () => undefined });
    expect(code).toBe(1);
    expect(err).toContain('holds the outputs of environment "prod", not "dev"');
    const ok = await runCli(['idp-record', '--env', 'prod', '--outputs', file], { out: () => undefined, err: () => undefined, exit: () => undefined });
    expect(ok).toBe(0);
  });
});
