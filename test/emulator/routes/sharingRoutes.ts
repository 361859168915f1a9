/**
 * Gallery sharing (issue 13; GalleryRP 2025-12-03):
 *  - POST …/galleries/{g}/share (GallerySharingProfile_Update): Add / Remove / Reset / EnableCommunity, a Location LRO
 *    whose final result is the SharingUpdate sent. The change is applied when the request is accepted, so what the
 *    grantee sees changes at once (the LRO only reports completion).
 *  - …/locations/{loc}/sharedGalleries[/{uniqueName}[/images[/{i}[/versions[/{v}]]]]] (`sharedTo=tenant` on lists).
 *  - …/locations/{loc}/communityGalleries/{publicName}[/images[/{i}[/versions[/{v}]]]].
 *  - Invites: POST …/sharedGallerySubscriptions/{sub}/sharedGalleries/{name}/accept|reject (subscription level) and
 *    /providers/…/tenantLevelSharedGallerySubscriptions/{sub}/sharedGalleries/{name}/accept|reject (tenant level).
 *    Following SharedGalleryInvite.tsp (the examples disagree: 200-with-body vs 202): 202 + Location + Retry-After,
 *    the monitor answers 202 while running and 204 (no body) when done.
 */
import { randomUUID } from 'node:crypto';
import { ArmError, invalidEnumValue, invalidParameter } from '../errors';
import { apiVersionOf, jsonResponse, readJsonObject, type ArmResponse, type RequestContext } from '../http';
import { clone, isObject, type JsonObject } from '../json';
import { kindForType } from '../kinds/allKinds';
import { lroHeaders } from '../operations';
import { pagedResponse } from '../paging';
import { normalizeLocation, resourceGroupId } from '../resourceIds';
import type { RouteParams, Router } from '../router';
import { requireResourceGroup, requireSubscription } from '../scope';
import {
    GALLERY_TYPE,
    allGalleries,
    communityInfoOf,
    galleryUniqueName,
    getInvite,
    groupIds,
    inLocation,
    isSharedWith,
    publicNamesOf,
    removeInvite,
    sharingProfileOf,
    type GranteeType,
} from '../sharing';
import type { StoredResource } from '../store';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const OPERATION_TYPES = ['Add', 'Remove', 'Reset', 'EnableCommunity'] as const;
const GROUP_TYPES: readonly GranteeType[] = ['Subscriptions', 'AADTenants'];

// ---------------------------------------------------------------- share (GallerySharingProfile_Update)

interface Group {
    type: GranteeType;
    ids: string[];
}

function readGroups(body: JsonObject, required: boolean): Group[] {
    const raw = body.groups;
    if (raw === undefined || raw === null) {
        if (required) {
            throw invalidParameter('The sharing update must list at least one group.', 'sharingUpdate.groups');
        }
        return [];
    }
    if (!Array.isArray(raw)) {
        throw invalidParameter("The value of parameter 'sharingUpdate.groups' must be an array.", 'sharingUpdate.groups');
    }
    return raw.map((group, index) => {
        const target = `sharingUpdate.groups[${index}]`;
        if (!isObject(group)) {
            throw invalidParameter(`The value of parameter '${target}' must be an object.`, target);
        }
        const type = GROUP_TYPES.find((t) => typeof group.type === 'string' && t.toLowerCase() === group.type.toLowerCase());
        if (!type) {
            throw invalidEnumValue(`${target}.type`, group.type, GROUP_TYPES);
        }
        const ids = Array.isArray(group.ids) ? group.ids : [];
        for (const id of ids) {
            if (typeof id !== 'string' || !GUID.test(id)) {
                throw invalidParameter(`'${String(id)}' is not a valid ${type === 'Subscriptions' ? 'subscription' : 'tenant'} ID. It must be a GUID.`, `${target}.ids`);
            }
        }
        return { type, ids: ids as string[] };
    });
}

function currentGroups(gallery: StoredResource): Group[] {
    return GROUP_TYPES.map((type) => ({ type, ids: groupIds(gallery, type) }));
}

