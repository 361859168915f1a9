/**
 * What Stop Sharing and Remove from Sharing have in common (issue 13 §1): read the gallery with its groups, confirm in
 * a modal that names exactly who loses access (the wording is the Share form's, src/domain/sharing.ts), send the
 * sharing update with progress, then list the gallery again so its row shows the new state.
 */
import * as vscode from 'vscode';
import { withAbortSignal } from '../azure/abortSignal';
import { inertNotificationText } from '../azure/armError';
import type { GalleryId } from '../azure/armId';
import type { AzureAccount } from '../azure/AzureAccount';
import type { GalleryService } from '../azure/services';
import { accountNames } from '../azure/accountNames';
import { describeSharingConsequences, sharingConsequences, snapshotOf, type SharingNames, type SharingSnapshot, type SharingUpdateInput } from '../domain/sharing';
import type { GalleryTreeDataProvider } from '../tree/GalleryTreeDataProvider';
import { resourceNodeId } from '../tree/nodeIds';
import type { TreeNode } from '../tree/TreeNode';
import { resolveTarget } from './ResourceTarget';

export interface SharingCommandTarget {
  readonly gallery: GalleryId;
  readonly service: GalleryService;
  readonly snapshot: SharingSnapshot;
  readonly node: TreeNode | undefined;
  /** The names of the subscriptions and tenants the signed-in account knows (the rest are shown by GUID only). */
  readonly names: SharingNames;
}

/** The account's names for subscriptions and tenants; a list that fails leaves GUIDs and is said in the log. */
async function knownNames(account: AzureAccount, log: vscode.LogOutputChannel, signal: AbortSignal): Promise<SharingNames> {
  const names = await accountNames(await account.services(), signal);
  for (const problem of names.problems) {
    log.warn(`Sharing: couldn't list the account's tenants or subscriptions to name them; the confirmation shows their IDs: ${problem}`);
  }
  return names;
}

/** The gallery the command runs on, read with `$expand=SharingProfile/Groups` (status bar progress, before any modal). */
export async function readSharingTarget(account: AzureAccount, node: TreeNode | undefined, log: vscode.LogOutputChannel): Promise<SharingCommandTarget> {
  const target = await resolveTarget(account, node, ['gallery']);
  if (target.armId.kind !== 'gallery') {
    throw new Error(vscode.l10n.t('Sharing works on a gallery.'));
  }
  const gallery = target.armId;
  const service = (await account.services()).galleryService(gallery.subscriptionId, target.tenantId);
  const [read, names] = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Reading who gallery {0} is shared with…', gallery.gallery) }, (_p, token) =>
    withAbortSignal(token, (signal) => Promise.all([service.getGalleryWithSharing(gallery, { signal }), knownNames(account, log, signal)])),
  );
  return { gallery, service, snapshot: snapshotOf(read.sharingProfile), node: target.node, names };
}

/** The modal's text for sending `update` to a gallery that stands at `snapshot`. */
export function sharingConfirmation(galleryName: string, snapshot: SharingSnapshot, update: SharingUpdateInput, names: SharingNames = {}): { message: string; detail: string } {
  const lines = describeSharingConsequences(sharingConsequences(snapshot, [{ kind: 'share', update }]), galleryName, snapshot.publicNames, names);
  const message =
    update.operationType === 'Reset' ? vscode.l10n.t('Stop sharing gallery "{0}" with everyone?', galleryName) : vscode.l10n.t('Stop sharing gallery "{0}" with the selected subscriptions and tenants?', galleryName);
  return { message, detail: [...lines, vscode.l10n.t('The gallery and its images stay as they are in your subscription.')].join('\n\n') };
}

/** Confirms in a modal, then sends the update with a cancellable progress notification and lists the gallery again. */
export async function confirmAndSend(tree: GalleryTreeDataProvider, log: vscode.LogOutputChannel, target: SharingCommandTarget, update: SharingUpdateInput, button: string): Promise<boolean> {
  const { gallery, service } = target;
  const text = sharingConfirmation(gallery.gallery, target.snapshot, update, target.names);
  const answer = await vscode.window.showWarningMessage(inertNotificationText(text.message), { modal: true, detail: inertNotificationText(text.detail) }, button);
  if (answer !== button) {
    return false;
  }
  const node = target.node ?? tree.findNode(resourceNodeId(gallery.id));
  tree.markPending(gallery.id, vscode.l10n.t('Changing sharing…'), node);
  try {
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Changing who gallery {0} is shared with', gallery.gallery), cancellable: true }, (_p, token) =>
      withAbortSignal(token, (signal) => service.updateSharingProfile(gallery, update, { signal })),
    );
    log.info(`Sharing of ${gallery.id}: ${update.operationType} done`);
  } finally {
    tree.pending.delete(resourceNodeId(gallery.id));
    // The gallery's row is built from its parent's list: list it again to show the new state.
    tree.reload(node?.parent ?? node);
  }
  return true;
}
