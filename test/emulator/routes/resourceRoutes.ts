/**
 * Generic ARM resource behaviour for every ResourceKind: GET / PUT / PATCH / DELETE of one resource
 * (with LROs), list by parent (resource group or enclosing resource) and list by subscription.
 */
import { ArmError, cannotDeleteResource, parentResourceNotFound, resourceNotFound } from '../errors';
import { apiVersionOf, emptyResponse, jsonResponse, readJsonObject, type ArmResponse, type RequestContext } from '../http';
import { isObject } from '../json';
import { kindChain, type ResourceKind, type WriteResult } from '../kinds/ResourceKind';
import { internalOperationError, lroHeaders } from '../operations';
import { pagedResponse } from '../paging';
import { normalizeLocation, parseResourceId, resourceGroupId, typedName, type ParsedResourceId } from '../resourceIds';
import type { RouteParams, Router } from '../router';
import { requireResourceGroup, requireSubscription } from '../scope';
import type { StoredResource } from '../store';

const LRO_FAILURE_STATUS = 500;

/** `/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/ns/a/{aName}/b/{bName}` */
function itemTemplate(kind: ResourceKind): string {
    const chain = kindChain(kind);
    const tail = chain.map((k) => `${k.segment}/{${k.nameParam}}`).join('/');
    return `/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/${chain[0].namespace}/${tail}`;
}

function collectionTemplate(kind: ResourceKind): string {
    return itemTemplate(kind).replace(new RegExp(`/\\{${kind.nameParam}\\}$`), '');
}

/** The resource id a URL addresses (using the stored casing of the resource group when it exists). */
function idFromParams(kind: ResourceKind, params: RouteParams, groupName: string, subscriptionId: string): ParsedResourceId {
    const chain = kindChain(kind);
    const tail = chain.map((k) => `${k.segment}/${params[k.nameParam]}`).join('/');
    const id = `${resourceGroupId(subscriptionId, groupName)}/providers/${chain[0].namespace}/${tail}`;
    const parsed = parseResourceId(id);
    if (!parsed) {
        throw new ArmError(400, 'InvalidResourceId', `The resource id '${id}' is invalid.`);
    }
    return parsed;
}

function label(kind: ResourceKind): string {
    return kind.type
        .split('/')
        .slice(1)
        .map((s) => s.replace(/s$/, ''))
        .map((s) => s.charAt(0).toUpperCase() + s.slice(1))
        .join(' ');
}

interface Target {
    parsed: ParsedResourceId;
    existing?: StoredResource;
    parent?: StoredResource;
    parentMissing: boolean;
}

function resolveTarget(ctx: RequestContext, kind: ResourceKind, params: RouteParams): Target {
    const group = requireResourceGroup(ctx, params.subscriptionId, params.resourceGroupName);
    const parsed = idFromParams(kind, params, group.name, group.subscriptionId);
    const parent = parsed.parentId ? ctx.store.getResource(parsed.parentId) : undefined;
    const existing = ctx.store.getResource(parsed.id);
    return { parsed, existing, parent, parentMissing: parsed.parentId !== undefined && parent === undefined };
}

function parentDisplayName(parsed: ParsedResourceId): string {
    return parsed.names.slice(0, -1).join('/');
}

function rejectIfDeleting(kind: ResourceKind, existing: StoredResource | undefined): void {
    if (existing?.pending?.outcome === 'Deleted' || existing?.pending?.outcome === 'SoftDeleted') {
        throw new ArmError(
            409,
            'OperationNotAllowed',
            `Operation 'Update ${label(kind)}' is not allowed on ${existing.body.name} since it is marked for deletion. You can only retry the Delete operation (or wait for an ongoing one to complete).`,
        );
    }
}