function share(ctx: RequestContext, params: RouteParams): ArmResponse {
    const group = requireResourceGroup(ctx, params.subscriptionId, params.resourceGroupName);
    const galleryId = `${resourceGroupId(group.subscriptionId, group.name)}/providers/Microsoft.Compute/galleries/${params.galleryName}`;
    const gallery = ctx.store.getResource(galleryId);
    if (!gallery) {
        throw new ArmError(404, 'ResourceNotFound', `The Resource 'Microsoft.Compute/galleries/${params.galleryName}' under resource group '${group.name}' was not found.`);
    }
    const body = readJsonObject(ctx.req);
    const operationType = OPERATION_TYPES.find((t) => typeof body.operationType === 'string' && t.toLowerCase() === body.operationType.toLowerCase());
    if (!operationType) {
        throw invalidEnumValue('sharingUpdate.operationType', body.operationType, OPERATION_TYPES);
    }
    const profile: JsonObject = clone(sharingProfileOf(gallery) ?? {});
    const permissions = typeof profile.permissions === 'string' ? profile.permissions : 'Private';
    let groups = currentGroups(gallery);
    switch (operationType) {
        case 'Add': {
            if (permissions === 'Community') {
                throw new ArmError(409, 'OperationNotAllowed', `Gallery '${gallery.body.name}' is a community gallery. Reset its sharing profile before sharing it with subscriptions or tenants.`);
            }
            for (const add of readGroups(body, true)) {
                const target = groups.find((g) => g.type === add.type);
                for (const id of add.ids) {
                    if (target && !target.ids.some((existing) => existing.toLowerCase() === id.toLowerCase())) {
                        target.ids.push(id);
                    }
                }
            }
            profile.permissions = 'Groups';
            break;
        }
        case 'Remove': {
            for (const remove of readGroups(body, true)) {
                const target = groups.find((g) => g.type === remove.type);
                if (target) {
                    target.ids = target.ids.filter((id) => !remove.ids.some((r) => r.toLowerCase() === id.toLowerCase()));
                }
                for (const id of remove.ids) {
                    removeInvite(ctx.store, gallery.body.id, remove.type, id);
                }
            }
            break;
        }
        case 'Reset': {
            for (const g of groups) {
                for (const id of g.ids) {
                    removeInvite(ctx.store, gallery.body.id, g.type, id);
                }
            }
            groups = [];
            profile.permissions = 'Private';
            if (isObject(profile.communityGalleryInfo)) {
                profile.communityGalleryInfo = { ...profile.communityGalleryInfo, communityGalleryEnabled: false, publicNames: [] };
            }
            break;
        }
        case 'EnableCommunity': {
            const info = communityInfoOf(gallery);
            const missing = ['publisherUri', 'publisherContact', 'eula', 'publicNamePrefix'].filter((k) => typeof info?.[k] !== 'string' || info[k] === '');
            if (permissions !== 'Community' || !info || missing.length > 0) {
                throw invalidParameter(
                    `To enable community sharing, the gallery's sharingProfile.permissions must be Community and sharingProfile.communityGalleryInfo must give ${missing.length > 0 ? missing.join(', ') : 'publisherUri, publisherContact, eula and publicNamePrefix'}. Update the gallery first.`,
                    'sharingProfile.communityGalleryInfo',
                );
            }
            const existingNames = Array.isArray(info.publicNames) ? info.publicNames.filter((n): n is string => typeof n === 'string') : [];
            const publicNames = existingNames.length > 0 ? existingNames : [`${String(info.publicNamePrefix)}-${randomUUID()}`];
            profile.communityGalleryInfo = { ...info, communityGalleryEnabled: true, publicNames };
            groups = [];
            break;
        }
    }
    const remaining = groups.filter((g) => g.ids.length > 0);
    profile.groups = remaining;
    if (operationType === 'Remove' && remaining.length === 0 && profile.permissions === 'Groups') {
        profile.permissions = 'Private';
    }
    gallery.body.properties = { ...gallery.body.properties, sharingProfile: profile };
    const op = ctx.operations.start({
        subscriptionId: gallery.parsed.subscriptionId,
        location: normalizeLocation(gallery.body.location ?? 'eastus'),
        method: 'POST',
        resourceId: gallery.body.id,
        style: 'caps',
        apiVersion: apiVersionOf(ctx.req),
        startedAt: ctx.now,
        doneAt: ctx.now + ctx.settings.lroDelayMs,
        outcome: 'Succeeded',
        result: body,
    });
    return jsonResponse(202, body, lroHeaders(ctx.req.baseUrl, op, ctx.settings.retryAfterSeconds));
}

// ---------------------------------------------------------------- shared with me

type Presented = JsonObject & { properties?: unknown };

function presentedProperties(stored: StoredResource, now: number): JsonObject {
    const kind = kindForType(stored.parsed.type);
    const body = kind ? kind.present(stored, { now }) : stored.body;
    return isObject(body.properties) ? body.properties : {};
}

