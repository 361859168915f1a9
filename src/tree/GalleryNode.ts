import * as vscode from 'vscode';
import type { Gallery, GalleryImage, Page } from '../azure/services';
import { describeArmError } from '../azure/armError';
import { imageDefinitionId, parseIdOfKind } from '../azure/armId';
import type { GalleryId } from '../azure/armId';
import { isSoftDeleteEnabled, SOFT_DELETE_RETENTION_DAYS } from '../domain/deletionSafety';
import { sharingStateLabel, sharingStateOf, type SharingState } from '../domain/sharing';
import { ApplicationsNode } from './ApplicationNodes';
import { ImageDefinitionNode } from './ImageDefinitionNode';
import { noteUnexpectedId, quoted, usableName } from './listedChild';
import { resourceNodeId } from './nodeIds';
import { PagedListNode } from './PagedListNode';
import type { ResourceContext } from './resourceContext';
import { accessibleLabel, markdownFacts, resourceTreeItem } from './resourceItem';
import type { TreeNode } from './TreeNode';
import type { TreeContext } from './TreeContext';

export class GalleryNode extends PagedListNode<GalleryImage> {
  readonly armId: GalleryId;
  /** The lower-cased ARM id: TreeItem.id, so expansion survives refresh. */
  readonly id: string;

  constructor(
    ctx: TreeContext,
    readonly parent: TreeNode,
    readonly gallery: Gallery,
    readonly tenantId: string,
    /** Built by the parent from its subscription, the gallery's resource group and its name. */
    armId?: GalleryId,
  ) {
    super(ctx);
    this.armId = armId ?? parseIdOfKind(gallery.id ?? '', 'gallery');
    this.id = resourceNodeId(this.armId.id);
    this.applications = new ApplicationsNode(ctx, this, this.armId, tenantId, gallery.location);
  }

  /**
   * The gallery read with `$expand=SharingProfile/Groups`, for a gallery shared with subscriptions or tenants. The
   * list galleries come from has `sharingProfile.permissions` (and a community gallery's public names) but not the
   * groups, so only galleries whose permissions say Groups cost one more GET, once per listing, made when their row is
   * first drawn; until it answers the row says "Shared with subscriptions or tenants". Private and community rows need
   * nothing more.
   */
  private withGroups: Gallery | undefined;
  private groupsRead: 'no' | 'reading' | 'done' | 'failed' = 'no';
  private groupsProblem: string | undefined;

  private readGroups(): void {
    if (this.groupsRead !== 'no') {
      return;
    }
    this.groupsRead = 'reading';
    void (async () => {
      try {
        const services = await this.ctx.account.services();
        this.withGroups = await services.galleryService(this.armId.subscriptionId, this.tenantId).getGalleryWithSharing(this.armId);
        this.groupsRead = 'done';
      } catch (err) {
        this.groupsRead = 'failed';
        // ARM's words, with tokens and SAS signatures taken out like every other error shown.
        this.groupsProblem = describeArmError(err).message;
        this.ctx.log.warn(`Couldn't read who gallery ${this.armId.id} is shared with: ${this.groupsProblem}`);
      }
      this.ctx.refresh(this);
    })();
  }

  /** The sharing state at a glance, and the row's text for it. */
  sharingState(): SharingState {
    return sharingStateOf(this.withGroups?.sharingProfile ?? this.gallery.sharingProfile);
  }

  /** "VM applications", after the image definitions: the gallery's other kind of artifact, told apart at a glance. */
  readonly applications: ApplicationsNode;

  /** Listing the gallery again lists its VM applications again too. */
  override reset(): void {
    super.reset();
    this.applications.reset();
  }

  override async getChildren(signal: AbortSignal): Promise<TreeNode[]> {
    return [...(await super.getChildren(signal)), this.applications];
  }

  resourceContext(): ResourceContext {
    const { armId } = this;
    return { subscriptionId: armId.subscriptionId, tenantId: this.tenantId, resource: armId, galleryId: armId.id, location: this.gallery.location };
  }

