/**
 * Deletes a gallery, image definition or VM application together with everything inside it, in the only order ARM
 * accepts: every version (image versions and VM application versions) → image definitions and VM applications → the
 * gallery. ARM answers 409 CannotDeleteResource for a parent that still has children, and may keep answering it for a
 * while after the last child is gone (its child cache is stale), so a parent delete is retried.
 *
 * Issue 11: the plan says which image versions ARM will refuse to delete (safety profile: blocked before end of life),
 * so the command refuses the cascade before sending anything. In a gallery with soft delete, deleted image versions are
 * kept (restorable) for 7 days and Azure does not delete an image definition or gallery that still holds soft-deleted
 * versions: the cascade then deletes the versions, does not ask ARM for the parents it would refuse (it would only
 * answer 409 after a minute of retries), and its outcome says they were kept and why. (VM application versions have
 * no soft delete.)
 */
import * as l10n from '@vscode/l10n';
import { deletionBlock, isSoftDeleteEnabled, lastPurgeTime, purgeTime } from '../domain/deletionSafety';
import type { DeletionBlock } from '../domain/deletionSafety';
import { describeArmError } from './armError';
import { applicationId, applicationVersionId, displayName, galleryId, imageDefinitionId, imageVersionId, parseIdOfKind } from './armId';
import type { ApplicationId, ApplicationVersionId, GalleryId, ImageDefinitionId, ImageVersionId } from './armId';
import { listAll, mapLimit } from './listAll';
import type { GalleryService } from './services';

export type CascadeRoot = GalleryId | ImageDefinitionId | ApplicationId;

export interface CascadePlan {
  readonly root: CascadeRoot;
  /** Image definitions inside a gallery root (empty for other roots). */
  readonly definitions: readonly ImageDefinitionId[];
  readonly versions: readonly ImageVersionId[];
  /** VM applications inside a gallery root (empty for other roots). */
  readonly applications: readonly ApplicationId[];
  readonly applicationVersions: readonly ApplicationVersionId[];
  /** Versions ARM refuses to delete now (safety profile): a cascade with any is refused before anything is sent. */
  readonly blocked: ReadonlyArray<{ readonly version: ImageVersionId; readonly block: NonNullable<DeletionBlock> }>;
  /** Soft delete is on in the gallery: deleted image versions stay restorable, and keep their definition (and gallery). */
  readonly softDelete: boolean;
  /** Definitions that already hold soft-deleted versions (looked up only when soft delete is on). */
  readonly holding: readonly ImageDefinitionId[];
  /** When the last soft-deleted version already held under the root is purged (undefined: none, or unreadable). */
  readonly holdingUntil: Date | undefined;
}

export interface CascadeOutcome {
  readonly deleted: readonly string[];
  readonly failed: ReadonlyArray<{ readonly name: string; readonly reason: string }>;
  /** Not attempted, because something they contain could not be deleted (or the user cancelled). */
  readonly skipped: readonly string[];
  /** Not attempted because they hold soft-deleted versions, which Azure keeps (and which keep them) for 7 days. */
  readonly retained: readonly string[];
  /** How many of the deleted items are versions that can be restored (soft delete). */
  readonly restorable: number;
  /** Until when the `retained` ones hold soft-deleted versions (the last purge), when any are retained. */
  readonly retainedUntil?: Date;
}

export interface CascadeOptions {
  readonly signal?: AbortSignal;
  /** Called before each step ("Deleting version 1.0.0 (3 of 7)"). */
  readonly report?: (message: string, done: number, total: number) => void;
  /** How long to keep retrying a parent that ARM still says has children. */
  readonly conflictRetryMs?: number;
  readonly concurrency?: number;
  readonly sleep?: (ms: number) => Promise<void>;
}

const LIST_CONCURRENCY = 4;

/**
 * Lists everything under the root (all pages), so the user can be told exactly what will go: with the image versions
 * ARM would refuse to delete at `now`, and whether the gallery keeps deleted versions (soft delete).
 */
