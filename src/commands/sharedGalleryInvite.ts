import * as vscode from 'vscode';
import { withAbortSignal } from '../azure/abortSignal';
import { inertNotificationText } from '../azure/armError';
import type { AzureAccount } from '../azure/AzureAccount';
import type { SharedGalleryInviteRef } from '../azure/services';
import { isGuid } from '../domain/sharing';
import type { GalleryTreeDataProvider } from '../tree/GalleryTreeDataProvider';
import { SharedGalleryNode } from '../tree/SharedGalleryNodes';
import type { TreeNode } from '../tree/TreeNode';
import { galleryNameProblem } from '../webview/forms/fieldRules';
import { PickCancelled } from './pickResource';
import { pickRegion, sharedWithMeTarget, sharingMemoryOf } from './sharedWithMeTarget';
import type { SharedWithMeTarget } from './sharedWithMeTarget';

export function sharerSubscriptionProblem(value: string): string | undefined {
  return isGuid(value.trim()) ? undefined : vscode.l10n.t('Enter the subscription ID of the gallery\'s owner: a GUID such as 00000000-0000-0000-0000-000000000000.');
}

async function ask(title: string, prompt: string, validateInput: (value: string) => string | undefined, placeHolder?: string): Promise<string> {
  const value = await vscode.window.showInputBox({ title, prompt, validateInput, ignoreFocusOut: true, ...(placeHolder ? { placeHolder } : {}) });
  if (value === undefined) {
    throw new PickCancelled();
  }
  return value.trim();
}

interface LevelItem extends vscode.QuickPickItem {
  readonly level: SharedGalleryInviteRef['level'];
}

/**
 * What the sharer told the user: their subscription ID, the gallery's name, its region, and whether it was shared with
 * this subscription or with the whole tenant. ARM lists no pending invites, so nothing can be offered to choose from.
 * Each value is checked before anything is sent.
 */
async function askInvite(account: AzureAccount, target: SharedWithMeTarget, title: string): Promise<SharedGalleryInviteRef> {
  const sharerSubscriptionId = await ask(title, vscode.l10n.t('The subscription ID of the gallery\'s owner (the sharer gives it to you).'), sharerSubscriptionProblem, '00000000-0000-0000-0000-000000000000');
  const galleryName = await ask(title, vscode.l10n.t('The gallery\'s name in the sharer\'s subscription.'), (v) => galleryNameProblem(v.trim()));
  const service = (await account.services()).galleryService(target.subscriptionId, target.tenantId);
  const location = await pickRegion(service.listLocations(), title, vscode.l10n.t('The gallery\'s region'));
  const levels: LevelItem[] = [
    { label: vscode.l10n.t('Shared with this subscription'), description: target.subscriptionId, level: 'subscription' },
    { label: vscode.l10n.t('Shared with my tenant'), description: target.tenantId ?? '', level: 'tenant' },
  ];
  const level = await vscode.window.showQuickPick(levels, { title, placeHolder: vscode.l10n.t('What was the gallery shared with?') });
  if (!level) {
    throw new PickCancelled();
  }
  return { level: level.level, location, sharerSubscriptionId, galleryName };
}

function describeInvite(invite: SharedGalleryInviteRef, subscriptionId: string): string {
  return invite.level === 'tenant'
    ? vscode.l10n.t('Gallery "{0}" of subscription {1} in {2}, shared with your tenant.', invite.galleryName, invite.sharerSubscriptionId, invite.location)
    : vscode.l10n.t('Gallery "{0}" of subscription {1} in {2}, shared with subscription {3}.', invite.galleryName, invite.sharerSubscriptionId, invite.location, subscriptionId);
}

/**
 * "Accept Shared Gallery…" (GalleryRP 2025-12-03: a share may wait for the grantee's acceptance): asks what the sharer
 * gave, confirms, accepts with progress, remembers the region so "Shared with me" looks there, and lists it again.
 */
