import { App, LocalBackend, TerraformStack, Testing } from 'cdktf';
import * as fs from 'fs';
import * as path from 'path';
import { AivenSso, GenericSamlSso, RuleId, SsoPropsError } from '../../../index';
import { AppSaml } from '@cdktf/provider-okta/lib/app-saml';
import { tempDir } from '../../helpers';

const WIKI = { acsUrl: 'https://wiki.example.com/saml/acs', audience: 'https://wiki.example.com/saml', groups: ['Everyone'] };

function userStack(): { app: App; stack: TerraformStack; outdir: string } {
  const outdir = tempDir('okta-sso-int-');
  const app = new App({ outdir });
  const stack = new TerraformStack(app, 'prod');
  new LocalBackend(stack, { path: '../../../state/prod.tfstate' });
  return { app, stack, outdir };
}

const written = (outdir: string) => JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', 'prod', 'cdk.tf.json'), 'utf8'));

describe('rules on the synthesized app see escape-hatch edits', () => {
  test('SHA-1 set through an override of the L1 fails synth at the prop it concerns', () => {
    const { app, stack } = userStack();
    const wiki = new GenericSamlSso(stack, 'wiki', WIKI);
    wiki.oktaApp.addOverride('signature_algorithm', 'RSA_SHA1');
    expect(() => app.synth()).toThrow('[prod/wiki] signing.algorithm: SSO-002 (error) wiki: signature algorithm "RSA_SHA1", not SHA-256');
  });

  test('the L1 is the default child, for tools that take it from there', () => {
    const { stack } = userStack();
    const wiki = new GenericSamlSso(stack, 'wiki', WIKI);
    expect(wiki.node.defaultChild).toBe(wiki.oktaApp);
  });
});

describe('suppressions', () => {
  test('a suppressed finding is recorded on the app with its reason and outcome, and synth goes on', () => {
    const { app, stack, outdir } = userStack();
    new GenericSamlSso(stack, 'wiki', { ...WIKI, signing: { algorithm: 'RSA_SHA1', digest: 'SHA1' }, suppressions: [{ rule: RuleId.SHA256_SIGNING, reason: 'Wiki v1 accepts SHA-1 only; WIKI-42' }] });
    app.synth();
    expect(written(outdir).resource.okta_app_saml.wiki['//']['okta-sso-policy']).toEqual({
      suppressions: [{ rule: 'SSO-002', reason: 'Wiki v1 accepts SHA-1 only; WIKI-42', outcome: 'non-compliant' }],
    });
  });

  test('a suppression that is not needed is a warning, recorded once however often the app is synthesized', () => {
    const { app, stack, outdir } = userStack();
    const wiki = new GenericSamlSso(stack, 'wiki', { ...WIKI, suppressions: [{ rule: RuleId.SHA256_SIGNING, reason: 'left over from the SHA-1 days' }] });
    app.synth();
    app.synth();
    const warnings = wiki.node.metadata.filter((m) => m.type === '@cdktf/warn').map((m) => m.data);
    expect(warnings).toEqual(['suppressions: wiki: suppression of SSO-002 is not needed (the rule is compliant); remove it']);
    expect(written(outdir).resource.okta_app_saml.wiki['//']['okta-sso-policy'].warnings).toEqual(['wiki: suppression of SSO-002 is not needed (the rule is compliant); remove it']);
  });

  test('an unknown rule ID is refused with the IDs that can be suppressed', () => {
    const { app, stack } = userStack();
    new GenericSamlSso(stack, 'wiki', { ...WIKI, suppressions: [{ rule: 'SSO-999', reason: 'typo' }] });
    expect(() => app.synth()).toThrow(/\[prod\/wiki\] suppressions\.0\.rule: suppression of unknown rule "SSO-999" \(did you mean SSO-009\?\); accepted: SSO-001, SSO-002, .*SSO-013/);
  });
});

/** The message app.synth() fails with. */
function synthFailure(app: App): string {
  try {
    app.synth();
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error('expected app.synth() to fail, but it succeeded');
}

describe('props that cannot work', () => {
  test('every problem of the construct is reported together, not the first one only', () => {
    const { app, stack } = userStack();
    new AivenSso(stack, 'aiven', { accountId: 'bad/id', methodId: 'also bad', groups: ['A', 'A'] });
    const message = synthFailure(app);
    expect(message).toContain('[prod/aiven] accountId: Aiven account ID "bad/id" is not an Aiven ID');
    expect(message).toContain('[prod/aiven] methodId: Aiven authentication method ID "also bad" is not an Aiven ID');
  });

  test("an escape hatch on such a construct's app does not stop synth at it: every construct's problems are reported together", () => {
    const { app, stack } = userStack();
    const aiven = new AivenSso(stack, 'aiven', { accountId: 'bad/id', methodId: 'am1' });
    // The app is a stand-in outside the stack: an override on it, through oktaApp or node.defaultChild, goes nowhere.
    aiven.oktaApp.addOverride('hide_ios', true);
    (aiven.node.defaultChild as AppSaml).addOverride('hide_web', true);
    expect(aiven.node.defaultChild).toBe(aiven.oktaApp);
    new GenericSamlSso(stack, 'wiki', { ...WIKI, acsUrl: 'http://wiki.example.com/acs' });
    // Attributes stay usable in other resources' props: synth fails on the props anyway.
    expect(aiven.appId).toBe('${okta_app_saml.aiven.id}');
    const message = synthFailure(app);
    expect(message).toContain('[prod/aiven] accountId: Aiven account ID "bad/id" is not an Aiven ID');
    expect(message).toContain('[prod/wiki] acsUrl: ACS URL "http://wiki.example.com/acs" uses http');
    expect(message).not.toContain('stand-in');
  });

  test('Testing.fullSynth of a stack reports the same validation errors', () => {
    const stack = new TerraformStack(Testing.app(), 'prod');
    new GenericSamlSso(stack, 'wiki', { ...WIKI, acsUrl: 'ftp://wiki.example.com/acs' });
    expect(() => Testing.fullSynth(stack)).toThrow('[prod/wiki] acsUrl: ACS URL "ftp://wiki.example.com/acs" uses ftp, not https; accepted: an absolute https:// URL');
  });
});

describe('applyRules: structured findings for tools', () => {
  test('errors carry the rule, the props and where they were found', () => {
    const { stack } = userStack();
    const wiki = new GenericSamlSso(stack, 'wiki', { ...WIKI, acsUrl: 'http://wiki.example.com/acs', signing: { assertionSigned: false } });
    const { errors } = wiki.applyRules();
    expect(errors.map((e) => [e.rule, e.props[0], e.source])).toEqual([
      ['SSO-001', 'acsUrl', 'props'],
      ['SSO-003', 'signing.assertionSigned', 'synthesized'],
    ]);
    expect(wiki.propOf(errors[1])).toBe('signing.assertionSigned');
  });
});
