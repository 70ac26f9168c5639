// OAuth errors as the Microsoft identity platform reports them: an RFC 6749 error name, an
// AADSTS code with its message, and the HTTP status (400, or 401 for client authentication).
// The numbers are the ones the identity platform uses for the same situations, so clients
// that branch on error_codes (or on the AADSTS prefix of the description) behave as in production.

export type OAuthErrorName =
  | 'invalid_request' | 'invalid_grant' | 'invalid_client' | 'unauthorized_client' | 'unsupported_grant_type'
  | 'invalid_scope' | 'unsupported_response_type' | 'access_denied' | 'login_required' | 'consent_required'
  | 'server_error';

export class OAuthError extends Error {
  constructor(
    readonly error: OAuthErrorName,
    /** The AADSTS number. */
    readonly code: number,
    readonly description: string,
  ) {
    super(`AADSTS${code}: ${description}`);
    this.name = 'OAuthError';
  }

  /** RFC 6749 §5.2: 401 when the client failed to authenticate, 400 otherwise. */
  get status(): number {
    return this.error === 'invalid_client' ? 401 : 400;
  }
}

/** The situations the server reports, with the identity platform's code and wording. */
export const oauthErrors = {
  missingParameter: (name: string) =>
    new OAuthError('invalid_request', 900144, `The request body must contain the following parameter: '${name}'.`),
  malformed: (detail: string) => new OAuthError('invalid_request', 9002313, `Invalid request. Request is malformed or invalid. ${detail}`),
  unknownTenant: (tenant: string) =>
    new OAuthError('invalid_request', 90002, `Tenant '${tenant}' not found. Use 'common', 'consumers' or 'organizations'.`),
  unknownClient: (clientId: string, tenant: string) =>
    new OAuthError('unauthorized_client', 700016, `Application with identifier '${clientId}' was not found in the directory '${tenant}'.`),
  redirectNotRegistered: (clientId: string) =>
    new OAuthError('invalid_request', 50011, `The redirect URI specified in the request does not match the redirect URIs configured for the application '${clientId}'.`),
  missingSecret: () =>
    new OAuthError('invalid_client', 7000218, "The request body must contain the following parameter: 'client_assertion' or 'client_secret'."),
  wrongSecret: (clientId: string) =>
    new OAuthError('invalid_client', 7000215, `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${clientId}'.`),
  secretFromPublicClient: () =>
    new OAuthError('invalid_client', 700025, "Client is public so neither 'client_assertion' nor 'client_secret' should be presented."),
  unsupportedGrant: (grant: string) =>
    new OAuthError('unsupported_grant_type', 70003, `The app requested an unsupported grant type '${grant}'.`),
  unsupportedResponseType: (type: string) =>
    new OAuthError('unsupported_response_type', 70005, `response_type '${type}' is not enabled for the application. Only 'code' is supported.`),
  invalidScope: (scope: string) =>
    new OAuthError('invalid_scope', 70011, `The provided value for the input parameter 'scope' is not valid. The scope '${scope}' is not valid.`),
  scopeNotGranted: (clientId: string) =>
    new OAuthError('invalid_grant', 65001, `The user or administrator has not consented to use the application with ID '${clientId}' for the requested scopes.`),
  invalidCode: () => new OAuthError('invalid_grant', 70000, "The provided value for the 'code' parameter is not valid."),
  codeExpired: () => new OAuthError('invalid_grant', 70008, 'The provided authorization code or refresh token has expired due to inactivity.'),
  codeRedeemed: () =>
    new OAuthError('invalid_grant', 54005, 'OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token.'),
  redirectMismatch: () =>
    new OAuthError('invalid_grant', 500112, 'The reply address does not match the reply address provided when requesting Authorization code.'),
  verifierMissing: () =>
    new OAuthError('invalid_grant', 501481, 'The Code_Verifier does not match the code_challenge supplied in the authorization request.'),
  verifierMismatch: () =>
    new OAuthError('invalid_grant', 50148, 'The code_verifier does not match the code_challenge supplied in the authorization request for PKCE.'),
  verifierWithoutChallenge: () =>
    new OAuthError('invalid_grant', 50148, 'A code_verifier was sent, but the authorization request carried no code_challenge.'),
  invalidRefreshToken: () => new OAuthError('invalid_grant', 9002313, "Invalid request. Request is malformed or invalid. The provided value for 'refresh_token' is not valid."),
  refreshExpired: () => new OAuthError('invalid_grant', 700082, 'The refresh token has expired due to inactivity.'),
  refreshRevoked: () =>
    new OAuthError('invalid_grant', 50173, 'The provided grant has expired due to it being revoked, a fresh auth token is needed.'),
  userDisabled: () => new OAuthError('invalid_grant', 50057, 'The user account is disabled.'),
  declined: () => new OAuthError('access_denied', 65004, 'User declined to consent to access the app.'),
  loginRequired: () => new OAuthError('login_required', 50058, 'A silent sign-in request was sent but no user is signed in.'),
  consentRequired: (clientId: string) =>
    new OAuthError('consent_required', 65001, `The user or administrator has not consented to use the application with ID '${clientId}'.`),
} as const;
