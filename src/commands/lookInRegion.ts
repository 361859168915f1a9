import * as vscode from 'vscode';
import type { AzureAccount } from '../azure/AzureAccount';
import type { GalleryTreeDataProvider } from '../tree/GalleryTreeDataProvider';
import { SharedWithMeNode } from '../tree/SharedWithMeNode';
import type { TreeNode } from '../tree/TreeNode';
import { pickRegion, sharedWithMeTarget, sharingMemoryOf } from './sharedWithMeTarget';

/**
 * "Look in Region…" on "Shared with me": one more region to list shared galleries in, remembered for the subscription
 * (global state), then the node is listed again.
 */
export async function lookInRegion(account: AzureAccount, tree: GalleryTreeDataProvider, node?: TreeNode): Promise<void> {
  const target = await sharedWithMeTarget(account, tree, node, vscode.l10n.t('Look in region: choose the subscription'));
  const searched = target.node instanceof SharedWithMeNode ? target.node.searchedRegions : [];
  const service = (await account.services()).galleryService(target.subscriptionId, target.tenantId);
  const region = await pickRegion(service.listLocations(), vscode.l10n.t('Look for galleries shared with me in…'), vscode.l10n.t('Region'), {
    regions: searched,
    note: vscode.l10n.t('already searched'),
  });
  await sharingMemoryOf(tree).addRegion(target.subscriptionId, region);
  if (target.node) {
    tree.reload(target.node);
  }
}
