// Lifetimes of what the authorization server issues. Access tokens: the server's
// accessTokenLifetimeSeconds (default one hour, as the identity platform's). Codes and refresh
// tokens follow the identity platform's documented values.

/** "Authorization codes are short lived, typically expiring after about 10 minutes." */
export const AUTHORIZATION_CODE_SECONDS = 10 * 60;

/** "Refresh tokens … are long-lived, e.g., 90 days for public clients." */
export const REFRESH_TOKEN_SECONDS = 90 * 24 * 3600;

export function after(now: Date, seconds: number): Date {
  return new Date(now.getTime() + seconds * 1000);
}
