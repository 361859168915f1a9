/**
 * Deletes a gallery or image definition together with everything inside it, in the only order ARM
 * accepts: versions → definitions → gallery. ARM may keep answering 409 CannotDeleteResource for a
 * while after the last child is gone (its child cache is stale), so the parent delete is retried.
 *
 * Issue 11: the plan says which versions ARM will refuse to delete (safety profile: blocked before end of life),
 * so the command refuses the cascade before sending anything. In a gallery with soft delete, deleted versions are
 * kept (restorable) for 7 days and Azure does not delete an image definition or gallery that still holds
 * soft-deleted versions: the cascade then deletes the versions, does not ask ARM for the parents it would refuse
 * (it would only answer 409 after a minute of retries), and its outcome says they were kept and why.
 */
import { deletionBlock, isSoftDeleteEnabled, purgeTime } from '../domain/deletionSafety';
import type { DeletionBlock } from '../domain/deletionSafety';
import { describeArmError } from './armError';
import { displayName, galleryId, imageDefinitionId, imageVersionId, parseIdOfKind } from './armId';
import type { GalleryId, ImageDefinitionId, ImageVersionId } from './armId';
import { listAll, mapLimit } from './listAll';
import type { GalleryService } from './services';

export interface CascadePlan {
  readonly root: GalleryId | ImageDefinitionId;
  readonly definitions: readonly ImageDefinitionId[];
  readonly versions: readonly ImageVersionId[];
  /** Versions ARM refuses to delete now (safety profile): a cascade with any is refused before anything is sent. */
  readonly blocked: ReadonlyArray<{ readonly version: ImageVersionId; readonly block: NonNullable<DeletionBlock> }>;
  /** Soft delete is on in the gallery: deleted versions stay restorable, and keep their definition (and gallery). */
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

/**
 * Lists everything under the root (all pages), so the user can be told exactly what will go: with the versions
 * ARM would refuse to delete at `now`, and whether the gallery keeps deleted versions (soft delete).
 */
export async function planCascade(service: GalleryService, root: GalleryId | ImageDefinitionId, signal?: AbortSignal, now: number = Date.now()): Promise<CascadePlan> {
  const gallery = root.kind === 'gallery' ? root : galleryId(root.subscriptionId, root.resourceGroup, root.gallery);
  const [softDelete, definitions] = await Promise.all([
    service.getGallery(gallery, signal ? { signal } : {}).then(isSoftDeleteEnabled),
    root.kind === 'gallery'
      ? listAll((o) => service.listImageDefinitions(root, o), signal).then((list) =>
          list.map((d) => imageDefinitionId(root, d.name ?? parseIdOfKind(d.id ?? '', 'imageDefinition').imageDefinition)),
        )
      : Promise.resolve([root]),
  ]);
  const blocked: Array<CascadePlan['blocked'][number]> = [];
  const holding: ImageDefinitionId[] = [];
  let holdingUntil: number | undefined;
  const versionLists = await mapLimit(definitions, 4, async (definition) => {
    const listed = await listAll((o) => service.listImageVersions(definition, o), signal);
    const held = softDelete ? await listAll((o) => service.listSoftDeletedVersions(definition, o), signal) : [];
    if (held.length > 0) {
      holding.push(definition);
    }
    for (const h of held) {
      const purge = purgeTime(h.softDeletedTime)?.getTime();
      if (purge !== undefined && (holdingUntil === undefined || purge > holdingUntil)) {
        holdingUntil = purge;
      }
    }
    return listed.map((v) => {
      const version = imageVersionId(definition, v.name ?? '');
      const block = deletionBlock(v, now);
      if (block) {
        blocked.push({ version, block });
      }
      return version;
    });
  });
  return {
    root,
    definitions: root.kind === 'gallery' ? definitions : [],
    versions: versionLists.flat(),
    blocked,
    softDelete,
    holding,
    holdingUntil: holdingUntil === undefined ? undefined : new Date(holdingUntil),
  };
}

export function describePlan(plan: CascadePlan): string {
  const parts: string[] = [];
  if (plan.definitions.length > 0) {
    parts.push(`${plan.definitions.length} image definition${plan.definitions.length === 1 ? '' : 's'}`);
  }
  if (plan.versions.length > 0) {
    parts.push(`${plan.versions.length} image version${plan.versions.length === 1 ? '' : 's'}`);
  }
  return parts.join(' and ');
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
  const total = plan.versions.length + plan.definitions.length + 1;
  const blockedDefinitions = new Set<string>();
  const retained: string[] = [];
  /** Definitions (lower-cased ids) that hold soft-deleted versions once their versions are deleted. */
  const held = new Set(plan.holding.map((d) => d.id.toLowerCase()));
  const definitionOf = (version: ImageVersionId): string => version.id.slice(0, version.id.lastIndexOf('/versions/')).toLowerCase();
  let restorable = 0;
  const signal = options.signal;
  const callOptions = signal ? { signal } : {};

  const attempt = async (name: string, run: () => Promise<void>): Promise<boolean> => {
    if (signal?.aborted) {
      skipped.push(name);
      return false;
    }
    options.report?.(`Deleting ${name}`, deleted.length + failed.length, total);
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

  await mapLimit(plan.versions, options.concurrency ?? 4, async (version) => {
    if (!(await attempt(displayName(version), () => service.deleteImageVersion(version, callOptions)))) {
      blockedDefinitions.add(definitionOf(version));
    } else if (plan.softDelete) {
      restorable++;
      held.add(definitionOf(version));
    }
  });

  /** Something inside the root could not be deleted: the root is left in place (skipped). */
  let rootBlocked = false;
  /** Something inside the root holds soft-deleted versions: the root is kept (retained). */
  let rootHeld = false;
  for (const definition of plan.definitions) {
    if (blockedDefinitions.has(definition.id.toLowerCase())) {
      skipped.push(displayName(definition));
      rootBlocked = true;
      continue;
    }
    if (held.has(definition.id.toLowerCase())) {
      retained.push(displayName(definition));
      rootHeld = true;
      continue;
    }
    if (!(await attempt(displayName(definition), () => deleteRetryingConflicts(() => service.deleteImageDefinition(definition, callOptions), options)))) {
      rootBlocked = true;
    }
  }

  const root = plan.root;
  const rootName = displayName(root);
  if (root.kind === 'imageDefinition') {
    rootBlocked ||= blockedDefinitions.has(root.id.toLowerCase());
    rootHeld ||= held.has(root.id.toLowerCase());
  }
  if (rootBlocked) {
    skipped.push(rootName);
  } else if (rootHeld) {
    retained.push(rootName);
  } else {
    await attempt(rootName, () =>
      deleteRetryingConflicts(
        () => (root.kind === 'gallery' ? service.deleteGallery(root, callOptions) : service.deleteImageDefinition(root, callOptions)),
        options,
      ),
    );
  }
  // Versions deleted now are purged 7 days from now; ones deleted before, when the plan read them.
  const newest = restorable > 0 ? purgeTime(new Date()) : undefined;
  const until = [plan.holdingUntil, newest].filter((d): d is Date => d !== undefined).sort((a, b) => b.getTime() - a.getTime())[0];
  return { deleted, failed, skipped, retained, restorable, ...(retained.length > 0 && until ? { retainedUntil: until } : {}) };
}

/**
 * "Deleted 3 items: … Not deleted: … (reason). Skipped: …". What soft delete adds (restorable versions, parents kept)
 * is worded by the command (`softDeleteOutcome` in src/commands/deleteConfirmation.ts).
 */
export function describeOutcome(outcome: CascadeOutcome): string {
  const parts = [`Deleted ${outcome.deleted.length} item${outcome.deleted.length === 1 ? '' : 's'}.`];
  if (outcome.failed.length > 0) {
    parts.push(`Not deleted: ${outcome.failed.map((f) => `${f.name} (${f.reason})`).join('; ')}.`);
  }
  if (outcome.skipped.length > 0) {
    parts.push(`Left in place because something inside could not be deleted or you cancelled: ${outcome.skipped.join(', ')}.`);
  }
  return parts.join(' ');
}
