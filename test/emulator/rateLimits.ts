/**
 * RateLimiter: ARM's per-subscription token buckets, only used to report realistic
 * `x-ms-ratelimit-remaining-subscription-reads|writes|deletes` headers (the emulator never throttles by
 * itself; use a `throttle` fault). Buckets per Learn "Request limits and throttling": reads 250 (+25/s),
 * writes 200 (+10/s), deletes 200 (+10/s).
 */
type Bucket = 'reads' | 'writes' | 'deletes';

const LIMITS: Record<Bucket, { capacity: number; refillPerSecond: number }> = {
    reads: { capacity: 250, refillPerSecond: 25 },
    writes: { capacity: 200, refillPerSecond: 10 },
    deletes: { capacity: 200, refillPerSecond: 10 },
};

export function bucketFor(method: string): Bucket {
    switch (method.toUpperCase()) {
        case 'GET':
        case 'HEAD':
            return 'reads';
        case 'DELETE':
            return 'deletes';
        default:
            return 'writes';
    }
}

export class RateLimiter {
    private readonly state = new Map<string, { tokens: number; at: number }>();

    /** Takes one token for `scope` (subscription id or tenant) and returns the header to send. */
    take(scope: string, method: string, now: number): Record<string, string> {
        const bucket = bucketFor(method);
        const limit = LIMITS[bucket];
        const key = `${scope.toLowerCase()}|${bucket}`;
        const current = this.state.get(key) ?? { tokens: limit.capacity, at: now };
        const refilled = Math.min(limit.capacity, current.tokens + ((now - current.at) / 1000) * limit.refillPerSecond);
        const tokens = Math.max(0, refilled - 1);
        this.state.set(key, { tokens, at: now });
        const scopeKind = scope.startsWith('tenant:') ? 'tenant' : 'subscription';
        return { [`x-ms-ratelimit-remaining-${scopeKind}-${bucket}`]: String(Math.floor(tokens)) };
    }
}
