import * as vscode from 'vscode';
import { inertNotificationText } from '../azure/armError';
import { CommunityInfoNode } from '../tree/SharedGalleryNodes';
import type { TreeNode } from '../tree/TreeNode';

/**
 * A publisher's link of a community gallery (EULA, privacy statement, publisher page): the publisher wrote it, so the
 * link is shown in full and opened only when the user says so; only https links are offered.
 */
export async function openCommunityLink(node?: TreeNode): Promise<void> {
  const link = node instanceof CommunityInfoNode ? node.link : undefined;
  if (link === undefined) {
    throw new Error(vscode.l10n.t('Open Link works on a link row of a community gallery (an https address).'));
  }
  const open = vscode.l10n.t('Open');
  // The address shown is the one opened: the URL parser's spelling (xn-- hosts, invisible characters encoded).
  const answer = await vscode.window.showWarningMessage(
    inertNotificationText(vscode.l10n.t('Open this link from the publisher of the community gallery?')),
    { modal: true, detail: inertNotificationText(link) },
    open,
  );
  if (answer === open) {
    await vscode.env.openExternal(vscode.Uri.parse(link, true));
  }
}
