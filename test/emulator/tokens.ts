/**
 * Unsigned, JWT-shaped bearer tokens understood by the emulator:
 *   base64url({"alg":"none","typ":"JWT"}) + "." + base64url(claims) + ".emulator"
 */
export interface TestTokenClaims {
    aud: string;
    tid: string;
    oid?: string;
    upn?: string;
    /** Lifetime from now; negative values produce an already-expired token. Default 3600. */
    expiresInSeconds?: number;
}

/** Claims as carried inside a token. */
export interface TokenPayload {
    aud: string;
    tid: string;
    oid: string;
    upn: string;
    iat: number;
    nbf: number;
    exp: number;
    iss: string;
}

const SIGNATURE = 'emulator';

function base64url(text: string): string {
    return Buffer.from(text, 'utf8').toString('base64url');
}

export function makeTestToken(claims: { aud: string; tid: string; oid?: string; upn?: string; expiresInSeconds?: number }): string {
    const now = Math.floor(Date.now() / 1000);
    const lifetime = claims.expiresInSeconds ?? 3600;
    const payload: TokenPayload = {
        aud: claims.aud,
        tid: claims.tid,
        oid: claims.oid ?? '00000000-0000-4000-8000-0000000000a1',
        upn: claims.upn ?? 'tester@contoso.onmicrosoft.com',
        iat: now,
        nbf: Math.min(now, now + lifetime) - 300,
        exp: now + lifetime,
        iss: `https://sts.windows.net/${claims.tid}/`,
    };
    return `${base64url(JSON.stringify({ alg: 'none', typ: 'JWT' }))}.${base64url(JSON.stringify(payload))}.${SIGNATURE}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Parses a token made by makeTestToken (or any JWT with the same claims); undefined when malformed. */
export function parseTestToken(token: string): TokenPayload | undefined {
    const parts = token.split('.');
    if (parts.length !== 3) {
        return undefined;
    }
    try {
        const header: unknown = JSON.parse(Buffer.from(parts[0], 'base64url').toString('utf8'));
        const payload: unknown = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
        if (!isRecord(header) || !isRecord(payload)) {
            return undefined;
        }
        const { aud, tid, exp } = payload;
        if (typeof aud !== 'string' || typeof tid !== 'string' || typeof exp !== 'number') {
            return undefined;
        }
        const num = (v: unknown, fallback: number): number => (typeof v === 'number' ? v : fallback);
        const str = (v: unknown, fallback: string): string => (typeof v === 'string' ? v : fallback);
        return {
            aud,
            tid,
            exp,
            oid: str(payload.oid, ''),
            upn: str(payload.upn, ''),
            iat: num(payload.iat, 0),
            nbf: num(payload.nbf, 0),
            iss: str(payload.iss, ''),
        };
    } catch {
        return undefined;
    }
}
