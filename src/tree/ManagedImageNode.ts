import * as vscode from 'vscode';
import type { Image } from '../azure/services';
import { parseIdOfKind } from '../azure/armId';
import type { ManagedImageId } from '../azure/armId';
import { resourceNodeId } from './nodeIds';
import { resourceContext } from './resourceContext';
import type { ResourceContext } from './resourceContext';
import { accessibleLabel, markdownFacts, resourceTreeItem } from './resourceItem';
import type { TreeNode } from './TreeNode';
import type { TreeContext } from './TreeContext';

/** Where a managed image came from: "from VM vm1", "from blob", "from snapshot snap1", "from disk d1". */
export function describeImageSource(image: Image): string | undefined {
  const lastSegment = (id: string | undefined): string | undefined => id?.split('/').filter(Boolean).pop();
  if (image.sourceVirtualMachine?.id) {
    return vscode.l10n.t('from VM {0}', lastSegment(image.sourceVirtualMachine.id) ?? '');
  }
  const os = image.storageProfile?.osDisk;
  if (os?.snapshot?.id) {
    return vscode.l10n.t('from snapshot {0}', lastSegment(os.snapshot.id) ?? '');
  }
  if (os?.managedDisk?.id) {
    return vscode.l10n.t('from disk {0}', lastSegment(os.managedDisk.id) ?? '');
  }
  if (os?.blobUri) {
    return vscode.l10n.t('from VHD blob');
  }
  return undefined;
}

export class ManagedImageNode implements TreeNode {
  readonly armId: ManagedImageId;
  /** The lower-cased ARM id: TreeItem.id, so expansion survives refresh. */
  readonly id: string;

  constructor(
    private readonly ctx: TreeContext,
    readonly parent: TreeNode,
    readonly image: Image,
    /** Built by the parent from its subscription, the image's resource group and its name. */
    armId?: ManagedImageId,
  ) {
    this.armId = armId ?? parseIdOfKind(image.id ?? '', 'managedImage');
    this.id = resourceNodeId(this.armId.id);
  }

  /** The tenant is its subscription's, as the "Managed images" folder above it says. */
  resourceContext(): ResourceContext {
    return { subscriptionId: this.armId.subscriptionId, tenantId: resourceContext(this.parent)?.tenantId, resource: this.armId };
  }

  getTreeItem(): vscode.TreeItem {
    const image = this.image;
    const os = image.storageProfile?.osDisk;
    const item = resourceTreeItem(this.ctx, this.armId.id, this.armId.image, vscode.TreeItemCollapsibleState.None, 'managedImage');
    const zoneResilient = image.storageProfile?.zoneResilient ? vscode.l10n.t('zone resilient') : undefined;
    const facts = [os?.osType, os?.osState, describeImageSource(image), zoneResilient].filter(Boolean).join(' · ');
    item.description ??= facts;
    item.iconPath ??= new vscode.ThemeIcon('file-media');
    item.accessibilityInformation = { label: accessibleLabel(vscode.l10n.t('managed image'), this.armId.image, item.description, facts) };
    item.tooltip = markdownFacts(vscode.l10n.t('Managed image {0}', this.armId.image), [
      ['OS', [os?.osType, os?.osState].filter(Boolean).join(' · ')],
      [vscode.l10n.t('Source'), describeImageSource(image)],
      [vscode.l10n.t('Hyper-V generation'), image.hyperVGeneration],
      [vscode.l10n.t('Zone resilient'), image.storageProfile?.zoneResilient === undefined ? undefined : image.storageProfile.zoneResilient ? 'yes' : 'no'],
      [vscode.l10n.t('Location'), image.location],
      [vscode.l10n.t('Resource group'), this.armId.resourceGroup],
      [vscode.l10n.t('Provisioning state'), image.provisioningState],
    ]);
    return item;
  }
}
