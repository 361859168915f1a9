/**
 * Galleries shared with me (issue 13): a gallery another subscription or tenant shared directly, or a community gallery
 * by its public name, then its images, then their versions. One set of rows for both kinds; what differs (which list
 * to call, how a VM refers to an image) is in {@link SharedSource}. Versions are {@link VersionRow}s in a
 * {@link VersionListNode}, ordered and marked `latest` exactly as own versions are.
 */
import * as vscode from 'vscode';
import type {
  CommunityGallery,
  CommunityGalleryImage,
  CommunityGalleryImageVersion,
  CommunityGalleryRef,
  GalleryService,
  Page,
  SharedGallery,
  SharedGalleryImage,
  SharedGalleryImageVersion,
  SharedGalleryRef,
  SharedTo,
} from '../azure/services';
import type { LatestCandidate } from '../domain/latest';
import { communityGalleryImageId, sharedGalleryImageId } from '../domain/sharing';
import { describeDefinition } from './ImageDefinitionNode';
import { usableName } from './listedChild';
import { PagedListNode } from './PagedListNode';
import type { ResourceContext } from './resourceContext';
import { accessibleLabel, formatDate, markdownFacts, unlinked } from './resourceItem';
import type { TreeContext } from './TreeContext';
import type { TreeNode } from './TreeNode';
import { endOfLifeStatus, versionKey } from './versionOrdering';
import type { VersionKey } from './versionOrdering';
import { VersionListNode } from './VersionListNode';
import type { VersionRow } from './VersionListNode';
import { versionNotes } from './VersionNode';

/** Where a shared or community gallery is read from. */
export type SharedSource =
  | { readonly kind: 'shared'; readonly location: string; readonly name: string; readonly sharedTo: SharedTo }
  | { readonly kind: 'community'; readonly location: string; readonly name: string };

export type SharedImage = SharedGalleryImage | CommunityGalleryImage;
export type SharedImageVersion = SharedGalleryImageVersion | CommunityGalleryImageVersion;

/** What every row under "Shared with me" knows: the subscription (and tenant) whose view it is. */
export interface SharedViewer extends TreeNode {
  readonly subscriptionId: string;
  readonly tenantId: string;
}

function sharedRef(source: SharedSource): SharedGalleryRef {
  return { location: source.location, galleryUniqueName: source.name };
}

export function communityRef(source: SharedSource): CommunityGalleryRef {
  return { location: source.location, publicGalleryName: source.name };
}

/** The string a VM's `imageReference` takes: `sharedGalleryImageId` or `communityGalleryImageId` (domain/sharing.ts). */
export function referenceIdOf(source: SharedSource, image: string, version?: string): string {
  return source.kind === 'shared' ? sharedGalleryImageId(source.name, image, version) : communityGalleryImageId(source.name, image, version);
}

/** `{ imageReference: { sharedGalleryImageId } }` or `{ imageReference: { communityGalleryImageId } }`. */
export function imageReferenceOf(source: SharedSource, image: string, version?: string): { imageReference: Record<string, string> } {
  const key = source.kind === 'shared' ? 'sharedGalleryImageId' : 'communityGalleryImageId';
  return { imageReference: { [key]: referenceIdOf(source, image, version) } };
}

/**
 * The unique name a shared gallery is addressed by: the last segment of its `uniqueId` (`/SharedGalleries/{unique}`),
 * else its `name` (which Microsoft's examples give as the unique name too).
 */
export function uniqueNameOf(gallery: SharedGallery): string | undefined {
  const fromId = gallery.uniqueId?.match(/^\/SharedGalleries\/([^/]+)$/i)?.[1];
  return usableName(fromId) ?? usableName(gallery.name);
}

/** `{sharerSubscriptionId}-{NAME}` (a shared gallery's unique name) → its parts; undefined when it is not that shape. */
export function sharerOf(uniqueName: string): { readonly subscriptionId: string; readonly galleryName: string } | undefined {
  const match = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})-(.+)$/i.exec(uniqueName);
  return match ? { subscriptionId: match[1], galleryName: match[2] } : undefined;
}

