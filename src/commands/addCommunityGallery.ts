import * as vscode from 'vscode';
import { describeArmError, inertNotificationText } from '../azure/armError';
import type { AzureAccount } from '../azure/AzureAccount';
import type { GalleryTreeDataProvider } from '../tree/GalleryTreeDataProvider';
import { isPublicGalleryName } from '../tree/SharingMemory';
import type { TreeNode } from '../tree/TreeNode';
import { withCheckProgress } from './checkProgress';
import { PickCancelled } from './pickResource';
import { pickRegion, sharedWithMeTarget, sharingMemoryOf } from './sharedWithMeTarget';

/** The message for a typed public gallery name, or undefined when it can be one. */
export function publicGalleryNameProblem(value: string): string | undefined {
  const name = value.trim();
  if (name === '') {
    return vscode.l10n.t('Enter the public name of the community gallery (for example contoso-1a2b3c4d-…).');
  }
  return isPublicGalleryName(name) ? undefined : vscode.l10n.t('A public gallery name has letters, digits, periods, dashes and underscores only (at most 128).');
}

/**
 * "Add Community Gallery…": a public gallery name and its region, checked with a GET (a name that does not exist is
 * said, and nothing is remembered), then remembered for the subscription and shown under "Shared with me".
 */
export async function addCommunityGallery(account: AzureAccount, tree: GalleryTreeDataProvider, log: vscode.LogOutputChannel, node?: TreeNode): Promise<void> {
  const target = await sharedWithMeTarget(account, tree, node, vscode.l10n.t('Add community gallery: choose the subscription to read it with'));
  const typed = await vscode.window.showInputBox({
    title: vscode.l10n.t('Add community gallery'),
    prompt: vscode.l10n.t('The public name the publisher gives (Community gallery name in the portal).'),
    placeHolder: vscode.l10n.t('publisher-00000000-0000-0000-0000-000000000000'),
    ignoreFocusOut: true,
    validateInput: publicGalleryNameProblem,
  });
  if (typed === undefined) {
    throw new PickCancelled();
  }
  const publicGalleryName = typed.trim();
  const service = (await account.services()).galleryService(target.subscriptionId, target.tenantId);
  const location = await pickRegion(service.listLocations(), vscode.l10n.t('Add community gallery: its region'), vscode.l10n.t('Region the gallery is published in'));
  const ref = { location, publicGalleryName };
  try {
    // One GET, usually quick: the status bar, and a cancellable notification only if it is slow (a notification
    // would otherwise stay on screen for a moment after the gallery row appears).
    await withCheckProgress(vscode.l10n.t('Looking for community gallery {0} in {1}…', publicGalleryName, location), (signal) => service.getCommunityGallery(ref, { signal }));
  } catch (err) {
    if (describeArmError(err).statusCode === 404) {
      const message = vscode.l10n.t('No community gallery "{0}" in {1}. Check the public name and the region with its publisher; nothing was added.', publicGalleryName, location);
      log.info(message);
      void vscode.window.showWarningMessage(inertNotificationText(message));
      return;
    }
    throw err;
  }
  await sharingMemoryOf(tree).addCommunityGallery(target.subscriptionId, ref);
  log.info(`Added community gallery ${publicGalleryName} (${location}) to Shared with me of ${target.subscriptionId}`);
  if (target.node) {
    tree.reload(target.node);
  }
}
