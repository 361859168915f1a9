import type * as vscode from 'vscode';
import type { AzureAccount } from '../azure/AzureAccount';
import type { CreatingChild } from './CreatingNode';
import type { SharingMemory } from './SharingMemory';
import type { TreeNode } from './TreeNode';
import type { VersionWatcher } from './VersionWatcher';

/** What every node needs: the account (and through it Azure), a way to redraw itself, and the log. */
export interface TreeContext {
  readonly account: AzureAccount;
  readonly log: vscode.LogOutputChannel;
  /** Redraws `node` (its children are asked again), or the whole tree. */
  refresh(node?: TreeNode): void;
  /** Lower-cased ARM ids of resources with an action in flight, mapped to the label to show ("Deleting…"). */
  readonly pending: ReadonlyMap<string, string>;
  /** Follows versions that are still provisioning or replicating. */
  readonly versions: VersionWatcher;
  /** Lets the tree find the current node of a version when its state changes. */
  registerVersionNode(id: string, node: TreeNode): void;
  /** Resources being created from a form, by the id of the list node they will appear in. */
  readonly creating?: ReadonlyMap<string, readonly CreatingChild[]>;
  /** What "Shared with me" remembers (regions added, community galleries) and the regions setting; none in some tests. */
  readonly sharing?: SharingMemory;
}
