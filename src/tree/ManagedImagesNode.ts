import * as vscode from 'vscode';
import type { Image, Page } from '../azure/services';
import { managedImageId, parseComputeResourceId } from '../azure/armId';
import { noteUnexpectedId, quoted, usableName } from './listedChild';
import { ManagedImageNode } from './ManagedImageNode';
import { managedImagesNodeId } from './nodeIds';
import { PagedListNode } from './PagedListNode';
import type { ResourceContext } from './resourceContext';
import type { TreeNode } from './TreeNode';
import type { TreeContext } from './TreeContext';

/** The "Managed images" folder of a subscription (Microsoft.Compute/images). */
export class ManagedImagesNode extends PagedListNode<Image> {
  constructor(
    ctx: TreeContext,
    readonly parent: TreeNode & { readonly subscriptionId: string; readonly tenantId: string },
  ) {
    super(ctx);
  }

  get id(): string {
    return managedImagesNodeId(this.parent.subscriptionId);
  }

  resourceContext(): ResourceContext {
    return { subscriptionId: this.parent.subscriptionId, tenantId: this.parent.tenantId };
  }

  protected itemsLabel(): string {
    return vscode.l10n.t('managed images');
  }

  protected async fetchPage(signal: AbortSignal, continuationToken: string | undefined): Promise<Page<Image>> {
    const services = await this.ctx.account.services();
    return services
      .galleryService(this.parent.subscriptionId, this.parent.tenantId)
      .listManagedImages({ signal, ...(continuationToken ? { continuationToken } : {}) });
  }

  protected createChild(item: Image): TreeNode | undefined {
    const name = usableName(item.name);
    if (name === undefined) {
      return this.skip(item, 'it has no usable name.');
    }
    // Only the image's own id knows its resource group; without it the image can't be acted on.
    const own = item.id === undefined ? undefined : parseComputeResourceId(item.id);
    if (own?.kind !== 'managedImage') {
      return this.skip(item, "its id doesn't give its resource group, so it can't be opened.");
    }
    const armId = managedImageId(this.parent.subscriptionId, own.resourceGroup, name);
    noteUnexpectedId(this.ctx.log, `Managed image ${quoted(name)}`, item.id, armId.id);
    return new ManagedImageNode(this.ctx, this, item, armId);
  }

  protected emptyNode(): TreeNode {
    return PagedListNode.message(this, vscode.l10n.t('No managed images — create one'), { command: 'azureComputeGallery.createManagedImage', title: vscode.l10n.t('Create Managed Image…'), arguments: [this] });
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(vscode.l10n.t('Managed images'), vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.contextValue = 'managedImages';
    item.iconPath = new vscode.ThemeIcon('folder-library');
    item.accessibilityInformation = { label: vscode.l10n.t('Managed images') };
    return item;
  }
}
