import * as vscode from 'vscode';
import { describeArmError, formatArmError, inertNotificationText } from '../azure/armError';
import { displayName, galleryId, imageDefinitionId, kindLabel } from '../azure/armId';
import type { ImageDefinitionId, ImageVersionId } from '../azure/armId';
import { withAbortSignal } from '../azure/abortSignal';
import type { AzureAccount } from '../azure/AzureAccount';
import { describeOrder, describeOutcome, describePlan, executeCascade, planCascade } from '../azure/cascadeDelete';
import { listAll } from '../azure/listAll';
import type { GalleryImageVersion, GalleryService } from '../azure/services';
import { deletionBlock, isSoftDeleteEnabled, lastPurgeTime } from '../domain/deletionSafety';
import { formatDate } from '../tree/resourceItem';
import { blockedCascadeRefusal, blockedVersionRefusal, cascadeSoftDeleteSentence, latestAfterDeletion, softDeleteOutcome, versionDeleteConfirmation } from './deleteConfirmation';
import type { LatestChange, ModalText } from './deleteConfirmation';
import type { GalleryTreeDataProvider } from '../tree/GalleryTreeDataProvider';
import type { TreeNode } from '../tree/TreeNode';
import { withCheckProgress } from './checkProgress';
import { resolveTarget } from './ResourceTarget';
import type { ResourceTarget } from './ResourceTarget';

function deleteOne(service: GalleryService, target: ResourceTarget, signal: AbortSignal): Promise<void> {
  const id = target.armId;
  switch (id.kind) {
    case 'gallery':
      return service.deleteGallery(id, { signal });
    case 'imageDefinition':
      return service.deleteImageDefinition(id, { signal });
    case 'imageVersion':
      return service.deleteImageVersion(id, { signal });
    case 'application':
      return service.deleteApplication(id, { signal });
    case 'applicationVersion':
      return service.deleteApplicationVersion(id, { signal });
    case 'managedImage':
      return service.deleteManagedImage(id, { signal });
  }
}

/** One page is enough to know; quick, shown in the status bar, so not cancellable (nothing could cancel it). */
async function hasChildren(service: GalleryService, target: ResourceTarget): Promise<boolean> {
  const id = target.armId;
  if (id.kind === 'gallery') {
    return (await service.listImageDefinitions(id)).items.length > 0 || (await service.listApplications(id)).items.length > 0;
  }
  if (id.kind === 'imageDefinition') {
    return (await service.listImageVersions(id)).items.length > 0;
  }
  if (id.kind === 'application') {
    return (await service.listApplicationVersions(id)).items.length > 0;
  }
  return false;
}

interface VersionFacts {
  readonly version: GalleryImageVersion;
  readonly softDelete: boolean;
  readonly latest: LatestChange | undefined;
}

/** What the confirmation of deleting a version says: its safety profile, soft delete, and where `latest` goes. */
async function versionFacts(service: GalleryService, id: ImageVersionId, signal: AbortSignal): Promise<VersionFacts> {
  const gallery = galleryId(id.subscriptionId, id.resourceGroup, id.gallery);
  const definition = imageDefinitionId(gallery, id.imageDefinition);
  const [galleryResource, versions] = await Promise.all([service.getGallery(gallery, { signal }), listAll((o) => service.listImageVersions(definition, o), signal)]);
  const isThis = (v: GalleryImageVersion): boolean => v.name?.toLowerCase() === id.version.toLowerCase();
  // Not in the list (deleted meanwhile, or a list that lags): read it, so a missing version fails clearly here.
  const version = versions.find(isThis) ?? (await service.getImageVersion(id, { signal }));
  return { version, softDelete: isSoftDeleteEnabled(galleryResource), latest: latestAfterDeletion(versions, isThis) };
}

/**
 * Why ARM will refuse to delete an image definition with no versions: it still holds soft-deleted versions
 * (Microsoft's soft-delete article). Undefined when nothing holds it (or soft delete is off).
 */
async function heldBySoftDeleted(service: GalleryService, id: ImageDefinitionId, name: string, signal: AbortSignal): Promise<ModalText | undefined> {
  const gallery = await service.getGallery(galleryId(id.subscriptionId, id.resourceGroup, id.gallery), { signal });
  if (!isSoftDeleteEnabled(gallery)) {
    return undefined;
  }
  const held = await listAll((o) => service.listSoftDeletedVersions(id, o), signal);
  if (held.length === 0) {
    return undefined;
  }
  const last = formatDate(lastPurgeTime(held.map((h) => h.softDeletedTime)));
  return {
    message:
      held.length === 1
        ? vscode.l10n.t('Image definition "{0}" can\'t be deleted yet: it holds a soft-deleted version, and Azure does not delete an image definition while it holds soft-deleted versions.', name)
        : vscode.l10n.t('Image definition "{0}" can\'t be deleted yet: it holds {1} soft-deleted versions, and Azure does not delete an image definition while it holds soft-deleted versions.', name, held.length),
    detail: last
      ? vscode.l10n.t('They are purged by {0}; delete the image definition after that, or restore them from "Recently deleted". Nothing was sent to Azure.', last)
      : vscode.l10n.t('They are purged 7 days after their deletion; delete the image definition after that, or restore them from "Recently deleted". Nothing was sent to Azure.'),
  };
}

/** A refusal: a modal that explains, with nothing to confirm (nothing is sent). */
async function refuse(log: vscode.LogOutputChannel, text: ModalText): Promise<void> {
  log.info(`${text.message} ${text.detail}`);
  await vscode.window.showWarningMessage(inertNotificationText(text.message), { modal: true, detail: inertNotificationText(text.detail) });
}

/**
 * Deletes a resource after a modal confirmation naming it. A gallery or definition that still has
 * children gets the ordered cascade (versions → definitions → gallery) with a full account of the result.
 */