function pick(source: JsonObject, keys: readonly string[]): JsonObject {
    const out: JsonObject = {};
    for (const key of keys) {
        if (source[key] !== undefined) {
            out[key] = source[key];
        }
    }
    return out;
}

const IMAGE_KEYS = ['osType', 'osState', 'endOfLifeDate', 'identifier', 'recommended', 'disallowed', 'hyperVGeneration', 'features', 'purchasePlan', 'architecture', 'privacyStatementUri', 'eula'];

function imageProperties(image: StoredResource, now: number): JsonObject {
    return pick(presentedProperties(image, now), IMAGE_KEYS);
}

/** A gallery disk image (`sizeInGB`) as shared views show it (`diskSizeGB`, SharedGalleryDiskImage). */
function sharedDisk(disk: JsonObject): JsonObject {
    const out: JsonObject = pick(disk, ['hostCaching']);
    if (typeof disk.sizeInGB === 'number') {
        out.diskSizeGB = disk.sizeInGB;
    }
    return out;
}

function versionProperties(version: StoredResource, now: number): JsonObject {
    const props = presentedProperties(version, now);
    const publishing = isObject(props.publishingProfile) ? props.publishingProfile : {};
    const out: JsonObject = pick(publishing, ['publishedDate', 'endOfLifeDate']);
    out.excludeFromLatest = publishing.excludeFromLatest === true;
    const storage = isObject(props.storageProfile) ? props.storageProfile : {};
    const storageOut: JsonObject = {};
    if (isObject(storage.osDiskImage)) {
        storageOut.osDiskImage = sharedDisk(storage.osDiskImage);
    }
    if (Array.isArray(storage.dataDiskImages)) {
        storageOut.dataDiskImages = storage.dataDiskImages.filter(isObject).map((d) => ({ ...sharedDisk(d), ...pick(d, ['lun']) }));
    }
    out.storageProfile = storageOut;
    return out;
}

function artifactTags(kind: 'shared' | 'community'): JsonObject {
    return kind === 'shared' ? {} : { 'ShareTag-CommunityGallery': 'CommunityGallery' };
}

function sharedGalleryNotFound(name: string): ArmError {
    return new ArmError(404, 'ResourceNotFound', `The shared gallery '${name}' was not found, or it is not shared with this subscription or its tenant in this region.`);
}

function callerTenant(ctx: RequestContext, subscriptionId: string): string {
    return ctx.principal?.tenantId ?? ctx.store.getSubscription(subscriptionId)?.tenantId ?? '';
}

function visibleTo(ctx: RequestContext, gallery: StoredResource, subscriptionId: string, sharedTo: 'subscription' | 'tenant' | 'any'): boolean {
    const tenant = callerTenant(ctx, subscriptionId);
    const bySub = isSharedWith(ctx.store, gallery, 'Subscriptions', subscriptionId);
    const byTenant = tenant !== '' && isSharedWith(ctx.store, gallery, 'AADTenants', tenant);
    return sharedTo === 'subscription' ? bySub : sharedTo === 'tenant' ? byTenant : bySub || byTenant;
}

function sharedToOf(ctx: RequestContext): 'subscription' | 'tenant' {
    const raw = ctx.req.query.get('sharedTo');
    if (raw === null || raw === '') {
        return 'subscription';
    }
    if (raw.toLowerCase() === 'tenant') {
        return 'tenant';
    }
    throw invalidEnumValue('sharedTo', raw, ['tenant']);
}

function presentSharedGallery(gallery: StoredResource, location: string): Presented {
    const unique = galleryUniqueName(gallery);
    return {
        name: gallery.body.name,
        location,
        identifier: { uniqueId: `/SharedGalleries/${unique}` },
        properties: { artifactTags: artifactTags('shared') },
    };
}

function findSharedGallery(ctx: RequestContext, params: RouteParams): StoredResource {
    requireSubscription(ctx, params.subscriptionId);
    const gallery = allGalleries(ctx.store).find(
        (g) => galleryUniqueName(g).toLowerCase() === params.galleryUniqueName.toLowerCase() && inLocation(g, params.location),
    );
    if (!gallery || !visibleTo(ctx, gallery, params.subscriptionId, 'any')) {
        throw sharedGalleryNotFound(params.galleryUniqueName);
    }
    return gallery;
}

