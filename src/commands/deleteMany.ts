/**
 * Deleting several resources at once (issue 11): the bulk runner Clean Up Versions and Delete on a multi-selection
 * share, and Delete on a multi-selection itself.
 *
 * The runner deletes one item at a time, in the order ARM needs (image versions, then managed images, then image
 * definitions, then galleries), cancellable between items: the item being deleted when the user cancels is finished
 * (ARM keeps deleting it anyway) and counted, the rest are "not attempted". The account is exact: every item ends in
 * exactly one of deleted / failed (with ARM's reason) / not attempted.
 *
 * Multi-select Delete accepts mixed kinds (ordered as above). A gallery or image definition in a selection is
 * deleted only if it is empty once the selected items inside it are gone; deleting everything inside one stays the
 * single-item Delete's cascade. Versions ARM would refuse to delete (blocked before their end of life) are refused up
 * front, listed, and never sent. In a gallery with soft delete, a definition or gallery that holds soft-deleted
 * versions (already, or once the selected versions in it are deleted) is one Azure refuses to delete for 7 days: the
 * cascade's plan (`planCascade`) says which, and such a container is kept, never sent, and accounted as kept.
 *
 * Every sentence about restoring, `latest` and blocked versions comes from ./deleteConfirmation.ts, as in the single
 * Delete and Clean Up Versions.
 */
import * as vscode from 'vscode';
import { withCheckProgress } from './checkProgress';
import { describeArmError, inertNotificationText } from '../azure/armError';
import { applicationId, displayName, galleryId, imageDefinitionId, kindLabel } from '../azure/armId';
import type { ComputeResourceId, ImageVersionId } from '../azure/armId';
import type { AzureAccount } from '../azure/AzureAccount';
import { deleteRetryingConflicts, planCascade } from '../azure/cascadeDelete';
import type { CascadePlan } from '../azure/cascadeDelete';
import { listAll } from '../azure/listAll';
import type { GalleryImageVersion, GalleryService } from '../azure/services';
import { deletionBlock, isSoftDeleteEnabled, purgeTime } from '../domain/deletionSafety';
import type { DeletionBlock } from '../domain/deletionSafety';
import type { GalleryTreeDataProvider } from '../tree/GalleryTreeDataProvider';
import { resourceContext } from '../tree/resourceContext';
import type { TreeNode } from '../tree/TreeNode';
import { blockedVersionsRefusal, keptNote, latestAfterDeletion, latestSentence, restorableNote, softDeleteOutcome } from './deleteConfirmation';
import type { LatestChange } from './deleteConfirmation';

export interface BulkDeleteItem {
  readonly id: ComputeResourceId;
  readonly tenantId: string | undefined;
  /** Whether it can be restored afterwards (an image version in a gallery with soft delete). */
  readonly restorable: boolean;
  /**
   * A gallery or definition that holds soft-deleted versions (already, or once the selected versions in it are
   * deleted): Azure refuses to delete it until they are purged, at this time. It is not sent; the account says kept.
   */
  readonly keptUntil?: Date;
  /** The tree row it was chosen on, if any (marked "Deleting…" while it goes). */
  readonly node?: TreeNode;
}

export interface BulkDeleteAccount {
  readonly deleted: readonly BulkDeleteItem[];
  readonly failed: ReadonlyArray<{ readonly item: BulkDeleteItem; readonly reason: string }>;
  /** Not attempted because the user cancelled. */
  readonly notAttempted: readonly BulkDeleteItem[];
  /** Not sent: Azure keeps them while they hold soft-deleted versions (`keptUntil`). */
  readonly kept: readonly BulkDeleteItem[];
}

const KIND_ORDER: Record<ComputeResourceId['kind'], number> = { imageVersion: 0, applicationVersion: 0, managedImage: 1, imageDefinition: 2, application: 2, gallery: 3 };

