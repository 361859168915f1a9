/**
 * Deletes a gallery, image definition or VM application together with everything inside it, in the only order ARM
 * accepts: every version (image versions and VM application versions) → image definitions and VM applications → the
 * gallery. ARM answers 409 CannotDeleteResource for a parent that still has children, and may keep answering it for a
 * while after the last child is gone (its child cache is stale), so a parent delete is retried.
 */
import * as l10n from '@vscode/l10n';
import { describeArmError } from './armError';
import { applicationId, applicationVersionId, displayName, imageDefinitionId, imageVersionId, parseIdOfKind } from './armId';
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

const LIST_CONCURRENCY = 4;

/** Lists everything under the root (all pages), so the user can be told exactly what will go. */
export async function planCascade(service: GalleryService, root: CascadeRoot, signal?: AbortSignal): Promise<CascadePlan> {
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
  const versionLists = await mapLimit(definitions, LIST_CONCURRENCY, async (definition) =>
    (await listAll((o) => service.listImageVersions(definition, o), signal)).map((v) => imageVersionId(definition, v.name ?? '')),
  );
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
  if (plan.applications.length > 0) {
    parts.push(plan.applications.length === 1 ? l10n.t('1 VM application') : l10n.t('{0} VM applications', plan.applications.length));
  }
  if (plan.applicationVersions.length > 0) {
    parts.push(
      plan.applicationVersions.length === 1 ? l10n.t('1 VM application version') : l10n.t('{0} VM application versions', plan.applicationVersions.length),
    );
  }
  if (parts.length <= 2) {
    return parts.join(' and ');
  }
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/** The order the cascade deletes in, for the confirmation ("Versions are deleted first, …"). */
export function describeOrder(plan: CascadePlan): string {
  switch (plan.root.kind) {
    case 'gallery':
      return l10n.t('Versions are deleted first, then image definitions and VM applications, then the gallery. This cannot be undone.');
    case 'imageDefinition':
      return l10n.t('Versions are deleted first, then the image definition. This cannot be undone.');
    case 'application':
      return l10n.t('Versions are deleted first, then the VM application. This cannot be undone.');
  }
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
  const total = plan.versions.length + plan.applicationVersions.length + plan.definitions.length + plan.applications.length + 1;
  /** Lower-cased ids of definitions / applications that keep a version ARM would not delete. */
  const blockedParents = new Set<string>();
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
  const parentOf = (versionId: string): string => versionId.slice(0, versionId.lastIndexOf('/versions/')).toLowerCase();

  // 1. Every version, image and application alike (leaves: nothing inside them).
  const leaves: ReadonlyArray<{ readonly id: string; readonly name: string; readonly run: () => Promise<void> }> = [
    ...plan.versions.map((v) => ({ id: v.id, name: displayName(v), run: () => service.deleteImageVersion(v, callOptions) })),
    ...plan.applicationVersions.map((v) => ({ id: v.id, name: displayName(v), run: () => service.deleteApplicationVersion(v, callOptions) })),
  ];
  await mapLimit(leaves, options.concurrency ?? 4, async (leaf) => {
    if (!(await attempt(leaf.name, leaf.run))) {
      blockedParents.add(parentOf(leaf.id));
    }
  });

  // 2. Image definitions and VM applications inside a gallery, each once its versions are gone.
  const parents: ReadonlyArray<{ readonly id: string; readonly name: string; readonly run: () => Promise<void> }> = [
    ...plan.definitions.map((d) => ({ id: d.id, name: displayName(d), run: () => service.deleteImageDefinition(d, callOptions) })),
    ...plan.applications.map((a) => ({ id: a.id, name: displayName(a), run: () => service.deleteApplication(a, callOptions) })),
  ];
  let rootBlocked = false;
  for (const parent of parents) {
    if (blockedParents.has(parent.id.toLowerCase())) {
      skipped.push(parent.name);
      rootBlocked = true;
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
  } else {
    await attempt(rootName, () => deleteRetryingConflicts(() => deleteRoot(service, root, callOptions), options));
  }
  return { deleted, failed, skipped };
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

/** "Deleted 3 items: … Not deleted: … (reason). Skipped: …" */
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