export async function planCascade(service: GalleryService, root: CascadeRoot, signal?: AbortSignal, now: number = Date.now()): Promise<CascadePlan> {
  const gallery = root.kind === 'gallery' ? root : galleryId(root.subscriptionId, root.resourceGroup, root.gallery);
  const softDeletePromise = service.getGallery(gallery, signal ? { signal } : {}).then(isSoftDeleteEnabled);
  const [definitions, applications] =
    root.kind === 'gallery'
      ? await Promise.all([
          listAll((o) => service.listImageDefinitions(root, o), signal).then((items) =>
            items.map((d) => imageDefinitionId(root, d.name ?? parseIdOfKind(d.id ?? '', 'imageDefinition').imageDefinition)),
          ),
          listAll((o) => service.listApplications(root, o), signal).then((items) =>
            items.map((a) => applicationId(root, a.name ?? parseIdOfKind(a.id ?? '', 'application').application)),
          ),
        ])
      : root.kind === 'imageDefinition'
        ? [[root], []]
        : [[], [root]];
  const softDelete = await softDeletePromise;
  const blocked: Array<CascadePlan['blocked'][number]> = [];
  const holding: ImageDefinitionId[] = [];
  const heldTimes: Array<string | undefined> = [];
  const versionLists = await mapLimit(definitions, LIST_CONCURRENCY, async (definition) => {
    const listed = await listAll((o) => service.listImageVersions(definition, o), signal);
    const held = softDelete ? await listAll((o) => service.listSoftDeletedVersions(definition, o), signal) : [];
    if (held.length > 0) {
      holding.push(definition);
    }
    heldTimes.push(...held.map((h) => h.softDeletedTime));
    return listed.map((v) => {
      const version = imageVersionId(definition, v.name ?? '');
      const block = deletionBlock(v, now);
      if (block) {
        blocked.push({ version, block });
      }
      return version;
    });
  });
  const applicationVersionLists = await mapLimit(applications, LIST_CONCURRENCY, async (application) =>
    (await listAll((o) => service.listApplicationVersions(application, o), signal)).map((v) =>
      applicationVersionId(application, v.name ?? parseIdOfKind(v.id ?? '', 'applicationVersion').version),
    ),
  );
  return {
    root,
    definitions: root.kind === 'gallery' ? definitions : [],
    versions: versionLists.flat(),
    applications: root.kind === 'gallery' ? applications : [],
    applicationVersions: applicationVersionLists.flat(),
    blocked,
    softDelete,
    holding,
    holdingUntil: lastPurgeTime(heldTimes),
  };
}

export function describePlan(plan: CascadePlan): string {
  const parts: string[] = [];
  if (plan.definitions.length > 0) {
    parts.push(plan.definitions.length === 1 ? l10n.t('1 image definition') : l10n.t('{0} image definitions', plan.definitions.length));
  }
  if (plan.versions.length > 0) {
    parts.push(plan.versions.length === 1 ? l10n.t('1 image version') : l10n.t('{0} image versions', plan.versions.length));
  }
  if (plan.applications.length > 0) {
    parts.push(plan.applications.length === 1 ? l10n.t('1 VM application') : l10n.t('{0} VM applications', plan.applications.length));
  }
  if (plan.applicationVersions.length > 0) {
    parts.push(
      plan.applicationVersions.length === 1 ? l10n.t('1 VM application version') : l10n.t('{0} VM application versions', plan.applicationVersions.length),
    );
  }
  if (parts.length <= 1) {
    return parts.join('');
  }
  return l10n.t('{0} and {1}', parts.slice(0, -1).join(', '), parts[parts.length - 1]);
}

/** The order the cascade deletes in, for the confirmation ("Versions are deleted first, …"). */
export function describeOrder(plan: CascadePlan): string {
  switch (plan.root.kind) {
    case 'gallery':
      return plan.applications.length > 0
        ? l10n.t('Versions are deleted first, then image definitions and VM applications, then the gallery.')
        : l10n.t('Versions are deleted first, then image definitions, then the gallery.');
    case 'imageDefinition':
      return l10n.t('Versions are deleted first, then the image definition.');
    case 'application':
      return l10n.t('Versions are deleted first, then the VM application.');
  }
}

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs a parent's delete, retrying ARM's CannotDeleteResource (its child cache lags) until `conflictRetryMs`. */
export async function deleteRetryingConflicts(run: () => Promise<void>, options: CascadeOptions): Promise<void> {
  const sleep = options.sleep ?? defaultSleep;
  const deadline = Date.now() + (options.conflictRetryMs ?? 60_000);
  for (let wait = 2_000; ; wait = Math.min(wait * 2, 15_000)) {
    try {
      await run();
      return;
    } catch (err) {
      if (describeArmError(err).code !== 'CannotDeleteResource' || Date.now() + wait > deadline) {
        throw err;
      }
      await sleep(wait);
      options.signal?.throwIfAborted();
    }
  }
}

