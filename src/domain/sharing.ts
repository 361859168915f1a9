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
  readonly communityGalleryInfo?: {
    readonly communityGalleryEnabled?: boolean;
    readonly publicNames?: readonly string[];
    readonly publisherUri?: string;
    readonly publisherContact?: string;
    readonly eula?: string;
    readonly publicNamePrefix?: string;
  };
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

// ---- Share form, Stop Sharing, template checks (issue 13 §1, §3) -------------------------------------------------

/**
 * What the user gives for a community gallery (`sharingProfile.communityGalleryInfo`); `communityGalleryEnabled` and
 * `publicNames` are ARM's. The GalleryRP TypeSpec (ComputeGallery/models.tsp `CommunityGalleryInfo`) and
 * `@azure/arm-compute` 25 have no privacy statement on the gallery: a privacy statement URI is a property of each
 * image definition (`privacyStatementUri`), so the Share form does not offer one.
 */
export interface CommunityInfoInput {
  readonly publisherUri: string;
  readonly publisherContact: string;
  readonly eula: string;
  readonly publicNamePrefix: string;
}
export type CommunityInfoField = keyof CommunityInfoInput;
/** All four are required before `EnableCommunity` (ARM refuses it otherwise; the emulator follows). */
export const COMMUNITY_INFO_FIELDS: readonly CommunityInfoField[] = ['publisherUri', 'publisherContact', 'eula', 'publicNamePrefix'];

/**
 * The public name is `{prefix}-{GUID}`. Prefix rule: letters and digits, 5 to 16 characters — the Azure portal's
 * check on "Public name prefix" (the community-gallery article is not among the local spec articles; the REST
 * examples' "PirPublic" and the emulator seed's "northwind" pass it).
 */
export const PUBLIC_NAME_PREFIX_MIN = 5;
export const PUBLIC_NAME_PREFIX_MAX = 16;
export const PUBLIC_NAME_PREFIX_PATTERN = `^[A-Za-z0-9]{${PUBLIC_NAME_PREFIX_MIN},${PUBLIC_NAME_PREFIX_MAX}}$`;
/** A plain e-mail address: something@domain.tld, no spaces. */
export const EMAIL_PATTERN = '^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$';

export type CommunityInfoReason = 'missing' | 'notHttpsUri' | 'notEmail' | 'prefixLength' | 'prefixCharacters';

export interface CommunityInfoProblem {
  readonly field: CommunityInfoField;
  readonly reason: CommunityInfoReason;
}

export function isHttpsUri(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.hostname !== '' && !/\s/.test(value);
  } catch {
    return false;
  }
}

/**
 * Every problem of the community information, field by field. `required` only: the template check, which flags
 * what ARM refuses (a missing field) as an error and the format as a warning, asks for both separately.
 */
export function communityInfoProblems(info: Partial<Record<CommunityInfoField, string | undefined>>, scope: 'all' | 'required' | 'format' = 'all'): CommunityInfoProblem[] {
  const problems: CommunityInfoProblem[] = [];
  for (const field of COMMUNITY_INFO_FIELDS) {
    const value = (info[field] ?? '').trim();
    if (value === '') {
      if (scope !== 'format') {
        problems.push({ field, reason: 'missing' });
      }
      continue;
    }
    if (scope === 'required') {
      continue;
    }
    const reason = communityValueProblem(field, value);
    if (reason) {
      problems.push({ field, reason });
    }
  }
  return problems;
}

function communityValueProblem(field: CommunityInfoField, value: string): CommunityInfoReason | undefined {
  switch (field) {
    case 'publisherUri':
    case 'eula':
      return isHttpsUri(value) ? undefined : 'notHttpsUri';
    case 'publisherContact':
      return new RegExp(EMAIL_PATTERN).test(value) ? undefined : 'notEmail';
    case 'publicNamePrefix':
      if (!/^[A-Za-z0-9]*$/.test(value)) {
        return 'prefixCharacters';
      }
      return value.length < PUBLIC_NAME_PREFIX_MIN || value.length > PUBLIC_NAME_PREFIX_MAX ? 'prefixLength' : undefined;
  }
}

