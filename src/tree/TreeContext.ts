import type * as vscode from 'vscode';
import type { AzureAccount } from '../azure/AzureAccount';
import type { TreeNode } from './TreeNode';

/** What every node needs: the account (and through it Azure), a way to redraw itself, and the log. */
export interface TreeContext {
  readonly account: AzureAccount;
  readonly log: vscode.LogOutputChannel;
  /** Redraws `node` (its children are asked again), or the whole tree. */
  refresh(node?: TreeNode): void;
  /** Lower-cased ARM ids of resources with an action in flight, mapped to the label to show ("Deleting…"). */
  readonly pending: ReadonlyMap<string, string>;
}
