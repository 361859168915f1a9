import type * as vscode from 'vscode';
import type { Page } from '../azure/services';
import { describeArmError } from '../azure/armError';
import { CreatingNode } from './CreatingNode';
import { ErrorNode, LoadMoreNode, MessageNode } from './MessageNodes';
import type { RefreshableNode, TreeNode } from './TreeNode';
import type { TreeContext } from './TreeContext';

/**
 * A node whose children come from one ARM list, fetched a page (one request) at a time:
 * a "Load more" node while there is a nextLink, an error node with retry, an empty node.
 */
export abstract class PagedListNode<T> implements RefreshableNode {
  abstract readonly id: string;
  abstract readonly parent: TreeNode | undefined;
  private nodes: TreeNode[] = [];
  private continuation: string | undefined;
  private loaded = false;
  private error: unknown;
  private readonly loadMoreNode = new LoadMoreNode(this, this.itemsLabel());

  constructor(protected readonly ctx: TreeContext) {}

  abstract getTreeItem(): vscode.TreeItem;
  /** Plural noun for messages: "image definitions". */
  protected abstract itemsLabel(): string;
  protected abstract fetchPage(signal: AbortSignal, continuationToken: string | undefined): Promise<Page<T>>;
  protected abstract createChild(item: T): TreeNode;
  /** Shown when the list is empty. */
  protected abstract emptyNode(): TreeNode;
  /**
   * Adds a new page's nodes to those already shown, in display order. The default keeps ARM's order;
   * subclasses that sort merge the page in (one page at a time, so 10,000 items stay cheap).
   */
  protected merge(shown: readonly TreeNode[], page: readonly TreeNode[]): TreeNode[] {
    return [...shown, ...page];
  }
  /** Whether every page has been fetched. */
  protected get complete(): boolean {
    return this.loaded && this.continuation === undefined;
  }

  reset(): void {
    this.nodes = [];
    this.continuation = undefined;
    this.loaded = false;
    this.error = undefined;
  }

  private async fetchInto(signal: AbortSignal, continuationToken: string | undefined): Promise<void> {
    const page = await this.fetchPage(signal, continuationToken);
    this.nodes = this.merge(this.nodes, page.items.map((item) => this.createChild(item)));
    this.continuation = page.continuationToken;
    this.loaded = true;
  }

  async getChildren(signal: AbortSignal): Promise<TreeNode[]> {
    const listed = await this.listedChildren(signal);
    // Resources being created from a form show first, until the list has them.
    const creating = (this.ctx.creating?.get(this.id) ?? []).filter((c) => !listed.some((n) => n.id === c.id));
    if (creating.length === 0) {
      return listed;
    }
    const real = listed.filter((n) => !(n instanceof MessageNode));
    return [...creating.map((c) => new CreatingNode(this, c)), ...real];
  }

  private async listedChildren(signal: AbortSignal): Promise<TreeNode[]> {
    if (!this.loaded && this.error === undefined) {
      try {
        await this.fetchInto(signal, undefined);
      } catch (err) {
        if (describeArmError(err).cancelled) {
          return [];
        }
        this.error = err;
        this.ctx.log.error(`Couldn't list ${this.itemsLabel()} of ${this.id}: ${describeArmError(err).message}`);
      }
    }
    if (this.error !== undefined) {
      return [new ErrorNode(this, `Couldn't list ${this.itemsLabel()}`, this.error)];
    }
    if (this.nodes.length === 0 && this.continuation === undefined) {
      return [this.emptyNode()];
    }
    const children = this.nodes.slice();
    if (this.continuation !== undefined) {
      children.push(this.loadMoreNode);
    }
    return children;
  }

  /** Fetches the next page; errors are shown once and leave the list as it was. */
  async loadMore(signal: AbortSignal): Promise<void> {
    if (this.continuation === undefined || this.loadMoreNode.loading) {
      return;
    }
    this.loadMoreNode.loading = true;
    this.ctx.refresh(this.loadMoreNode);
    try {
      await this.fetchInto(signal, this.continuation);
    } finally {
      this.loadMoreNode.loading = false;
      this.ctx.refresh(this);
    }
  }

  protected static message(parent: TreeNode, label: string, command?: vscode.Command): TreeNode {
    return new MessageNode(parent, 'empty', label, 'info', command);
  }
}
