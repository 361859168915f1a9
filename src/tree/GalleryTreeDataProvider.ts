import * as vscode from 'vscode';
import { withAbortSignal } from '../azure/abortSignal';
import { describeArmError } from '../azure/armError';
import type { AzureAccount, SignInState } from '../azure/AzureAccount';
import { AccountNode } from './AccountNode';
import type { CreatingChild } from './CreatingNode';
import { ErrorNode, LoadMoreNode, MessageNode } from './MessageNodes';
import { resourceNodeId } from './nodeIds';
import { PagedListNode } from './PagedListNode';
import { isVersionNode } from './VersionNode';
import type { GalleryVersionId } from './VersionNode';
import { VersionWatcher } from './VersionWatcher';
import type { VersionWatcherOptions } from './VersionWatcher';
import { describeProgress, isSettling } from './replication';
import type { SharingMemory } from './SharingMemory';
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
  /** Bumped by a full refresh: a root read before it is dropped (a sign-in change must not be lost). */
  private rootGeneration = 0;
  private abort = new AbortController();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  readonly pending = new Map<string, string>();
  readonly creating = new Map<string, CreatingChild[]>();
  /** Nodes handed to VS Code, by id, so that a form can refresh just the parent of what it created. */
  private readonly shown = new Map<string, TreeNode>();
  readonly versions: VersionWatcher;
  private readonly versionNodes = new Map<string, TreeNode>();

  constructor(
    readonly account: AzureAccount,
    readonly log: vscode.LogOutputChannel,
    watch?: number | VersionWatcherOptions,
    readonly sharing?: SharingMemory,
  ) {
    this.versions = new VersionWatcher(account, log, watch);
    this.disposables.push(
      this.versions,
      this.versions.onDidChange((id) => {
        // While a version moves (replication progress every few seconds), only its own row is redrawn. Once it has
        // settled, its list redraws too: `latest` may move. Redrawing the list on every tick also redrew every row
        // under it ("Recently deleted" and its versions), and a right-click landing in that redraw reached the
        // command without its row.
        const node = this.versionNodes.get(id);
        const current = this.versions.current(id);
        this.changed.fire(node && current && isSettling(current) ? node : (node?.parent ?? node));
      }),
      account.onDidChange(() => this.refresh()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('azureComputeGallery.selectedSubscriptions') || e.affectsConfiguration('azureComputeGallery.sharedWithMe.regions')) {
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
      this.rootGeneration++;
      this.versionNodes.clear();
      // A full refresh (sign-in, settings, the Refresh button) may cure what stopped a watch: follow again.
      this.versions.forgetStopped();
      this.shown.clear();
    }
    this.changed.fire(node);
  }

  /** Shows `label` ("Deleting…") with a spinner on the resource until {@link clearPending}. */
  markPending(armId: string, label: string, node?: TreeNode): void {
    this.pending.set(resourceNodeId(armId), label);
    // Our own change (a delete) must not come back as "no longer exists" from the watcher. Versions that
    // still exist afterwards are followed again as soon as their rows are drawn (getTreeItem → watch).
    this.versions.unwatch(armId);
    this.refresh(node);
  }

  clearPending(armId: string, node?: TreeNode): void {
    this.pending.delete(resourceNodeId(armId));
    this.refresh(node);
  }

  /** Lists `node`'s children from Azure again (or everything) and redraws. */
  reload(node?: TreeNode): void {
    if (node && isRefreshable(node)) {
      node.reset();
      // Versions the watcher gave up on under this node are followed again (the user asked to check).
      this.versions.forgetStopped(node.id.startsWith('/subscriptions/') ? node.id : undefined);
    }
    this.refresh(node);
  }

  /**
   * "Load more" clicked: the next page of its list. A full refresh (or closing the view) cancels the request,
   * as it does every list request, since the list it would extend is no longer shown.
   */
  async loadMore(node: TreeNode | undefined): Promise<void> {
    if (node instanceof LoadMoreNode && node.parent instanceof PagedListNode) {
      await node.parent.loadMore(this.abort.signal);
    }
  }

  /** An error node clicked: its list is fetched again. */
  retry(node: TreeNode | undefined): void {
    this.reload(node instanceof ErrorNode ? node.parent : undefined);
  }

  /** Shows `label` (a new resource, "Creating…") with a spinner in the list node `parentId` until {@link clearCreating}. */
  markCreating(parentId: string, armId: string, label: string, description: string): void {
    const id = resourceNodeId(armId);
    const list = (this.creating.get(parentId) ?? []).filter((c) => c.id !== id);
    this.creating.set(parentId, [...list, { id, label, description }]);
    const parent = this.shown.get(parentId);
    if (parent) {
      this.refresh(parent);
    }
  }

  clearCreating(parentId: string, armId: string): void {
    const list = (this.creating.get(parentId) ?? []).filter((c) => c.id !== resourceNodeId(armId));
    if (list.length > 0) {
      this.creating.set(parentId, list);
    } else {
      this.creating.delete(parentId);
    }
  }

  /**
   * Azure accepted the create of a version from a form: the version exists and is listed while it replicates (ARM's
   * PUT answered 201 `Creating`), so the list `parentId` is read again and the version's own row, with its live
   * replication progress, takes the place of the "Creating…" placeholder (the list leaves out a placeholder it lists
   * itself; the placeholder stays while it does not). The watcher follows it from now on, quietly: the form tells the
   * outcome. Dispose when the form's operation ends.
   */
  showCreatedVersion(parentId: string, id: GalleryVersionId, tenantId: string | undefined): vscode.Disposable {
    const following = this.versions.followCreate(id, tenantId);
    const parent = this.shown.get(parentId);
    if (parent) {
      this.reload(parent);
    }
    return following;
  }

  /** A node VS Code is showing (or has shown), by its id. */
  findNode(id: string): TreeNode | undefined {
    return this.shown.get(id);
  }

  registerVersionNode(id: string, node: TreeNode): void {
    this.versionNodes.set(id, node);
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    return node.getTreeItem();
  }

  /** Tooltips of versions show per-region replication, read only when the tooltip is needed. */
  async resolveTreeItem(item: vscode.TreeItem, node: TreeNode, token: vscode.CancellationToken): Promise<vscode.TreeItem> {
    if (!isVersionNode(node)) {
      return item;
    }
    try {
      const service = (await this.account.services()).galleryService(node.armId.subscriptionId, node.tenantId);
      const version = await withAbortSignal(token, (signal) => node.read(service, signal));
      const before = describeProgress(node.current);
      this.versions.record(node.id, version);
      item.tooltip = node.tooltip(version);
      if (describeProgress(version) !== before) {
        // The row shows progress too: redraw it (and `latest`) with what the hover just read.
        this.changed.fire(node.parent);
      }
    } catch (err) {
      const info = describeArmError(err);
      if (!info.cancelled) {
        const md = node.tooltip(node.current);
        md.appendMarkdown('\n\n');
        md.appendText(vscode.l10n.t('Couldn\'t read replication status: {0}', info.message));
        item.tooltip = md;
      }
    }
    return item;
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return node.parent;
  }

  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    const signal = this.abort.signal;
    if (node) {
      const children = node.getChildren ? await node.getChildren(signal) : [];
      for (const child of children) {
        this.shown.set(child.id, child);
      }
      return children;
    }
    while (!this.root) {
      const generation = this.rootGeneration;
      const state = await this.readSignInState();
      if (generation !== this.rootGeneration) {
        continue; // refreshed meanwhile (e.g. signed in): read the newer state
      }
      if (!(state instanceof Error)) {
        await vscode.commands.executeCommand('setContext', 'azureComputeGallery.signedIn', state.kind === 'signedIn');
      }
      if (generation === this.rootGeneration) {
        this.root = this.rootNodes(state);
      }
    }
    return this.root;
  }

  private async readSignInState(): Promise<SignInState | Error> {
    try {
      return await this.account.getSignInState();
    } catch (err) {
      return err instanceof Error ? err : new Error(String(err));
    }
  }

  private rootNodes(state: SignInState | Error): TreeNode[] {
    if (state instanceof Error) {
      this.log.error(`Couldn't check the Azure sign-in: ${describeArmError(state).message}`);
      return [new ErrorNode(undefined, vscode.l10n.t("Couldn't check the Azure sign-in"), state)];
    }
    switch (state.kind) {
      case 'misconfigured':
        return [new MessageNode(undefined, 'cloud', state.message, 'error', { command: 'workbench.action.openSettings', title: vscode.l10n.t('Open settings'), arguments: [state.setting] })];
      case 'signedOut':
        return [];
      case 'signedIn':
        return [new AccountNode(this, state.accountLabel, state.cloud.name)];
    }
  }
}
