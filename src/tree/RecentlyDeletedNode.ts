import * as vscode from 'vscode';
import type { GallerySoftDeletedResource, Page } from '../azure/services';
import { imageVersionId } from '../azure/armId';
import type { ImageDefinitionId, ImageVersionId } from '../azure/armId';
import { purgeTime } from '../domain/deletionSafety';
import { noteUnexpectedId, quoted, usableName } from './listedChild';
import { MessageNode } from './MessageNodes';
import { resourceNodeId } from './nodeIds';
import { PagedListNode } from './PagedListNode';
import { formatUtcMinute, timeAgo } from './relativeTime';
import { accessibleLabel } from './resourceItem';
import type { TreeNode } from './TreeNode';
import type { TreeContext } from './TreeContext';

/** The context value of a soft-deleted version's row (package.json: Restore). */
export const SOFT_DELETED_VERSION_CONTEXT = 'softDeletedImageVersion';

/**
 * "Recently deleted" under an image definition of a gallery with soft delete: the definition's soft-deleted
 * versions (`softDeletedResource.listByArtifactName`), a page at a time like every list, newest deletion first
 * within a page. Shown after the versions; its rows offer Restore.
 */
export class RecentlyDeletedNode extends PagedListNode<GallerySoftDeletedResource> {
  readonly id: string;

  constructor(
    ctx: TreeContext,
    readonly parent: TreeNode,
    readonly definitionId: ImageDefinitionId,
    readonly tenantId: string,
  ) {
    super(ctx);
    this.id = `${resourceNodeId(definitionId.id)}#recentlydeleted`;
  }

  protected itemsLabel(): string {
    return vscode.l10n.t('recently deleted versions');
  }

  protected async fetchPage(signal: AbortSignal, continuationToken: string | undefined): Promise<Page<GallerySoftDeletedResource>> {
    const services = await this.ctx.account.services();
    return services
      .galleryService(this.definitionId.subscriptionId, this.tenantId)
      .listSoftDeletedVersions(this.definitionId, { signal, ...(continuationToken ? { continuationToken } : {}) });
  }

  protected createChild(item: GallerySoftDeletedResource): TreeNode | undefined {
    const name = usableName(item.name);
    if (name === undefined) {
      return this.skip(item, 'it has no usable name.');
    }
    const versionId = imageVersionId(this.definitionId, name);
    noteUnexpectedId(this.ctx.log, `Soft-deleted image version ${quoted(name)}`, item.resourceArmId, versionId.id);
    return new SoftDeletedVersionNode(this.ctx, this, item, versionId, this.tenantId);
  }

  protected emptyNode(): TreeNode {
    return new MessageNode(this, 'empty', vscode.l10n.t('No recently deleted versions'), 'info');
  }

  protected override merge(shown: readonly TreeNode[], page: readonly TreeNode[]): TreeNode[] {
    const time = (n: TreeNode): number => (n instanceof SoftDeletedVersionNode ? n.deletedAt ?? 0 : 0);
    return [...shown, ...[...page].sort((a, b) => time(b) - time(a))];
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(vscode.l10n.t('Recently deleted'), vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.contextValue = 'recentlyDeleted';
    item.iconPath = new vscode.ThemeIcon('trash');
    item.tooltip = vscode.l10n.t('Versions of {0} deleted in the last 7 days, which can be restored (soft delete is on in this gallery).', this.definitionId.imageDefinition);
    item.accessibilityInformation = { label: vscode.l10n.t('Recently deleted versions of {0}', this.definitionId.imageDefinition) };
    return item;
  }
}

/** The row id of a soft-deleted version: not the version's own row id, since a new version of the same name may be listed above at the same time. */
export function softDeletedVersionNodeId(versionId: ImageVersionId): string {
  return `${resourceNodeId(versionId.id)}#softdeleted`;
}

/** A soft-deleted image version: its name, when it was deleted, when it will be purged; Restore brings it back. */
export class SoftDeletedVersionNode implements TreeNode {
  readonly id: string;
  /** When it was deleted (ms), or undefined when Azure's time is missing or unreadable. */
  readonly deletedAt: number | undefined;

  constructor(
    private readonly ctx: TreeContext,
    readonly parent: RecentlyDeletedNode,
    readonly resource: GallerySoftDeletedResource,
    /** The version's own id (where Restore sends its PATCH). */
    readonly versionId: ImageVersionId,
    readonly tenantId: string,
  ) {
    this.id = softDeletedVersionNodeId(versionId);
    const time = resource.softDeletedTime === undefined ? NaN : new Date(resource.softDeletedTime).getTime();
    this.deletedAt = Number.isNaN(time) ? undefined : time;
  }

  getTreeItem(): vscode.TreeItem {
    const now = Date.now();
    const name = this.versionId.version;
    const item = new vscode.TreeItem(name, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.contextValue = SOFT_DELETED_VERSION_CONTEXT;
    const ago = timeAgo(this.resource.softDeletedTime, now);
    const pending = this.ctx.pending.get(this.id);
    if (pending) {
      item.description = pending;
      item.iconPath = new vscode.ThemeIcon('loading~spin');
      item.contextValue = `${SOFT_DELETED_VERSION_CONTEXT};pending`;
    } else {
      item.description = ago ? vscode.l10n.t('deleted {0}', ago) : vscode.l10n.t('deleted (time unknown)');
      item.iconPath = new vscode.ThemeIcon('history');
    }
    const deleted = formatUtcMinute(this.resource.softDeletedTime);
    const purge = purgeTime(this.resource.softDeletedTime);
    const md = new vscode.MarkdownString();
    md.appendMarkdown('**');
    md.appendText(vscode.l10n.t('Deleted image version {0}', name));
    md.appendMarkdown('**\n\n');
    md.appendText(vscode.l10n.t('Deleted: {0}', deleted ? `${deleted}${ago ? ` (${ago})` : ''}` : vscode.l10n.t('unknown')));
    md.appendMarkdown('  \n');
    if (purge) {
      md.appendText(
        purge.getTime() > now
          ? vscode.l10n.t('Purged for good: {0} (restore it before then)', formatUtcMinute(purge) ?? '')
          : vscode.l10n.t('Purge due: {0} (Azure may already have purged it)', formatUtcMinute(purge) ?? ''),
      );
      md.appendMarkdown('  \n');
    }
    md.appendMarkdown('\n');
    md.appendText(vscode.l10n.t('Restore (in its context menu) brings it back under {0}.', this.versionId.imageDefinition));
    item.tooltip = md;
    item.accessibilityInformation = { label: accessibleLabel(vscode.l10n.t('deleted image version'), name, item.description) };
    return item;
  }
}
