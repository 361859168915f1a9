/**
 * When a bearer token expires, read from its `exp` claim without verifying anything
 * (only to know when to ask VS Code for a fresh one). Pure module.
 */
const FALLBACK_LIFETIME_MS = 5 * 60 * 1000;

export function tokenExpiresOn(token: string, now = Date.now()): number {
  const payload = token.split('.')[1];
  if (payload) {
    try {
      const claims: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
      if (typeof claims === 'object' && claims !== null && 'exp' in claims) {
        const exp = (claims).exp;
        if (typeof exp === 'number' && Number.isFinite(exp)) {
          return exp * 1000;
        }
      }
    } catch {
      // Not a JWT: fall through to a short assumed lifetime so the token is re-requested soon.
    }
  }
  return now + FALLBACK_LIFETIME_MS;
}