/** Stores the result of a PUT/PATCH with a non-terminal provisioningState and starts its LRO. */
function startWrite(
    ctx: RequestContext,
    kind: ResourceKind,
    result: WriteResult,
    state: 'Creating' | 'Updating',
    status: number,
    method: 'PUT' | 'PATCH',
): ArmResponse {
    const style = kind.lroStyle;
    if (!style) {
        throw new ArmError(405, 'MethodNotAllowed', `The requested resource does not support http method '${method}'.`);
    }
    const durationMs = Math.max(ctx.settings.lroDelayMs, result.durationMs ?? 0);
    const until = ctx.now + durationMs;
    const error = ctx.failLro ? internalOperationError() : undefined;
    result.resource.properties.provisioningState = state;
    const stored = ctx.store.putResource(result.resource, {
        pending: { until, outcome: error ? 'Failed' : 'Succeeded', ...(error ? { error } : {}) },
        ...(result.replication ? { replication: result.replication } : {}),
        createResourceGroup: false,
    });
    const op = ctx.operations.start({
        subscriptionId: stored.parsed.subscriptionId,
        location: normalizeLocation(stored.body.location ?? 'eastus'),
        method,
        resourceId: stored.body.id,
        style,
        apiVersion: apiVersionOf(ctx.req),
        startedAt: ctx.now,
        doneAt: until,
        outcome: error ? 'Failed' : 'Succeeded',
        ...(error ? { error, errorStatus: LRO_FAILURE_STATUS } : {}),
    });
    return jsonResponse(status, kind.present(stored, { now: ctx.now }), lroHeaders(ctx.req.baseUrl, op, ctx.settings.retryAfterSeconds));
}

function getItem(kind: ResourceKind) {
    return (ctx: RequestContext, params: RouteParams): ArmResponse => {
        const { parsed, existing } = resolveTarget(ctx, kind, params);
        if (!existing) {
            throw resourceNotFound(typedName(parsed), parsed.resourceGroup);
        }
        const expand = ctx.req.query.get('$expand') ?? undefined;
        const select = ctx.req.query.get('$select') ?? undefined;
        return jsonResponse(200, kind.present(existing, { now: ctx.now, ...(expand ? { expand } : {}), ...(select ? { select } : {}) }));
    };
}

function putItem(kind: ResourceKind) {
    return (ctx: RequestContext, params: RouteParams): ArmResponse => {
        const { parsed, existing, parent, parentMissing } = resolveTarget(ctx, kind, params);
        const body = readJsonObject(ctx.req);
        kind.validateName?.(parsed.name);
        if (parentMissing) {
            throw parentResourceNotFound(parentDisplayName(parsed));
        }
        rejectIfDeleting(kind, existing);
        if (!kind.buildPut) {
            throw new ArmError(405, 'MethodNotAllowed', "The requested resource does not support http method 'PUT'.");
        }
        const id = parent ? `${parent.body.id}/${kind.segment}/${parsed.name}` : parsed.id;
        const result = kind.buildPut({ ctx, id: existing?.body.id ?? id, parsed, body, existing, parent });
        return startWrite(ctx, kind, result, existing ? 'Updating' : 'Creating', existing ? 200 : 201, 'PUT');
    };
}

function patchItem(kind: ResourceKind) {
    return (ctx: RequestContext, params: RouteParams): ArmResponse => {
        const { parsed, existing, parent } = resolveTarget(ctx, kind, params);
        const body = readJsonObject(ctx.req);
        if (kind.buildRestore && isObject(body.properties) && body.properties.restore === true) {
            rejectIfDeleting(kind, existing);
            const restored = kind.buildRestore({ ctx, id: existing?.body.id ?? parsed.id, parsed, body, existing, parent });
            return startWrite(ctx, kind, restored, 'Updating', 200, 'PATCH');
        }
        if (!existing) {
            throw resourceNotFound(typedName(parsed), parsed.resourceGroup);
        }
        rejectIfDeleting(kind, existing);
        if (!kind.buildPatch) {
            throw new ArmError(405, 'MethodNotAllowed', "The requested resource does not support http method 'PATCH'.");
        }
        const result = kind.buildPatch({ ctx, id: existing.body.id, parsed, body, existing, parent });
        return startWrite(ctx, kind, result, 'Updating', 200, 'PATCH');
    };
}

