/**
 * Gallery sharing state (issue 13): a gallery's `sharingProfile` lives in its stored properties; what the API does not
 * show — invites waiting for the grantee's acceptance — lives here, per store.
 *
 * Rules:
 *  - A gallery is visible as a *shared gallery* to subscription S (tenant T) when its `sharingProfile.groups` lists S
 *    under `Subscriptions` (T under `AADTenants`) and no invite for that grantee is `Pending`.
 *  - Seeds may declare pending invites (`sharingInvites`); Accept removes the invite (the share becomes visible),
 *    Reject removes the grantee from the gallery's groups (the sharer sees it gone) and the invite.
 *  - Shares made through `POST …/share` need no acceptance (ARM's behaviour before 2025-12-03 invites), so a sharing
 *    change shows on the other side at once.
 */
import { isObject, type JsonObject } from './json';
import { normalizeLocation } from './resourceIds';
import type { EmulatorStore, StoredResource } from './store';

export const GALLERY_TYPE = 'Microsoft.Compute/galleries';

export type GranteeType = 'Subscriptions' | 'AADTenants';

export interface SharingInvite {
    galleryId: string;
    granteeType: GranteeType;
    granteeId: string;
}

/** Seed entry: `{ "galleryId": "…", "type": "Subscriptions" | "AADTenants", "id": "<subscription or tenant id>" }`. */
export interface SeedSharingInvite {
    galleryId: string;
    type: GranteeType;
    id: string;
}

const invitesByStore = new WeakMap<EmulatorStore, Map<string, SharingInvite>>();

function inviteKey(galleryId: string, granteeType: string, granteeId: string): string {
    return `${galleryId.toLowerCase()}|${granteeType.toLowerCase()}|${granteeId.toLowerCase()}`;
}

function invites(store: EmulatorStore): Map<string, SharingInvite> {
    let map = invitesByStore.get(store);
    if (!map) {
        map = new Map();
        invitesByStore.set(store, map);
    }
    return map;
}

export function addInvite(store: EmulatorStore, invite: SharingInvite): void {
    invites(store).set(inviteKey(invite.galleryId, invite.granteeType, invite.granteeId), invite);
}

export function getInvite(store: EmulatorStore, galleryId: string, granteeType: GranteeType, granteeId: string): SharingInvite | undefined {
    return invites(store).get(inviteKey(galleryId, granteeType, granteeId));
}

export function removeInvite(store: EmulatorStore, galleryId: string, granteeType: GranteeType, granteeId: string): boolean {
    return invites(store).delete(inviteKey(galleryId, granteeType, granteeId));
}

/** Seeds: the gallery must be seeded and already list the grantee in its sharing groups. */
export function applySeedInvites(store: EmulatorStore, entries: readonly SeedSharingInvite[]): void {
    for (const entry of entries) {
        const gallery = store.getResource(entry.galleryId);
        if (!gallery) {
            throw new Error(`Seed sharing invite: gallery '${entry.galleryId}' is not in the seed`);
        }
        if (entry.type !== 'Subscriptions' && entry.type !== 'AADTenants') {
            throw new Error(`Seed sharing invite for '${entry.galleryId}': type must be Subscriptions or AADTenants`);
        }
        if (!groupIds(gallery, entry.type).some((id) => id.toLowerCase() === entry.id.toLowerCase())) {
            throw new Error(`Seed sharing invite for '${entry.galleryId}': the gallery's sharingProfile.groups do not list ${entry.type} ${entry.id}`);
        }
        addInvite(store, { galleryId: gallery.body.id, granteeType: entry.type, granteeId: entry.id });
    }
}

export function sharingProfileOf(gallery: StoredResource): JsonObject | undefined {
    const profile = gallery.body.properties.sharingProfile;
    return isObject(profile) ? profile : undefined;
}

export function groupIds(gallery: StoredResource, type: GranteeType): string[] {
    const groups = sharingProfileOf(gallery)?.groups;
    if (!Array.isArray(groups)) {
        return [];
    }
    const ids: string[] = [];
    for (const group of groups) {
        if (isObject(group) && typeof group.type === 'string' && group.type.toLowerCase() === type.toLowerCase() && Array.isArray(group.ids)) {
            ids.push(...group.ids.filter((id): id is string => typeof id === 'string'));
        }
    }
    return ids;
}

export function allGalleries(store: EmulatorStore): StoredResource[] {
    return store.listSubscriptions().flatMap((sub) => store.listInSubscription(sub.subscriptionId, GALLERY_TYPE));
}

/** Whether `gallery` is shared with the grantee and not waiting for its acceptance. */
export function isSharedWith(store: EmulatorStore, gallery: StoredResource, type: GranteeType, granteeId: string): boolean {
    const listed = groupIds(gallery, type).some((id) => id.toLowerCase() === granteeId.toLowerCase());
    return listed && getInvite(store, gallery.body.id, type, granteeId) === undefined;
}

/** `{subscriptionId}-{NAME}`: the gallery's `identifier.uniqueName`, the name shared galleries are addressed by. */
export function galleryUniqueName(gallery: StoredResource): string {
    return `${gallery.parsed.subscriptionId}-${gallery.body.name.toUpperCase()}`;
}

export function inLocation(resource: StoredResource, location: string): boolean {
    return normalizeLocation(resource.body.location ?? '') === normalizeLocation(location);
}

export function communityInfoOf(gallery: StoredResource): JsonObject | undefined {
    const info = sharingProfileOf(gallery)?.communityGalleryInfo;
    return isObject(info) ? info : undefined;
}

/** The public names of a gallery that is Community and enabled. */
export function publicNamesOf(gallery: StoredResource): string[] {
    const profile = sharingProfileOf(gallery);
    const info = communityInfoOf(gallery);
    if (profile?.permissions !== 'Community' || !info || info.communityGalleryEnabled !== true || !Array.isArray(info.publicNames)) {
        return [];
    }
    return info.publicNames.filter((n): n is string => typeof n === 'string');
}
