import * as vscode from 'vscode';
import type { GalleryApplicationVersion, GalleryImageVersion, GalleryService } from '../azure/services';
import type { ApplicationVersionId, ImageVersionId } from '../azure/armId';
import { endOfLifeStatus, versionKey } from './versionOrdering';
import type { EndOfLifeStatus, VersionKey } from './versionOrdering';
import { describeProgress, isSettling, replicationProgress } from './replication';
import { resourceNodeId } from './nodeIds';
import { deletionBlock } from '../domain/deletionSafety';
import type { DeletionBlock } from '../domain/deletionSafety';
import { timeAgo } from './relativeTime';
import type { ResourceContext } from './resourceContext';
import { accessibleLabel, formatDate, markdownFacts, resourceTreeItem } from './resourceItem';
import type { TreeNode } from './TreeNode';
import type { TreeContext } from './TreeContext';

/** A version the tree lists under its parent and follows while it replicates: an image version or a VM application version. */
export type GalleryVersion = GalleryImageVersion | GalleryApplicationVersion;
export type GalleryVersionId = ImageVersionId | ApplicationVersionId;

/**
 * What differs between the kinds of versions (one small constant per kind, shared by every row: no per-item work):
 * the row's contextValue, how it is named, and how it is read again with per-region replication.
 */
export interface VersionKindSpec<V extends GalleryVersion, Id extends GalleryVersionId> {
  /** The row's first contextValue token, which the menus match. */
  readonly contextValue: Id['kind'];
  /** "image version", for screen readers and the tooltip's title. */
  noun(): string;
  /** Title of the tooltip: "Image version 1.0.0". */
  title(version: string): string;
  /** GET with `$expand=ReplicationStatus`. */
  read(service: GalleryService, id: Id, signal: AbortSignal): Promise<V>;
}

/**
 * One version row, for both kinds: numeric order (sortKey), `latest` and excluded from latest, end of life,
 * deletion block, live progress from the watcher while it replicates, and per-region replication on hover.
 */
export abstract class VersionNode<V extends GalleryVersion = GalleryVersion, Id extends GalleryVersionId = GalleryVersionId> implements TreeNode {
  /** The lower-cased ARM id: TreeItem.id, so expansion survives refresh. */
  readonly id: string;
  /** Numeric order of the version name, computed once. */
  readonly sortKey: VersionKey;
  /** Set by the parent once all pages are known. */
  isLatest = false;

  constructor(
    protected readonly ctx: TreeContext,
    readonly parent: TreeNode,
    readonly version: V,
    private readonly definitionEndOfLife: Date | undefined,
    readonly tenantId: string,
    readonly armId: Id,
    readonly spec: VersionKindSpec<V, Id>,
  ) {
    this.id = resourceNodeId(armId.id);
    this.sortKey = versionKey(armId.version);
    ctx.registerVersionNode(this.id, this);
  }

  abstract resourceContext(): ResourceContext;

  /** The freshest state known: from the watcher when the version is being followed. */
  get current(): V {
    // The watcher keeps states by this row's id, which names a version of this row's kind.
    return (this.ctx.versions.current(this.id) as V | undefined) ?? this.version;
  }

  get endOfLife(): EndOfLifeStatus {
    return endOfLifeStatus(this.version.publishingProfile?.endOfLifeDate ?? this.definitionEndOfLife);
  }

  /** Reads the version again with per-region replication (the tooltip, on hover). */
  read(service: GalleryService, signal: AbortSignal): Promise<V> {
    return this.spec.read(service, this.armId, signal);
  }

  getTreeItem(): vscode.TreeItem {
    const v = this.current;
    this.ctx.versions.watch(this.armId, this.tenantId, v);
    const tokens: string[] = [this.spec.contextValue];
    const excluded = v.publishingProfile?.excludeFromLatest === true;
    const eol = this.endOfLife;
    const notes = versionNotes(this.isLatest, excluded, eol);
    if (this.isLatest) {
      tokens.push('latest');
    }
    if (excluded) {
      tokens.push('excluded');
    }
    const now = Date.now();
    const block = deletionBlock(v, now);
    if (block) {
      tokens.push('blocked');
      notes.push(lockNote(block));
    }
    const state = v.provisioningState;
    const progress = describeProgress(v);
    if (progress) {
      notes.push(progress);
    }
    // The watcher gave up on it (and said why): the row must not spin as if it were still followed.
    const stopped = isSettling(v) && this.ctx.versions.stoppedReason(this.id) !== undefined;
    if (stopped) {
      notes.push(vscode.l10n.t('not updating — refresh to check'));
    }
    const item = resourceTreeItem(this.ctx, this.armId.id, this.armId.version, vscode.TreeItemCollapsibleState.None, tokens.join(';'));
    item.description ??= notes.join(' · ');
    if (!item.iconPath) {
      item.iconPath = stopped
        ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'))
        : isSettling(v)
        ? new vscode.ThemeIcon('sync~spin')
        : state === 'Failed' || replicationProgress(v)?.failed
          ? new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'))
          : block
            ? new vscode.ThemeIcon('lock')
          : eol
            ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'))
            : this.isLatest
              ? new vscode.ThemeIcon('star-full')
              : new vscode.ThemeIcon('versions');
    }
    // The tooltip (with per-region replication) is built in resolveTreeItem, when the user hovers.
    // The icon (star, spinner, error, lock, warning) says latest, in progress, failed, deletion blocked, end of life or
    // not followed: all in the notes.
    item.accessibilityInformation = { label: accessibleLabel(this.spec.noun(), this.armId.version, item.description, ...notes) };
    return item;
  }

