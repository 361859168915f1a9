import * as vscode from 'vscode';
import { inertNotificationText } from '../azure/armError';
import type { AzureAccount } from '../azure/AzureAccount';
import { namedIds, type SharingGroupType } from '../domain/sharing';
import type { GalleryTreeDataProvider } from '../tree/GalleryTreeDataProvider';
import type { TreeNode } from '../tree/TreeNode';
import { confirmAndSend, readSharingTarget } from './sharingChange';

interface GroupPick extends vscode.QuickPickItem {
  readonly type: SharingGroupType;
  readonly groupId: string;
}

/** A quick pick row's description: the kind, after the name the account knows for the id. */
function described(names: ReadonlyMap<string, string> | undefined, id: string, kind: string): string {
  const name = names?.get(id.toLowerCase());
  return name ? `${name} · ${kind}` : kind;
}

/** "Remove from Sharing…": pick subscriptions and tenants, confirm (they are named), `GallerySharingProfile_Update` Remove. */
export async function removeFromSharing(account: AzureAccount, tree: GalleryTreeDataProvider, log: vscode.LogOutputChannel, node?: TreeNode): Promise<void> {
  const target = await readSharingTarget(account, node, log);
  const { snapshot, gallery } = target;
  if (snapshot.subscriptions.length === 0 && snapshot.tenants.length === 0) {
    void vscode.window.showInformationMessage(
      inertNotificationText(
        snapshot.permission === 'Community'
          ? vscode.l10n.t('Gallery "{0}" is a community gallery: it is shared with every Azure user, not with single subscriptions or tenants. Use Stop Sharing to make it private. Nothing was sent.', gallery.gallery)
          : vscode.l10n.t('Gallery "{0}" is not shared with any subscription or tenant. Nothing was sent.', gallery.gallery),
      ),
    );
    return;
  }
  const items: GroupPick[] = [
    ...snapshot.subscriptions.map((id): GroupPick => ({ label: id, description: described(target.names.subscriptions, id, vscode.l10n.t('subscription')), type: 'Subscriptions', groupId: id })),
    ...snapshot.tenants.map((id): GroupPick => ({ label: id, description: described(target.names.tenants, id, vscode.l10n.t('tenant (every subscription in it)')), type: 'AADTenants', groupId: id })),
  ];
  const picked = await vscode.window.showQuickPick(items, {
    canPickMany: true,
    title: vscode.l10n.t('Remove from sharing of gallery {0}', gallery.gallery),
    placeHolder: vscode.l10n.t('Choose the subscriptions and tenants that lose access'),
  });
  if (!picked || picked.length === 0) {
    return;
  }
  const idsOf = (type: SharingGroupType): string[] => picked.filter((p) => p.type === type).map((p) => p.groupId);
  const groups = (['Subscriptions', 'AADTenants'] as const).map((type) => ({ type, ids: idsOf(type) })).filter((g) => g.ids.length > 0);
  const done = await confirmAndSend(tree, log, target, { operationType: 'Remove', groups }, vscode.l10n.t('Remove'));
  if (done) {
    void vscode.window.showInformationMessage(inertNotificationText(vscode.l10n.t('Gallery "{0}" is no longer shared with {1}.', gallery.gallery, picked.map((p) => namedIds([p.groupId], p.type === 'Subscriptions' ? target.names.subscriptions : target.names.tenants)).join(', '))));
  }
}