function listImages(service: GalleryService, source: SharedSource, options: { signal: AbortSignal; continuationToken?: string }): Promise<Page<SharedImage>> {
  return source.kind === 'shared' ? service.listSharedImages(sharedRef(source), source.sharedTo, options) : service.listCommunityImages(communityRef(source), options);
}

function listVersions(service: GalleryService, source: SharedSource, image: string, options: { signal: AbortSignal; continuationToken?: string }): Promise<Page<SharedImageVersion>> {
  return source.kind === 'shared'
    ? service.listSharedImageVersions(sharedRef(source), image, source.sharedTo, options)
    : service.listCommunityImageVersions(communityRef(source), image, options);
}

/** The read-only JSON of a row, read again from Azure (Show Properties). */
export function readSharedItem(service: GalleryService, source: SharedSource, image: string | undefined, version: string | undefined, signal: AbortSignal): Promise<unknown> {
  if (source.kind === 'shared') {
    const ref = sharedRef(source);
    return image === undefined
      ? service.getSharedGallery(ref, { signal })
      : version === undefined
        ? service.getSharedImage(ref, image, { signal })
        : service.getSharedImageVersion(ref, image, version, { signal });
  }
  const ref = communityRef(source);
  return image === undefined
    ? service.getCommunityGallery(ref, { signal })
    : version === undefined
      ? service.getCommunityImage(ref, image, { signal })
      : service.getCommunityImageVersion(ref, image, version, { signal });
}

function pageOptions(signal: AbortSignal, continuationToken: string | undefined): { signal: AbortSignal; continuationToken?: string } {
  return continuationToken ? { signal, continuationToken } : { signal };
}

/** A gallery shared with me, or a community gallery: its images (and, for a community gallery, its publisher). */
export class SharedGalleryNode extends PagedListNode<SharedImage> {
  readonly id: string;
  /** A community gallery's publisher, contact and links, read when it is expanded. */
  private community: CommunityGallery | undefined;

  constructor(
    ctx: TreeContext,
    readonly parent: SharedViewer,
    readonly source: SharedSource,
    /** As listed (a shared gallery); a community gallery is read when expanded. */
    readonly listed: SharedGallery | undefined,
  ) {
    super(ctx);
    this.id = `${parent.id}/${source.kind}/${source.location}/${source.name}`.toLowerCase();
  }

  get subscriptionId(): string {
    return this.parent.subscriptionId;
  }

  get tenantId(): string {
    return this.parent.tenantId;
  }

  resourceContext(): ResourceContext {
    return { subscriptionId: this.subscriptionId, tenantId: this.tenantId, location: this.source.location };
  }

  /** A community gallery as ARM gave it when it was last expanded (publisher, links). */
  get communityGallery(): CommunityGallery | undefined {
    return this.community;
  }

  protected itemsLabel(): string {
    return vscode.l10n.t('images');
  }

  protected async fetchPage(signal: AbortSignal, continuationToken: string | undefined): Promise<Page<SharedImage>> {
    const service = (await this.ctx.account.services()).galleryService(this.subscriptionId, this.tenantId);
    if (this.source.kind === 'community' && continuationToken === undefined) {
      const [gallery, page] = await Promise.all([service.getCommunityGallery(communityRef(this.source), { signal }), listImages(service, this.source, pageOptions(signal, undefined))]);
      const before = this.community?.communityMetadata?.publisherUri;
      const first = this.community === undefined;
      this.community = gallery;
      if (first || before !== gallery.communityMetadata?.publisherUri) {
        // The row's description and tooltip show the publisher, now known.
        this.ctx.refresh(this);
      }
      return page;
    }
    return listImages(service, this.source, pageOptions(signal, continuationToken));
  }

  protected createChild(item: SharedImage): TreeNode | undefined {
    const name = usableName(item.name);
    if (name === undefined) {
      return this.skip(item, 'it has no usable name.');
    }
    return new SharedImageNode(this.ctx, this, item, name);
  }

