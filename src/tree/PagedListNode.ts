import * as l10n from '@vscode/l10n';
import type * as vscode from 'vscode';
import type { Page } from '../azure/services';
import { describeArmError } from '../azure/armError';
import { CreatingNode } from './CreatingNode';
import { noteSkipped } from './listedChild';
import { ErrorNode, LoadMoreNode, MessageNode } from './MessageNodes';
import type { RefreshableNode, TreeNode } from './TreeNode';
import type { TreeContext } from './TreeContext';

/** What a list item carries that identifies it in a log line. */
interface ListedItem {
  readonly id?: string;
  readonly name?: string;
}

/**
 * A node whose children come from one ARM list, fetched a page (one request) at a time:
 * a "Load more" node while there is a nextLink, an error node with retry, an empty node.
 *
 * Refresh may come while a page is in flight: every reset starts a new generation, and an answer
 * fetched for an older generation is dropped (the caller then waits for the newer list), so the newer
 * answer wins, nothing is listed twice and no refresh is lost.
 */
export abstract class PagedListNode<T extends ListedItem> implements RefreshableNode {
  abstract readonly id: string;
  abstract readonly parent: TreeNode | undefined;
  private nodes: TreeNode[] = [];
  private nodeIds = new Set<string>();
  private continuation: string | undefined;
  private loaded = false;
  private error: unknown;
  private generation = 0;
  /** The first page's request of the current generation, shared by every getChildren meanwhile. */
  private firstPage: Promise<void> | undefined;
  /** The "Load more" request of the current generation. */
  private nextPage: Promise<void> | undefined;
  private readonly loadMoreNode = new LoadMoreNode(this, this.itemsLabel());

  constructor(protected readonly ctx: TreeContext) {}

  abstract getTreeItem(): vscode.TreeItem;
  /** Plural noun for messages: "image definitions". */
  protected abstract itemsLabel(): string;
  protected abstract fetchPage(signal: AbortSignal, continuationToken: string | undefined): Promise<Page<T>>;
  /** The node of one listed item, or undefined when the item can't be addressed (see {@link skip}). */
  protected abstract createChild(item: T): TreeNode | undefined;
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

  /** Leaves an item out of the list, with one log line saying why (never a failed list). */
  protected skip(item: T, reason: string): undefined {
    noteSkipped(this.ctx.log, this.id, this.itemsLabel(), reason, item);
    return undefined;
  }

  reset(): void {
    this.generation++;
    this.nodes = [];
    this.nodeIds = new Set();
    this.continuation = undefined;
    this.loaded = false;
    this.error = undefined;
    this.firstPage = undefined;
    this.nextPage = undefined;
    this.loadMoreNode.loading = false;
  }

  private addPage(page: Page<T>): void {
    const fresh: TreeNode[] = [];
    for (const item of page.items) {
      const node = this.createChild(item);
      if (!node) {
        continue;
      }
      // Two items with one identity (a name listed twice, in any casing) would break the tree: show the first.
      if (this.nodeIds.has(node.id)) {
        this.skip(item, 'it is listed more than once.');
        continue;
      }
      this.nodeIds.add(node.id);
      fresh.push(node);
    }
    this.nodes = this.merge(this.nodes, fresh);
    this.continuation = page.continuationToken;
    this.loaded = true;
  }

  private loadFirstPage(signal: AbortSignal): Promise<void> {
    if (this.firstPage) {
      return this.firstPage;
    }
    const generation = this.generation;
    const request = (async () => {
      try {
        const page = await this.fetchPage(signal, undefined);
        if (generation === this.generation) {
          this.addPage(page);
        }
      } catch (err) {
        if (generation !== this.generation) {
          return;
        }
        if (describeArmError(err).cancelled) {
          this.firstPage = undefined;
          throw err;
        }
        this.error = err;
        this.ctx.log.error(`Couldn't list ${this.itemsLabel()} of ${this.id}: ${describeArmError(err).message}`);
      }
    })();
    this.firstPage = request;
    return request;
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
    while (!this.loaded && this.error === undefined) {
      try {
        await this.loadFirstPage(signal);
      } catch (err) {
        if (describeArmError(err).cancelled) {
          return [];
        }
        throw err;
      }
      // A refresh while the page was in flight started a newer list: loop to answer with that one.
    }
    if (this.error !== undefined) {
      return [new ErrorNode(this, l10n.t('Couldn\'t list {0}', this.itemsLabel()), this.error)];
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

  /**
   * Fetches the next page; errors are shown once and leave the list as it was. A second click while the
   * page is in flight waits for the same request; a refresh meanwhile drops its answer.
   */
  loadMore(signal: AbortSignal): Promise<void> {
    if (this.nextPage) {
      return this.nextPage;
    }
    const continuation = this.continuation;
    if (continuation === undefined) {
      return Promise.resolve();
    }
    const generation = this.generation;
    this.loadMoreNode.loading = true;
    this.ctx.refresh(this.loadMoreNode);
    const request = (async () => {
      try {
        const page = await this.fetchPage(signal, continuation);
        if (generation === this.generation) {
          this.addPage(page);
        }
      } catch (err) {
        if (generation === this.generation) {
          throw err;
        }
        // The list was refreshed meanwhile: this page belongs to a list no longer shown.
        this.ctx.log.info(`Dropped the answer to "Load more" for ${this.id} (the list was refreshed meanwhile): ${describeArmError(err).message}`);
      } finally {
        if (generation === this.generation) {
          this.loadMoreNode.loading = false;
          this.nextPage = undefined;
        }
        this.ctx.refresh(this);
      }
    })();
    this.nextPage = request;
    return request;
  }

  protected static message(parent: TreeNode, label: string, command?: vscode.Command): TreeNode {
    return new MessageNode(parent, 'empty', label, 'info', command);
  }
}
