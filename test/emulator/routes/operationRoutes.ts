/**
 * Polling endpoints for the LROs started by writes: Azure-AsyncOperation status resources (always 200 with
 * `status`) and Location monitors (202 while running, then the final result or the error).
 */
import { ArmError } from '../errors';
import { emptyResponse, jsonResponse, type ArmResponse, type RequestContext } from '../http';
import { kindForType } from '../kinds/allKinds';
import { monitorUrl, operationStatus, operationStatusBody, type OperationRecord } from '../operations';
import type { RouteParams, Router } from '../router';
import { requireSubscription } from '../scope';

function operationNotFound(): ArmError {
    return new ArmError(404, 'NotFound', 'The entity was not found in this Azure location.');
}

function finalResult(ctx: RequestContext, op: OperationRecord): ArmResponse {
    if (op.method === 'DELETE') {
        return emptyResponse(200);
    }
    if (op.method === 'POST') {
        return op.result === undefined ? emptyResponse(204) : jsonResponse(200, op.result);
    }
    const stored = ctx.store.getResource(op.resourceId);
    const kind = stored ? kindForType(stored.parsed.type) : undefined;
    if (!stored || !kind) {
        return emptyResponse(200);
    }
    return jsonResponse(200, kind.present(stored, { now: ctx.now }));
}

function monitor(ctx: RequestContext, op: OperationRecord): ArmResponse {
    switch (operationStatus(op, ctx.now)) {
        case 'InProgress':
            return emptyResponse(202, {
                Location: monitorUrl(ctx.req.baseUrl, op),
                'Retry-After': String(ctx.settings.retryAfterSeconds),
            });
        case 'Succeeded':
            return finalResult(ctx, op);
        case 'Failed':
            return jsonResponse(op.errorStatus ?? 500, { error: op.error ?? { code: 'InternalOperationError', message: 'The operation failed.' } });
    }
}

function pollTenantOperation(ctx: RequestContext, params: RouteParams): ArmResponse {
    const op = ctx.operations.get(params.operationId);
    if (!op || op.style !== 'tenantCaps') {
        throw operationNotFound();
    }
    const isMonitor = ctx.req.query.get('monitor')?.toLowerCase() === 'true';
    return isMonitor ? monitor(ctx, op) : jsonResponse(200, operationStatusBody(op, ctx.now));
}

function pollOperation(ctx: RequestContext, params: RouteParams): ArmResponse {
    const subscription = requireSubscription(ctx, params.subscriptionId);
    const op = ctx.operations.get(params.operationId);
    if (!op || op.subscriptionId.toLowerCase() !== subscription.subscriptionId.toLowerCase()) {
        throw operationNotFound();
    }
    const isMonitor = op.style === 'resources' || ctx.req.query.get('monitor')?.toLowerCase() === 'true';
    return isMonitor ? monitor(ctx, op) : jsonResponse(200, operationStatusBody(op, ctx.now));
}

export function registerOperationRoutes(router: Router): void {
    router.add('GET', '/subscriptions/{subscriptionId}/providers/Microsoft.Compute/locations/{location}/capsOperations/{operationId}', pollOperation);
    router.add('GET', '/subscriptions/{subscriptionId}/providers/Microsoft.Compute/locations/{location}/operations/{operationId}', pollOperation);
    router.add('GET', '/subscriptions/{subscriptionId}/operationresults/{operationId}', pollOperation);
    router.add('GET', '/providers/Microsoft.Compute/locations/{location}/capsOperations/{operationId}', pollTenantOperation);
}