/** The order ARM needs: children before their parents (stable within a kind). */
export function deletionOrder<T extends { readonly id: ComputeResourceId }>(items: readonly T[]): T[] {
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => KIND_ORDER[a.item.id.kind] - KIND_ORDER[b.item.id.kind] || a.index - b.index)
    .map((x) => x.item);
}

function parentIdOf(id: ComputeResourceId): string | undefined {
  switch (id.kind) {
    case 'imageVersion':
      return imageDefinitionId(galleryId(id.subscriptionId, id.resourceGroup, id.gallery), id.imageDefinition).id.toLowerCase();
    case 'applicationVersion':
      return applicationId(galleryId(id.subscriptionId, id.resourceGroup, id.gallery), id.application).id.toLowerCase();
    case 'imageDefinition':
    case 'application':
      return galleryId(id.subscriptionId, id.resourceGroup, id.gallery).id.toLowerCase();
    default:
      return undefined;
  }
}

export type DeleteOne = (item: BulkDeleteItem) => Promise<void>;

export interface BulkDeleteOptions {
  /** Checked before each item: true stops the run (the rest are not attempted). */
  readonly cancelled: () => boolean;
  readonly report?: (item: BulkDeleteItem, index: number, total: number) => void;
  /** Called after each item, whatever its outcome. */
  readonly settled?: (item: BulkDeleteItem) => void;
}

/**
 * Deletes `items` one by one in ARM's order. A parent whose children were deleted in this run retries ARM's
 * "still has nested resources" answer for a while (ARM's child cache lags), as the cascade does.
 */
export async function runBulkDelete(items: readonly BulkDeleteItem[], deleteOne: DeleteOne, options: BulkDeleteOptions): Promise<BulkDeleteAccount> {
  const ordered = deletionOrder(items);
  const deleted: BulkDeleteItem[] = [];
  const failed: Array<{ item: BulkDeleteItem; reason: string }> = [];
  const notAttempted: BulkDeleteItem[] = [];
  const kept: BulkDeleteItem[] = [];
  const emptied = new Set<string>();
  /** Progress counts the items that are sent (kept ones never are). */
  const toSend = ordered.filter((i) => !i.keptUntil).length;
  let sent = 0;
  for (const [index, item] of ordered.entries()) {
    if (options.cancelled()) {
      notAttempted.push(...ordered.slice(index));
      break;
    }
    if (item.keptUntil) {
      kept.push(item);
      continue;
    }
    options.report?.(item, sent++, toSend);
    try {
      if (emptied.has(item.id.id.toLowerCase())) {
        await deleteRetryingConflicts(() => deleteOne(item), {});
      } else {
        await deleteOne(item);
      }
      deleted.push(item);
      const parent = parentIdOf(item.id);
      if (parent) {
        emptied.add(parent);
      }
    } catch (err) {
      const info = describeArmError(err);
      if (info.cancelled) {
        notAttempted.push(item);
      } else {
        failed.push({ item, reason: info.code ? `${info.code}: ${info.message}` : info.message });
      }
    } finally {
      options.settled?.(item);
    }
  }
  return { deleted, failed, notAttempted, kept };
}

export function deleteOneWith(service: GalleryService, item: BulkDeleteItem): Promise<void> {
  const id = item.id;
  switch (id.kind) {
    case 'gallery':
      return service.deleteGallery(id);
    case 'imageDefinition':
      return service.deleteImageDefinition(id);
    case 'imageVersion':
      return service.deleteImageVersion(id);
    case 'managedImage':
      return service.deleteManagedImage(id);
    case 'application':
      return service.deleteApplication(id);
    case 'applicationVersion':
      return service.deleteApplicationVersion(id);
  }
}

/**
 * "Deleted 3: …. gal/def: kept (holds deleted versions until 2026-12-13). Failed 1: … Not attempted …: …. The 2
 * deleted versions can be restored for 7 days from "Recently deleted"."
 */
