import { configFieldOf, propsFromSettings } from '../../config/to-props';
import { SecretRef } from '../../model/provisioning/secret-ref';
import { SpMetadataDocument } from '../../model/sp-metadata-document';

describe('config -> props: the same props a cdktf app passes', () => {
  test("an SP's block becomes its own props, and each prop maps back to where config writes it", () => {
    const { preset, props } = propsFromSettings({ preset: 'aiven', label: 'Aiven', aiven: { accountId: 'a1', methodId: 'm1', idpLoginAllowed: false } }, undefined);
    expect(preset).toBe('aiven');
    expect(props).toEqual({ label: 'Aiven', accountId: 'a1', methodId: 'm1', idpLoginAllowed: false });
    expect(configFieldOf('aiven', 'accountId')).toBe('aiven.accountId');
    expect(configFieldOf('snowflake', 'account')).toBe('snowflake.account');
    expect(configFieldOf('aiven', 'provisioning.pushGroups.0.group')).toBe('provisioning.pushGroups.0.group');
    expect(configFieldOf('generic', 'spMetadata')).toBe('spMetadata.file');
  });

  test('another SP\'s block is kept as it is, for the props check to name it', () => {
    expect(propsFromSettings({ preset: 'omni', aiven: { accountId: 'a1' } }, undefined).props).toEqual({ aiven: { accountId: 'a1' } });
  });

  test('references become SecretRef; a literal secret is left out (the config layer reports it where it is written)', () => {
    const { props } = propsFromSettings(
      { preset: 'onprem', provisioning: { token: 'secret:vault/x', connector: { baseUrl: 'https://h/scim/v2/', auth: { type: 'header', headerName: 'Authorization', credential: 'literal-value' } } } },
      undefined,
    );
    expect(props.provisioning?.token).toEqual(SecretRef.fromStore('vault/x'));
    expect(props.provisioning?.connector?.auth).toEqual({ type: 'header', headerName: 'Authorization' });
  });

  test('the SP metadata file becomes the document config read', () => {
    const doc = SpMetadataDocument.unreadable('cfg/sp.xml', 'SP metadata file cfg/sp.xml not found');
    expect(propsFromSettings({ preset: 'generic', spMetadata: { file: 'sp.xml' } }, doc).props).toEqual({ spMetadata: doc });
  });
});