export async function executeCascade(service: GalleryService, plan: CascadePlan, options: CascadeOptions = {}): Promise<CascadeOutcome> {
  const deleted: string[] = [];
  const failed: Array<{ name: string; reason: string }> = [];
  const skipped: string[] = [];
  const total = plan.versions.length + plan.applicationVersions.length + plan.definitions.length + plan.applications.length + 1;
  /** Lower-cased ids of definitions / applications that keep a version ARM would not delete. */
  const blockedParents = new Set<string>();
  const retained: string[] = [];
  /** Definitions (lower-cased ids) that hold soft-deleted versions once their versions are deleted. */
  const held = new Set(plan.holding.map((d) => d.id.toLowerCase()));
  let restorable = 0;
  const signal = options.signal;
  const callOptions = signal ? { signal } : {};

  const attempt = async (name: string, run: () => Promise<void>): Promise<boolean> => {
    if (signal?.aborted) {
      skipped.push(name);
      return false;
    }
    options.report?.(l10n.t('Deleting {0}', name), deleted.length + failed.length, total);
    try {
      await run();
      deleted.push(name);
      return true;
    } catch (err) {
      const info = describeArmError(err);
      if (info.cancelled) {
        skipped.push(name);
      } else {
        failed.push({ name, reason: info.code ? `${info.code}: ${info.message}` : info.message });
      }
      return false;
    }
  };
  const parentOf = (versionId: string): string => versionId.slice(0, versionId.lastIndexOf('/versions/')).toLowerCase();

  // 1. Every version, image and application alike (leaves: nothing inside them).
  // Soft delete keeps image versions only (VM application versions are deleted for good).
  const leaves: ReadonlyArray<{ readonly id: string; readonly name: string; readonly softDeleted: boolean; readonly run: () => Promise<void> }> = [
    ...plan.versions.map((v) => ({ id: v.id, name: displayName(v), softDeleted: plan.softDelete, run: () => service.deleteImageVersion(v, callOptions) })),
    ...plan.applicationVersions.map((v) => ({ id: v.id, name: displayName(v), softDeleted: false, run: () => service.deleteApplicationVersion(v, callOptions) })),
  ];
  await mapLimit(leaves, options.concurrency ?? 4, async (leaf) => {
    if (!(await attempt(leaf.name, leaf.run))) {
      blockedParents.add(parentOf(leaf.id));
    } else if (leaf.softDeleted) {
      restorable++;
      held.add(parentOf(leaf.id));
    }
  });

  // 2. Image definitions and VM applications inside a gallery, each once its versions are gone.
  const parents: ReadonlyArray<{ readonly id: string; readonly name: string; readonly run: () => Promise<void> }> = [
    ...plan.definitions.map((d) => ({ id: d.id, name: displayName(d), run: () => service.deleteImageDefinition(d, callOptions) })),
    ...plan.applications.map((a) => ({ id: a.id, name: displayName(a), run: () => service.deleteApplication(a, callOptions) })),
  ];
  /** Something inside the root could not be deleted: the root is left in place (skipped). */
  let rootBlocked = false;
  /** Something inside the root holds soft-deleted versions: the root is kept (retained). */
  let rootHeld = false;
  for (const parent of parents) {
    if (blockedParents.has(parent.id.toLowerCase())) {
      skipped.push(parent.name);
      rootBlocked = true;
      continue;
    }
    if (held.has(parent.id.toLowerCase())) {
      retained.push(parent.name);
      rootHeld = true;
      continue;
    }
    if (!(await attempt(parent.name, () => deleteRetryingConflicts(parent.run, options)))) {
      rootBlocked = true;
    }
  }

  // 3. The root.
  const root = plan.root;
  const rootName = displayName(root);
  if (rootBlocked || blockedParents.has(root.id.toLowerCase())) {
    skipped.push(rootName);
  } else if (rootHeld || held.has(root.id.toLowerCase())) {
    retained.push(rootName);
  } else {
    await attempt(rootName, () => deleteRetryingConflicts(() => deleteRoot(service, root, callOptions), options));
  }
  // Versions deleted now are purged 7 days from now; ones deleted before, when the plan read them.
  const newest = restorable > 0 ? purgeTime(new Date()) : undefined;
  const until = [plan.holdingUntil, newest].filter((d): d is Date => d !== undefined).sort((a, b) => b.getTime() - a.getTime())[0];
  return { deleted, failed, skipped, retained, restorable, ...(retained.length > 0 && until ? { retainedUntil: until } : {}) };
}

function deleteRoot(service: GalleryService, root: CascadeRoot, callOptions: { signal?: AbortSignal }): Promise<void> {
  switch (root.kind) {
    case 'gallery':
      return service.deleteGallery(root, callOptions);
    case 'imageDefinition':
      return service.deleteImageDefinition(root, callOptions);
    case 'application':
      return service.deleteApplication(root, callOptions);
  }
}

/**
 * "Deleted 3 items: … Not deleted: … (reason). Skipped: …". What soft delete adds (restorable versions, parents kept)
 * is worded by the command (`softDeleteOutcome` in src/commands/deleteConfirmation.ts).
 */
export function describeOutcome(outcome: CascadeOutcome): string {
  const parts = [outcome.deleted.length === 1 ? l10n.t('Deleted 1 item.') : l10n.t('Deleted {0} items.', outcome.deleted.length)];
  if (outcome.failed.length > 0) {
    parts.push(l10n.t('Not deleted: {0}.', outcome.failed.map((f) => `${f.name} (${f.reason})`).join('; ')));
  }
  if (outcome.skipped.length > 0) {
    parts.push(l10n.t('Left in place because something inside could not be deleted or you cancelled: {0}.', outcome.skipped.join(', ')));
  }
  return parts.join(' ');
}
