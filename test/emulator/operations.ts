/**
 * OperationTracker: the long-running operations started by PUT/PATCH/DELETE, and the polling URLs that
 * describe them (Azure-AsyncOperation status resources and Location monitors).
 *
 * URL styles:
 *  - 'caps'          GalleryRP: …/providers/Microsoft.Compute/locations/{loc}/capsOperations/{id}?api-version=…
 *                    (Location variant adds monitor=true), as in Gallery_Delete.json / azure-rest-api-specs#11559.
 *  - 'compute'       ComputeRP images (Image.tsp: ArmLroLocationHeader): …/locations/{loc}/operations/{id}?monitor=true&api-version=…
 *  - 'resources'     Microsoft.Resources: /subscriptions/{sub}/operationresults/{id}?api-version=…
 */
import { randomUUID } from 'node:crypto';
import type { ArmErrorDetail } from './errors';

export type OperationStyle = 'caps' | 'compute' | 'resources' | 'tenantCaps';
export type OperationStatus = 'InProgress' | 'Succeeded' | 'Failed';

export interface OperationRecord {
    id: string;
    subscriptionId: string;
    /** Normalised region ('eastus'). */
    location: string;
    method: 'PUT' | 'PATCH' | 'DELETE' | 'POST';
    resourceId: string;
    /** POST actions: the final result the Location monitor answers with (204 when undefined). */
    result?: unknown;
    style: OperationStyle;
    apiVersion: string;
    startedAt: number;
    doneAt: number;
    outcome: 'Succeeded' | 'Failed';
    error?: ArmErrorDetail;
    /** HTTP status a Location monitor answers with once the operation failed. */
    errorStatus?: number;
}

export type NewOperation = Omit<OperationRecord, 'id'>;

const MAX_OPERATIONS = 10_000;

export class OperationTracker {
    private readonly operations = new Map<string, OperationRecord>();

    start(input: NewOperation): OperationRecord {
        const record: OperationRecord = { ...input, id: randomUUID() };
        this.operations.set(record.id.toLowerCase(), record);
        if (this.operations.size > MAX_OPERATIONS) {
            const oldest = this.operations.keys().next().value;
            if (oldest !== undefined) {
                this.operations.delete(oldest);
            }
        }
        return record;
    }

    get(id: string): OperationRecord | undefined {
        return this.operations.get(id.toLowerCase());
    }
}

export function operationStatus(op: OperationRecord, now: number): OperationStatus {
    return now < op.doneAt ? 'InProgress' : op.outcome;
}

function operationPath(op: OperationRecord): string {
    switch (op.style) {
        case 'caps':
            return `/subscriptions/${op.subscriptionId}/providers/Microsoft.Compute/locations/${op.location}/capsOperations/${op.id}`;
        case 'compute':
            return `/subscriptions/${op.subscriptionId}/providers/Microsoft.Compute/locations/${op.location}/operations/${op.id}`;
        case 'resources':
            return `/subscriptions/${op.subscriptionId}/operationresults/${op.id}`;
        case 'tenantCaps':
            // tenant-level actions (TenantLevelGallerySharing_Accept/_Reject): no subscription in the URL
            return `/providers/Microsoft.Compute/locations/${op.location}/capsOperations/${op.id}`;
    }
}

/** Azure-AsyncOperation URL (status resource, always answers 200). */
export function asyncOperationUrl(baseUrl: string, op: OperationRecord): string {
    return `${baseUrl}${operationPath(op)}?api-version=${encodeURIComponent(op.apiVersion)}`;
}

/** Location URL (202 while running, final result when done). */
export function monitorUrl(baseUrl: string, op: OperationRecord): string {
    const monitor = op.style === 'resources' ? '' : 'monitor=true&';
    return `${baseUrl}${operationPath(op)}?${monitor}api-version=${encodeURIComponent(op.apiVersion)}`;
}

/** The LRO headers for the initial response, following each RP's documented pattern. */
export function lroHeaders(baseUrl: string, op: OperationRecord, retryAfterSeconds: number): Record<string, string> {
    const headers: Record<string, string> = { 'Retry-After': String(retryAfterSeconds) };
    if (op.method === 'POST') {
        // POST actions (share, invite accept/reject) are Location LROs (SharedGalleryInvite.tsp: ArmLroLocationHeader)
        headers['Location'] = monitorUrl(baseUrl, op);
    } else if (op.style === 'caps') {
        headers['Azure-AsyncOperation'] = asyncOperationUrl(baseUrl, op);
        if (op.method === 'DELETE') {
            headers['Location'] = monitorUrl(baseUrl, op);
        }
    } else {
        headers['Location'] = monitorUrl(baseUrl, op);
    }
    return headers;
}

/** The Azure-AsyncOperation status resource body. */
export function operationStatusBody(op: OperationRecord, now: number): Record<string, unknown> {
    const status = operationStatus(op, now);
    const body: Record<string, unknown> = {
        startTime: new Date(op.startedAt).toISOString(),
        status,
        name: op.id,
    };
    if (status !== 'InProgress') {
        body.endTime = new Date(op.doneAt).toISOString();
    }
    if (status === 'Failed' && op.error) {
        body.error = op.error;
    }
    return body;
}

/** The error a failLro fault makes an operation end with. */
export function internalOperationError(): ArmErrorDetail {
    return {
        code: 'InternalOperationError',
        message: 'An internal execution error occurred. Please retry later.',
    };
}