export async function deleteResource(account: AzureAccount, tree: GalleryTreeDataProvider, log: vscode.LogOutputChannel, node?: TreeNode): Promise<void> {
  const target = await resolveTarget(account, node, ['gallery', 'imageDefinition', 'imageVersion', 'application', 'applicationVersion', 'managedImage']);
  const id = target.armId;
  const name = displayName(id);
  const what = kindLabel(id.kind);
  const service = (await account.services()).galleryService(id.subscriptionId, target.tenantId);

  let cascade =
    (id.kind === 'gallery' || id.kind === 'imageDefinition' || id.kind === 'application') &&
    (await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Checking what {0} contains…', name) }, () =>
      hasChildren(service, target),
    ));

  if (!cascade) {
    let confirmation: ModalText = { message: vscode.l10n.t('Delete {0} "{1}"?', what, name), detail: vscode.l10n.t('This cannot be undone.') };
    // Checks before the modal show in the status bar (as "Checking what … contains" does): a notification would
    // still be on screen beside the modal that follows.
    if (id.kind === 'imageVersion') {
      const facts = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Checking {0}…', name) },
        (_p, token) => withAbortSignal(token, (signal) => versionFacts(service, id, signal)),
      );
      const block = deletionBlock(facts.version, Date.now());
      if (block) {
        return refuse(log, blockedVersionRefusal(name, block));
      }
      confirmation = versionDeleteConfirmation({ name, softDelete: facts.softDelete, latest: facts.latest });
    } else if (id.kind === 'imageDefinition') {
      const held = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Checking {0}…', name) },
        (_p, token) => withAbortSignal(token, (signal) => heldBySoftDeleted(service, id, name, signal)),
      );
      if (held) {
        return refuse(log, held);
      }
    }
    const ok = vscode.l10n.t('Delete');
    const answer = await vscode.window.showWarningMessage(inertNotificationText(confirmation.message), { modal: true, detail: inertNotificationText(confirmation.detail) }, ok);
    if (answer !== ok) {
      return;
    }
    tree.markPending(id.id, vscode.l10n.t('Deleting…'), target.node);
    try {
      await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Deleting {0} {1}', what, name), cancellable: true },
        (_progress, token) => withAbortSignal(token, (signal) => deleteOne(service, target, signal)),
      );
      log.info(`Deleted ${what} ${id.id}`);
      void vscode.window.showInformationMessage(inertNotificationText(vscode.l10n.t('Deleted {0} "{1}".', what, name)));
    } catch (err) {
      if (describeArmError(err).code === 'CannotDeleteResource') {
        // Children appeared since we looked: offer the cascade below.
        log.warn(formatArmError(vscode.l10n.t('Couldn\'t delete {0}', name), err));
        cascade = true;
      } else {
        throw err;
      }
    } finally {
      tree.clearPending(id.id, target.node);
      tree.reload(target.node?.parent);
    }
  }

  if (!cascade || (id.kind !== 'gallery' && id.kind !== 'imageDefinition' && id.kind !== 'application')) {
    return;
  }
  // Before the modal: in the status bar (a notification would stay beside the modal), cancellable once it is slow.
  const plan = await withCheckProgress(vscode.l10n.t('Listing everything in {0}…', name), (signal) => planCascade(service, id, signal));
  if (plan.blocked.length > 0) {
    return refuse(log, blockedCascadeRefusal(what, name, plan.blocked.map((b) => ({ name: displayName(b.version), block: b.block }))));
  }
  const contents = describePlan(plan);
  const all = vscode.l10n.t('Delete All');
  const answer = await vscode.window.showWarningMessage(
    inertNotificationText(
      contents
        ? vscode.l10n.t('The {0} "{1}" contains {2}. Delete them all, then the {0}?', what, name, contents)
        : vscode.l10n.t('The {0} "{1}" contains nested resources. Delete them, then the {0}?', what, name),
    ),
    { modal: true, detail: `${describeOrder(plan)} ${plan.softDelete ? cascadeSoftDeleteSentence(what) : vscode.l10n.t('This cannot be undone.')}` },
    all,
  );
  if (answer !== all) {
    return;
  }
  tree.markPending(id.id, vscode.l10n.t('Deleting…'), target.node);
  try {
    const outcome = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Deleting {0}', name), cancellable: true },
      (progress, token) => {
        let last = 0;
        return withAbortSignal(token, (signal) =>
          executeCascade(service, plan, {
            signal,
            report: (message, done, total) => {
              const pct = (done / total) * 100;
              progress.report({ message, increment: pct - last });
              last = pct;
            },
          }),
        );
      },
    );
    const summary = [describeOutcome(outcome), softDeleteOutcome(outcome)].filter(Boolean).join(' ');
    log.info(`Cascade delete of ${id.id}: ${summary}`);
    if (outcome.failed.length === 0 && outcome.skipped.length === 0 && outcome.retained.length === 0) {
      void vscode.window.showInformationMessage(inertNotificationText(vscode.l10n.t('Deleted {0} "{1}" and everything in it. {2}', what, name, summary)));
    } else if (outcome.failed.length === 0 && outcome.skipped.length === 0) {
      // Soft delete: every version went (restorable), and Azure keeps the parents that hold them.
      void vscode.window.showInformationMessage(inertNotificationText(vscode.l10n.t('Deleted the contents of {0} "{1}"; the {0} itself is kept for now. {2}', what, name, summary)));
    } else {
      void vscode.window.showWarningMessage(inertNotificationText(vscode.l10n.t('The {0} "{1}" was not completely deleted. {2}', what, name, summary)));
    }
  } finally {
    tree.clearPending(id.id, target.node);
    tree.reload(target.node?.parent);
  }
}
