import * as vscode from 'vscode';
import type { GalleryImage, GalleryImageVersion, Page } from '../azure/services';
import { parseIdOfKind } from '../azure/armId';
import type { ImageDefinitionId } from '../azure/armId';
import { ImageVersionNode } from './ImageVersionNode';
import { PagedListNode } from './PagedListNode';
import { compareVersionNames, endOfLifeStatus, mergeDescending, resolveLatest } from './versionOrdering';
import { formatDate, markdownFacts, resourceTreeItem } from './resourceItem';
import type { TreeNode } from './TreeNode';
import type { TreeContext } from './TreeContext';

/** "Linux · Generalized · Gen2 · Arm64 · TrustedLaunch" */
export function describeDefinition(d: GalleryImage): string {
  const security = d.features?.find((f) => f.name?.toLowerCase() === 'securitytype')?.value;
  const generation = d.hyperVGeneration ? `Gen${d.hyperVGeneration.replace(/^V/i, '')}` : undefined;
  return [d.osType, d.osState, generation, d.architecture, security].filter((s): s is string => !!s).join(' · ');
}

export class ImageDefinitionNode extends PagedListNode<GalleryImageVersion> {
  readonly armId: ImageDefinitionId;

  constructor(
    ctx: TreeContext,
    readonly parent: TreeNode,
    readonly definition: GalleryImage,
    private readonly tenantId: string,
  ) {
    super(ctx);
    this.armId = parseIdOfKind(definition.id ?? '', 'imageDefinition');
  }

  get id(): string {
    return this.armId.id.toLowerCase();
  }

  protected itemsLabel(): string {
    return 'image versions';
  }

  protected async fetchPage(signal: AbortSignal, continuationToken: string | undefined): Promise<Page<GalleryImageVersion>> {
    const services = await this.ctx.account.services();
    return services
      .galleryService(this.armId.subscriptionId, this.tenantId)
      .listImageVersions(this.armId, { signal, ...(continuationToken ? { continuationToken } : {}) });
  }

  protected createChild(item: GalleryImageVersion): TreeNode {
    const eol = this.definition.endOfLifeDate;
    return new ImageVersionNode(this.ctx, this, item, eol === undefined ? undefined : new Date(eol), this.tenantId);
  }

  protected emptyNode(): TreeNode {
    return PagedListNode.message(this, 'No image versions — create one');
  }

  protected override merge(shown: readonly TreeNode[], page: readonly TreeNode[]): TreeNode[] {
    const name = (n: TreeNode): string => (n instanceof ImageVersionNode ? n.armId.version : '');
    const sortedPage = [...page].sort((a, b) => compareVersionNames(name(b), name(a)));
    return mergeDescending(shown, sortedPage, name);
  }

  override async getChildren(signal: AbortSignal): Promise<TreeNode[]> {
    const children = await super.getChildren(signal);
    const versions = children.filter((n): n is ImageVersionNode => n instanceof ImageVersionNode);
    // `latest` can only be named once every page is known.
    const latest = this.complete ? resolveLatest(versions.map((n) => n.current)) : undefined;
    for (const node of versions) {
      node.isLatest = latest !== undefined && node.current.name === latest.name;
    }
    return children;
  }

  getTreeItem(): vscode.TreeItem {
    const d = this.definition;
    const item = resourceTreeItem(this.ctx, this.armId.id, this.armId.imageDefinition, vscode.TreeItemCollapsibleState.Collapsed, 'imageDefinition');
    const eol = endOfLifeStatus(d.endOfLifeDate);
    item.description ??= [describeDefinition(d), eol?.kind === 'passed' ? 'end of life passed' : eol?.kind === 'soon' ? `end of life in ${eol.days} days` : undefined]
      .filter(Boolean)
      .join(' · ');
    item.iconPath ??= eol ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')) : new vscode.ThemeIcon(d.osType === 'Windows' ? 'window' : 'terminal-linux');
    item.tooltip = markdownFacts(`Image definition ${this.armId.imageDefinition}`, [
      ['Publisher / offer / SKU', d.identifier ? `${d.identifier.publisher} / ${d.identifier.offer} / ${d.identifier.sku}` : undefined],
      ['OS', describeDefinition(d)],
      ['End of life', formatDate(d.endOfLifeDate)],
      ['Description', d.description],
      ['Provisioning state', d.provisioningState],
      ['Location', d.location],
    ]);
    return item;
  }
}