  protected emptyNode(): TreeNode {
    return PagedListNode.message(this, vscode.l10n.t('No images in this gallery'));
  }

  override async getChildren(signal: AbortSignal): Promise<TreeNode[]> {
    const images = await super.getChildren(signal);
    return this.community ? [...communityInfoRows(this, this.community), ...images] : images;
  }

  /**
   * The name people know: a shared gallery's own name (as listed when that differs from the unique name, else from the
   * unique name, where it is upper case), a community gallery's public name.
   */
  get label(): string {
    return this.source.kind === 'shared' ? (this.sharer?.galleryName ?? this.source.name) : this.source.name;
  }

  /** Who shared a shared gallery: the owner's subscription and the gallery's name there. */
  get sharer(): { readonly subscriptionId: string; readonly galleryName: string } | undefined {
    if (this.source.kind !== 'shared') {
      return undefined;
    }
    const sharer = sharerOf(this.source.name);
    const listedName = this.listed?.name;
    return sharer && listedName && listedName.toLowerCase() === sharer.galleryName.toLowerCase() ? { ...sharer, galleryName: listedName } : sharer;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.label, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    const source = this.source;
    if (source.kind === 'shared') {
      item.contextValue = 'sharedGallery';
      item.iconPath = new vscode.ThemeIcon('library');
      const sharer = this.sharer;
      const sharedWith = source.sharedTo === 'tenant' ? vscode.l10n.t('shared with your tenant') : vscode.l10n.t('shared with this subscription');
      item.description = [source.location, sharedWith].join(' · ');
      item.tooltip = markdownFacts(vscode.l10n.t('Shared gallery {0}', this.label), [
        [vscode.l10n.t('Unique name'), source.name],
        [vscode.l10n.t('Shared by subscription'), sharer?.subscriptionId],
        [vscode.l10n.t('Shared with'), sharedWith],
        [vscode.l10n.t('Location'), source.location],
        [vscode.l10n.t('Unique ID'), this.listed?.uniqueId],
      ]);
    } else {
      item.contextValue = 'communityGallery';
      item.iconPath = new vscode.ThemeIcon('globe');
      const meta = this.community?.communityMetadata;
      const publisher = meta?.publisherUri ? hostOf(meta.publisherUri) : undefined;
      item.description = [publisher ? vscode.l10n.t('publisher {0}', publisher) : undefined, source.location].filter(Boolean).join(' · ');
      item.tooltip = markdownFacts(vscode.l10n.t('Community gallery {0}', source.name), [
        [vscode.l10n.t('Publisher'), meta?.publisherUri],
        [vscode.l10n.t('Contact'), meta?.publisherContact],
        [vscode.l10n.t('EULA'), meta?.eula],
        [vscode.l10n.t('Privacy statement'), meta?.privacyStatementUri],
        [vscode.l10n.t('Disclaimer'), this.community?.disclaimer],
        [vscode.l10n.t('Location'), source.location],
      ]);
    }
    item.accessibilityInformation = { label: accessibleLabel(source.kind === 'shared' ? vscode.l10n.t('shared gallery') : vscode.l10n.t('community gallery'), this.label, item.description) };
    return item;
  }
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).host || undefined;
  } catch {
    return undefined;
  }
}

/**
 * A link from a community gallery's publisher (a stranger) as it may be offered to open: an absolute https URL without
 * a user name or password, in the URL parser's own spelling (`href`): an international host in its xn-- form, bidi
 * and other invisible characters percent-encoded, so what the user reads is the address that opens. Undefined when it
 * is not such a link.
 */
