import * as vscode from 'vscode';
import type { AzureAccount } from '../azure/AzureAccount';
import { portalUrlForResource } from '../azure/cloud';
import type { TreeNode } from '../tree/TreeNode';
import { resourceIdOf, tenantOf } from './resourceNodes';

export async function openInPortal(account: AzureAccount, node: TreeNode | undefined): Promise<void> {
  const url = portalUrlForResource(account.getCloud(), resourceIdOf(node), tenantOf(node));
  await vscode.env.openExternal(vscode.Uri.parse(url, true));
}
