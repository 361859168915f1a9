/**
 * What ARM's front door checks before a request reaches a resource provider:
 * the subscription exists and belongs to the caller's tenant, is writable, and the resource group exists.
 */
import { wrongTenantError } from './auth';
import { ArmError, resourceGroupNotFound, subscriptionNotFound } from './errors';
import type { RequestContext } from './http';
import type { ResourceGroupRecord, SubscriptionRecord } from './store';

const WRITE_METHODS = new Set(['PUT', 'PATCH', 'DELETE', 'POST']);

export function requireSubscription(ctx: RequestContext, subscriptionId: string): SubscriptionRecord {
    const subscription = ctx.store.getSubscription(subscriptionId);
    if (!subscription || subscription.state === 'Deleted') {
        throw subscriptionNotFound(subscriptionId);
    }
    if (ctx.principal && subscription.tenantId.toLowerCase() !== ctx.principal.tenantId.toLowerCase()) {
        throw wrongTenantError(ctx.principal, subscription);
    }
    if (WRITE_METHODS.has(ctx.req.method) && subscription.state !== 'Enabled' && subscription.state !== 'Warned') {
        throw new ArmError(
            409,
            'ReadOnlyDisabledSubscription',
            `The subscription '${subscription.subscriptionId}' is disabled and therefore marked as read only. You cannot perform any write actions on this subscription until it is re-enabled.`,
        );
    }
    return subscription;
}

export function requireResourceGroup(ctx: RequestContext, subscriptionId: string, resourceGroup: string): ResourceGroupRecord {
    const subscription = requireSubscription(ctx, subscriptionId);
    const group = ctx.store.getResourceGroup(subscription.subscriptionId, resourceGroup);
    if (!group) {
        throw resourceGroupNotFound(resourceGroup);
    }
    return group;
}
