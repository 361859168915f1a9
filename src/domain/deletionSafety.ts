/**
 * Deletion safety of image versions (issue 11): whether ARM will refuse to delete a version now, and whether a deleted
 * version can be brought back. Pure, no `vscode`; the tree (lock on the row), the delete commands (refuse before
 * sending), clean-up (kept, and why) and the emulator's behaviour all follow these rules.
 *
 * Sources: the GalleryRP TypeSpec (`GalleryImageVersionSafetyProfile.blockDeletionBeforeEndOfLife`: "deletion is
 * blocked for this Gallery Image Version if its End Of Life has not expired"; `allowDeletionOfReplicatedLocations`:
 * "whether or not removing this Gallery Image Version from replicated regions is allowed") and Microsoft's soft-delete
 * article (a soft-deleted image version stays recoverable for 7 days; a gallery or image definition that still holds
 * soft-deleted versions cannot be deleted).
 *
 * A version with `blockDeletionBeforeEndOfLife` and no end-of-life date never reaches its end of life: it stays
 * blocked until the block is turned off.
 */
import { endOfLifeTime } from './endOfLife';
import { sameRegion } from './regions';

/** How long Azure keeps a soft-deleted image version before it is purged (Microsoft's soft-delete article). */
export const SOFT_DELETE_RETENTION_DAYS = 7;

const DAY_MS = 24 * 60 * 60 * 1000;

export interface SafetyProfileLike {
  readonly blockDeletionBeforeEndOfLife?: boolean;
  readonly allowDeletionOfReplicatedLocations?: boolean;
}

export interface VersionSafetyLike {
  readonly safetyProfile?: SafetyProfileLike;
  readonly publishingProfile?: { readonly endOfLifeDate?: Date | string };
}

/**
 * Why ARM refuses to delete the version at `now`, or undefined when nothing blocks it.
 * - `beforeEndOfLife`: blocked until `until` (its end-of-life date);
 * - `noEndOfLife`: blocked with no end-of-life date, so blocked until the block is turned off.
 */
export type DeletionBlock =
  | { readonly reason: 'beforeEndOfLife'; readonly until: Date }
  | { readonly reason: 'noEndOfLife' }
  | undefined;

export function deletionBlock(version: VersionSafetyLike, now: number): DeletionBlock {
  if (version.safetyProfile?.blockDeletionBeforeEndOfLife !== true) {
    return undefined;
  }
  const eol = version.publishingProfile?.endOfLifeDate;
  const time = eol === undefined ? undefined : endOfLifeTime(eol);
  if (time === undefined) {
    return { reason: 'noEndOfLife' };
  }
  return time > now ? { reason: 'beforeEndOfLife', until: new Date(time) } : undefined;
}

/** Whether removing regions from the version's target regions is allowed (ARM's default is false: not allowed). */
export function canRemoveReplicatedRegions(version: VersionSafetyLike): boolean {
  return version.safetyProfile?.allowDeletionOfReplicatedLocations === true;
}

export interface GallerySoftDeleteLike {
  readonly softDeletePolicy?: { readonly isSoftDeleteEnabled?: boolean };
}

/** Whether versions deleted from this gallery can be restored afterwards. */
export function isSoftDeleteEnabled(gallery: GallerySoftDeleteLike | undefined): boolean {
  return gallery?.softDeletePolicy?.isSoftDeleteEnabled === true;
}

/** When a version soft-deleted at `softDeletedTime` is purged for good, or undefined when the time is unreadable. */
export function purgeTime(softDeletedTime: Date | string | undefined): Date | undefined {
  if (softDeletedTime === undefined) {
    return undefined;
  }
  const time = softDeletedTime instanceof Date ? softDeletedTime.getTime() : Date.parse(softDeletedTime);
  return Number.isNaN(time) ? undefined : new Date(time + SOFT_DELETE_RETENTION_DAYS * DAY_MS);
}

/**
 * The regions of `before` (the version's target regions now) that `after` (the complete set an update sends) leaves
 * out and that ARM refuses to drop: all of them while `allowDeletion` is false, none once it is true. Regions compare
 * without case or spaces (`domain/regions.ts`).
 *
 * `allowDeletion` is the value ARM applies to this request: the request's own `safetyProfile` merged over the stored
 * one. A PATCH that turns `allowDeletionOfReplicatedLocations` on and drops a region in the same body is accepted —
 * that is how `az sig image-version update --allow-replicated-location-deletion --target-regions …` (azure-cli#24364,
 * made for azure-cli#24099) and Terraform's `deletion_of_replicated_locations_enabled`
 * (terraform-provider-azurerm#23147) remove regions, in one request. A request without `safetyProfile` keeps the
 * stored value (ARM_BEHAVIOUR.md §5: "Complete set of target locations not specified … Deletion of previously
 * replicated locations is not allowed").
 */
export function refusedRegionRemovals(before: readonly string[], after: readonly string[], allowDeletion: boolean): string[] {
  if (allowDeletion) {
    return [];
  }
  return before.filter((region) => region !== '' && !after.some((kept) => sameRegion(kept, region)));
}

/**
 * When the last of these soft-deleted versions is purged (what keeps their image definition, and its gallery, from
 * being deleted), or undefined when no time is readable.
 */
export function lastPurgeTime(softDeletedTimes: Iterable<Date | string | undefined>): Date | undefined {
  let last: number | undefined;
  for (const time of softDeletedTimes) {
    const purge = purgeTime(time)?.getTime();
    if (purge !== undefined && (last === undefined || purge > last)) {
      last = purge;
    }
  }
  return last === undefined ? undefined : new Date(last);
}
