import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { loadConfig } from '../../config/load-config';
import { idpRecordProblems } from '../../cli/idp-record-outputs';
import { synthToDisk } from '../../synth/synth';
import { fixture } from '../fixture-files';

const EXAMPLE = path.join(__dirname, '..', '..', 'examples', 'acme');

describe('schema/idp-record.schema.json', () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'okta-sso-records-'));
  const model = loadConfig(EXAMPLE);
  synthToDisk(model, { outdir: path.join(out, 'cdktf.out'), configDir: EXAMPLE });

  test.each(model.environments.map((e) => e.name))("validates every idp_record_* output synthesized for the example's %s environment", (env) => {
    const json = JSON.parse(fs.readFileSync(path.join(out, 'cdktf.out', 'stacks', env, 'cdk.tf.json'), 'utf8'));
    const environment = model.environments.find((e) => e.name === env)!;
    const names = Object.keys(json.output).filter((n) => n.startsWith('idp_record_'));
    // One output per integration, named after its key.
    expect(names.sort()).toEqual(environment.integrations.map((i) => `idp_record_${i.key}`).sort());
    for (const name of names) expect([name, idpRecordProblems(json.output[name].value)]).toEqual([name, []]);
  });

  test('validates the applied values in a saved `terraform output -json`', () => {
    const outputs = JSON.parse(fixture('idp-record/dev-terraform-output.json'));
    for (const [name, o] of Object.entries<any>(outputs)) expect([name, idpRecordProblems(o.value)]).toEqual([name, []]);
  });

  test('rejects records of the wrong shape', () => {
    const good = JSON.parse(fixture('idp-record/dev-terraform-output.json')).idp_record_aiven.value;
    expect(idpRecordProblems({ ...good, schemaVersion: 2 })).toEqual(['/schemaVersion must be equal to constant']);
    expect(idpRecordProblems({ ...good, token: 'x' })).toEqual(['(the record) must NOT have additional properties']);
    const boolAsText = { ...good, fields: [{ ...good.fields[3], value: 'true' }] };
    expect(idpRecordProblems(boolAsText)).toEqual(['/fields/0/value must be boolean']);
    const { fields, ...noFields } = good;
    expect(fields).toHaveLength(4);
    expect(idpRecordProblems(noFields)).toEqual(["(the record) must have required property 'fields'"]);
  });
});
