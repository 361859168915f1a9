/**
 * What every gallery artifact *version* shares (GalleryRP `GalleryArtifactPublishingProfileBase`,
 * `GalleryArtifactSafetyProfileBase`): the Major.Minor.Patch name, the publishing profile (target regions, replica
 * counts, storage account type, excludeFromLatest, publishedDate, endOfLifeDate), the refusal to drop replicated
 * regions without `safetyProfile.allowDeletionOfReplicatedLocations`, replication over time and
 * `$expand=ReplicationStatus`. Image versions (galleryImageVersionKind) and VM application versions
 * (galleryApplicationVersionKind) build on it; the next version kinds (gallery scripts) should too.
 */
import { ArmError, invalidParameter, requiredParameter } from '../errors';
import { asArray, asObject, asString, clone, getPath, type JsonObject } from '../json';
import { findRegion } from '../regions';
import { planReplication, replicationEnd, replicationStatus } from '../replication';
import { normalizeLocation } from '../resourceIds';
import type { ArmResourceJson, RegionReplication, StoredResource } from '../store';
import type { PresentOptions, WriteInput } from './ResourceKind';
import { checkEnum, checkFutureDate } from './validation';

export const STORAGE_ACCOUNT_TYPES = ['Standard_LRS', 'Standard_ZRS', 'Premium_LRS', 'PremiumV2_LRS'] as const;
const INT32_MAX = 2_147_483_647;

/** How one version kind names itself in ARM's messages and error targets. */
export interface VersionWording {
    /** Route / error target of the name, e.g. 'galleryImageVersionName'. */
    nameParam: string;
    /** Prefix of property error targets, e.g. 'galleryImageVersion.properties'. */
    propertiesTarget: string;
    /** 'image version' / 'application version', as in "The image version name is invalid". */
    noun: string;
}

/** Major(int).Minor(int).Patch(int), at most 10 digits a part, leading zeros included (src/domain/versions.ts gives the source). */
export function validateVersionName(name: string, wording: VersionWording): void {
    const parts = /^(\d{1,10})\.(\d{1,10})\.(\d{1,10})$/.exec(name);
    if (!parts || parts.slice(1).some((p) => Number(p) > INT32_MAX)) {
        throw invalidParameter(
            `The ${wording.noun} name is invalid. The ${wording.noun} name should follow Major(int).Minor(int).Patch(int) format, where int is between 0 and 2,147,483,647 (inclusive). For e.g: 1.0.0, 2018.12.1 etc`,
            wording.nameParam,
        );
    }
}

function normalizeTargetRegions(publishingProfile: JsonObject, location: string, P: string): JsonObject[] {
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
        if (region.excludeFromLatest !== undefined && typeof region.excludeFromLatest !== 'boolean') {
            throw invalidParameter(`The value of parameter '${target}.excludeFromLatest' must be a boolean.`, `${target}.excludeFromLatest`);
        }
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

export interface PublishingInput {
    input: WriteInput;
    /** The version's properties after merge (PATCH) or as sent (PUT), read-only fields removed. */
    properties: JsonObject;
    location: string;
    wording: VersionWording;
    /** `safetyProfile.allowDeletionOfReplicatedLocations` of the request (merged). */
    allowDeletionOfReplicatedLocations: boolean;
}

/**
 * The publishing profile as ARM stores it, after the checks every version kind shares: target regions known, no
 * duplicates, containing the version's location; end of life in the future when set or changed; an update keeps every
 * replicated region unless the safety profile allows dropping them. Returns the profile with defaults filled in.
 */
export function buildPublishingProfile({ input, properties, location, wording, allowDeletionOfReplicatedLocations }: PublishingInput): JsonObject {
    const { ctx, parsed, existing } = input;
    const P = wording.propertiesTarget;
    const sent = asObject(properties.publishingProfile);
    const publishingProfile: JsonObject = { ...(sent ?? {}) };
    const targetRegions = normalizeTargetRegions(publishingProfile, location, P);
    if (asArray(sent?.targetRegions) && !targetRegions.some((r) => normalizeLocation(String(r.name)) === normalizeLocation(location))) {
        throw invalidParameter(
            `Gallery ${wording.noun} publishing profile regions '${targetRegions.map((r) => String(r.name)).join(', ')}' must contain the location of ${wording.noun} '${location}'.`,
            `${P}.publishingProfile.targetRegions`,
        );
    }
    const previous = existing?.body.properties;
    checkFutureDate(publishingProfile.endOfLifeDate, getPath(previous, 'publishingProfile.endOfLifeDate'), ctx.now, `${P}.publishingProfile.endOfLifeDate`);
    if (publishingProfile.excludeFromLatest !== undefined && typeof publishingProfile.excludeFromLatest !== 'boolean') {
        throw invalidParameter(`The value of parameter '${P}.publishingProfile.excludeFromLatest' must be a boolean.`, `${P}.publishingProfile.excludeFromLatest`);
    }
    if (existing) {
        const oldRegions = (asArray(getPath(previous, 'publishingProfile.targetRegions')) ?? []).map((r) => asString(asObject(r)?.name) ?? '');
        const newRegions = new Set(targetRegions.map((r) => normalizeLocation(String(r.name))));
        const dropped = oldRegions.filter((r) => r !== '' && !newRegions.has(normalizeLocation(r)));
        if (dropped.length > 0 && !allowDeletionOfReplicatedLocations) {
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
    return publishingProfile;
}

/** Seeded/programmatic versions without a timeline are fully replicated. */
export function completedTimeline(stored: Pick<StoredResource, 'body'>): RegionReplication[] {
    const regions = asArray(getPath(stored.body.properties, 'publishingProfile.targetRegions')) ?? [];
    const names = regions.map((r) => asString(asObject(r)?.name)).filter((n): n is string => n !== undefined);
    return (names.length > 0 ? names : [stored.body.location ?? 'eastus']).map((region) => ({ region, startAt: 0, endAt: 0, fails: false }));
}

/** The replication timeline of a write and how long its LRO lasts: new regions replicate, replicated ones stay. */
export function replicateVersion(input: WriteInput, publishingProfile: JsonObject, location: string): { replication: RegionReplication[]; durationMs: number } {
    const { ctx, existing } = input;
    const regions = (asArray(publishingProfile.targetRegions) ?? []).map((r) => String(asObject(r)?.name));
    const replication = planReplication(
        regions,
        location,
        ctx.now,
        ctx.settings.replicationMsPerRegion,
        existing?.replication ?? (existing ? completedTimeline(existing) : []),
        ctx.failLro,
    );
    return { replication, durationMs: replicationEnd(replication, ctx.now) - ctx.now };
}

/** A version as GET returns it: publishedDate filled in, `$expand=ReplicationStatus` adds `properties.replicationStatus`. */
export function presentVersion(stored: StoredResource, options: PresentOptions): ArmResourceJson {
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