export function describeAccount(account: BulkDeleteAccount): string {
  const names = (items: readonly BulkDeleteItem[]): string => items.map((i) => displayName(i.id)).join(', ');
  const restorable = account.deleted.filter((i) => i.restorable).length;
  const parts: string[] = [];
  parts.push(vscode.l10n.t('Deleted {0}: {1}.', account.deleted.length, names(account.deleted) || '-'));
  for (const item of account.kept) {
    if (item.keptUntil) {
      parts.push(`${displayName(item.id)}: ${keptNote(item.keptUntil)}.`);
    }
  }
  if (account.failed.length > 0) {
    parts.push(vscode.l10n.t('Failed {0}: {1}.', account.failed.length, account.failed.map((f) => `${displayName(f.item.id)} (${f.reason})`).join('; ')));
  }
  if (account.notAttempted.length > 0) {
    parts.push(vscode.l10n.t('Not attempted after you cancelled {0}: {1}.', account.notAttempted.length, names(account.notAttempted)));
  }
  const restore = softDeleteOutcome({ restorable, retained: [] });
  if (restore) {
    parts.push(restore);
  }
  return parts.join(' ');
}

/**
 * Runs the bulk delete in a cancellable progress notification, marking each tree row "Deleting…" while it goes,
 * and logs the account. The caller shows it.
 */
export async function deleteWithProgress(
  account: AzureAccount,
  tree: GalleryTreeDataProvider,
  log: vscode.LogOutputChannel,
  title: string,
  items: readonly BulkDeleteItem[],
): Promise<BulkDeleteAccount> {
  const services = await account.services();
  const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, (progress, token) =>
    runBulkDelete(items, (item) => deleteOneWith(services.galleryService(item.id.subscriptionId, item.tenantId), item), {
      cancelled: () => token.isCancellationRequested,
      report: (item, index, total) => {
        progress.report({ message: vscode.l10n.t('{0} ({1} of {2})', displayName(item.id), index + 1, total), increment: 100 / total });
        tree.markPending(item.id.id, vscode.l10n.t('Deleting…'), item.node);
      },
      settled: (item) => tree.clearPending(item.id.id, item.node),
    }),
  );
  log.info(`${title}: ${describeAccount(result)}`);
  for (const f of result.failed) {
    log.warn(`Couldn't delete ${f.item.id.id}: ${f.reason}`);
  }
  return result;
}

/** The nodes a command acts on: the selection when it holds several rows and includes the clicked one, else the row. */
export function selectedNodes(node: TreeNode | undefined, selection: unknown): TreeNode[] {
  if (!Array.isArray(selection) || selection.length < 2) {
    return node ? [node] : [];
  }
  const nodes = selection.filter((n): n is TreeNode => typeof n === 'object' && n !== null && 'getTreeItem' in n && 'id' in n);
  if (node && !nodes.some((n) => n.id === node.id)) {
    return [node];
  }
  const seen = new Set<string>();
  return nodes.filter((n) => !seen.has(n.id) && (seen.add(n.id), true));
}

interface Selected {
  readonly id: ComputeResourceId;
  readonly tenantId: string | undefined;
  readonly node: TreeNode;
}

/** What the confirmation of a multi-selection says about one definition whose versions go. */
interface DefinitionFacts {
  readonly name: string;
  readonly latest: LatestChange | undefined;
}

/** Whether `inner` is `container` or lies inside it (ids compared without case). */
function isWithin(inner: ComputeResourceId, container: ComputeResourceId): boolean {
  const c = container.id.toLowerCase();
  const i = inner.id.toLowerCase();
  return i === c || i.startsWith(`${c}/`);
}

/** The later of two times (either may be missing). */
function later(a: Date | undefined, b: Date | undefined): Date | undefined {
  return a === undefined ? b : b === undefined || a.getTime() >= b.getTime() ? a : b;
}

