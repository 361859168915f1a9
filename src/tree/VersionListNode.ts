import type { LatestCandidate } from '../domain/latest';
import { PagedListNode } from './PagedListNode';
import type { TreeNode } from './TreeNode';
import { compareVersionKeys, mergeDescending, resolveLatest, versionKey } from './versionOrdering';
import type { VersionKey } from './versionOrdering';

/**
 * A version row of any kind (own image and VM application versions, {@link VersionNode}; shared and community image
 * versions, `SharedVersionNode`): its numeric order, and whether it is `latest`, which the list decides.
 */
export interface VersionRow extends TreeNode {
  readonly sortKey: VersionKey;
  isLatest: boolean;
  /** What `latest` is resolved from (src/domain/latest.ts). */
  readonly current: LatestCandidate;
}

export function isVersionRow(node: TreeNode): node is VersionRow {
  const row = node as Partial<VersionRow>;
  return Array.isArray(row.sortKey) && typeof row.isLatest === 'boolean';
}

/** What a listed version carries (its name; the rest is the row's business). */
interface ListedVersion {
  readonly id?: string;
  readonly name?: string;
}

/**
 * A list of versions (an image definition's, a VM application's, a shared or community image's): newest first in
 * numeric order, merged in page by page, and `latest` marked once every page is known. The same code for every kind.
 */
export abstract class VersionListNode<T extends ListedVersion> extends PagedListNode<T> {
  private parentEndOfLife: Date | undefined;

  /**
   * The definition's (or application's) end of life, which every version row falls back to: one Date for the whole
   * list, not one per version (10,000-version lists).
   */
  protected sharedEndOfLife(value: Date | string | undefined): Date | undefined {
    if (value === undefined) {
      return undefined;
    }
    this.parentEndOfLife ??= new Date(value);
    return this.parentEndOfLife;
  }

  protected override merge(shown: readonly TreeNode[], page: readonly TreeNode[]): TreeNode[] {
    const key = (n: TreeNode): VersionKey => (isVersionRow(n) ? n.sortKey : versionKey(''));
    const sortedPage = [...page].sort((a, b) => compareVersionKeys(key(b), key(a)));
    const first = sortedPage[0];
    const last = sortedPage[sortedPage.length - 1];
    // Lists usually arrive in version order: then the page simply goes before or after what is shown.
    if (first === undefined || last === undefined) {
      return [...shown];
    }
    if (shown.length === 0 || compareVersionKeys(key(last), key(shown[0])) >= 0) {
      return sortedPage.concat(shown);
    }
    if (compareVersionKeys(key(shown[shown.length - 1]), key(first)) >= 0) {
      return shown.concat(sortedPage);
    }
    return mergeDescending(shown, sortedPage, key);
  }

  override async getChildren(signal: AbortSignal): Promise<TreeNode[]> {
    const children = await super.getChildren(signal);
    // `latest` can only be named once every page is known; until then no version is marked.
    if (this.complete) {
      const versions = children.filter(isVersionRow);
      const latest = resolveLatest(versions.map((n) => n.current));
      for (const node of versions) {
        node.isLatest = latest !== undefined && node.current.name === latest.name;
      }
    }
    return children;
  }
}
