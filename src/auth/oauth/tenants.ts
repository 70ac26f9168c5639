// The tenant segment of the identity platform's paths. adcenter has one directory per instance,
// so the three multi-tenant aliases all reach it; a code issued under one may be redeemed under another.
export const OAUTH_TENANTS: readonly string[] = ['common', 'consumers', 'organizations'];

export function isKnownTenant(tenant: string): boolean {
  return OAUTH_TENANTS.includes(tenant.toLowerCase());
}
