import { settingsFromMetadata } from '../model/sp-metadata-check';
import { SpMetadataDocument } from '../model/sp-metadata-document';
import { IntegrationModel } from '../model/types';

/** The SAML fields an SP's metadata can give, by the metadata value each takes (recipient and destination default to the ACS URL). */
const FROM_METADATA: Readonly<Record<string, 'acsUrl' | 'audience'>> = { acsUrl: 'acsUrl', recipient: 'acsUrl', destination: 'acsUrl', audience: 'audience' };

/** Where config names an integration's SP metadata file. */
export const SP_METADATA_FILE = ['spMetadata', 'file'] as const;

/**
 * Whether a problem at `field`, which config does not write, is about the value the SP metadata file
 * gave: the integration's value is the metadata's own. Such a problem belongs at `spMetadata.file`,
 * the line that brought the value in, whether or not an environment enables the integration yet
 * (an `http://` ACS URL in the metadata is the same problem in every environment). A value the
 * preset computes (Aiven's ACS URL) is not the metadata's, even when spMetadata is set.
 */
export function givenByMetadata(field: string, document: SpMetadataDocument | undefined, integration: IntegrationModel | undefined): boolean {
  const from = Object.hasOwn(FROM_METADATA, field) ? FROM_METADATA[field] : undefined;
  if (!from || !document?.metadata || !integration) return false;
  return integration.saml[field as 'acsUrl' | 'recipient' | 'destination' | 'audience'] === settingsFromMetadata(document.metadata)[from];
}
