/**
 * Entra's rules for the tabs' access tokens: keys from the token's own tenant's key set
 * (`{base}/{tid}/discovery/v2.0/keys`), issued by that same tenant (v2 or v1 issuer), for our app.
 */
import { createRemoteJWKSet, type JWTVerifyGetKey } from 'jose';
import type { TokenRules } from './access-token-validator';
import { KEYS_TIMEOUT_MS } from '../../tunables';

export interface EntraSettings {
  clientId: string;
  /** Only this tenant, when set. */
  tenantId: string | null;
  tabDomain: string | null;
  keysBaseUrl: string;
}

/** v2 tokens carry the client id as audience; v1 tokens the App ID URI api://TAB_DOMAIN/client-id. */
export function apiAudiences(clientId: string, tabDomain: string | null): string[] {
  return tabDomain ? [`api://${tabDomain}/${clientId}`, clientId] : [clientId];
}

export function entraTokenRules(
  settings: EntraSettings,
  isRegistered: (tenantId: string) => Promise<boolean>,
): TokenRules {
  // One key set per tenant; only tenants that pass isTenantAllowed ever get here.
  const keySets = new Map<string, JWTVerifyGetKey>();
  return {
    // Entra signs every tenant's tokens with the keys published for all at /common (Microsoft identity
    // platform, "Signing key rollover": login.microsoftonline.com/common/discovery/v2.0/keys).
    signingKeys: createRemoteJWKSet(new URL(`${settings.keysBaseUrl}/common/discovery/v2.0/keys`), {
      timeoutDuration: KEYS_TIMEOUT_MS,
    }),
    keys(tenantId) {
      let keys = keySets.get(tenantId);
      if (!keys) {
        const url = new URL(`${settings.keysBaseUrl}/${tenantId}/discovery/v2.0/keys`);
        keys = createRemoteJWKSet(url, { timeoutDuration: KEYS_TIMEOUT_MS });
        keySets.set(tenantId, keys);
      }
      return keys;
    },
    issuers: (tenantId) => [
      `https://login.microsoftonline.com/${tenantId}/v2.0`,
      `https://sts.windows.net/${tenantId}/`,
    ],
    audiences: apiAudiences(settings.clientId, settings.tabDomain),
    isTenantAllowed: async (tenantId) =>
      (settings.tenantId === null || tenantId === settings.tenantId) && isRegistered(tenantId),
  };
}
