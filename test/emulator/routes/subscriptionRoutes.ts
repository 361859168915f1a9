/**
 * Microsoft.Resources tenant/subscription endpoints (@azure/arm-resources-subscriptions, any api-version):
 * GET /tenants, /subscriptions, /subscriptions/{id}, /subscriptions/{id}/locations.
 */
import { jsonResponse, type ArmResponse, type RequestContext } from '../http';
import { pagedResponse } from '../paging';
import { REGIONS } from '../regions';
import type { RouteParams, Router } from '../router';
import { requireSubscription } from '../scope';
import type { SubscriptionRecord, TenantRecord } from '../store';

function presentTenant(tenant: TenantRecord): Record<string, unknown> {
    return {
        id: `/tenants/${tenant.tenantId}`,
        tenantId: tenant.tenantId,
        countryCode: tenant.countryCode ?? 'US',
        displayName: tenant.displayName,
        domains: tenant.domains ?? [tenant.defaultDomain],
        defaultDomain: tenant.defaultDomain,
        tenantCategory: 'Home',
        tenantType: 'AAD',
    };
}

export function presentSubscription(subscription: SubscriptionRecord): Record<string, unknown> {
    return {
        id: `/subscriptions/${subscription.subscriptionId}`,
        authorizationSource: 'RoleBased',
        managedByTenants: [],
        ...(subscription.tags ? { tags: subscription.tags } : {}),
        subscriptionId: subscription.subscriptionId,
        tenantId: subscription.tenantId,
        displayName: subscription.displayName,
        state: subscription.state,
        subscriptionPolicies: {
            locationPlacementId: 'Public_2014-09-01',
            quotaId: 'EnterpriseAgreement_2014-09-01',
            spendingLimit: 'Off',
        },
    };
}

function listTenants(ctx: RequestContext): ArmResponse {
    const tenants = ctx.store
        .listTenants()
        .map((tenant) => ({ key: tenant.tenantId.toLowerCase(), tenant }))
        .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    return pagedResponse(ctx, tenants, (item) => presentTenant(item.tenant));
}

function listSubscriptions(ctx: RequestContext): ArmResponse {
    const subscriptions = ctx.store
        .listSubscriptions(ctx.principal?.tenantId)
        .filter((s) => s.state !== 'Deleted')
        .map((subscription) => ({ key: subscription.subscriptionId.toLowerCase(), subscription }))
        .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    return pagedResponse(ctx, subscriptions, (item) => presentSubscription(item.subscription));
}

function getSubscription(ctx: RequestContext, params: RouteParams): ArmResponse {
    return jsonResponse(200, presentSubscription(requireSubscription(ctx, params.subscriptionId)));
}

function listLocations(ctx: RequestContext, params: RouteParams): ArmResponse {
    const subscription = requireSubscription(ctx, params.subscriptionId);
    const value = REGIONS.map((region) => ({
        id: `/subscriptions/${subscription.subscriptionId}/locations/${region.name}`,
        name: region.name,
        type: 'Region',
        displayName: region.displayName,
        regionalDisplayName: `(${region.geographyGroup}) ${region.displayName}`,
        metadata: {
            regionType: 'Physical',
            regionCategory: 'Recommended',
            geographyGroup: region.geographyGroup,
            longitude: region.longitude,
            latitude: region.latitude,
            ...(region.pairedRegion
                ? { pairedRegion: [{ name: region.pairedRegion, id: `/subscriptions/${subscription.subscriptionId}/locations/${region.pairedRegion}` }] }
                : {}),
        },
    }));
    return jsonResponse(200, { value });
}

export function registerSubscriptionRoutes(router: Router): void {
    router.add('GET', '/tenants', listTenants);
    router.add('GET', '/subscriptions', listSubscriptions);
    router.add('GET', '/subscriptions/{subscriptionId}', getSubscription);
    router.add('GET', '/subscriptions/{subscriptionId}/locations', listLocations);
}
