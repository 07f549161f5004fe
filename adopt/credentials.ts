import * as crypto from 'crypto';
import * as fs from 'fs';
import { AdoptError, cut } from './okta-api';

/** Read-only scopes: adopt asks for these whatever scopes the provider's variables name for Terraform. */
export const READ_SCOPES = ['okta.apps.read', 'okta.groups.read'];

/** The okta provider's own variables: the same credentials Terraform uses. */
export const CREDENTIAL_VARIABLES = {
  token: 'OKTA_API_TOKEN',
  clientId: 'OKTA_API_CLIENT_ID',
  privateKey: 'OKTA_API_PRIVATE_KEY',
  privateKeyId: 'OKTA_API_PRIVATE_KEY_ID',
} as const;

/** How a request is authorized. No message ever includes what `authorization()` returns. */
export interface Credentials {
  /** The variables in use, for messages. */
  readonly kind: string;
  authorization(): Promise<string>;
}

type Env = Readonly<Record<string, string | undefined>>;

/**
 * The credentials in the environment: an API token (`SSWS`), else an OAuth 2.0
 * service app's private key (client credentials with a signed JWT, read-only
 * scopes). Neither is ever read from config or written anywhere.
 */
export function credentialsFromEnv(env: Env, orgUrl: string, post: (url: string, form: URLSearchParams) => Promise<{ status: number; body: unknown }>): Credentials {
  const token = env[CREDENTIAL_VARIABLES.token];
  if (token) return { kind: CREDENTIAL_VARIABLES.token, authorization: async () => `SSWS ${token}` };
  const clientId = env[CREDENTIAL_VARIABLES.clientId];
  const keyText = env[CREDENTIAL_VARIABLES.privateKey];
  if (!clientId || !keyText) {
    throw new AdoptError(
      `no Okta credentials: set ${CREDENTIAL_VARIABLES.token} (an API token of a read-only admin), or ${CREDENTIAL_VARIABLES.clientId} and ${CREDENTIAL_VARIABLES.privateKey} ` +
        `(and ${CREDENTIAL_VARIABLES.privateKeyId}) of an OAuth 2.0 service app granted ${READ_SCOPES.join(' and ')} — the okta provider's own variables; or read saved responses with --from DIR`,
    );
  }
  const key = privateKey(keyText);
  let accessToken: string | undefined;
  return {
    kind: `${CREDENTIAL_VARIABLES.clientId} (OAuth 2.0, ${READ_SCOPES.join(' ')})`,
    authorization: async () => {
      if (!accessToken) accessToken = await requestToken(orgUrl, clientId, key, env[CREDENTIAL_VARIABLES.privateKeyId], post);
      return `Bearer ${accessToken}`;
    },
  };
}

/** OKTA_API_PRIVATE_KEY holds the PEM itself or the path of a PEM file, as for the provider. */
function privateKey(text: string): crypto.KeyObject {
  let pem = text;
  if (!text.includes('-----BEGIN')) {
    try {
      pem = fs.readFileSync(text, 'utf8');
    } catch {
      throw new AdoptError(`${CREDENTIAL_VARIABLES.privateKey} is neither a PEM private key nor a readable file (value not shown)`);
    }
  }
  try {
    return crypto.createPrivateKey(pem);
  } catch {
    throw new AdoptError(`${CREDENTIAL_VARIABLES.privateKey} is not a usable private key (value not shown); accepted: an RSA private key in PEM`);
  }
}

async function requestToken(
  orgUrl: string,
  clientId: string,
  key: crypto.KeyObject,
  kid: string | undefined,
  post: (url: string, form: URLSearchParams) => Promise<{ status: number; body: unknown }>,
): Promise<string> {
  const url = `${orgUrl}/oauth2/v1/token`;
  const now = Math.floor(Date.now() / 1000);
  const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const unsigned = `${b64({ alg: 'RS256', typ: 'JWT', ...(kid ? { kid } : {}) })}.${b64({ iss: clientId, sub: clientId, aud: url, iat: now, exp: now + 300, jti: crypto.randomUUID() })}`;
  const signature = crypto.sign('sha256', Buffer.from(unsigned), key).toString('base64url');
  const form = new URLSearchParams({
    grant_type: 'client_credentials',
    scope: READ_SCOPES.join(' '),
    client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
    client_assertion: `${unsigned}.${signature}`,
  });
  const r = await post(url, form);
  const body = (r.body && typeof r.body === 'object' ? r.body : {}) as Record<string, unknown>;
  if (r.status === 200 && typeof body.access_token === 'string' && body.access_token) return body.access_token;
  const why = typeof body.error === 'string' ? `${body.error}${typeof body.error_description === 'string' ? `: ${cut(body.error_description)}` : ''}` : `status ${r.status}`;
  throw new AdoptError(`Okta refused the OAuth 2.0 token request of ${CREDENTIAL_VARIABLES.clientId} (${why}); check the service app, its public key and that it is granted ${READ_SCOPES.join(' and ')}`);
}
