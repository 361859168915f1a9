/**
 * VM applications in the explorer: a "VM applications" folder under each gallery (beside its image definitions),
 * an application per row, and its versions — the same version rows, ordering, `latest` and replication watch as
 * image versions ({@link VersionNode}, {@link VersionListNode}), with this kind's small descriptor.
 */
import * as vscode from 'vscode';
import type { GalleryApplication, GalleryApplicationVersion, Page } from '../azure/services';
import { applicationId, applicationVersionId, galleryId } from '../azure/armId';
import type { ApplicationId, ApplicationVersionId, GalleryId } from '../azure/armId';
import { noteUnexpectedId, quoted, usableName } from './listedChild';
import { applicationsNodeId, resourceNodeId } from './nodeIds';
import { PagedListNode } from './PagedListNode';
import type { ResourceContext } from './resourceContext';
import { accessibleLabel, formatDate, markdownFacts, resourceTreeItem } from './resourceItem';
import type { TreeNode } from './TreeNode';
import type { TreeContext } from './TreeContext';
import { VersionListNode } from './VersionListNode';
import { VersionNode } from './VersionNode';
import type { VersionKindSpec } from './VersionNode';
import { endOfLifeStatus } from './versionOrdering';
import type { EndOfLifeStatus } from './versionOrdering';

/** VM application versions: what differs from image versions (the row itself is {@link VersionNode}). */
export const APPLICATION_VERSIONS: VersionKindSpec<GalleryApplicationVersion, ApplicationVersionId> = {
  contextValue: 'applicationVersion',
  noun: () => vscode.l10n.t('VM application version'),
  title: (version) => vscode.l10n.t('VM application version {0}', version),
  read: (service, id, signal) => service.getApplicationVersion(id, { signal }),
};

/** "end of life passed", "end of life in 3 days", or undefined. */
function endOfLifeNote(eol: EndOfLifeStatus): string | undefined {
  if (eol?.kind === 'passed') {
    return vscode.l10n.t('end of life passed');
  }
  if (eol?.kind === 'soon') {
    return eol.days === 1 ? vscode.l10n.t('end of life in 1 day') : vscode.l10n.t('end of life in {0} days', eol.days);
  }
  return undefined;
}

/** A gallery's "VM applications" folder: its VM application definitions, a page at a time. */
export class ApplicationsNode extends PagedListNode<GalleryApplication> {
  readonly id: string;

  constructor(
    ctx: TreeContext,
    readonly parent: TreeNode,
    readonly galleryId: GalleryId,
    readonly tenantId: string,
    private readonly location: string | undefined,
  ) {
    super(ctx);
    this.id = applicationsNodeId(galleryId.id);
  }

  /** The gallery's context, without a resource: the folder itself is not one. */
  resourceContext(): ResourceContext {
    return {
      subscriptionId: this.galleryId.subscriptionId,
      tenantId: this.tenantId,
      galleryId: this.galleryId.id,
      ...(this.location === undefined ? {} : { location: this.location }),
    };
  }

  protected itemsLabel(): string {
    return vscode.l10n.t('VM applications');
  }

  protected async fetchPage(signal: AbortSignal, continuationToken: string | undefined): Promise<Page<GalleryApplication>> {
    const services = await this.ctx.account.services();
    return services
      .galleryService(this.galleryId.subscriptionId, this.tenantId)
      .listApplications(this.galleryId, { signal, ...(continuationToken ? { continuationToken } : {}) });
  }

  protected createChild(item: GalleryApplication): TreeNode | undefined {
    const name = usableName(item.name);
    if (name === undefined) {
      return this.skip(item, 'it has no usable name.');
    }
    const armId = applicationId(this.galleryId, name);
    noteUnexpectedId(this.ctx.log, `VM application ${quoted(name)}`, item.id, armId.id);
    return new ApplicationNode(this.ctx, this, item, this.tenantId, armId);
  }

  protected emptyNode(): TreeNode {
    return PagedListNode.message(this, vscode.l10n.t('No VM applications — create one'), { command: 'azureComputeGallery.createApplication', title: vscode.l10n.t('Create VM Application…'), arguments: [this] });
  }

  getTreeItem(): vscode.TreeItem {
    const label = vscode.l10n.t('VM applications');
    const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.contextValue = 'applications';
    item.iconPath = new vscode.ThemeIcon('package');
    item.tooltip = vscode.l10n.t('The VM applications of gallery {0}: packages installed on VMs and scale sets at deployment', this.galleryId.gallery);
    item.accessibilityInformation = { label };
    return item;
  }
}