/** One line of the confirmation for an item that will be sent. */
function itemLine(item: BulkDeleteItem): string {
  const what = `${kindLabel(item.id.kind)} ${displayName(item.id)}`;
  if (item.keptUntil) {
    return vscode.l10n.t('• {0}: {1}: Azure does not delete an image definition or gallery while it holds soft-deleted versions, so it is not sent', what, keptNote(item.keptUntil));
  }
  switch (item.id.kind) {
    case 'imageVersion':
      return `• ${what}: ${restorableNote(item.restorable)}`;
    case 'gallery':
    case 'imageDefinition':
    case 'application':
      return vscode.l10n.t('• {0} {1}: permanent; only if it is empty once the selected items in it are gone', kindLabel(item.id.kind), displayName(item.id));
    default:
      return vscode.l10n.t('• {0} {1}: permanent', kindLabel(item.id.kind), displayName(item.id));
  }
}

/**
 * Delete on a selection of several rows: reads what it must (each gallery's soft delete, each affected definition's
 * versions: all pages; for a selected gallery or definition in a gallery with soft delete, the cascade's plan of what
 * it holds), refuses blocked versions up front, asks once (modal) listing every item with whether it can be restored,
 * how `latest` moves and which containers Azure keeps, then deletes with the bulk runner and reports the exact account.
 */
