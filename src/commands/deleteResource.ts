import * as vscode from 'vscode';
import { describeArmError, formatArmError, inertNotificationText } from '../azure/armError';
import { displayName, kindLabel } from '../azure/armId';
import { withAbortSignal } from '../azure/abortSignal';
import type { AzureAccount } from '../azure/AzureAccount';
import { describeOutcome, describePlan, executeCascade, planCascade } from '../azure/cascadeDelete';
import type { GalleryService } from '../azure/services';
import type { GalleryTreeDataProvider } from '../tree/GalleryTreeDataProvider';
import type { TreeNode } from '../tree/TreeNode';
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
    case 'managedImage':
      return service.deleteManagedImage(id, { signal });
  }
}

/** One page is enough to know; quick, shown in the status bar, so not cancellable (nothing could cancel it). */
async function hasChildren(service: GalleryService, target: ResourceTarget): Promise<boolean> {
  const id = target.armId;
  if (id.kind === 'gallery') {
    return (await service.listImageDefinitions(id)).items.length > 0;
  }
  if (id.kind === 'imageDefinition') {
    return (await service.listImageVersions(id)).items.length > 0;
  }
  return false;
}

/**
 * Deletes a resource after a modal confirmation naming it. A gallery or definition that still has
 * children gets the ordered cascade (versions → definitions → gallery) with a full account of the result.
 */
export async function deleteResource(account: AzureAccount, tree: GalleryTreeDataProvider, log: vscode.LogOutputChannel, node?: TreeNode): Promise<void> {
  const target = await resolveTarget(account, node, ['gallery', 'imageDefinition', 'imageVersion', 'managedImage']);
  const id = target.armId;
  const name = displayName(id);
  const what = kindLabel(id.kind);
  const service = (await account.services()).galleryService(id.subscriptionId, target.tenantId);

  let cascade =
    (id.kind === 'gallery' || id.kind === 'imageDefinition') &&
    (await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Checking what {0} contains…', name) }, () =>
      hasChildren(service, target),
    ));

  if (!cascade) {
    const ok = vscode.l10n.t('Delete');
    const answer = await vscode.window.showWarningMessage(inertNotificationText(vscode.l10n.t('Delete {0} "{1}"?', what, name)), { modal: true, detail: vscode.l10n.t('This cannot be undone.') }, ok);
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

  if (!cascade || (id.kind !== 'gallery' && id.kind !== 'imageDefinition')) {
    return;
  }
  const plan = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Listing everything in {0}…', name), cancellable: true },
    (_p, token) => withAbortSignal(token, (signal) => planCascade(service, id, signal)),
  );
  const contents = describePlan(plan);
  const all = vscode.l10n.t('Delete All');
  const answer = await vscode.window.showWarningMessage(
    inertNotificationText(
      contents
        ? vscode.l10n.t('The {0} "{1}" contains {2}. Delete them all, then the {0}?', what, name, contents)
        : vscode.l10n.t('The {0} "{1}" contains nested resources. Delete them, then the {0}?', what, name),
    ),
    { modal: true, detail: vscode.l10n.t('Versions are deleted first, then image definitions, then the gallery. This cannot be undone.') },
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
    const summary = describeOutcome(outcome);
    log.info(`Cascade delete of ${id.id}: ${summary}`);
    if (outcome.failed.length === 0 && outcome.skipped.length === 0) {
      void vscode.window.showInformationMessage(inertNotificationText(vscode.l10n.t('Deleted {0} "{1}" and everything in it. {2}', what, name, summary)));
    } else {
      void vscode.window.showWarningMessage(inertNotificationText(vscode.l10n.t('The {0} "{1}" was not completely deleted. {2}', what, name, summary)));
    }
  } finally {
    tree.clearPending(id.id, target.node);
    tree.reload(target.node?.parent);
  }
}