export function openableLink(url: string | undefined): string | undefined {
  if (!url) {
    return undefined;
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  // "https://microsoft.com@contoso.example/" reads as microsoft.com but opens contoso.example.
  return parsed.protocol === 'https:' && parsed.hostname !== '' && parsed.username === '' && parsed.password === '' ? parsed.href : undefined;
}


/** The publisher's links and contact of a community gallery, each a row (a link opens only when clicked, after asking). */
function communityInfoRows(parent: SharedGalleryNode, gallery: CommunityGallery): TreeNode[] {
  const meta = gallery.communityMetadata;
  const rows: Array<[string, string, string | undefined]> = [
    ['publisher', vscode.l10n.t('Publisher'), meta?.publisherUri],
    ['contact', vscode.l10n.t('Contact'), meta?.publisherContact],
    ['eula', vscode.l10n.t('EULA'), meta?.eula],
    ['privacy', vscode.l10n.t('Privacy statement'), meta?.privacyStatementUri],
    ['disclaimer', vscode.l10n.t('Disclaimer'), gallery.disclaimer],
  ];
  return rows.filter((r): r is [string, string, string] => typeof r[2] === 'string' && r[2] !== '').map(([key, label, value]) => new CommunityInfoNode(parent, key, label, value));
}

/** One fact of a community gallery's publisher: a link (opened only on click, after showing it) or plain text. */
export class CommunityInfoNode implements TreeNode {
  constructor(
    readonly parent: SharedGalleryNode,
    private readonly key: string,
    private readonly label: string,
    readonly value: string,
  ) {}

  get id(): string {
    return `${this.parent.id}#${this.key}`;
  }

  /** The address that opens, as the row shows it (see {@link openableLink}); undefined when this row is not a link. */
  get link(): string | undefined {
    return openableLink(this.value);
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.label);
    item.id = this.id;
    const link = this.link !== undefined;
    const shown = this.link ?? this.value;
    item.description = shown;
    item.contextValue = link ? 'communityLink' : 'communityInfo';
    item.iconPath = new vscode.ThemeIcon(link ? 'link-external' : this.key === 'contact' ? 'mail' : 'info');
    const tooltip = new vscode.MarkdownString();
    tooltip.appendText(`${this.label}: ${unlinked(shown)}\n\n`);
    if (link) {
      item.command = { command: 'azureComputeGallery.openCommunityLink', title: vscode.l10n.t('Open Link…'), arguments: [this] };
      tooltip.appendText(vscode.l10n.t('Click to open this link in your browser; you are asked first.'));
    } else if (this.key !== 'contact') {
      tooltip.appendText(vscode.l10n.t('Not an https link, so it is not offered to open.'));
    }
    item.tooltip = tooltip;
    item.accessibilityInformation = { label: `${this.label}: ${shown}`, ...(link ? { role: 'link' } : {}) };
    return item;
  }
}

/** An image of a shared or community gallery: its versions, newest first, `latest` marked. */
export class SharedImageNode extends VersionListNode<SharedImageVersion> {
  readonly id: string;

  constructor(
    ctx: TreeContext,
    readonly parent: SharedGalleryNode,
    readonly image: SharedImage,
    readonly name: string,
  ) {
    super(ctx);
    this.id = `${parent.id}/images/${name}`.toLowerCase();
  }

  get source(): SharedSource {
    return this.parent.source;
  }

  resourceContext(): ResourceContext {
    return this.parent.resourceContext();
  }

  protected itemsLabel(): string {
    return vscode.l10n.t('image versions');
  }

  protected async fetchPage(signal: AbortSignal, continuationToken: string | undefined): Promise<Page<SharedImageVersion>> {
    const service = (await this.ctx.account.services()).galleryService(this.parent.subscriptionId, this.parent.tenantId);
    return listVersions(service, this.source, this.name, pageOptions(signal, continuationToken));
  }

  protected createChild(item: SharedImageVersion): TreeNode | undefined {
    const name = usableName(item.name);
    if (name === undefined) {
      return this.skip(item, 'it has no usable name.');
    }
    return new SharedVersionNode(this, item, name, this.sharedEndOfLife(this.image.endOfLifeDate));
  }

  protected emptyNode(): TreeNode {
    return PagedListNode.message(this, vscode.l10n.t('No image versions shared'));
  }

