import * as vscode from 'vscode';
import type { GalleryImage, GalleryImageVersion, Page } from '../azure/services';
import { galleryId, imageVersionId, parseIdOfKind } from '../azure/armId';
import type { ImageDefinitionId } from '../azure/armId';
import { ImageVersionNode } from './ImageVersionNode';
import { noteUnexpectedId, quoted, usableName } from './listedChild';
import { resourceNodeId } from './nodeIds';
import { PagedListNode } from './PagedListNode';
import { RecentlyDeletedNode } from './RecentlyDeletedNode';
import type { ResourceContext } from './resourceContext';
import { endOfLifeStatus } from './versionOrdering';
import { VersionListNode } from './VersionListNode';
import { accessibleLabel, formatDate, markdownFacts, resourceTreeItem } from './resourceItem';
import type { TreeNode } from './TreeNode';
import type { TreeContext } from './TreeContext';

/** What {@link describeDefinition} reads: an own image definition, or a shared or community image. */
export type DefinitionFacts = Pick<GalleryImage, 'osType' | 'osState' | 'hyperVGeneration' | 'architecture' | 'features'>;

/** "Linux · Generalized · Gen2 · Arm64 · TrustedLaunch" */
export function describeDefinition(d: DefinitionFacts): string {
  const security = d.features?.find((f) => f.name?.toLowerCase() === 'securitytype')?.value;
  const generation = d.hyperVGeneration ? `Gen${d.hyperVGeneration.replace(/^V/i, '')}` : undefined;
  return [d.osType, d.osState, generation, d.architecture, security].filter((s): s is string => !!s).join(' · ');
}

export class ImageDefinitionNode extends VersionListNode<GalleryImageVersion> {
  readonly armId: ImageDefinitionId;
  /** The lower-cased ARM id: TreeItem.id, so expansion survives refresh. */
  readonly id: string;
  /** "Recently deleted", after the versions, when the gallery has soft delete. */
  readonly recentlyDeleted: RecentlyDeletedNode | undefined;

  constructor(
    ctx: TreeContext,
    readonly parent: TreeNode,
    readonly definition: GalleryImage,
    private readonly tenantId: string,
    /** Built by the parent gallery from its own id and the definition's name. */
    armId?: ImageDefinitionId,
    /** Whether the gallery keeps deleted versions (soft delete): then "Recently deleted" lists them. */
    readonly softDelete = false,
  ) {
    super(ctx);
    this.armId = armId ?? parseIdOfKind(definition.id ?? '', 'imageDefinition');
    this.id = resourceNodeId(this.armId.id);
    this.recentlyDeleted = softDelete ? new RecentlyDeletedNode(ctx, this, this.armId, tenantId) : undefined;
  }

  /** Listing the versions again lists the recently deleted ones again too (a delete or a restore moves one across). */
  override reset(): void {
    super.reset();
    this.recentlyDeleted?.reset();
  }

  resourceContext(): ResourceContext {
    const { armId } = this;
    return {
      subscriptionId: armId.subscriptionId,
      tenantId: this.tenantId,
      resource: armId,
      galleryId: galleryId(armId.subscriptionId, armId.resourceGroup, armId.gallery).id,
      definitionId: armId.id,
      location: this.definition.location,
    };
  }

  protected itemsLabel(): string {
    return vscode.l10n.t('image versions');
  }

  protected async fetchPage(signal: AbortSignal, continuationToken: string | undefined): Promise<Page<GalleryImageVersion>> {
    const services = await this.ctx.account.services();
    return services
      .galleryService(this.armId.subscriptionId, this.tenantId)
      .listImageVersions(this.armId, { signal, ...(continuationToken ? { continuationToken } : {}) });
  }

  protected createChild(item: GalleryImageVersion): TreeNode | undefined {
    const name = usableName(item.name);
    if (name === undefined) {
      return this.skip(item, 'it has no usable name.');
    }
    // One id built per version from the parent's: no parse per item (10,000-version lists).
    const armId = imageVersionId(this.armId, name);
    noteUnexpectedId(this.ctx.log, `Image version ${quoted(name)}`, item.id, armId.id);
    const eol = this.definition.endOfLifeDate;
    return new ImageVersionNode(this.ctx, this, item, this.sharedEndOfLife(eol), this.tenantId, armId);
  }

  protected emptyNode(): TreeNode {
    return PagedListNode.message(this, vscode.l10n.t('No image versions — create one'), { command: 'azureComputeGallery.createImageVersion', title: vscode.l10n.t('Create Image Version…'), arguments: [this] });
  }

  override async getChildren(signal: AbortSignal): Promise<TreeNode[]> {
    const children = await super.getChildren(signal);
    return this.recentlyDeleted ? [...children, this.recentlyDeleted] : children;
  }

  getTreeItem(): vscode.TreeItem {
    const d = this.definition;
    const item = resourceTreeItem(this.ctx, this.armId.id, this.armId.imageDefinition, vscode.TreeItemCollapsibleState.Collapsed, 'imageDefinition');
    const eol = endOfLifeStatus(d.endOfLifeDate);
    const facts = [describeDefinition(d), eol?.kind === 'passed' ? vscode.l10n.t('end of life passed') : eol?.kind === 'soon' ? (eol.days === 1 ? vscode.l10n.t('end of life in 1 day') : vscode.l10n.t('end of life in {0} days', eol.days)) : undefined]
      .filter(Boolean)
      .join(' · ');
    item.description ??= facts;
    // The warning icon means end of life, which the facts say in words.
    item.accessibilityInformation = { label: accessibleLabel(vscode.l10n.t('image definition'), this.armId.imageDefinition, item.description, facts) };
    item.iconPath ??= eol ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')) : new vscode.ThemeIcon(d.osType === 'Windows' ? 'window' : 'terminal-linux');
    item.tooltip = markdownFacts(vscode.l10n.t('Image definition {0}', this.armId.imageDefinition), [
      [vscode.l10n.t('Publisher / offer / SKU'), d.identifier ? `${d.identifier.publisher} / ${d.identifier.offer} / ${d.identifier.sku}` : undefined],
      ['OS', describeDefinition(d)],
      [vscode.l10n.t('End of life'), formatDate(d.endOfLifeDate)],
      [vscode.l10n.t('Description'), d.description],
      [vscode.l10n.t('Provisioning state'), d.provisioningState],
      [vscode.l10n.t('Location'), d.location],
    ]);
    return item;
  }
}
