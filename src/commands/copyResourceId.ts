import * as vscode from 'vscode';
import type { TreeNode } from '../tree/TreeNode';
import { resourceIdOf } from './resourceNodes';

export async function copyResourceId(node: TreeNode | undefined): Promise<void> {
  const id = resourceIdOf(node);
  await vscode.env.clipboard.writeText(id);
  void vscode.window.setStatusBarMessage(`Copied ${id}`, 3000);
}
