import * as vscode from 'vscode';
import { describeArmError } from '../azure/armError';
import type { AzureAccount } from '../azure/AzureAccount';
import { AccountNode } from './AccountNode';
import { ErrorNode, MessageNode } from './MessageNodes';
import type { TreeContext } from './TreeContext';
import type { TreeNode } from './TreeNode';
import { isRefreshable } from './TreeNode';

/**
 * The Compute Gallery explorer: account → subscriptions → galleries → image definitions → versions,
 * and each subscription's managed images. Signed out, it has no children so `viewsWelcome` shows.
 */
export class GalleryTreeDataProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable, TreeContext {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private root: TreeNode[] | undefined;
  private abort = new AbortController();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  readonly pending = new Map<string, string>();

  constructor(
    readonly account: AzureAccount,
    readonly log: vscode.LogOutputChannel,
  ) {
    this.disposables.push(
      account.onDidChange(() => this.refresh()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('azureComputeGallery.selectedSubscriptions')) {
          this.refresh();
        }
      }),
    );
  }

  dispose(): void {
    this.abort.abort();
    vscode.Disposable.from(...this.disposables).dispose();
  }

  /** Redraws one node (listing its children again), or everything. */
  refresh(node?: TreeNode): void {
    if (!node) {
      this.abort.abort();
      this.abort = new AbortController();
      this.root = undefined;
    }
    this.changed.fire(node);
  }

  /** Shows `label` ("Deleting…") with a spinner on the resource until {@link clearPending}. */
  markPending(armId: string, label: string, node?: TreeNode): void {
    this.pending.set(armId.toLowerCase(), label);
    this.refresh(node);
  }

  clearPending(armId: string, node?: TreeNode): void {
    this.pending.delete(armId.toLowerCase());
    this.refresh(node);
  }

  /** Lists `node`'s children from Azure again (or everything) and redraws. */
  reload(node?: TreeNode): void {
    if (node && isRefreshable(node)) {
      node.reset();
    }
    this.refresh(node);
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    return node.getTreeItem();
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return node.parent;
  }

  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    const signal = this.abort.signal;
    if (node) {
      return node.getChildren ? node.getChildren(signal) : [];
    }
    this.root ??= await this.rootNodes();
    return this.root;
  }

  private async rootNodes(): Promise<TreeNode[]> {
    try {
      const state = await this.account.getSignInState();
      await vscode.commands.executeCommand('setContext', 'azureComputeGallery.signedIn', state.kind === 'signedIn');
      switch (state.kind) {
        case 'misconfigured':
          return [new MessageNode(undefined, 'cloud', state.message, 'error', { command: 'workbench.action.openSettings', title: 'Open settings', arguments: ['microsoft-sovereign-cloud'] })];
        case 'signedOut':
          return [];
        case 'signedIn':
          return [new AccountNode(this, state.accountLabel, state.cloud.name)];
      }
    } catch (err) {
      this.log.error(`Couldn't check the Azure sign-in: ${describeArmError(err).message}`);
      return [new ErrorNode(undefined, "Couldn't check the Azure sign-in", err)];
    }
  }
}
