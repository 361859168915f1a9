import * as vscode from 'vscode';
import type { AzureAccount } from '../azure/AzureAccount';
import { portalUrlForResource } from '../azure/cloud';
import type { TreeNode } from '../tree/TreeNode';
import { resolveTarget } from './ResourceTarget';

export async function openInPortal(account: AzureAccount, node: TreeNode | undefined): Promise<void> {
  const target = await resolveTarget(account, node, ['gallery', 'imageDefinition', 'imageVersion', 'application', 'applicationVersion', 'managedImage']);
  const url = portalUrlForResource(account.getCloud(), target.armId.id, target.tenantId);
  await vscode.env.openExternal(vscode.Uri.parse(url, true));
}
