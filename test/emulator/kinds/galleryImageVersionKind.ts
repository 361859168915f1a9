/**
 * Microsoft.Compute/galleries/images/versions — gallery image versions (GalleryRP 2025-12-03),
 * including replication to the publishing profile's target regions over time.
 */
import { ArmError, invalidParameter, propertyChangeNotAllowed, requiredParameter } from '../errors';
import { asArray, asObject, asString, clone, getPath, isObject, mergePatch, type JsonObject } from '../json';
import { findRegion } from '../regions';
import { planReplication, replicationEnd, replicationStatus } from '../replication';
import { normalizeLocation } from '../resourceIds';
import type { ArmResourceJson, RegionReplication, StoredResource } from '../store';
import { galleryImageKind } from './galleryImageKind';
import type { PresentOptions, ResourceKind, WriteInput, WriteResult } from './ResourceKind';
import { rejectBlockedDeletion, rejectCreateOverSoftDeleted, softDeleteEnabled, takeForRestore } from './softDelete';
import { checkEnum, checkFutureDate, checkTags, propertiesOf, resolveLocation, withoutReadOnly } from './validation';

const TYPE = 'Microsoft.Compute/galleries/images/versions';
const P = 'galleryImageVersion.properties';
const STORAGE_ACCOUNT_TYPES = ['Standard_LRS', 'Standard_ZRS', 'Premium_LRS', 'PremiumV2_LRS'] as const;
const INT32_MAX = 2_147_483_647;

function validateVersionName(name: string): void {
    // At most 10 digits a part, leading zeros included (src/domain/versions.ts gives the source).
    const parts = /^(\d{1,10})\.(\d{1,10})\.(\d{1,10})$/.exec(name);
    if (!parts || parts.slice(1).some((p) => Number(p) > INT32_MAX)) {
        throw invalidParameter(
            'The image version name is invalid. The image version name should follow Major(int).Minor(int).Patch(int) format, where int is between 0 and 2,147,483,647 (inclusive). For e.g: 1.0.0, 2018.12.1 etc',
            'galleryImageVersionName',
        );
    }
}

/** The source of a version: a managed image / VM / version / snapshot id, or a VHD uri. */
function sourceOf(storageProfile: JsonObject): string | undefined {
    for (const path of ['source.id', 'source.virtualMachineId', 'source.communityGalleryImageId', 'osDiskImage.source.id', 'osDiskImage.source.uri', 'osDiskImage.source.storageAccountId']) {
        const value = asString(getPath(storageProfile, path));
        if (value) {
            return value;
        }
    }
    return undefined;
}

function normalizeTargetRegions(publishingProfile: JsonObject, location: string): JsonObject[] {
    const replicaCount = typeof publishingProfile.replicaCount === 'number' ? publishingProfile.replicaCount : 1;
    const storageAccountType = asString(publishingProfile.storageAccountType) ?? 'Standard_LRS';
    const given = asArray(publishingProfile.targetRegions);
    const regions = given ?? [{ name: location }];
    const seen = new Set<string>();
    return regions.map((item, index) => {
        const target = `${P}.publishingProfile.targetRegions[${index}]`;
        const region = asObject(item);
        const name = asString(region?.name);
        if (!region || !name) {
            throw requiredParameter(`${target}.name`);
        }
        if (!findRegion(name)) {
            throw invalidParameter(`The region '${name}' is not a valid Azure region.`, `${target}.name`);
        }
        const key = normalizeLocation(name);
        if (seen.has(key)) {
            throw invalidParameter('Duplicate regions are not allowed in target publishing regions.', `${P}.publishingProfile.targetRegions`);
        }
        seen.add(key);
        const out: JsonObject = {
            ...region,
            name,
            regionalReplicaCount: typeof region.regionalReplicaCount === 'number' ? region.regionalReplicaCount : replicaCount,
            storageAccountType:
                region.storageAccountType === undefined
                    ? storageAccountType
                    : checkEnum(region.storageAccountType, STORAGE_ACCOUNT_TYPES, `${target}.storageAccountType`),
            excludeFromLatest: region.excludeFromLatest === true,
        };
        return out;
    });
}