function child(ctx: RequestContext, parent: StoredResource, segment: string, name: string, notFound: () => ArmError): StoredResource {
    const found = ctx.store.getResource(`${parent.body.id}/${segment}/${name}`);
    if (!found || found.body.properties.provisioningState === 'Creating' || found.body.properties.provisioningState === 'Deleting') {
        throw notFound();
    }
    return found;
}

function children(ctx: RequestContext, parent: StoredResource, type: string): StoredResource[] {
    return ctx.store.listChildren(parent.body.id, type).filter((c) => c.body.properties.provisioningState !== 'Creating');
}

const IMAGE_TYPE = `${GALLERY_TYPE}/images`;
const VERSION_TYPE = `${GALLERY_TYPE}/images/versions`;

function sharedImageJson(ctx: RequestContext, unique: string, image: StoredResource, location: string): Presented {
    return {
        name: image.body.name,
        location,
        identifier: { uniqueId: `/SharedGalleries/${unique}/Images/${image.body.name}` },
        properties: { ...imageProperties(image, ctx.now), artifactTags: artifactTags('shared') },
    };
}

function sharedVersionJson(ctx: RequestContext, unique: string, image: StoredResource, version: StoredResource, location: string): Presented {
    return {
        name: version.body.name,
        location,
        identifier: { uniqueId: `/SharedGalleries/${unique}/Images/${image.body.name}/Versions/${version.body.name}` },
        properties: { ...versionProperties(version, ctx.now), artifactTags: artifactTags('shared') },
    };
}

function listSharedGalleries(ctx: RequestContext, params: RouteParams): ArmResponse {
    requireSubscription(ctx, params.subscriptionId);
    const sharedTo = sharedToOf(ctx);
    const items = allGalleries(ctx.store)
        .filter((g) => inLocation(g, params.location) && visibleTo(ctx, g, params.subscriptionId, sharedTo))
        .map((g) => ({ key: galleryUniqueName(g).toLowerCase(), gallery: g }))
        .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    return pagedResponse(ctx, items, (item) => presentSharedGallery(item.gallery, params.location));
}