  getTreeItem(): vscode.TreeItem {
    const d = this.image;
    const item = new vscode.TreeItem(this.name, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.contextValue = this.source.kind === 'shared' ? 'sharedImage' : 'communityImage';
    const eol = endOfLifeStatus(d.endOfLifeDate);
    const facts = [describeDefinition(d), ...versionNotes(false, false, eol)].filter(Boolean).join(' · ');
    item.description = facts;
    item.iconPath = eol ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')) : new vscode.ThemeIcon(d.osType === 'Windows' ? 'window' : 'terminal-linux');
    item.accessibilityInformation = { label: accessibleLabel(vscode.l10n.t('image'), this.name, facts) };
    item.tooltip = markdownFacts(vscode.l10n.t('Image {0}', this.name), [
      [vscode.l10n.t('Publisher / offer / SKU'), d.identifier ? `${d.identifier.publisher} / ${d.identifier.offer} / ${d.identifier.sku}` : undefined],
      [vscode.l10n.t('OS'), describeDefinition(d)],
      [vscode.l10n.t('End of life'), formatDate(d.endOfLifeDate)],
      [vscode.l10n.t('EULA'), d.eula],
      [vscode.l10n.t('Privacy statement'), d.privacyStatementUri],
      [vscode.l10n.t('Location'), d.location ?? this.source.location],
      [vscode.l10n.t('Image reference (latest)'), referenceIdOf(this.source, this.name)],
    ]);
    return item;
  }
}

/** A version of a shared or community image: read-only; the same notes as an own version (latest, excluded, end of life). */
export class SharedVersionNode implements VersionRow {
  readonly id: string;
  readonly sortKey: VersionKey;
  isLatest = false;
  readonly current: LatestCandidate;

  constructor(
    readonly parent: SharedImageNode,
    readonly version: SharedImageVersion,
    readonly name: string,
    private readonly imageEndOfLife: Date | undefined,
  ) {
    this.id = `${parent.id}/versions/${name}`.toLowerCase();
    this.sortKey = versionKey(name);
    // Shared views carry excludeFromLatest at the top level; `latest` is resolved the same way as for own versions.
    this.current = { name, publishingProfile: { excludeFromLatest: version.excludeFromLatest === true } };
  }

  get source(): SharedSource {
    return this.parent.source;
  }

  resourceContext(): ResourceContext {
    return this.parent.resourceContext();
  }

  getTreeItem(): vscode.TreeItem {
    const v = this.version;
    const eol = endOfLifeStatus(v.endOfLifeDate ?? this.imageEndOfLife);
    const notes = versionNotes(this.isLatest, v.excludeFromLatest === true, eol);
    const item = new vscode.TreeItem(this.name, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    const tokens = [this.source.kind === 'shared' ? 'sharedImageVersion' : 'communityImageVersion'];
    if (this.isLatest) {
      tokens.push('latest');
    }
    if (v.excludeFromLatest) {
      tokens.push('excluded');
    }
    item.contextValue = tokens.join(';');
    item.description = notes.join(' · ');
    item.iconPath = eol
      ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'))
      : this.isLatest
        ? new vscode.ThemeIcon('star-full')
        : new vscode.ThemeIcon('versions');
    item.accessibilityInformation = { label: accessibleLabel(vscode.l10n.t('image version'), this.name, item.description) };
    item.tooltip = markdownFacts(vscode.l10n.t('Image version {0}', this.name), [
      [vscode.l10n.t('Published'), formatDate(v.publishedDate)],
      [vscode.l10n.t('End of life'), formatDate(v.endOfLifeDate ?? this.imageEndOfLife)],
      [vscode.l10n.t('Excluded from latest'), v.excludeFromLatest ? vscode.l10n.t('yes') : undefined],
      [vscode.l10n.t('OS disk'), v.storageProfile?.osDiskImage?.diskSizeGB === undefined ? undefined : `${v.storageProfile.osDiskImage.diskSizeGB} GB`],
      [vscode.l10n.t('Location'), v.location ?? this.source.location],
      [vscode.l10n.t('Image reference'), referenceIdOf(this.source, this.parent.name, this.name)],
    ]);
    return item;
  }
}