/** osDiskImage/dataDiskImages derived from the source (a managed image in the store) or defaults. */
function diskImages(input: WriteInput, storageProfile: JsonObject, sourceId: string): JsonObject {
    const profile: JsonObject = { ...storageProfile };
    const source = sourceId.startsWith('/') ? input.ctx.store.getResource(sourceId) : undefined;
    const osType = asString(input.parent?.body.properties.osType) ?? 'Linux';
    const imageDisks = asObject(source?.body.properties.storageProfile);
    const osDisk = asObject(imageDisks?.osDisk);
    if (!isObject(profile.osDiskImage)) {
        profile.osDiskImage = {};
    }
    const osDiskImage = profile.osDiskImage as JsonObject;
    osDiskImage.sizeInGB ??= typeof osDisk?.diskSizeGB === 'number' ? osDisk.diskSizeGB : osType === 'Windows' ? 127 : 30;
    osDiskImage.hostCaching ??= 'ReadOnly';
    const dataDisks = asArray(imageDisks?.dataDisks);
    if (profile.dataDiskImages === undefined && dataDisks && dataDisks.length > 0) {
        profile.dataDiskImages = dataDisks.map((d) => {
            const disk = asObject(d) ?? {};
            return { lun: disk.lun ?? 0, sizeInGB: disk.diskSizeGB ?? 32, hostCaching: 'None' };
        });
    }
    return profile;
}

function build(input: WriteInput, raw: JsonObject, tags: Record<string, string> | undefined, location: string): WriteResult {
    const { ctx, parsed, existing } = input;
    // `restore` is an update instruction (GalleryImageVersion_Update_RestoreSoftDeleted), never stored or returned
    const properties = withoutReadOnly(raw, ['replicationStatus', 'restore']);
    const storageProfile = asObject(properties.storageProfile);
    if (!storageProfile) {
        throw requiredParameter(`${P}.storageProfile`);
    }
    const sourceId = sourceOf(storageProfile);
    if (!sourceId) {
        throw requiredParameter(`${P}.storageProfile.source`);
    }
    const publishingProfile: JsonObject = { ...(asObject(properties.publishingProfile) ?? {}) };
    const targetRegions = normalizeTargetRegions(publishingProfile, location);
    if (asArray(asObject(properties.publishingProfile)?.targetRegions) && !targetRegions.some((r) => normalizeLocation(String(r.name)) === normalizeLocation(location))) {
        throw invalidParameter(
            `Gallery image version publishing profile regions '${targetRegions.map((r) => String(r.name)).join(', ')}' must contain the location of image version '${location}'.`,
            `${P}.publishingProfile.targetRegions`,
        );
    }
    const previous = existing?.body.properties;
    checkFutureDate(publishingProfile.endOfLifeDate, getPath(previous, 'publishingProfile.endOfLifeDate'), ctx.now, `${P}.publishingProfile.endOfLifeDate`);

    const safetyProfile: JsonObject = {
        allowDeletionOfReplicatedLocations: false,
        reportedForPolicyViolation: false,
        blockDeletionBeforeEndOfLife: false,
        ...(asObject(properties.safetyProfile) ?? {}),
    };
    if (existing) {
        const oldSource = sourceOf(asObject(previous?.storageProfile) ?? {});
        if (oldSource && oldSource.toLowerCase() !== sourceId.toLowerCase()) {
            const which = asString(getPath(storageProfile, 'source.id')) ? 'source.id' : 'osDiskImage.source.id';
            throw propertyChangeNotAllowed(`galleryImageVersion.properties.storageProfile.${which}`);
        }
        const oldRegions = (asArray(getPath(previous, 'publishingProfile.targetRegions')) ?? []).map((r) => asString(asObject(r)?.name) ?? '');
        const newRegions = new Set(targetRegions.map((r) => normalizeLocation(String(r.name))));
        const dropped = oldRegions.filter((r) => r !== '' && !newRegions.has(normalizeLocation(r)));
        if (dropped.length > 0 && safetyProfile.allowDeletionOfReplicatedLocations !== true) {
            throw new ArmError(
                400,
                'BadRequest',
                `Complete set of target locations not specified while updating gallery artifact '${parsed.name}'. Deletion of previously replicated locations is not allowed unless 'safetyProfile.allowDeletionOfReplicatedLocations' is set to true. Locations missing from the request: '${dropped.join(', ')}'.`,
                `${P}.publishingProfile.targetRegions`,
            );
        }
    }

    publishingProfile.targetRegions = targetRegions;
    publishingProfile.replicaCount = typeof publishingProfile.replicaCount === 'number' ? publishingProfile.replicaCount : 1;
    publishingProfile.excludeFromLatest = publishingProfile.excludeFromLatest === true;
    publishingProfile.publishedDate = asString(getPath(previous, 'publishingProfile.publishedDate')) ?? new Date(ctx.now).toISOString();
    publishingProfile.storageAccountType =
        publishingProfile.storageAccountType === undefined
            ? 'Standard_LRS'
            : checkEnum(publishingProfile.storageAccountType, STORAGE_ACCOUNT_TYPES, `${P}.publishingProfile.storageAccountType`);

    properties.publishingProfile = publishingProfile;
    properties.storageProfile = diskImages(input, storageProfile, sourceId);
    properties.safetyProfile = safetyProfile;

    const replication = planReplication(
        targetRegions.map((r) => String(r.name)),
        location,
        ctx.now,
        ctx.settings.replicationMsPerRegion,
        existing?.replication ?? (existing ? completedTimeline(existing) : []),
        ctx.failLro,
    );
    const resource: ArmResourceJson = {
        id: input.id,
        name: existing?.body.name ?? parsed.name,
        type: TYPE,
        location,
        ...(tags ? { tags } : {}),
        properties,
    };
    return { resource, replication, durationMs: replicationEnd(replication, ctx.now) - ctx.now };
}

