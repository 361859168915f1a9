import * as vscode from 'vscode';
import type { AzureAccount } from '../azure/AzureAccount';
import type { TreeNode } from '../tree/TreeNode';
import { resolveTarget } from './ResourceTarget';

export async function copyResourceId(account: AzureAccount, node: TreeNode | undefined): Promise<void> {
  const target = await resolveTarget(account, node, ['gallery', 'imageDefinition', 'imageVersion', 'application', 'applicationVersion', 'managedImage']);
  await vscode.env.clipboard.writeText(target.armId.id);
  void vscode.window.setStatusBarMessage(vscode.l10n.t('Copied {0}', target.armId.id), 3000);
}