/** Where a gallery's sharing stands, as read with `$expand=SharingProfile/Groups`. */
export interface SharingSnapshot {
  readonly permission: SharingPermission;
  readonly subscriptions: readonly string[];
  readonly tenants: readonly string[];
  readonly communityEnabled: boolean;
  readonly community?: CommunityInfoInput;
  readonly publicNames: readonly string[];
}

/** What the Share form asks for. */
export interface SharingTarget {
  readonly permission: SharingPermission;
  readonly subscriptions: readonly string[];
  readonly tenants: readonly string[];
  readonly community: CommunityInfoInput;
}

/** One request of a sharing change, in the order it is sent. */
export type SharingStep =
  /** `POST …/galleries/{g}/share` (GallerySharingProfile_Update). */
  | { readonly kind: 'share'; readonly update: SharingUpdateInput }
  /** `PATCH …/galleries/{g}` with `sharingProfile: { permissions: Community, communityGalleryInfo }`. */
  | { readonly kind: 'communityInfo'; readonly info: CommunityInfoInput };

export function snapshotOf(profile: SharingProfileLike | undefined): SharingSnapshot {
  const state = sharingStateOf(profile);
  const info = profile?.communityGalleryInfo;
  const community: CommunityInfoInput | undefined = info
    ? { publisherUri: info.publisherUri ?? '', publisherContact: info.publisherContact ?? '', eula: info.eula ?? '', publicNamePrefix: info.publicNamePrefix ?? '' }
    : undefined;
  return {
    permission: state.kind === 'community' ? 'Community' : state.kind === 'groups' ? 'Groups' : 'Private',
    subscriptions: state.kind === 'groups' ? state.subscriptions : [],
    tenants: state.kind === 'groups' ? state.tenants : [],
    communityEnabled: state.kind === 'community' && state.enabled,
    ...(community ? { community } : {}),
    publicNames: state.kind === 'community' ? state.publicNames : [],
  };
}

function without(ids: readonly string[], others: readonly string[]): string[] {
  const taken = new Set(others.map((o) => o.trim().toLowerCase()));
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of ids) {
    const id = raw.trim();
    const key = id.toLowerCase();
    if (id !== '' && !taken.has(key) && !seen.has(key)) {
      seen.add(key);
      out.push(id);
    }
  }
  return out;
}

/** Whether two readings of a gallery's sharing say the same: mode, who (ids without case), community enabled. */
export function sameSharing(a: SharingSnapshot, b: SharingSnapshot): boolean {
  const sameIds = (x: readonly string[], y: readonly string[]): boolean => without(x, y).length === 0 && without(y, x).length === 0;
  return a.permission === b.permission && a.communityEnabled === b.communityEnabled && sameIds(a.subscriptions, b.subscriptions) && sameIds(a.tenants, b.tenants);
}

function groupsOf(subscriptions: readonly string[], tenants: readonly string[]): SharingGroupInput[] {
  return [
    ...(subscriptions.length > 0 ? [{ type: 'Subscriptions' as const, ids: subscriptions }] : []),
    ...(tenants.length > 0 ? [{ type: 'AADTenants' as const, ids: tenants }] : []),
  ];
}

function sameCommunityInfo(a: CommunityInfoInput | undefined, b: CommunityInfoInput): boolean {
  return a !== undefined && COMMUNITY_INFO_FIELDS.every((f) => a[f].trim() === b[f].trim());
}

/**
 * The requests that take a gallery from `current` to `target`, in order:
 *  - Private: Reset (nothing when it is private already).
 *  - Groups: from Community, Reset then Add everyone; otherwise Add the new ids, then Remove the dropped ones
 *    (grantees who stay never lose access in between).
 *  - Community: Reset first when subscriptions or tenants still have it (a community gallery has no groups), then
 *    the community information (PATCH, when it is new or changed), then EnableCommunity (when not yet enabled).
 */