  protected itemsLabel(): string {
    return vscode.l10n.t('image definitions');
  }

  protected async fetchPage(signal: AbortSignal, continuationToken: string | undefined): Promise<Page<GalleryImage>> {
    const services = await this.ctx.account.services();
    return services
      .galleryService(this.armId.subscriptionId, this.tenantId)
      .listImageDefinitions(this.armId, { signal, ...(continuationToken ? { continuationToken } : {}) });
  }

  protected createChild(item: GalleryImage): TreeNode | undefined {
    const name = usableName(item.name);
    if (name === undefined) {
      return this.skip(item, 'it has no usable name.');
    }
    const armId = imageDefinitionId(this.armId, name);
    noteUnexpectedId(this.ctx.log, `Image definition ${quoted(name)}`, item.id, armId.id);
    return new ImageDefinitionNode(this.ctx, this, item, this.tenantId, armId, isSoftDeleteEnabled(this.gallery));
  }

  protected emptyNode(): TreeNode {
    return PagedListNode.message(this, vscode.l10n.t('No image definitions — create one'), { command: 'azureComputeGallery.createImageDefinition', title: vscode.l10n.t('Create Image Definition…'), arguments: [this] });
  }

  getTreeItem(): vscode.TreeItem {
    const g = this.gallery;
    const item = resourceTreeItem(this.ctx, this.armId.id, this.armId.gallery, vscode.TreeItemCollapsibleState.Collapsed, 'gallery');
    const facts = [g.location, this.armId.resourceGroup].filter(Boolean).join(' · ');
    const sharing = this.sharingState();
    const groupsUnknown = sharing.kind === 'groups' && this.withGroups === undefined;
    if (groupsUnknown) {
      this.readGroups();
    }
    const sharingText = groupsUnknown
      ? this.groupsRead === 'failed'
        ? vscode.l10n.t('Shared (couldn\'t read with whom)')
        : vscode.l10n.t('Shared with subscriptions or tenants')
      : sharingStateLabel(sharing);
    item.description ??= `${facts} · ${sharingText}`;
    // For menus: Stop Sharing / Remove from Sharing only where they do something.
    item.contextValue = `${item.contextValue ?? 'gallery'};sharing-${sharing.kind}`;
    item.iconPath ??= new vscode.ThemeIcon('library');
    item.accessibilityInformation = { label: accessibleLabel('gallery', this.armId.gallery, item.description, facts) };
    item.tooltip = markdownFacts(vscode.l10n.t('Gallery {0}', this.armId.gallery), [
      [vscode.l10n.t('Location'), g.location],
      [vscode.l10n.t('Resource group'), this.armId.resourceGroup],
      [vscode.l10n.t('Description'), g.description],
      [vscode.l10n.t('Unique name'), g.identifier?.uniqueName],
      [vscode.l10n.t('Provisioning state'), g.provisioningState],
      [vscode.l10n.t('Sharing'), sharingText],
      ...(sharing.kind === 'groups'
        ? ([
            [vscode.l10n.t('Shared with subscriptions'), sharing.subscriptions.join(', ')],
            [vscode.l10n.t('Shared with tenants'), sharing.tenants.join(', ')],
          ] as Array<[string, string]>)
        : []),
      ...(sharing.kind === 'community' ? ([[vscode.l10n.t('Public name'), sharing.publicNames.join(', ')]] as Array<[string, string]>) : []),
      [vscode.l10n.t('Sharing not read'), this.groupsRead === 'failed' ? this.groupsProblem : undefined],
      [
        vscode.l10n.t('Soft delete'),
        isSoftDeleteEnabled(g)
          ? vscode.l10n.t('on (retention: {0} days) — deleted versions can be restored from "Recently deleted"', SOFT_DELETE_RETENTION_DAYS)
          : vscode.l10n.t('off — deleting a version is permanent'),
      ],
    ]);
    return item;
  }
}
