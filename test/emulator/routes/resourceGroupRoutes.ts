/**
 * Microsoft.Resources resource groups: list, GET, HEAD, PUT (synchronous), PATCH (tags), DELETE (async,
 * removes everything inside). Any api-version is accepted.
 */
import { ArmError, resourceGroupNotFound } from '../errors';
import { apiVersionOf, emptyResponse, jsonResponse, readJsonObject, type ArmResponse, type RequestContext } from '../http';
import { checkTags } from '../kinds/validation';
import { asString } from '../json';
import { internalOperationError, lroHeaders } from '../operations';
import { pagedResponse } from '../paging';
import { findRegion } from '../regions';
import { resourceGroupId, resourceKey } from '../resourceIds';
import type { RouteParams, Router } from '../router';
import { requireResourceGroup, requireSubscription } from '../scope';
import type { ResourceGroupRecord } from '../store';

const RG_NAME = /^[-\w._()]{1,90}$/;

export function presentResourceGroup(group: ResourceGroupRecord): Record<string, unknown> {
    return {
        id: resourceGroupId(group.subscriptionId, group.name),
        name: group.name,
        type: 'Microsoft.Resources/resourceGroups',
        location: group.location,
        ...(group.managedBy ? { managedBy: group.managedBy } : {}),
        ...(group.tags ? { tags: group.tags } : {}),
        properties: { provisioningState: group.provisioningState },
    };
}

function list(ctx: RequestContext, params: RouteParams): ArmResponse {
    const subscription = requireSubscription(ctx, params.subscriptionId);
    const groups = ctx.store
        .listResourceGroups(subscription.subscriptionId)
        .map((group) => ({ key: resourceKey(resourceGroupId(group.subscriptionId, group.name)), group }));
    return pagedResponse(ctx, groups, (item) => presentResourceGroup(item.group));
}

function get(ctx: RequestContext, params: RouteParams): ArmResponse {
    return jsonResponse(200, presentResourceGroup(requireResourceGroup(ctx, params.subscriptionId, params.resourceGroupName)));
}

function head(ctx: RequestContext, params: RouteParams): ArmResponse {
    const subscription = requireSubscription(ctx, params.subscriptionId);
    return emptyResponse(ctx.store.getResourceGroup(subscription.subscriptionId, params.resourceGroupName) ? 204 : 404);
}

function put(ctx: RequestContext, params: RouteParams): ArmResponse {
    const subscription = requireSubscription(ctx, params.subscriptionId);
    const body = readJsonObject(ctx.req);
    const name = params.resourceGroupName;
    if (!RG_NAME.test(name) || name.endsWith('.')) {
        throw new ArmError(
            400,
            'InvalidResourceGroup',
            `The provided resource group name '${name}' has these invalid characters: '${name.replace(/[-\w._()]/g, '') || '.'}'. The name can only be a letter, digit, '-', '.', '(', ')' or '_'.`,
        );
    }
    const location = asString(body.location);
    if (!location) {
        throw new ArmError(400, 'LocationRequired', 'The location property is required for this definition.', 'location');
    }
    if (!findRegion(location)) {
        throw new ArmError(400, 'LocationNotAvailableForResourceGroup', `The provided location '${location}' is not available for resource group.`, 'location');
    }
    const existing = ctx.store.getResourceGroup(subscription.subscriptionId, name);
    if (existing && findRegion(existing.location)?.name !== findRegion(location)?.name) {
        throw new ArmError(
            409,
            'InvalidResourceGroupLocation',
            `Invalid resource group location '${location}'. The Resource group already exists in location '${existing.location}'.`,
        );
    }
    const tags = checkTags(body.tags);
    const managedBy = asString(body.managedBy);
    const group = ctx.store.addResourceGroup({
        subscriptionId: subscription.subscriptionId,
        name,
        location: existing?.location ?? location,
        ...(tags ? { tags } : {}),
        ...(managedBy ? { managedBy } : {}),
    });
    return jsonResponse(existing ? 200 : 201, presentResourceGroup(group));
}

function patch(ctx: RequestContext, params: RouteParams): ArmResponse {
    const group = requireResourceGroup(ctx, params.subscriptionId, params.resourceGroupName);
    const body = readJsonObject(ctx.req);
    const tags = body.tags !== undefined ? checkTags(body.tags) : group.tags;
    if (tags) {
        group.tags = tags;
    } else {
        delete group.tags;
    }
    return jsonResponse(200, presentResourceGroup(group));
}

function remove(ctx: RequestContext, params: RouteParams): ArmResponse {
    const subscription = requireSubscription(ctx, params.subscriptionId);
    const group = ctx.store.getResourceGroup(subscription.subscriptionId, params.resourceGroupName);
    if (!group) {
        throw resourceGroupNotFound(params.resourceGroupName);
    }
    const error = ctx.failLro ? internalOperationError() : undefined;
    const until = group.deletingUntil ?? ctx.now + ctx.settings.lroDelayMs;
    if (!error) {
        ctx.store.beginDeleteResourceGroup(group.subscriptionId, group.name, until);
    }
    const op = ctx.operations.start({
        subscriptionId: group.subscriptionId,
        location: group.location,
        method: 'DELETE',
        resourceId: resourceGroupId(group.subscriptionId, group.name),
        style: 'resources',
        apiVersion: apiVersionOf(ctx.req),
        startedAt: ctx.now,
        doneAt: until,
        outcome: error ? 'Failed' : 'Succeeded',
        ...(error ? { error, errorStatus: 500 } : {}),
    });
    return emptyResponse(202, lroHeaders(ctx.req.baseUrl, op, ctx.settings.retryAfterSeconds));
}

export function registerResourceGroupRoutes(router: Router): void {
    const item = '/subscriptions/{subscriptionId}/resourcegroups/{resourceGroupName}';
    router.add('GET', '/subscriptions/{subscriptionId}/resourcegroups', list);
    router.add('GET', item, get);
    router.add('HEAD', item, head);
    router.add('PUT', item, put);
    router.add('PATCH', item, patch);
    router.add('DELETE', item, remove);
}