export function planSharingChange(current: SharingSnapshot, target: SharingTarget): SharingStep[] {
  const hasGroups = current.subscriptions.length > 0 || current.tenants.length > 0;
  switch (target.permission) {
    case 'Private':
      return current.permission === 'Private' && !hasGroups ? [] : [{ kind: 'share', update: { operationType: 'Reset' } }];
    case 'Groups': {
      const fromCommunity = current.permission === 'Community';
      const base = fromCommunity ? { subscriptions: [], tenants: [] } : current;
      const steps: SharingStep[] = fromCommunity ? [{ kind: 'share', update: { operationType: 'Reset' } }] : [];
      const add = groupsOf(without(target.subscriptions, base.subscriptions), without(target.tenants, base.tenants));
      const remove = groupsOf(without(base.subscriptions, target.subscriptions), without(base.tenants, target.tenants));
      if (add.length > 0) {
        steps.push({ kind: 'share', update: { operationType: 'Add', groups: add } });
      }
      if (remove.length > 0) {
        steps.push({ kind: 'share', update: { operationType: 'Remove', groups: remove } });
      }
      return steps;
    }
    case 'Community': {
      const steps: SharingStep[] = hasGroups ? [{ kind: 'share', update: { operationType: 'Reset' } }] : [];
      const info: CommunityInfoInput = {
        publisherUri: target.community.publisherUri.trim(),
        publisherContact: target.community.publisherContact.trim(),
        eula: target.community.eula.trim(),
        publicNamePrefix: target.community.publicNamePrefix.trim(),
      };
      if (current.permission !== 'Community' || !sameCommunityInfo(current.community, info)) {
        steps.push({ kind: 'communityInfo', info });
      }
      if (!current.communityEnabled) {
        steps.push({ kind: 'share', update: { operationType: 'EnableCommunity' } });
      }
      return steps;
    }
  }
}

/** The PATCH body of a `communityInfo` step. */
export function communityInfoBody(info: CommunityInfoInput): { properties: { sharingProfile: { permissions: 'Community'; communityGalleryInfo: CommunityInfoInput } } } {
  return { properties: { sharingProfile: { permissions: 'Community', communityGalleryInfo: { ...info } } } };
}

/** Who gains and who loses access through the steps, and whether the gallery becomes public or stops being so. */
export interface SharingConsequences {
  readonly losingSubscriptions: readonly string[];
  readonly losingTenants: readonly string[];
  readonly gainingSubscriptions: readonly string[];
  readonly gainingTenants: readonly string[];
  /** EnableCommunity: every Azure user can see and use its images. */
  readonly goesPublic: boolean;
  /** A Reset of a community gallery: its public name stops working for everyone. */
  readonly leavesCommunity: boolean;
  /**
   * Reset, going public, or anyone losing access (a Remove, as Remove from Sharing does after its modal): consequential,
   * the user must confirm explicitly (form checkbox, host modal).
   */
  readonly needsConfirmation: boolean;
}

export function sharingConsequences(current: SharingSnapshot, steps: readonly SharingStep[]): SharingConsequences {
  const idsIn = (update: SharingUpdateInput, type: SharingGroupType): string[] => (update.groups ?? []).filter((g) => g.type === type).flatMap((g) => [...g.ids]);
  const losingSubscriptions: string[] = [];
  const losingTenants: string[] = [];
  const gainingSubscriptions: string[] = [];
  const gainingTenants: string[] = [];
  let goesPublic = false;
  let reset = false;
  for (const step of steps) {
    if (step.kind !== 'share') {
      continue;
    }
    switch (step.update.operationType) {
      case 'Reset':
        reset = true;
        losingSubscriptions.push(...current.subscriptions);
        losingTenants.push(...current.tenants);
        break;
      case 'Remove':
        losingSubscriptions.push(...idsIn(step.update, 'Subscriptions'));
        losingTenants.push(...idsIn(step.update, 'AADTenants'));
        break;
      case 'Add':
        gainingSubscriptions.push(...idsIn(step.update, 'Subscriptions'));
        gainingTenants.push(...idsIn(step.update, 'AADTenants'));
        break;
      case 'EnableCommunity':
        goesPublic = true;
        break;
    }
  }
  // Removed by a Reset and given back by the Add after it: they keep access.
  const lostSubs = without(losingSubscriptions, gainingSubscriptions);
  const lostTenants = without(losingTenants, gainingTenants);
  const leavesCommunity = reset && current.permission === 'Community';
  return {
    losingSubscriptions: lostSubs,
    losingTenants: lostTenants,
    gainingSubscriptions: without(gainingSubscriptions, current.permission === 'Community' ? [] : current.subscriptions),
    gainingTenants: without(gainingTenants, current.permission === 'Community' ? [] : current.tenants),
    goesPublic,
    leavesCommunity,
    needsConfirmation: reset || goesPublic || lostSubs.length > 0 || lostTenants.length > 0,
  };
}

