import * as vscode from 'vscode';
import { withAbortSignal } from '../azure/abortSignal';
import { describeArmError, inertNotificationText } from '../azure/armError';
import { displayName, galleryId, imageDefinitionId } from '../azure/armId';
import type { ImageVersionId } from '../azure/armId';
import type { AzureAccount } from '../azure/AzureAccount';
import type { GalleryService } from '../azure/services';
import type { GalleryTreeDataProvider } from '../tree/GalleryTreeDataProvider';
import { resourceNodeId } from '../tree/nodeIds';
import { SoftDeletedVersionNode, softDeletedVersionNodeId } from '../tree/RecentlyDeletedNode';
import type { TreeNode } from '../tree/TreeNode';
import { pickSoftDeletedVersion } from './pickResource';

/** Whether a version of this name exists now (a GET that answers 404 means it does not). */
async function existsNow(service: GalleryService, id: ImageVersionId, signal: AbortSignal): Promise<boolean> {
  try {
    await service.getImageVersion(id, { signal });
    return true;
  } catch (err) {
    if (describeArmError(err).statusCode === 404) {
      return false;
    }
    throw err;
  }
}

/**
 * Restore on a row under "Recently deleted", or from the command palette (subscription → gallery with soft delete on →
 * definition → deleted version): the restore update ARM documents, with progress; then the definition is listed
 * again, so the version shows among the versions and leaves "Recently deleted". A version of the same name that
 * exists now would be in the way: that is said, and nothing is sent.
 */
export async function restoreImageVersion(account: AzureAccount, tree: GalleryTreeDataProvider, log: vscode.LogOutputChannel, node?: TreeNode): Promise<void> {
  if (node !== undefined && !(node instanceof SoftDeletedVersionNode)) {
    throw new Error(vscode.l10n.t('Restore works on a deleted version: expand "Recently deleted" under an image definition in the Compute Gallery view and choose Restore on the version.'));
  }
  const { versionId: id, tenantId } = node ?? (await pickSoftDeletedVersion(account));
  const name = displayName(id);
  const service = (await account.services()).galleryService(id.subscriptionId, tenantId);
  const taken = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Checking {0}…', name) },
    (_p, token) => withAbortSignal(token, (signal) => existsNow(service, id, signal)),
  );
  if (taken) {
    const message = vscode.l10n.t(
      'Image version "{0}" can\'t be restored: a version with that name exists now (created after this one was deleted). Nothing was sent to Azure; delete or rename the current one first if you want the deleted one back.',
      name,
    );
    log.info(message);
    void vscode.window.showWarningMessage(inertNotificationText(message));
    return;
  }
  // From the palette, the rows are those the tree shows (if it does): "Restoring…" on the deleted one, then its definition lists again.
  const row = node ?? tree.findNode(softDeletedVersionNodeId(id));
  const definition = node ? node.parent.parent : tree.findNode(resourceNodeId(imageDefinitionId(galleryId(id.subscriptionId, id.resourceGroup, id.gallery), id.imageDefinition).id));
  const pendingId = softDeletedVersionNodeId(id);
  if (row) {
    tree.markPending(pendingId, vscode.l10n.t('Restoring…'), row);
  }
  try {
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Restoring image version {0}', name), cancellable: true },
      (_p, token) => withAbortSignal(token, (signal) => service.restoreImageVersion(id, { signal })),
    );
    log.info(`Restored image version ${id.id}`);
    void vscode.window.showInformationMessage(inertNotificationText(vscode.l10n.t('Restored image version "{0}".', name)));
  } finally {
    if (row) {
      tree.clearPending(pendingId, row);
    }
    // The definition lists its versions and its recently deleted ones again: the version moves across.
    if (definition) {
      tree.reload(definition);
    }
  }
}
