/**
 * Microsoft.Compute/galleries/images/versions — gallery image versions (GalleryRP 2025-12-03),
 * including replication to the publishing profile's target regions over time.
 */
import { propertyChangeNotAllowed, requiredParameter } from '../errors';
import { asArray, asObject, asString, clone, getPath, isObject, mergePatch, type JsonObject } from '../json';
import type { ArmResourceJson } from '../store';
import { buildPublishingProfile, completedTimeline, presentVersion, replicateVersion, validateVersionName, type VersionWording } from './artifactVersion';
import { galleryImageKind } from './galleryImageKind';
import type { ResourceKind, WriteInput, WriteResult } from './ResourceKind';
import { rejectBlockedDeletion, rejectCreateOverSoftDeleted, softDeleteEnabled, takeForRestore } from './softDelete';
import { checkTags, propertiesOf, resolveLocation, withoutReadOnly } from './validation';

const TYPE = 'Microsoft.Compute/galleries/images/versions';
const P = 'galleryImageVersion.properties';
const WORDING: VersionWording = { nameParam: 'galleryImageVersionName', propertiesTarget: P, noun: 'image version' };

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
    const { parsed, existing } = input;
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
    const safetyProfile: JsonObject = {
        allowDeletionOfReplicatedLocations: false,
        reportedForPolicyViolation: false,
        blockDeletionBeforeEndOfLife: false,
        ...(asObject(properties.safetyProfile) ?? {}),
    };
    if (existing) {
        const oldSource = sourceOf(asObject(existing.body.properties.storageProfile) ?? {});
        if (oldSource && oldSource.toLowerCase() !== sourceId.toLowerCase()) {
            const which = asString(getPath(storageProfile, 'source.id')) ? 'source.id' : 'osDiskImage.source.id';
            throw propertyChangeNotAllowed(`galleryImageVersion.properties.storageProfile.${which}`);
        }
    }
    const publishingProfile = buildPublishingProfile({
        input,
        properties,
        location,
        wording: WORDING,
        allowDeletionOfReplicatedLocations: safetyProfile.allowDeletionOfReplicatedLocations === true,
    });
    properties.publishingProfile = publishingProfile;
    properties.storageProfile = diskImages(input, storageProfile, sourceId);
    properties.safetyProfile = safetyProfile;

    const resource: ArmResourceJson = {
        id: input.id,
        name: existing?.body.name ?? parsed.name,
        type: TYPE,
        location,
        ...(tags ? { tags } : {}),
        properties,
    };
    return { resource, ...replicateVersion(input, publishingProfile, location) };
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
    validateName: (name) => validateVersionName(name, WORDING),
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
    present: presentVersion,
};