/** Display names the signed-in account knows for subscriptions and tenants, by lower-cased GUID. */
export interface SharingNames {
  readonly subscriptions?: ReadonlyMap<string, string>;
  readonly tenants?: ReadonlyMap<string, string>;
}

/** "Name (GUID)" where the name is known, else the GUID: the full id is always there, so nobody is mistaken for another. */
export function namedIds(ids: readonly string[], names: ReadonlyMap<string, string> | undefined): string {
  return ids
    .map((id) => {
      const name = names?.get(id.trim().toLowerCase())?.trim();
      return name && name.toLowerCase() !== id.trim().toLowerCase() ? `${name} (${id})` : id;
    })
    .join(', ');
}

/**
 * What the change does for whom, as sentences for the Share form and the host's modal confirmations (Stop Sharing,
 * Remove from Sharing). Ids are listed in full, with the subscription's or tenant's name when the account knows it:
 * the user sees exactly who loses access.
 */
export function describeSharingConsequences(c: SharingConsequences, galleryName: string, publicNames: readonly string[] = [], names: SharingNames = {}): string[] {
  const subscriptions = (ids: readonly string[]): string => namedIds(ids, names.subscriptions);
  const tenants = (ids: readonly string[]): string => namedIds(ids, names.tenants);
  const lines: string[] = [];
  if (c.leavesCommunity) {
    lines.push(
      publicNames.length > 0
        ? l10n.t('Gallery "{0}" stops being a community gallery: its public name {1} stops working for every Azure user, and new VMs can no longer be created from its images by anyone outside your subscription. VMs already created from them keep running.', galleryName, publicNames.join(', '))
        : l10n.t('Gallery "{0}" stops being a community gallery: Azure users outside your subscription can no longer find or use its images. VMs already created from them keep running.', galleryName),
    );
  }
  if (c.losingSubscriptions.length > 0) {
    lines.push(l10n.t('These subscriptions lose access to the images of gallery "{0}" at once: {1}.', galleryName, subscriptions(c.losingSubscriptions)));
  }
  if (c.losingTenants.length > 0) {
    lines.push(l10n.t('These tenants (every subscription in them) lose access to the images of gallery "{0}" at once: {1}.', galleryName, tenants(c.losingTenants)));
  }
  if (c.gainingSubscriptions.length > 0) {
    lines.push(l10n.t('These subscriptions can use the images of gallery "{0}": {1}.', galleryName, subscriptions(c.gainingSubscriptions)));
  }
  if (c.gainingTenants.length > 0) {
    lines.push(l10n.t('Every subscription of these tenants can use the images of gallery "{0}": {1}.', galleryName, tenants(c.gainingTenants)));
  }
  if (c.goesPublic) {
    lines.push(
      l10n.t('Gallery "{0}" becomes a community gallery: every Azure user, in any tenant, can find its images and create VMs from them, and what its image definitions say (publisher, offer, SKU, descriptions) and the publisher information become public. This can be turned back only with Stop Sharing (Reset), which does not reach VMs already created from the images.', galleryName),
    );
  }
  return lines;
}