export async function acceptSharedGallery(account: AzureAccount, tree: GalleryTreeDataProvider, log: vscode.LogOutputChannel, node?: TreeNode): Promise<void> {
  const title = vscode.l10n.t('Accept shared gallery');
  const target = await sharedWithMeTarget(account, tree, node, vscode.l10n.t('Accept shared gallery: choose the subscription it was shared with'));
  const invite = await askInvite(account, target, title);
  const accept = vscode.l10n.t('Accept');
  const answer = await vscode.window.showWarningMessage(
    inertNotificationText(vscode.l10n.t('Accept the shared gallery "{0}"?', invite.galleryName)),
    { modal: true, detail: inertNotificationText(`${describeInvite(invite, target.subscriptionId)} ${vscode.l10n.t('Its images then show under "Shared with me" and can be used to create VMs.')}`) },
    accept,
  );
  if (answer !== accept) {
    return;
  }
  const service = (await account.services()).galleryService(target.subscriptionId, target.tenantId);
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Accepting shared gallery {0}…', invite.galleryName), cancellable: true },
    (_p, token) => withAbortSignal(token, (signal) => service.acceptSharedGallery(invite, { signal })),
  );
  log.info(`Accepted shared gallery ${invite.galleryName} of ${invite.sharerSubscriptionId} in ${invite.location} (${invite.level} level) for ${target.subscriptionId}`);
  await sharingMemoryOf(tree).addRegion(target.subscriptionId, invite.location);
  if (target.node) {
    tree.reload(target.node);
  }
  void vscode.window.showInformationMessage(inertNotificationText(vscode.l10n.t('Accepted the shared gallery "{0}": it shows under "Shared with me".', invite.galleryName)));
}

/**
 * "Reject Shared Gallery…": on a shared gallery row (its sharer, name, region and level are known from the listing) or
 * from the palette (asked like Accept). Confirmed: it removes this subscription or tenant from the sharer's groups.
 */
export async function rejectSharedGallery(account: AzureAccount, tree: GalleryTreeDataProvider, log: vscode.LogOutputChannel, node?: TreeNode): Promise<void> {
  const title = vscode.l10n.t('Reject shared gallery');
  let invite: SharedGalleryInviteRef;
  let target: SharedWithMeTarget;
  if (node instanceof SharedGalleryNode && node.source.kind === 'shared') {
    const sharer = node.sharer;
    if (!sharer) {
      throw new Error(vscode.l10n.t('The shared gallery "{0}" has no unique name of the form subscription-NAME, so its owner is not known: reject it from the palette with what the sharer gave you.', node.source.name));
    }
    target = { subscriptionId: node.subscriptionId, tenantId: node.tenantId, node: node.parent };
    invite = { level: node.source.sharedTo, location: node.source.location, sharerSubscriptionId: sharer.subscriptionId, galleryName: sharer.galleryName };
  } else {
    target = await sharedWithMeTarget(account, tree, node, vscode.l10n.t('Reject shared gallery: choose the subscription it was shared with'));
    invite = await askInvite(account, target, title);
  }
  const reject = vscode.l10n.t('Reject');
  const whom = invite.level === 'tenant' ? vscode.l10n.t('your tenant') : vscode.l10n.t('subscription {0}', target.subscriptionId);
  const answer = await vscode.window.showWarningMessage(
    inertNotificationText(vscode.l10n.t('Reject the shared gallery "{0}"?', invite.galleryName)),
    {
      modal: true,
      detail: inertNotificationText(
        `${describeInvite(invite, target.subscriptionId)} ${vscode.l10n.t('Rejecting removes {0} from the gallery\'s sharing groups: its images can no longer be used from here, and only the owner can share it again.', whom)}`,
      ),
    },
    reject,
  );
  if (answer !== reject) {
    return;
  }
  const service = (await account.services()).galleryService(target.subscriptionId, target.tenantId);
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Rejecting shared gallery {0}…', invite.galleryName), cancellable: true },
    (_p, token) => withAbortSignal(token, (signal) => service.rejectSharedGallery(invite, { signal })),
  );
  log.info(`Rejected shared gallery ${invite.galleryName} of ${invite.sharerSubscriptionId} in ${invite.location} (${invite.level} level) for ${target.subscriptionId}`);
  if (target.node) {
    tree.reload(target.node);
  }
  void vscode.window.showInformationMessage(inertNotificationText(vscode.l10n.t('Rejected the shared gallery "{0}".', invite.galleryName)));
}