export async function deleteSelection(account: AzureAccount, tree: GalleryTreeDataProvider, log: vscode.LogOutputChannel, nodes: readonly TreeNode[]): Promise<void> {
  const selected: Selected[] = [];
  let ignored = 0;
  for (const node of nodes) {
    const context = resourceContext(node);
    if (context?.resource) {
      selected.push({ id: context.resource, tenantId: context.tenantId, node });
    } else {
      ignored++;
    }
  }
  if (selected.length === 0) {
    throw new Error(vscode.l10n.t('None of the selected rows is a resource that can be deleted.'));
  }
  const services = await account.services();
  const serviceFor = (s: { id: ComputeResourceId; tenantId: string | undefined }): GalleryService => services.galleryService(s.id.subscriptionId, s.tenantId);
  const now = Date.now();

  // Before the modal: in the status bar (a notification would stay beside the modal), cancellable once it is slow.
  const facts = await withCheckProgress(vscode.l10n.t('Checking the {0} selected items…', selected.length), async (abort) => {
    const softDelete = new Map<string, boolean>();
    const blocked: Array<{ item: Selected; block: NonNullable<DeletionBlock> }> = [];
    const definitions: DefinitionFacts[] = [];
    const versionsByDefinition = new Map<string, Selected[]>();
    /** Selected containers in galleries with soft delete: what the cascade's plan says they hold (lower-cased id). */
    const plans = new Map<string, CascadePlan>();
    for (const s of selected) {
      if (s.id.kind === 'managedImage') {
        continue;
      }
      if (s.id.kind === 'imageVersion') {
        const key = parentIdOf(s.id) ?? '';
        versionsByDefinition.set(key, [...(versionsByDefinition.get(key) ?? []), s]);
      }
      const gallery = galleryId(s.id.subscriptionId, s.id.resourceGroup, s.id.gallery);
      if (!softDelete.has(gallery.id.toLowerCase())) {
        softDelete.set(gallery.id.toLowerCase(), isSoftDeleteEnabled(await serviceFor(s).getGallery(gallery, { signal: abort })));
      }
      if ((s.id.kind === 'gallery' || s.id.kind === 'imageDefinition') && softDelete.get(gallery.id.toLowerCase()) === true) {
        plans.set(s.id.id.toLowerCase(), await planCascade(serviceFor(s), s.id, abort, now));
      }
    }
    for (const group of versionsByDefinition.values()) {
      const first = group[0].id as ImageVersionId;
      const definition = imageDefinitionId(galleryId(first.subscriptionId, first.resourceGroup, first.gallery), first.imageDefinition);
      const all: GalleryImageVersion[] = await listAll((o) => serviceFor(group[0]).listImageVersions(definition, o), abort);
      const byName = new Map(all.map((v) => [v.name?.toLowerCase() ?? '', v]));
      const going = new Set<GalleryImageVersion>();
      for (const s of group) {
        const version = byName.get((s.id as ImageVersionId).version.toLowerCase());
        const block = version ? deletionBlock(version, now) : undefined;
        if (block) {
          blocked.push({ item: s, block });
        } else if (version) {
          going.add(version);
        }
      }
      definitions.push({ name: displayName(definition), latest: latestAfterDeletion(all, (v) => going.has(v)) });
    }
    return { softDelete, blocked, definitions, plans };
  });

  const blockedIds = new Set(facts.blocked.map((b) => b.item.id.id));
  const sent = selected.filter((s) => !blockedIds.has(s.id.id));
  const restorableIn = (id: ComputeResourceId): boolean =>
    id.kind !== 'managedImage' && facts.softDelete.get(galleryId(id.subscriptionId, id.resourceGroup, id.gallery).id.toLowerCase()) === true;
  // A deleted version in a gallery with soft delete stays (soft-deleted) until it is purged: its definition and
  // gallery hold it from now on, as the cascade counts it (executeCascade: `held`).
  const newlyHeldUntil = purgeTime(new Date(now));
  const items: BulkDeleteItem[] = deletionOrder(sent).map((s) => {
    const plan = facts.plans.get(s.id.id.toLowerCase());
    const versionsGoing = sent.some((o) => o.id.kind === 'imageVersion' && isWithin(o.id, s.id));
    const keptUntil = plan && (plan.holding.length > 0 || versionsGoing) ? later(plan.holding.length > 0 ? (plan.holdingUntil ?? newlyHeldUntil) : undefined, versionsGoing ? newlyHeldUntil : undefined) : undefined;
    return {
      id: s.id,
      tenantId: s.tenantId,
      node: s.node,
      restorable: s.id.kind === 'imageVersion' && restorableIn(s.id),
      ...(keptUntil ? { keptUntil } : {}),
    };
  });
  const refusedBlocked = facts.blocked.map((b) => ({ name: displayName(b.item.id), block: b.block }));
  const going = items.filter((i) => !i.keptUntil);
  if (going.length === 0) {
    const reasons = [
      ...(refusedBlocked.length > 0 ? [blockedVersionsRefusal(refusedBlocked, true)] : [vscode.l10n.t('Nothing was deleted.')]),
      // Everything left is kept (going is empty).
      ...items.flatMap((i) => (i.keptUntil ? [`${displayName(i.id)}: ${keptNote(i.keptUntil)}.`] : [])),
    ];
    void vscode.window.showWarningMessage(inertNotificationText(reasons.join(' ')));
    return;
  }

  const lines: string[] = items.map(itemLine);
  for (const d of facts.definitions) {
    if (d.latest) {
      lines.push(latestSentence(d.latest, d.name));
    }
  }
  if (refusedBlocked.length > 0) {
    lines.push(blockedVersionsRefusal(refusedBlocked, false));
  }
  if (ignored > 0) {
    lines.push(vscode.l10n.t('{0} selected rows are not resources and are left alone.', ignored));
  }
  const ok = vscode.l10n.t('Delete {0} Items', going.length);
  const answer = await vscode.window.showWarningMessage(
    inertNotificationText(vscode.l10n.t('Delete {0} selected items?', going.length)),
    { modal: true, detail: inertNotificationText(lines.join('\n')) },
    ok,
  );
  if (answer !== ok) {
    return;
  }

  try {
    const result = await deleteWithProgress(account, tree, log, vscode.l10n.t('Deleting {0} items', going.length), items);
    const text = inertNotificationText(describeAccount(result));
    if (result.failed.length === 0 && result.notAttempted.length === 0) {
      void vscode.window.showInformationMessage(text);
    } else {
      void vscode.window.showWarningMessage(text);
    }
  } finally {
    const parents = new Set<TreeNode | undefined>(items.map((i) => i.node?.parent));
    for (const parent of parents) {
      tree.reload(parent);
    }
  }
}
