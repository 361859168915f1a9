import * as vscode from 'vscode';
import { inertNotificationText } from '../azure/armError';
import type { AzureAccount } from '../azure/AzureAccount';
import type { GalleryTreeDataProvider } from '../tree/GalleryTreeDataProvider';
import type { TreeNode } from '../tree/TreeNode';
import { confirmAndSend, readSharingTarget } from './sharingChange';

/** "Stop Sharing": `GallerySharingProfile_Update` Reset after a modal that lists every subscription and tenant that loses access. */
export async function stopSharingGallery(account: AzureAccount, tree: GalleryTreeDataProvider, log: vscode.LogOutputChannel, node?: TreeNode): Promise<void> {
  const target = await readSharingTarget(account, node, log);
  const { snapshot, gallery } = target;
  if (snapshot.permission === 'Private' && snapshot.subscriptions.length === 0 && snapshot.tenants.length === 0) {
    void vscode.window.showInformationMessage(inertNotificationText(vscode.l10n.t('Gallery "{0}" is not shared: there is nothing to stop. Nothing was sent.', gallery.gallery)));
    return;
  }
  const done = await confirmAndSend(tree, log, target, { operationType: 'Reset' }, vscode.l10n.t('Stop Sharing'));
  if (done) {
    void vscode.window.showInformationMessage(inertNotificationText(vscode.l10n.t('Gallery "{0}" is private now.', gallery.gallery)));
  }
}
