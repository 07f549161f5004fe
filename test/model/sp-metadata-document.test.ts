import * as fs from 'fs';
import * as path from 'path';
import { SpMetadataDocument } from '../../model/sp-metadata-document';
import { FIXTURES } from '../fixture-files';
import { tempDir } from '../helpers';

describe('SpMetadataDocument: read now, problems reported by the construct that takes it', () => {
  test('fromFile parses the SP metadata', () => {
    const doc = SpMetadataDocument.fromFile(path.join(FIXTURES, 'sp-metadata', 'default-namespace.xml'));
    expect(doc.problem).toBeUndefined();
    expect(doc.metadata).toMatchObject({ entityId: 'grafana.acme.example', defaultPostAcs: { location: 'https://grafana.acme.example/saml/acs' } });
  });

  test('a missing file, a directory and invalid XML are problems naming the file, not exceptions', () => {
    const dir = tempDir();
    expect(SpMetadataDocument.fromFile(path.join(dir, 'nope.xml')).problem).toBe(`SP metadata file ${dir}/nope.xml not found; accepted: the SP's SAML metadata XML`);
    expect(SpMetadataDocument.fromFile(dir).problem).toMatch(/is not a regular file \(a directory\)/);
    fs.writeFileSync(path.join(dir, 'bad.xml'), '<x');
    expect(SpMetadataDocument.fromFile(path.join(dir, 'bad.xml')).problem).toMatch(new RegExp(`^SP metadata file ${dir}/bad.xml is not well-formed XML`));
    expect(SpMetadataDocument.fromXml('not xml').problem).toBe('SP metadata XML is not XML (it does not start with "<"); accepted: the SP\'s SAML 2.0 metadata XML');
  });
});