  /**
   * Facts, plus per-region replication when the version was read with $expand=ReplicationStatus. The version's age
   * ("published 3 months ago") is here rather than in the row's description, which keeps to what needs attention.
   */
  tooltip(v: V, now: number = Date.now()): vscode.MarkdownString {
    const published = formatDate(v.publishingProfile?.publishedDate);
    const age = timeAgo(v.publishingProfile?.publishedDate, now);
    const block = deletionBlock(v, now);
    const md = markdownFacts(this.spec.title(this.armId.version), [
      [vscode.l10n.t('Provisioning state'), v.provisioningState],
      [vscode.l10n.t('Published'), published && age ? `${published} (${age})` : published],
      [vscode.l10n.t('Deletion'), block ? lockTooltip(block) : undefined],
      [vscode.l10n.t('End of life'), formatDate(v.publishingProfile?.endOfLifeDate ?? this.definitionEndOfLife)],
      [vscode.l10n.t('Excluded from latest'), v.publishingProfile?.excludeFromLatest ? 'yes' : undefined],
      [vscode.l10n.t('Target regions'), v.publishingProfile?.targetRegions?.map((r) => r.name).join(', ')],
      [vscode.l10n.t('Location'), v.location],
    ]);
    const regions = v.replicationStatus?.summary ?? [];
    if (regions.length > 0) {
      md.appendMarkdown(`\n**${vscode.l10n.t('Replication')}** `);
      md.appendText(`(${v.replicationStatus?.aggregatedState ?? vscode.l10n.t('unknown')})`);
      md.appendMarkdown('\n\n');
      for (const r of regions) {
        md.appendMarkdown('- ');
        md.appendText(`${r.region ?? '?'}: ${r.state ?? 'unknown'}${r.state?.toLowerCase() === 'completed' ? '' : ` ${r.progress ?? 0}%`}${r.details ? ` — ${r.details}` : ''}`);
        md.appendMarkdown('\n');
      }
    } else {
      md.appendMarkdown('\n');
      md.appendText(vscode.l10n.t('Replication: loading…'));
    }
    return md;
  }
}

/**
 * The notes every version row starts its description with (own, shared and community versions alike):
 * "latest", "excluded from latest", "end of life passed" / "end of life in 5 days".
 */
export function versionNotes(isLatest: boolean, excludedFromLatest: boolean, eol: EndOfLifeStatus): string[] {
  const notes: string[] = [];
  if (isLatest) {
    notes.push('latest');
  }
  if (excludedFromLatest) {
    notes.push(vscode.l10n.t('excluded from latest'));
  }
  if (eol?.kind === 'passed') {
    notes.push(vscode.l10n.t('end of life passed'));
  } else if (eol?.kind === 'soon') {
    notes.push(eol.days === 1 ? vscode.l10n.t('end of life in 1 day') : vscode.l10n.t('end of life in {0} days', eol.days));
  }
  return notes;
}

/** Whether `node` is a version row (of either kind), typed without `any`. */
export function isVersionNode(node: TreeNode): node is VersionNode {
  return node instanceof VersionNode;
}

/** The row's note for a version that cannot be deleted yet: "deletion blocked until 2027-01-01". */
function lockNote(block: NonNullable<DeletionBlock>): string {
  return block.reason === 'beforeEndOfLife'
    ? vscode.l10n.t('deletion blocked until {0}', formatDate(block.until) ?? '')
    : vscode.l10n.t('deletion blocked (no end-of-life date)');
}

/** The tooltip's line: why and until when. */
function lockTooltip(block: NonNullable<DeletionBlock>): string {
  return block.reason === 'beforeEndOfLife'
    ? vscode.l10n.t('blocked until its end of life, {0} (safety profile: block deletion before end of life)', formatDate(block.until) ?? '')
    : vscode.l10n.t('blocked until the block is turned off (safety profile: block deletion before end of life, and no end-of-life date)');
}