/** One VM application definition: its supported OS and end of life; its versions in numeric order, `latest` marked. */
export class ApplicationNode extends VersionListNode<GalleryApplicationVersion> {
  /** The lower-cased ARM id: TreeItem.id, so expansion survives refresh. */
  readonly id: string;

  constructor(
    ctx: TreeContext,
    readonly parent: TreeNode,
    readonly application: GalleryApplication,
    readonly tenantId: string,
    /** Built by the folder from its gallery's id and the application's name. */
    readonly armId: ApplicationId,
  ) {
    super(ctx);
    this.id = resourceNodeId(armId.id);
  }

  resourceContext(): ResourceContext {
    const { armId } = this;
    return {
      subscriptionId: armId.subscriptionId,
      tenantId: this.tenantId,
      resource: armId,
      galleryId: galleryId(armId.subscriptionId, armId.resourceGroup, armId.gallery).id,
      ...(this.application.location === undefined ? {} : { location: this.application.location }),
    };
  }

  protected itemsLabel(): string {
    return vscode.l10n.t('VM application versions');
  }

  protected async fetchPage(signal: AbortSignal, continuationToken: string | undefined): Promise<Page<GalleryApplicationVersion>> {
    const services = await this.ctx.account.services();
    return services
      .galleryService(this.armId.subscriptionId, this.tenantId)
      .listApplicationVersions(this.armId, { signal, ...(continuationToken ? { continuationToken } : {}) });
  }

  protected createChild(item: GalleryApplicationVersion): TreeNode | undefined {
    const name = usableName(item.name);
    if (name === undefined) {
      return this.skip(item, 'it has no usable name.');
    }
    const armId = applicationVersionId(this.armId, name);
    noteUnexpectedId(this.ctx.log, `VM application version ${quoted(name)}`, item.id, armId.id);
    return new ApplicationVersionNode(this.ctx, this, item, this.sharedEndOfLife(this.application.endOfLifeDate), this.tenantId, armId);
  }

  protected emptyNode(): TreeNode {
    return PagedListNode.message(this, vscode.l10n.t('No application versions — create one'), { command: 'azureComputeGallery.createApplicationVersion', title: vscode.l10n.t('Create Application Version…'), arguments: [this] });
  }

  getTreeItem(): vscode.TreeItem {
    const a = this.application;
    const item = resourceTreeItem(this.ctx, this.armId.id, this.armId.application, vscode.TreeItemCollapsibleState.Collapsed, 'application');
    const eol = endOfLifeStatus(a.endOfLifeDate);
    const facts = [a.supportedOSType, endOfLifeNote(eol)].filter(Boolean).join(' · ');
    item.description ??= facts;
    // The warning icon means end of life, which the facts say in words.
    item.accessibilityInformation = { label: accessibleLabel(vscode.l10n.t('VM application'), this.armId.application, item.description, facts) };
    item.iconPath ??= eol ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')) : new vscode.ThemeIcon('package');
    item.tooltip = markdownFacts(vscode.l10n.t('VM application {0}', this.armId.application), [
      [vscode.l10n.t('Supported OS'), a.supportedOSType],
      [vscode.l10n.t('End of life'), formatDate(a.endOfLifeDate)],
      [vscode.l10n.t('Description'), a.description],
      [vscode.l10n.t('Release notes'), a.releaseNoteUri],
      [vscode.l10n.t('Location'), a.location],
    ]);
    return item;
  }
}

/** One VM application version: the shared version row with this kind's descriptor. */
export class ApplicationVersionNode extends VersionNode<GalleryApplicationVersion, ApplicationVersionId> {
  constructor(
    ctx: TreeContext,
    parent: TreeNode,
    version: GalleryApplicationVersion,
    applicationEndOfLife: Date | undefined,
    tenantId: string,
    armId: ApplicationVersionId,
  ) {
    super(ctx, parent, version, applicationEndOfLife, tenantId, armId, APPLICATION_VERSIONS);
  }

  resourceContext(): ResourceContext {
    const { armId } = this;
    return {
      subscriptionId: armId.subscriptionId,
      tenantId: this.tenantId,
      resource: armId,
      galleryId: galleryId(armId.subscriptionId, armId.resourceGroup, armId.gallery).id,
      ...(this.version.location === undefined ? {} : { location: this.version.location }),
    };
  }
}
