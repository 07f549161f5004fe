import { IntegrationSettings } from '../../config/settings';
import { resolveSettings } from '../helpers';

function record(key: string, settings: IntegrationSettings) {
  const r = resolveSettings(key, settings);
  expect(r.problems).toEqual([]);
  return r.model!.idpRecord!;
}

const OMNI = { preset: 'omni', acsUrl: 'https://acme.omniapp.co/api/auth/saml/acs', audience: 'acme.omniapp.co' };
const ATLAN = { preset: 'atlan', acsUrl: 'https://acme.atlan.com/auth/realms/default/broker/saml/endpoint', audience: 'https://acme.atlan.com/auth/realms/default' };

describe('IdP record fields per SP', () => {
  test('Aiven: IDP URL <- sign-on URL, Entity ID <- issuer, PEM certificate, IdP login allowed on', () => {
    const r = record('aiven', { preset: 'aiven', aiven: { accountId: 'a1', methodId: 'm1' } });
    expect(r.fields).toEqual([
      { id: 'idpUrl', label: 'IDP URL', from: 'ssoUrl', apiName: 'saml_idp_url' },
      { id: 'entityId', label: 'Entity ID', from: 'issuer', apiName: 'saml_entity_id' },
      { id: 'certificate', label: 'Certificate', from: 'certificatePem', apiName: 'saml_certificate' },
      { id: 'idpLoginAllowed', label: 'IdP login allowed', value: true, apiName: 'saml_idp_login_allowed' },
    ]);
  });

  test('Omni: Sign on URL, Issuer, PEM signing certificate', () => {
    expect(record('omni', OMNI).fields.map((f) => [f.label, f.from])).toEqual([
      ['Sign on URL', 'ssoUrl'],
      ['Issuer', 'issuer'],
      ['Signing certificate', 'certificatePem'],
    ]);
  });

  test("Atlan: Okta's IdP metadata XML", () => {
    expect(record('atlan', ATLAN).fields).toEqual([{ id: 'idpMetadata', label: 'IdP metadata XML', from: 'metadataXml' }]);
  });

  test('Snowflake: SAML2_* fields with the base64 certificate, held by snowflake_saml2_integration', () => {
    const r = record('snowflake', { preset: 'snowflake', snowflake: { account: 'acme-x' } });
    expect(r.terraformResource).toBe('snowflake_saml2_integration');
    expect(r.fields.map((f) => [f.label, f.from ?? f.value])).toEqual([
      ['SAML2_ISSUER', 'issuer'],
      ['SAML2_SSO_URL', 'ssoUrl'],
      ['SAML2_X509_CERT', 'certificateBase64'],
      ['SAML2_PROVIDER', 'OKTA'],
    ]);
  });

  test("generic: a default form, or the SP's own form from config", () => {
    expect(record('wiki', { preset: 'generic', acsUrl: 'https://w.example/acs', audience: 'w' }).fields.map((f) => f.from)).toEqual(['ssoUrl', 'issuer', 'certificatePem', 'metadataUrl']);
    const custom = record('wiki', {
      preset: 'generic',
      acsUrl: 'https://w.example/acs',
      audience: 'w',
      idpRecord: { where: 'Wiki admin > SSO', fields: [{ label: 'IdP SSO endpoint', from: 'ssoUrl' }, { label: 'X.509 cert (one line)', from: 'certificateBase64' }] },
    });
    expect(custom).toEqual({
      where: 'Wiki admin > SSO',
      fields: [
        { id: 'idpSsoEndpoint', label: 'IdP SSO endpoint', from: 'ssoUrl' },
        { id: 'x509CertOneLine', label: 'X.509 cert (one line)', from: 'certificateBase64' },
      ],
    });
  });
});

describe('IdP record bad input', () => {
  test('an SP field the preset cannot fill names the field, the value asked for and what is accepted', () => {
    const r = resolveSettings('wiki', {
      preset: 'generic',
      acsUrl: 'https://w.example/acs',
      audience: 'w',
      idpRecord: { fields: [{ label: 'Sign-on URL', from: 'ssoUrl' }, { label: 'Single logout URL', from: 'sloUrl' }] },
    });
    expect(r.model).toBeUndefined();
    expect(r.problems).toEqual([
      {
        field: 'idpRecord.fields.1.from',
        message: 'SP field "Single logout URL" asks for "sloUrl", which the generic preset cannot fill from Okta\'s app; accepted: ssoUrl, issuer, certificatePem, certificateBase64, metadataXml, metadataUrl',
        rule: 'SSO-101',
      },
    ]);
  });

  test('a field listed twice, and idpRecord on an SP whose form is fixed', () => {
    const twice = resolveSettings('wiki', { preset: 'generic', acsUrl: 'https://w.example/acs', audience: 'w', idpRecord: { fields: [{ label: 'Issuer', from: 'issuer' }, { label: 'issuer', from: 'issuer' }] } });
    expect(twice.problems).toEqual([{ field: 'idpRecord.fields.1.label', message: 'SP field "issuer" is listed twice; accepted: each field once', rule: 'SSO-103' }]);
    const omni = resolveSettings('omni', { ...OMNI, idpRecord: { fields: [{ label: 'x', from: 'issuer' }] } });
    expect(omni.problems).toEqual([{ field: 'idpRecord', message: expect.stringContaining("Omni's IdP record follows Omni's own form and cannot be changed"), rule: 'SSO-102' }]);
  });
});

describe('rules spanning both halves', () => {
  test('Aiven: IdP login allowed off while a default relay state is set fails', () => {
    const r = resolveSettings('aiven', { preset: 'aiven', aiven: { accountId: 'a1', methodId: 'm1', idpLoginAllowed: false } });
    expect(r.problems).toEqual([{ field: 'aiven.idpLoginAllowed', message: expect.stringContaining('IdP login allowed is off, but the Okta app sets a default relay state ("https://console.aiven.io")'), rule: 'SSO-011' }]);
  });

  test('Omni: SP-initiated only, so no relay state and no dashboard tile', () => {
    expect(resolveSettings('omni', { ...OMNI, relayState: 'https://acme.omniapp.co/' }).problems.map((p) => p.field)).toEqual(['relayState']);
    expect(resolveSettings('omni', { ...OMNI, showInDashboard: true }).problems.map((p) => p.field)).toEqual(['showInDashboard']);
    expect(resolveSettings('omni', OMNI).model!.saml).toMatchObject({ relayState: undefined, showInDashboard: false });
  });
});