function sortedByKey(items: StoredResource[]): StoredResource[] {
    return [...items].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

function registerShared(router: Router): void {
    const base = '/subscriptions/{subscriptionId}/providers/Microsoft.Compute/locations/{location}/sharedGalleries';
    router.add('GET', base, listSharedGalleries);
    router.add('GET', `${base}/{galleryUniqueName}`, (ctx, params) => jsonResponse(200, presentSharedGallery(findSharedGallery(ctx, params), params.location)));
    router.add('GET', `${base}/{galleryUniqueName}/images`, (ctx, params) => {
        const gallery = findSharedGallery(ctx, params);
        sharedToOf(ctx);
        const unique = galleryUniqueName(gallery);
        return pagedResponse(ctx, sortedByKey(children(ctx, gallery, IMAGE_TYPE)), (image) => sharedImageJson(ctx, unique, image, params.location));
    });
    router.add('GET', `${base}/{galleryUniqueName}/images/{galleryImageName}`, (ctx, params) => {
        const gallery = findSharedGallery(ctx, params);
        const image = child(ctx, gallery, 'images', params.galleryImageName, () => sharedGalleryNotFound(`${params.galleryUniqueName}/${params.galleryImageName}`));
        return jsonResponse(200, sharedImageJson(ctx, galleryUniqueName(gallery), image, params.location));
    });
    router.add('GET', `${base}/{galleryUniqueName}/images/{galleryImageName}/versions`, (ctx, params) => {
        const gallery = findSharedGallery(ctx, params);
        sharedToOf(ctx);
        const image = child(ctx, gallery, 'images', params.galleryImageName, () => sharedGalleryNotFound(`${params.galleryUniqueName}/${params.galleryImageName}`));
        const unique = galleryUniqueName(gallery);
        return pagedResponse(ctx, sortedByKey(children(ctx, image, VERSION_TYPE)), (v) => sharedVersionJson(ctx, unique, image, v, params.location));
    });
    router.add('GET', `${base}/{galleryUniqueName}/images/{galleryImageName}/versions/{galleryImageVersionName}`, (ctx, params) => {
        const gallery = findSharedGallery(ctx, params);
        const notFound = () => sharedGalleryNotFound(`${params.galleryUniqueName}/${params.galleryImageName}/${params.galleryImageVersionName}`);
        const image = child(ctx, gallery, 'images', params.galleryImageName, notFound);
        const version = child(ctx, image, 'versions', params.galleryImageVersionName, notFound);
        return jsonResponse(200, sharedVersionJson(ctx, galleryUniqueName(gallery), image, version, params.location));
    });
}

// ---------------------------------------------------------------- community galleries

function communityNotFound(name: string): ArmError {
    return new ArmError(404, 'ResourceNotFound', `The community gallery '${name}' was not found in this region.`);
}

function findCommunityGallery(ctx: RequestContext, params: RouteParams): { gallery: StoredResource; publicName: string } {
    requireSubscription(ctx, params.subscriptionId);
    for (const gallery of allGalleries(ctx.store)) {
        const match = publicNamesOf(gallery).find((n) => n.toLowerCase() === params.publicGalleryName.toLowerCase());
        if (match && inLocation(gallery, params.location)) {
            return { gallery, publicName: match };
        }
    }
    throw communityNotFound(params.publicGalleryName);
}

function disclaimerOf(gallery: StoredResource): JsonObject {
    const info = communityInfoOf(gallery);
    return typeof info?.eula === 'string' ? { disclaimer: info.eula } : {};
}

function presentCommunityGallery(gallery: StoredResource, publicName: string, location: string): Presented {
    const info = communityInfoOf(gallery) ?? {};
    const metadata: JsonObject = { ...pick(info, ['publisherUri', 'publisherContact', 'eula']), publicNames: publicNamesOf(gallery) };
    if (typeof info.privacyStatementUri === 'string') {
        metadata.privacyStatementUri = info.privacyStatementUri;
    }
    return {
        name: publicName,
        location,
        type: 'Microsoft.Compute/locations/communityGallery',
        identifier: { uniqueId: `/CommunityGalleries/${publicName}` },
        properties: { ...disclaimerOf(gallery), artifactTags: artifactTags('community'), communityMetadata: metadata },
    };
}

function communityImageJson(ctx: RequestContext, gallery: StoredResource, publicName: string, image: StoredResource, location: string): Presented {
    return {
        name: image.body.name,
        location,
        type: 'Microsoft.Compute/locations/communityGalleryImage',
        identifier: { uniqueId: `/CommunityGalleries/${publicName}/Images/${image.body.name}` },
        properties: { ...imageProperties(image, ctx.now), ...disclaimerOf(gallery), artifactTags: artifactTags('community') },
    };
}

function communityVersionJson(ctx: RequestContext, gallery: StoredResource, publicName: string, image: StoredResource, version: StoredResource, location: string): Presented {
    return {
        name: version.body.name,
        location,
        type: 'Microsoft.Compute/locations/communityGalleryImageVersion',
        identifier: { uniqueId: `/CommunityGalleries/${publicName}/Images/${image.body.name}/Versions/${version.body.name}` },
        properties: { ...versionProperties(version, ctx.now), ...disclaimerOf(gallery), artifactTags: artifactTags('community') },
    };
}

function registerCommunity(router: Router): void {
    const base = '/subscriptions/{subscriptionId}/providers/Microsoft.Compute/locations/{location}/communityGalleries/{publicGalleryName}';
    router.add('GET', base, (ctx, params) => {
        const { gallery, publicName } = findCommunityGallery(ctx, params);
        return jsonResponse(200, presentCommunityGallery(gallery, publicName, params.location));
    });
    router.add('GET', `${base}/images`, (ctx, params) => {
        const { gallery, publicName } = findCommunityGallery(ctx, params);
        return pagedResponse(ctx, sortedByKey(children(ctx, gallery, IMAGE_TYPE)), (i) => communityImageJson(ctx, gallery, publicName, i, params.location));
    });
    router.add('GET', `${base}/images/{galleryImageName}`, (ctx, params) => {
        const { gallery, publicName } = findCommunityGallery(ctx, params);
        const image = child(ctx, gallery, 'images', params.galleryImageName, () => communityNotFound(`${params.publicGalleryName}/${params.galleryImageName}`));
        return jsonResponse(200, communityImageJson(ctx, gallery, publicName, image, params.location));
    });
    router.add('GET', `${base}/images/{galleryImageName}/versions`, (ctx, params) => {
        const { gallery, publicName } = findCommunityGallery(ctx, params);
        const image = child(ctx, gallery, 'images', params.galleryImageName, () => communityNotFound(`${params.publicGalleryName}/${params.galleryImageName}`));
        return pagedResponse(ctx, sortedByKey(children(ctx, image, VERSION_TYPE)), (v) => communityVersionJson(ctx, gallery, publicName, image, v, params.location));
    });
    router.add('GET', `${base}/images/{galleryImageName}/versions/{galleryImageVersionName}`, (ctx, params) => {
        const { gallery, publicName } = findCommunityGallery(ctx, params);
        const notFound = () => communityNotFound(`${params.publicGalleryName}/${params.galleryImageName}/${params.galleryImageVersionName}`);
        const image = child(ctx, gallery, 'images', params.galleryImageName, notFound);
        const version = child(ctx, image, 'versions', params.galleryImageVersionName, notFound);
        return jsonResponse(200, communityVersionJson(ctx, gallery, publicName, image, version, params.location));
    });
}

// ---------------------------------------------------------------- invites (GallerySharing_Accept / _Reject, tenant level too)

function inviteAction(level: 'subscription' | 'tenant', action: 'accept' | 'reject') {
    return (ctx: RequestContext, params: RouteParams): ArmResponse => {
        let granteeType: GranteeType;
        let granteeId: string;
        if (level === 'subscription') {
            granteeType = 'Subscriptions';
            granteeId = requireSubscription(ctx, params.subscriptionId).subscriptionId;
        } else {
            granteeType = 'AADTenants';
            granteeId = ctx.principal?.tenantId ?? '';
        }
        const gallery = allGalleries(ctx.store).find(
            (g) =>
                g.parsed.subscriptionId.toLowerCase() === params.sharedGallerySubscriptionId.toLowerCase() &&
                g.body.name.toLowerCase() === params.sharedGalleryName.toLowerCase() &&
                inLocation(g, params.location),
        );
        const listed = gallery ? groupIds(gallery, granteeType).some((id) => id.toLowerCase() === granteeId.toLowerCase()) : false;
        if (!gallery || !listed) {
            throw new ArmError(
                404,
                'ResourceNotFound',
                `No gallery '${params.sharedGalleryName}' of subscription '${params.sharedGallerySubscriptionId}' in '${params.location}' is shared with this ${level === 'subscription' ? 'subscription' : 'tenant'}.`,
            );
        }
        if (action === 'reject') {
            // the grantee leaves the gallery's sharing groups: the sharer sees it gone
            const profile: JsonObject = clone(sharingProfileOf(gallery) ?? {});
            const groups = currentGroups(gallery)
                .map((g) => (g.type === granteeType ? { ...g, ids: g.ids.filter((id) => id.toLowerCase() !== granteeId.toLowerCase()) } : g))
                .filter((g) => g.ids.length > 0);
            profile.groups = groups;
            if (groups.length === 0 && profile.permissions === 'Groups') {
                profile.permissions = 'Private';
            }
            gallery.body.properties = { ...gallery.body.properties, sharingProfile: profile };
        }
        // accepting an accepted share is a no-op, as ARM's actions are idempotent
        if (getInvite(ctx.store, gallery.body.id, granteeType, granteeId) || action === 'reject') {
            removeInvite(ctx.store, gallery.body.id, granteeType, granteeId);
        }
        const op = ctx.operations.start({
            subscriptionId: level === 'subscription' ? granteeId : '',
            location: normalizeLocation(params.location),
            method: 'POST',
            resourceId: gallery.body.id,
            style: level === 'subscription' ? 'caps' : 'tenantCaps',
            apiVersion: apiVersionOf(ctx.req),
            startedAt: ctx.now,
            doneAt: ctx.now + ctx.settings.lroDelayMs,
            outcome: 'Succeeded',
        });
        return { status: 202, headers: lroHeaders(ctx.req.baseUrl, op, ctx.settings.retryAfterSeconds) };
    };
}

function registerInvites(router: Router): void {
    const sub = '/subscriptions/{subscriptionId}/providers/Microsoft.Compute/locations/{location}/sharedGallerySubscriptions/{sharedGallerySubscriptionId}/sharedGalleries/{sharedGalleryName}';
    const tenant = '/providers/Microsoft.Compute/locations/{location}/tenantLevelSharedGallerySubscriptions/{sharedGallerySubscriptionId}/sharedGalleries/{sharedGalleryName}';
    router.add('POST', `${sub}/accept`, inviteAction('subscription', 'accept'));
    router.add('POST', `${sub}/reject`, inviteAction('subscription', 'reject'));
    router.add('POST', `${tenant}/accept`, inviteAction('tenant', 'accept'));
    router.add('POST', `${tenant}/reject`, inviteAction('tenant', 'reject'));
}

export function registerSharingRoutes(router: Router): void {
    router.add('POST', '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Compute/galleries/{galleryName}/share', share);
    registerShared(router);
    registerCommunity(router);
    registerInvites(router);
}

