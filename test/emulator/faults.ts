/**
 * FaultEngine: injected failures (throttling, outages, slow or dropped responses, failed LROs, …).
 *
 * Rules are checked in order. `slow` delays and `failLro` flags combine with later rules; the first matching
 * rule of any other kind decides the response. Each applied rule counts its `times` down.
 */
import type { FaultRule } from './ArmEmulator';
import { ArmError } from './errors';

export type FaultKind = FaultRule['kind'];

export const FAULT_KINDS: readonly FaultKind[] = ['throttle', 'unavailable', 'slow', 'failLro', 'drop', 'malformed', 'unauthorized'];

/** What the pipeline must do for one request. */
export interface FaultDecision {
    delayMs: number;
    failLro: boolean;
    /** throttle | unavailable | drop | malformed | unauthorized */
    terminal?: FaultRule;
}

interface ActiveRule {
    rule: FaultRule;
    pattern?: RegExp;
    remaining: number;
}

const MUTATING = new Set(['PUT', 'PATCH', 'DELETE', 'POST']);

/** Validates rules coming from JSON (admin endpoint, CLI); throws with a readable message. */
export function parseFaultRules(value: unknown): FaultRule[] {
    if (!Array.isArray(value)) {
        throw new Error('Faults must be a JSON array of FaultRule objects');
    }
    return value.map((item, index) => {
        if (typeof item !== 'object' || item === null) {
            throw new Error(`Fault #${index} is not an object`);
        }
        const rule = item as Record<string, unknown>;
        if (typeof rule.kind !== 'string' || !FAULT_KINDS.includes(rule.kind as FaultKind)) {
            throw new Error(`Fault #${index}: kind must be one of ${FAULT_KINDS.join(', ')}`);
        }
        const out: FaultRule = { kind: rule.kind as FaultKind };
        if (typeof rule.method === 'string') out.method = rule.method;
        if (typeof rule.path === 'string') {
            new RegExp(rule.path, 'i'); // throws on an invalid pattern
            out.path = rule.path;
        }
        for (const field of ['times', 'retryAfterSeconds', 'delayMs'] as const) {
            const v = rule[field];
            if (v !== undefined) {
                if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
                    throw new Error(`Fault #${index}: ${field} must be a non-negative number`);
                }
                out[field] = v;
            }
        }
        return out;
    });
}

export class FaultEngine {
    private rules: ActiveRule[] = [];

    constructor(rules: FaultRule[] = []) {
        this.set(rules);
    }

    set(rules: FaultRule[]): void {
        this.rules = rules.map((rule) => ({
            rule: { ...rule },
            pattern: rule.path !== undefined ? new RegExp(rule.path, 'i') : undefined,
            remaining: rule.times ?? Number.POSITIVE_INFINITY,
        }));
    }

    /** The rules still active, with `times` showing what is left. */
    list(): FaultRule[] {
        return this.rules
            .filter((r) => r.remaining > 0)
            .map((r) => (Number.isFinite(r.remaining) ? { ...r.rule, times: r.remaining } : { ...r.rule }));
    }

    evaluate(method: string, path: string): FaultDecision {
        const decision: FaultDecision = { delayMs: 0, failLro: false };
        const upper = method.toUpperCase();
        for (const active of this.rules) {
            if (active.remaining <= 0) continue;
            if (active.rule.method !== undefined && active.rule.method.toUpperCase() !== upper) continue;
            if (active.pattern && !active.pattern.test(path)) continue;
            if (active.rule.kind === 'failLro' && !MUTATING.has(upper)) continue;
            active.remaining--;
            switch (active.rule.kind) {
                case 'slow':
                    decision.delayMs += active.rule.delayMs ?? 1000;
                    break;
                case 'failLro':
                    decision.failLro = true;
                    break;
                default:
                    decision.terminal = active.rule;
                    return decision;
            }
        }
        return decision;
    }
}

/** The operation group Compute reports in x-ms-ratelimit-remaining-resource, e.g. 'GetGalleryImageVersion3Min'. */
function operationGroup(method: string, path: string): string {
    const verb = method === 'GET' || method === 'HEAD' ? 'Get' : method === 'DELETE' ? 'Delete' : 'CreateUpdate';
    const lower = path.toLowerCase();
    const kind = /\/galleries\/[^/]+\/images\/[^/]+\/versions/.test(lower)
        ? 'GalleryImageVersion'
        : /\/galleries\/[^/]+\/images/.test(lower)
          ? 'GalleryImage'
          : lower.includes('/galleries')
            ? 'Gallery'
            : lower.includes('/microsoft.compute/images')
              ? 'Image'
              : undefined;
    return kind ? `${verb}${kind}3Min` : method === 'GET' ? 'HighCostGet3Min' : 'PutVM3Min';
}

/** 429 as Compute returns it (Learn "Troubleshooting API throttling errors"; ARM_BEHAVIOUR.md §3). */
export function throttleError(method: string, path: string, retryAfterSeconds: number, now: number): ArmError {
    const group = operationGroup(method.toUpperCase(), path);
    const headers = {
        'Retry-After': String(retryAfterSeconds),
        'x-ms-ratelimit-remaining-resource': `Microsoft.Compute/${group};0`,
    };
    if (!path.toLowerCase().includes('/providers/microsoft.compute/')) {
        return new ArmError(
            429,
            'TooManyRequests',
            `The request is being throttled as the limit has been reached for operation type - ${method.toUpperCase() === 'GET' ? 'Read' : 'Write'}. Please retry after ${retryAfterSeconds} seconds.`,
            undefined,
            undefined,
            { 'Retry-After': String(retryAfterSeconds) },
        );
    }
    const details = JSON.stringify({
        operationGroup: group,
        startTime: new Date(now - 180_000).toISOString(),
        endTime: new Date(now + retryAfterSeconds * 1000).toISOString(),
        allowedRequestCount: 150,
        measuredRequestCount: 163,
    });
    return new ArmError(
        429,
        'OperationNotAllowed',
        'The server rejected the request because too many requests have been received for this subscription.',
        undefined,
        [{ code: 'TooManyRequests', target: group, message: details }],
        headers,
    );
}

export function unavailableError(retryAfterSeconds: number): ArmError {
    return new ArmError(
        503,
        'ServiceUnavailable',
        'The service is temporarily unavailable. Please retry the request after some time.',
        undefined,
        undefined,
        { 'Retry-After': String(retryAfterSeconds) },
    );
}
