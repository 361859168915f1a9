import * as vscode from 'vscode';
import type { GalleryTreeDataProvider } from '../tree/GalleryTreeDataProvider';
import { communityRef, SharedGalleryNode } from '../tree/SharedGalleryNodes';
import type { TreeNode } from '../tree/TreeNode';
import { sharingMemoryOf } from './sharedWithMeTarget';

/** "Remove" on a community gallery: forgets it (nothing is sent to Azure); "Add Community Gallery…" brings it back. */
export async function removeCommunityGallery(tree: GalleryTreeDataProvider, node?: TreeNode): Promise<void> {
  if (!(node instanceof SharedGalleryNode) || node.source.kind !== 'community') {
    throw new Error(vscode.l10n.t('Remove works on a community gallery under "Shared with me" in the Compute Gallery view.'));
  }
  await sharingMemoryOf(tree).removeCommunityGallery(node.subscriptionId, communityRef(node.source));
  tree.reload(node.parent);
}
