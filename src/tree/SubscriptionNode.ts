import * as vscode from 'vscode';
import type { Gallery, Page, SubscriptionInfo } from '../azure/services';
import { galleryId, parseComputeResourceId } from '../azure/armId';
import { GalleryNode } from './GalleryNode';
import { noteUnexpectedId, quoted, usableName } from './listedChild';
import { ManagedImagesNode } from './ManagedImagesNode';
import { PagedListNode } from './PagedListNode';
import { SharedWithMeNode } from './SharedWithMeNode';
import { subscriptionNodeId } from './nodeIds';
import type { ResourceContext } from './resourceContext';
import { accessibleLabel, markdownFacts } from './resourceItem';
import type { TreeNode } from './TreeNode';
import type { TreeContext } from './TreeContext';

/** A subscription: its galleries (paged), then its managed images folder, then "Shared with me". */
export class SubscriptionNode extends PagedListNode<Gallery> {
  private readonly managedImages: ManagedImagesNode;
  readonly sharedWithMe: SharedWithMeNode;
  private galleryLocations: string[] | undefined;

  constructor(
    ctx: TreeContext,
    readonly parent: TreeNode,
    readonly subscription: SubscriptionInfo,
  ) {
    super(ctx);
    this.managedImages = new ManagedImagesNode(ctx, this);
    this.sharedWithMe = new SharedWithMeNode(ctx, this);
  }

  get id(): string {
    return subscriptionNodeId(this.subscription.subscriptionId);
  }

  get subscriptionId(): string {
    return this.subscription.subscriptionId;
  }

  get tenantId(): string {
    return this.subscription.tenantId;
  }

  resourceContext(): ResourceContext {
    return { subscriptionId: this.subscriptionId, tenantId: this.tenantId };
  }

  protected itemsLabel(): string {
    return 'galleries';
  }

  /** Regions of the galleries listed so far (Shared with me looks there); undefined until the first page came. */
  get listedGalleryLocations(): readonly string[] | undefined {
    return this.galleryLocations;
  }

  protected async fetchPage(signal: AbortSignal, continuationToken: string | undefined): Promise<Page<Gallery>> {
    const services = await this.ctx.account.services();
    const page = await services
      .galleryService(this.subscriptionId, this.tenantId)
      .listGalleries({ signal, ...(continuationToken ? { continuationToken } : {}) });
    const locations = page.items.map((g) => g.location).filter((l): l is string => typeof l === 'string' && l !== '');
    this.galleryLocations = continuationToken === undefined ? locations : [...(this.galleryLocations ?? []), ...locations];
    return page;
  }

  protected createChild(item: Gallery): TreeNode | undefined {
    const name = usableName(item.name);
    if (name === undefined) {
      return this.skip(item, 'it has no usable name.');
    }
    // Only the gallery's own id knows its resource group; without it the gallery can't be opened or acted on.
    const own = item.id === undefined ? undefined : parseComputeResourceId(item.id);
    if (own?.kind !== 'gallery') {
      return this.skip(item, "its id doesn't give its resource group, so it can't be opened.");
    }
    const armId = galleryId(this.subscriptionId, own.resourceGroup, name);
    noteUnexpectedId(this.ctx.log, `Gallery ${quoted(name)}`, item.id, armId.id);
    return new GalleryNode(this.ctx, this, item, this.tenantId, armId);
  }

  protected emptyNode(): TreeNode {
    return PagedListNode.message(this, vscode.l10n.t('No galleries — create one'), { command: 'azureComputeGallery.createGallery', title: vscode.l10n.t('Create Gallery…'), arguments: [this] });
  }

  override reset(): void {
    super.reset();
    this.galleryLocations = undefined;
    this.managedImages.reset();
    this.sharedWithMe.reset();
  }

  override async getChildren(signal: AbortSignal): Promise<TreeNode[]> {
    return [...(await super.getChildren(signal)), this.managedImages, this.sharedWithMe];
  }

  getTreeItem(): vscode.TreeItem {
    const s = this.subscription;
    const item = new vscode.TreeItem(s.displayName, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.contextValue = 'subscription';
    item.iconPath = new vscode.ThemeIcon('key');
    item.description = s.state && s.state !== 'Enabled' ? s.state : undefined;
    item.accessibilityInformation = { label: accessibleLabel('subscription', s.displayName, item.description) };
    item.tooltip = markdownFacts(vscode.l10n.t('Subscription {0}', s.displayName), [
      [vscode.l10n.t('Subscription ID'), s.subscriptionId],
      [vscode.l10n.t('Tenant ID'), s.tenantId],
      [vscode.l10n.t('State'), s.state],
    ]);
    return item;
  }
}
