import type * as vscode from 'vscode';
import type { ResourceContext } from './resourceContext';

/** One node of the Compute Gallery tree: a small class per kind, children listed lazily. */
export interface TreeNode {
  /** Stable id (the lower-cased ARM id for resources), so expansion survives refresh. */
  readonly id: string;
  readonly parent: TreeNode | undefined;
  getTreeItem(): vscode.TreeItem;
  getChildren?(signal: AbortSignal): Promise<TreeNode[]>;
  /** Subscription, tenant and resource of the row, for commands and forms (see resourceContext()). */
  resourceContext?(): ResourceContext;
}

/** A node that can be asked to list its children again from scratch. */
export interface RefreshableNode extends TreeNode {
  reset(): void;
}

export function isRefreshable(node: TreeNode): node is RefreshableNode {
  return typeof (node as Partial<RefreshableNode>).reset === 'function';
}
