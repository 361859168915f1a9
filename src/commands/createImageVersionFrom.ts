import * as vscode from 'vscode';
import { referenceIdOf, SharedVersionNode } from '../tree/SharedGalleryNodes';
import type { TreeNode } from '../tree/TreeNode';
import type { FormLauncher } from '../webview/FormLauncher';

/**
 * "Create Image Version from This…" on a community image version (issue 13): the image version form with the
 * community version as its source (`storageProfile.source.communityGalleryImageId`) and its region as the location;
 * the user chooses the gallery and definition it goes into. Shared (direct) versions are not offered: ARM's full
 * source takes a community gallery image id, not a shared one.
 */
export function createImageVersionFrom(forms: FormLauncher, node?: TreeNode): Promise<void> {
  if (!(node instanceof SharedVersionNode) || node.source.kind !== 'community') {
    throw new Error(vscode.l10n.t('Create Image Version from This works on a community image version under "Shared with me" in the Compute Gallery view.'));
  }
  const image = node.parent;
  const gallery = image.parent;
  return forms.show({
    kind: 'imageVersion',
    mode: 'create',
    values: {
      subscriptionId: gallery.subscriptionId,
      location: node.source.location,
      sourceType: 'communityImageVersion',
      communityVersionId: referenceIdOf(node.source, image.name, node.name),
    },
    tenantId: gallery.tenantId,
  });
}