/** Seeded/programmatic versions without a timeline are fully replicated. */
function completedTimeline(stored: Pick<StoredResource, 'body'>): RegionReplication[] {
    const regions = asArray(getPath(stored.body.properties, 'publishingProfile.targetRegions')) ?? [];
    const names = regions.map((r) => asString(asObject(r)?.name)).filter((n): n is string => n !== undefined);
    return (names.length > 0 ? names : [stored.body.location ?? 'eastus']).map((region) => ({ region, startAt: 0, endAt: 0, fails: false }));
}

function present(stored: StoredResource, options: PresentOptions): ArmResourceJson {
    const body = clone(stored.body);
    const publishingProfile = asObject(body.properties.publishingProfile);
    if (publishingProfile && publishingProfile.publishedDate === undefined) {
        publishingProfile.publishedDate = new Date(stored.createdAt).toISOString();
    }
    const expand = (options.expand ?? '').toLowerCase().split(',').map((s) => s.trim());
    if (expand.includes('replicationstatus')) {
        const timeline = stored.replication ?? completedTimeline(stored);
        body.properties = { ...body.properties, replicationStatus: replicationStatus(timeline, options.now) };
    }
    return body;
}

export const galleryImageVersionKind: ResourceKind = {
    type: TYPE,
    segment: 'versions',
    nameParam: 'galleryImageVersionName',
    bodyParam: 'galleryImageVersion',
    namespace: 'Microsoft.Compute',
    parent: galleryImageKind,
    listBySubscription: false,
    lroStyle: 'caps',
    validateName: validateVersionName,
    buildPut(input) {
        if (!input.existing) {
            rejectCreateOverSoftDeleted(input.ctx, input.id);
        }
        const location = resolveLocation(input.body, input.existing, TYPE);
        return build(input, propertiesOf(input.body, 'galleryImageVersion'), checkTags(input.body.tags), location);
    },
    buildPatch(input) {
        const existing = input.existing;
        const patch = withoutReadOnly(propertiesOf(input.body, 'galleryImageVersion'), ['replicationStatus']);
        const merged = mergePatch(existing.body.properties, patch);
        const tags = input.body.tags !== undefined ? checkTags(input.body.tags) : existing.body.tags;
        return build(input, isObject(merged) ? merged : {}, tags, existing.body.location ?? 'eastus');
    },
    beforeDelete(ctx, stored) {
        rejectBlockedDeletion(ctx, stored);
    },
    deleteOutcome(ctx, stored) {
        return softDeleteEnabled(ctx, stored) ? 'SoftDeleted' : 'Deleted';
    },
    buildRestore(input) {
        // The documented body is {properties:{restore:true, storageProfile:{}}}: the version comes back as it was
        // deleted (its properties, tags, location and replicated regions); the rest of the body is not applied.
        const record = takeForRestore(input.ctx, input.parsed, input.existing);
        const resource = clone(record.body);
        delete resource.properties.restore;
        return {
            resource,
            replication: record.replication ?? completedTimeline(record),
        };
    },
    present,
};
