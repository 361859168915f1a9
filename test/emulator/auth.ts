/**
 * Bearer-token checks ARM performs before anything else (401s with a WWW-Authenticate challenge),
 * and the subscription ↔ token-tenant check.
 */
import { ArmError } from './errors';
import type { ArmRequest, Principal } from './http';
import type { EmulatorStore, SubscriptionRecord } from './store';
import { parseTestToken } from './tokens';

/** Audiences ARM itself accepts. */
export const ARM_AUDIENCES: readonly string[] = ['https://management.core.windows.net', 'https://management.azure.com'];

export function normalizeAudience(aud: string): string {
    return aud.trim().replace(/\/\.default$/i, '').replace(/\/+$/, '').toLowerCase();
}

function challenge(description: string, authority = 'https://login.microsoftonline.com/common'): Record<string, string> {
    const safe = description.replace(/"/g, "'");
    return {
        'WWW-Authenticate': `Bearer authorization_uri="${authority}", error="invalid_token", error_description="${safe}"`,
    };
}

function unauthorized(code: string, message: string, authority?: string): ArmError {
    return new ArmError(401, code, message, undefined, undefined, challenge(message, authority));
}

/** US-style timestamp as ARM prints it: '11/22/2026 9:30:00 PM'. */
function armTime(ms: number): string {
    const d = new Date(ms);
    const hours = d.getUTCHours();
    const h12 = hours % 12 === 0 ? 12 : hours % 12;
    const pad = (n: number): string => String(n).padStart(2, '0');
    return `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()} ${h12}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} ${hours < 12 ? 'AM' : 'PM'}`;
}

export function expiredTokenError(expiredAtMs: number, now: number): ArmError {
    return unauthorized(
        'ExpiredAuthenticationToken',
        `The access token expiry UTC time '${armTime(expiredAtMs)}' is earlier than current UTC time '${armTime(now)}'.`,
    );
}

/**
 * Validates the Authorization header. `acceptedAudiences` are normalised (see normalizeAudience).
 * Throws 401 ArmErrors with the codes ARM uses.
 */
export function authenticate(req: ArmRequest, acceptedAudiences: ReadonlySet<string>, store: EmulatorStore, now: number): Principal {
    const header = req.headers.authorization;
    if (header === undefined || header.trim() === '') {
        throw unauthorized('AuthenticationFailed', "Authentication failed. The 'Authorization' header is missing.");
    }
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match) {
        throw unauthorized('InvalidAuthenticationToken', "The access token is invalid. The 'Authorization' header must use the Bearer scheme.");
    }
    const token = parseTestToken(match[1]);
    if (!token) {
        throw unauthorized('InvalidAuthenticationToken', 'The access token is invalid.');
    }
    if (!acceptedAudiences.has(normalizeAudience(token.aud))) {
        const allowed = [...acceptedAudiences].flatMap((a) => [`${a}/`, a]).map((a) => `'${a}'`).join(',');
        throw unauthorized(
            'InvalidAuthenticationTokenAudience',
            `The access token has been obtained for wrong audience or resource '${token.aud}'. It should exactly match with one of the allowed audiences ${allowed}.`,
        );
    }
    if (token.exp * 1000 <= now) {
        throw expiredTokenError(token.exp * 1000, now);
    }
    const tenant = store.getTenant(token.tid);
    if (!tenant) {
        throw unauthorized(
            'InvalidAuthenticationTokenTenant',
            `The access token is from the wrong issuer 'https://sts.windows.net/${token.tid}/'. The tenant '${token.tid}' is not known to this directory.`,
        );
    }
    return { tenantId: tenant.tenantId, objectId: token.oid, upn: token.upn };
}

/** A subscription outside the token's tenant: the error ARM returns (status 401, see README.md). */
export function wrongTenantError(principal: Principal, subscription: SubscriptionRecord): ArmError {
    const tid = subscription.tenantId;
    return unauthorized(
        'InvalidAuthenticationTokenTenant',
        `The access token is from the wrong issuer 'https://sts.windows.net/${principal.tenantId}/'. It must match the tenant 'https://sts.windows.net/${tid}/' associated with this subscription. Please use the authority (URL) 'https://login.windows.net/${tid}' to get the token. Note, if the subscription is transferred to another tenant there is no impact to the services, but information about new tenant could take time to propagate (up to an hour). If you just transferred your subscription and see this error message, please try back later.`,
        `https://login.windows.net/${tid}`,
    );
}
