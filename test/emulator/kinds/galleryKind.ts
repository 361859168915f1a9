/**
 * Microsoft.Compute/galleries (GalleryRP 2025-12-03).
 */
import { ArmError, invalidEnumValue, invalidParameter } from '../errors';
import { clone, isObject, mergePatch, type JsonObject } from '../json';
import type { ArmResourceJson, StoredResource } from '../store';
import type { PresentOptions, ResourceKind, WriteInput, WriteResult } from './ResourceKind';
import { rejectDeleteWithSoftDeleted } from './softDelete';
import { checkTags, propertiesOf, resolveLocation, withoutReadOnly } from './validation';

const TYPE = 'Microsoft.Compute/galleries';
const READ_ONLY = ['identifier', 'sharingStatus'];
const SHARING_PERMISSIONS = ['Private', 'Groups', 'Community'];

const GALLERY_NAME = /^[^_\W][\w-._]{0,79}(?<![-.])$/;

function validateGalleryName(name: string): void {
    // The RP's message is stricter than the swagger pattern: underscores and periods only in the middle, no dashes.
    if (!GALLERY_NAME.test(name) || name.includes('-') || name.endsWith('_')) {
        throw invalidParameter(
            'Gallery name is invalid. Allowed characters are English alphanumeric characters, with underscores, and periods allowed in the middle, up to 80 characters total. All other special characters, including dashes, are disallowed.',
            'galleryName',
        );
    }
}

/**
 * `sharingProfile` on PUT/PATCH: `permissions` is one of Private/Groups/Community; `groups` and
 * `communityGalleryInfo.communityGalleryEnabled/publicNames` are read-only (changed through POST …/share), so the stored
 * ones are kept whatever the body says.
 */
function buildSharingProfile(raw: unknown, existing: StoredResource | undefined): JsonObject | undefined {
    if (raw === undefined || raw === null) {
        return undefined;
    }
    if (!isObject(raw)) {
        throw invalidParameter("The value of parameter 'gallery.properties.sharingProfile' must be an object.", 'gallery.properties.sharingProfile');
    }
    const before = isObject(existing?.body.properties.sharingProfile) ? existing.body.properties.sharingProfile : {};
    const profile: JsonObject = { ...raw };
    if (profile.permissions !== undefined && (typeof profile.permissions !== 'string' || !SHARING_PERMISSIONS.includes(profile.permissions))) {
        throw invalidEnumValue('gallery.properties.sharingProfile.permissions', profile.permissions, SHARING_PERMISSIONS);
    }
    profile.groups = Array.isArray(before.groups) ? before.groups : [];
    if (isObject(profile.communityGalleryInfo)) {
        // read-only: only POST …/share (EnableCommunity) sets them
        const info: JsonObject = { ...profile.communityGalleryInfo };
        delete info.communityGalleryEnabled;
        delete info.publicNames;
        const beforeInfo = isObject(before.communityGalleryInfo) ? before.communityGalleryInfo : {};
        if (beforeInfo.communityGalleryEnabled !== undefined) {
            info.communityGalleryEnabled = beforeInfo.communityGalleryEnabled;
        }
        if (Array.isArray(beforeInfo.publicNames)) {
            info.publicNames = beforeInfo.publicNames;
        }
        profile.communityGalleryInfo = info;
    }
    return profile;
}

function build(input: WriteInput, properties: JsonObject, tags: Record<string, string> | undefined, location: string): WriteResult {
    const { ctx, parsed, existing } = input;
    // "The gallery name <n> is not unique within the subscription"
    const clash = ctx.store
        .listInSubscription(parsed.subscriptionId, TYPE)
        .find((g) => g.body.name.toLowerCase() === parsed.name.toLowerCase() && g.key !== existing?.key && g.key !== input.id.toLowerCase());
    if (clash) {
        throw new ArmError(409, 'Conflict', `The gallery name ${parsed.name} is not unique within the subscription ${parsed.subscriptionId}.`, 'galleryName');
    }
    if (properties.description !== undefined && typeof properties.description !== 'string') {
        throw invalidParameter("The value of parameter 'gallery.properties.description' must be a string.", 'gallery.properties.description');
    }
    const sharingProfile = buildSharingProfile(properties.sharingProfile, existing);
    if (sharingProfile) {
        properties = { ...properties, sharingProfile };
    }
    const resource: ArmResourceJson = {
        id: input.id,
        name: existing?.body.name ?? parsed.name,
        type: TYPE,
        location,
        ...(tags ? { tags } : {}),
        properties: withoutReadOnly(properties, READ_ONLY),
    };
    return { resource };
}

export const galleryKind: ResourceKind = {
    type: TYPE,
    segment: 'galleries',
    nameParam: 'galleryName',
    bodyParam: 'gallery',
    namespace: 'Microsoft.Compute',
    listBySubscription: true,
    lroStyle: 'caps',
    validateName: validateGalleryName,
    beforeDelete(ctx, stored) {
        rejectDeleteWithSoftDeleted(ctx, stored, 'gallery');
    },
    buildPut(input) {
        const location = resolveLocation(input.body, input.existing, TYPE);
        return build(input, propertiesOf(input.body, 'gallery'), checkTags(input.body.tags), location);
    },
    buildPatch(input) {
        const existing = input.existing;
        const patch = propertiesOf(input.body, 'gallery');
        const merged = mergePatch(existing.body.properties, withoutReadOnly(patch, READ_ONLY));
        const tags = input.body.tags !== undefined ? checkTags(input.body.tags) : existing.body.tags;
        return build(input, isObject(merged) ? merged : {}, tags, existing.body.location ?? 'eastus');
    },
    present(stored: StoredResource, options?: PresentOptions): ArmResourceJson {
        const body = clone(stored.body);
        const identifier = isObject(body.properties.identifier) ? body.properties.identifier : {};
        identifier.uniqueName = `${stored.parsed.subscriptionId}-${stored.body.name.toUpperCase()}`;
        body.properties = { ...body.properties, identifier };
        // sharingProfile.groups only with $expand=SharingProfile/Groups or $select=Permissions (GalleryRP examples
        // Gallery_Get_WithExpandSharingProfileGroups / Gallery_Get_WithSelectPermissions)
        const sharing = body.properties.sharingProfile;
        const selectPermissions = options?.select?.toLowerCase() === 'permissions';
        const wantsGroups = options?.expand?.toLowerCase() === 'sharingprofile/groups' || selectPermissions;
        if (selectPermissions) {
            // $select=Permissions narrows the answer to the sharing profile (Gallery_Get_WithSelectPermissions)
            body.properties = { sharingProfile: isObject(sharing) ? { groups: [], ...sharing } : { permissions: 'Private', groups: [] } };
            return body;
        }
        if (isObject(sharing) && !wantsGroups) {
            const rest: JsonObject = { ...sharing };
            delete rest.groups;
            body.properties.sharingProfile = rest;
        } else if (isObject(sharing) && !Array.isArray(sharing.groups)) {
            body.properties.sharingProfile = { ...sharing, groups: [] };
        }
        return body;
    },
};
