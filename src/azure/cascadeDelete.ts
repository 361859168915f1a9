/**
 * Deletes a gallery or image definition together with everything inside it, in the only order ARM
 * accepts: versions → definitions → gallery. ARM may keep answering 409 CannotDeleteResource for a
 * while after the last child is gone (its child cache is stale), so the parent delete is retried.
 */
import * as l10n from '@vscode/l10n';
import { describeArmError } from './armError';
import { displayName, imageDefinitionId, imageVersionId, parseIdOfKind } from './armId';
import type { GalleryId, ImageDefinitionId, ImageVersionId } from './armId';
import { listAll, mapLimit } from './listAll';
import type { GalleryService } from './services';

export interface CascadePlan {
  readonly root: GalleryId | ImageDefinitionId;
  readonly definitions: readonly ImageDefinitionId[];
  readonly versions: readonly ImageVersionId[];
}

export interface CascadeOutcome {
  readonly deleted: readonly string[];
  readonly failed: ReadonlyArray<{ readonly name: string; readonly reason: string }>;
  /** Not attempted, because something they contain could not be deleted (or the user cancelled). */
  readonly skipped: readonly string[];
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

/** Lists everything under the root (all pages), so the user can be told exactly what will go. */
export async function planCascade(service: GalleryService, root: GalleryId | ImageDefinitionId, signal?: AbortSignal): Promise<CascadePlan> {
  const definitions =
    root.kind === 'gallery'
      ? (await listAll((o) => service.listImageDefinitions(root, o), signal)).map((d) => imageDefinitionId(root, d.name ?? parseIdOfKind(d.id ?? '', 'imageDefinition').imageDefinition))
      : [root];
  const versionLists = await mapLimit(definitions, 4, async (definition) =>
    (await listAll((o) => service.listImageVersions(definition, o), signal)).map((v) => imageVersionId(definition, v.name ?? '')),
  );
  return { root, definitions: root.kind === 'gallery' ? definitions : [], versions: versionLists.flat() };
}

export function describePlan(plan: CascadePlan): string {
  const parts: string[] = [];
  if (plan.definitions.length > 0) {
    parts.push(plan.definitions.length === 1 ? l10n.t('1 image definition') : l10n.t('{0} image definitions', plan.definitions.length));
  }
  if (plan.versions.length > 0) {
    parts.push(plan.versions.length === 1 ? l10n.t('1 image version') : l10n.t('{0} image versions', plan.versions.length));
  }
  return parts.join(l10n.t(' and '));
}

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function deleteRetryingConflicts(run: () => Promise<void>, options: CascadeOptions): Promise<void> {
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

  await mapLimit(plan.versions, options.concurrency ?? 4, async (version) => {
    if (!(await attempt(displayName(version), () => service.deleteImageVersion(version, callOptions)))) {
      blockedDefinitions.add(version.id.slice(0, version.id.lastIndexOf('/versions/')).toLowerCase());
    }
  });

  let rootBlocked = false;
  for (const definition of plan.definitions) {
    if (blockedDefinitions.has(definition.id.toLowerCase())) {
      skipped.push(displayName(definition));
      rootBlocked = true;
      continue;
    }
    if (!(await attempt(displayName(definition), () => deleteRetryingConflicts(() => service.deleteImageDefinition(definition, callOptions), options)))) {
      rootBlocked = true;
    }
  }

  const root = plan.root;
  const rootName = displayName(root);
  if (rootBlocked || (root.kind === 'imageDefinition' && blockedDefinitions.has(root.id.toLowerCase()))) {
    skipped.push(rootName);
  } else {
    await attempt(rootName, () =>
      deleteRetryingConflicts(
        () => (root.kind === 'gallery' ? service.deleteGallery(root, callOptions) : service.deleteImageDefinition(root, callOptions)),
        options,
      ),
    );
  }
  return { deleted, failed, skipped };
}

/** "Deleted 3 items: … Not deleted: … (reason). Skipped: …" */
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
