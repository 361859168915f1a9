/**
 * Gallery sharing rules (issue 13), pure: what a sharing update may contain, the gallery's sharing state at a glance,
 * and the image-reference ids of shared and community versions. The Azure layer checks updates with
 * {@link sharingUpdateProblems} before sending anything; the tree and forms (a later session) use the same functions.
 */
import * as l10n from '@vscode/l10n';

export type SharingOperationType = 'Add' | 'Remove' | 'Reset' | 'EnableCommunity';
export type SharingGroupType = 'Subscriptions' | 'AADTenants';
export type SharingPermission = 'Private' | 'Groups' | 'Community';
/** `sharedTo` of the shared-with-me lists: galleries shared with the subscription, or with its whole tenant. */
export type SharedTo = 'subscription' | 'tenant';

export const SHARING_OPERATION_TYPES: readonly SharingOperationType[] = ['Add', 'Remove', 'Reset', 'EnableCommunity'];
export const SHARING_GROUP_TYPES: readonly SharingGroupType[] = ['Subscriptions', 'AADTenants'];

export interface SharingGroupInput {
  readonly type: SharingGroupType;
  readonly ids: readonly string[];
}

/** `GallerySharingProfile_Update` body: Add/Remove need groups, Reset and EnableCommunity take none. */
export interface SharingUpdateInput {
  readonly operationType: SharingOperationType;
  readonly groups?: readonly SharingGroupInput[];
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isGuid(value: string): boolean {
  return GUID.test(value);
}

/** Every reason the update cannot be sent, in words a user can act on; empty when it is fine. */
export function sharingUpdateProblems(update: SharingUpdateInput): string[] {
  const problems: string[] = [];
  if (!SHARING_OPERATION_TYPES.includes(update.operationType)) {
    problems.push(l10n.t('Unknown sharing operation "{0}". Use one of: {1}.', String(update.operationType), SHARING_OPERATION_TYPES.join(', ')));
    return problems;
  }
  const groups = update.groups ?? [];
  const needsGroups = update.operationType === 'Add' || update.operationType === 'Remove';
  if (needsGroups && groups.every((g) => g.ids.length === 0)) {
    problems.push(
      update.operationType === 'Add'
        ? l10n.t('Name at least one subscription or tenant to share the gallery with.')
        : l10n.t('Name at least one subscription or tenant to stop sharing the gallery with.'),
    );
  }
  if (!needsGroups && groups.length > 0) {
    problems.push(l10n.t('The sharing operation "{0}" takes no subscriptions or tenants.', update.operationType));
  }
  for (const group of groups) {
    if (!SHARING_GROUP_TYPES.includes(group.type)) {
      problems.push(l10n.t('Unknown sharing group type "{0}". Use Subscriptions or AADTenants.', String(group.type)));
      continue;
    }
    for (const id of group.ids) {
      if (!isGuid(id.trim())) {
        problems.push(
          group.type === 'Subscriptions'
            ? l10n.t('"{0}" is not a subscription ID (a GUID such as 00000000-0000-0000-0000-000000000000).', id)
            : l10n.t('"{0}" is not a tenant ID (a GUID such as 00000000-0000-0000-0000-000000000000).', id),
        );
      }
    }
  }
  return problems;
}

/** The update as it goes on the wire: ids trimmed, duplicates (any case) dropped, empty groups left out. */
export function normalizeSharingUpdate(update: SharingUpdateInput): SharingUpdateInput {
  if (update.operationType === 'Reset' || update.operationType === 'EnableCommunity') {
    return { operationType: update.operationType };
  }
  const groups: SharingGroupInput[] = [];
  for (const type of SHARING_GROUP_TYPES) {
    const seen = new Set<string>();
    const ids: string[] = [];
    for (const group of update.groups ?? []) {
      if (group.type !== type) {
        continue;
      }
      for (const raw of group.ids) {
        const id = raw.trim();
        if (!seen.has(id.toLowerCase())) {
          seen.add(id.toLowerCase());
          ids.push(id);
        }
      }
    }
    if (ids.length > 0) {
      groups.push({ type, ids });
    }
  }
  return { operationType: update.operationType, groups };
}

/** A gallery's sharing state at a glance (from `sharingProfile` read with `$expand=SharingProfile/Groups`). */
export type SharingState =
  | { readonly kind: 'private' }
  | { readonly kind: 'groups'; readonly subscriptions: readonly string[]; readonly tenants: readonly string[] }
  | { readonly kind: 'community'; readonly enabled: boolean; readonly publicNames: readonly string[] };

interface SharingProfileLike {
  readonly permissions?: string;
  readonly groups?: readonly { readonly type?: string; readonly ids?: readonly string[] }[];
  readonly communityGalleryInfo?: { readonly communityGalleryEnabled?: boolean; readonly publicNames?: readonly string[] };
}

export function sharingStateOf(profile: SharingProfileLike | undefined): SharingState {
  const permissions = profile?.permissions?.toLowerCase();
  if (permissions === 'community') {
    const info = profile?.communityGalleryInfo;
    return { kind: 'community', enabled: info?.communityGalleryEnabled === true, publicNames: [...(info?.publicNames ?? [])] };
  }
  const idsOf = (type: SharingGroupType): string[] =>
    (profile?.groups ?? []).filter((g) => g.type?.toLowerCase() === type.toLowerCase()).flatMap((g) => [...(g.ids ?? [])]);
  const subscriptions = idsOf('Subscriptions');
  const tenants = idsOf('AADTenants');
  if (permissions === 'groups' || subscriptions.length > 0 || tenants.length > 0) {
    return { kind: 'groups', subscriptions, tenants };
  }
  return { kind: 'private' };
}

/** The short label the tree shows: "Private", "Shared with 2 subscriptions and 1 tenant", "Community: name". */
export function sharingStateLabel(state: SharingState): string {
  switch (state.kind) {
    case 'private':
      return l10n.t('Private');
    case 'groups': {
      const subs = state.subscriptions.length;
      const tenants = state.tenants.length;
      const subsText = subs === 1 ? l10n.t('1 subscription') : l10n.t('{0} subscriptions', subs);
      const tenantsText = tenants === 1 ? l10n.t('1 tenant') : l10n.t('{0} tenants', tenants);
      if (subs > 0 && tenants > 0) {
        return l10n.t('Shared with {0} and {1}', subsText, tenantsText);
      }
      if (subs > 0 || tenants > 0) {
        return l10n.t('Shared with {0}', subs > 0 ? subsText : tenantsText);
      }
      return l10n.t('Shared with no one yet');
    }
    case 'community':
      if (!state.enabled) {
        return l10n.t('Community (not yet enabled)');
      }
      return l10n.t('Community: {0}', state.publicNames.join(', '));
  }
}

/**
 * `imageReference.sharedGalleryImageId` of a VM: `/SharedGalleries/{uniqueName}/Images/{image}/Versions/{version}`
 * (`latest` or a version). ARM's shared views give the same string as the item's `identifier.uniqueId`.
 */
export function sharedGalleryImageId(galleryUniqueName: string, image: string, version?: string): string {
  const base = `/SharedGalleries/${galleryUniqueName}/Images/${image}`;
  return version === undefined ? base : `${base}/Versions/${version}`;
}

/** `imageReference.communityGalleryImageId`: `/CommunityGalleries/{publicName}/Images/{image}/Versions/{version}`. */
export function communityGalleryImageId(publicGalleryName: string, image: string, version?: string): string {
  const base = `/CommunityGalleries/${publicGalleryName}/Images/${image}`;
  return version === undefined ? base : `${base}/Versions/${version}`;
}