function deleteItem(kind: ResourceKind) {
    return (ctx: RequestContext, params: RouteParams): ArmResponse => {
        const { existing } = resolveTarget(ctx, kind, params);
        if (!existing) {
            return emptyResponse(204); // "204 Resource does not exist"
        }
        const children = ctx.store.listChildren(existing.body.id);
        if (children.length > 0) {
            throw cannotDeleteResource(children.map((c) => typedName(c.parsed)));
        }
        const stale = ctx.store.recentlyRemovedChildren(existing.body.id, ctx.settings.staleChildCacheMs);
        if (stale.length > 0) {
            throw cannotDeleteResource(stale);
        }
        kind.beforeDelete?.(ctx, existing);
        const style = kind.lroStyle;
        if (!style) {
            throw new ArmError(405, 'MethodNotAllowed', "The requested resource does not support http method 'DELETE'.");
        }
        const deleting = existing.pending?.outcome === 'Deleted' || existing.pending?.outcome === 'SoftDeleted' ? existing.pending : undefined;
        const alreadyDeleting = deleting?.until;
        const until = alreadyDeleting ?? ctx.now + ctx.settings.lroDelayMs;
        const error = ctx.failLro && alreadyDeleting === undefined ? internalOperationError() : undefined;
        // the gallery's soft delete policy when the first DELETE arrived decides whether the version can come back
        const outcome = deleting?.outcome ?? kind.deleteOutcome?.(ctx, existing) ?? 'Deleted';
        existing.body.properties.provisioningState = 'Deleting';
        ctx.store.setPending(existing, { until, outcome: error ? 'Failed' : outcome, ...(error ? { error } : {}) });
        const op = ctx.operations.start({
            subscriptionId: existing.parsed.subscriptionId,
            location: normalizeLocation(existing.body.location ?? 'eastus'),
            method: 'DELETE',
            resourceId: existing.body.id,
            style,
            apiVersion: apiVersionOf(ctx.req),
            startedAt: ctx.now,
            doneAt: until,
            outcome: error ? 'Failed' : 'Succeeded',
            ...(error ? { error, errorStatus: LRO_FAILURE_STATUS } : {}),
        });
        return emptyResponse(202, lroHeaders(ctx.req.baseUrl, op, ctx.settings.retryAfterSeconds));
    };
}

function listByParent(kind: ResourceKind) {
    return (ctx: RequestContext, params: RouteParams): ArmResponse => {
        const group = requireResourceGroup(ctx, params.subscriptionId, params.resourceGroupName);
        let items: StoredResource[];
        if (kind.parent) {
            const parentParsed = idFromParams(kind.parent, params, group.name, group.subscriptionId);
            const parent = ctx.store.getResource(parentParsed.id);
            if (!parent) {
                throw parentResourceNotFound(parentParsed.names.join('/'));
            }
            items = ctx.store.listChildren(parent.body.id, kind.type);
        } else {
            items = ctx.store.listInResourceGroup(group.subscriptionId, group.name, kind.type);
        }
        return pagedResponse(ctx, items, (item) => kind.present(item, { now: ctx.now }));
    };
}

function listBySubscription(kind: ResourceKind) {
    return (ctx: RequestContext, params: RouteParams): ArmResponse => {
        const subscription = requireSubscription(ctx, params.subscriptionId);
        const items = ctx.store.listInSubscription(subscription.subscriptionId, kind.type);
        return pagedResponse(ctx, items, (item) => kind.present(item, { now: ctx.now }));
    };
}

export function registerResourceRoutes(router: Router, kinds: readonly ResourceKind[]): void {
    for (const kind of kinds) {
        const item = itemTemplate(kind);
        router.add(['GET'], item, getItem(kind));
        if (kind.lroStyle) {
            router.add('PUT', item, putItem(kind));
            router.add('PATCH', item, patchItem(kind));
            router.add('DELETE', item, deleteItem(kind));
        }
        router.add('GET', collectionTemplate(kind), listByParent(kind));
        if (kind.listBySubscription) {
            router.add('GET', `/subscriptions/{subscriptionId}/providers/${kind.namespace}/${kind.segment}`, listBySubscription(kind));
        }
    }
}
