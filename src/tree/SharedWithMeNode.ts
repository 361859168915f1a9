import * as vscode from 'vscode';
import { describeArmError } from '../azure/armError';
import type { GalleryService, SharedGallery, SharedTo } from '../azure/services';
import { ErrorNode, MessageNode } from './MessageNodes';
import { sharedWithMeNodeId } from './nodeIds';
import type { ResourceContext } from './resourceContext';
import { accessibleLabel, markdownFacts } from './resourceItem';
import { SharedGalleryNode, uniqueNameOf } from './SharedGalleryNodes';
import type { SharedSource, SharedViewer } from './SharedGalleryNodes';
import { REGION_CONCURRENCY, regionName, regionsToSearch, settleWithConcurrency } from './sharedRegions';
import type { TreeContext } from './TreeContext';
import type { RefreshableNode, TreeNode } from './TreeNode';

/** Pages followed per region list: a region with more shared galleries than this says so in the log. */
const MAX_PAGES = 20;
const SHARED_TO: readonly SharedTo[] = ['subscription', 'tenant'];

interface Loaded {
  readonly regions: readonly string[];
  readonly children: readonly TreeNode[];
}

/**
 * "Shared with me" under a subscription: galleries shared with the subscription or its tenant in the regions it looks
 * in (see sharedRegions.ts), each once; then the community galleries the user added. A region that fails is an error
 * row with retry, not a failed node.
 */
export class SharedWithMeNode implements RefreshableNode, SharedViewer {
  private loaded: Loaded | undefined;
  private loading: Promise<void> | undefined;
  private generation = 0;
  /** The regions the description names, so the row is redrawn once when they become known. */
  private describedRegions: string | undefined;
  /** The regions of the last listing: the description keeps them while a refresh lists again. */
  private lastRegions: readonly string[] | undefined;
  /**
   * The gallery rows of the last listing, by id: a refresh lists each again (reset) but keeps the row, so what it
   * already knows (a community gallery's publisher) stays on screen and its expansion is kept.
   */
  private rows = new Map<string, SharedGalleryNode>();

  constructor(
    private readonly ctx: TreeContext,
    readonly parent: TreeNode & {
      readonly subscriptionId: string;
      readonly tenantId: string;
      readonly displayName?: string;
      /** Regions of the galleries the subscription row has listed already; undefined until it has listed them. */
      readonly listedGalleryLocations?: readonly string[];
    },
  ) {}

  get id(): string {
    return sharedWithMeNodeId(this.parent.subscriptionId);
  }

  get subscriptionId(): string {
    return this.parent.subscriptionId;
  }

  get tenantId(): string {
    return this.parent.tenantId;
  }

  /** The regions searched by the last listing (empty before the first). */
  get searchedRegions(): readonly string[] {
    return this.loaded?.regions ?? [];
  }

  resourceContext(): ResourceContext {
    return { subscriptionId: this.subscriptionId, tenantId: this.tenantId };
  }

  reset(): void {
    this.generation++;
    this.loaded = undefined;
    this.loading = undefined;
  }

  async getChildren(signal: AbortSignal): Promise<TreeNode[]> {
    while (!this.loaded) {
      try {
        await this.load(signal);
      } catch (err) {
        if (describeArmError(err).cancelled) {
          return [];
        }
        throw err;
      }
    }
    this.lastRegions = this.loaded.regions;
    const regions = this.loaded.regions.join(', ');
    if (this.describedRegions !== regions) {
      this.describedRegions = regions;
      this.ctx.refresh(this);
    }
    return [...this.loaded.children];
  }

  private load(signal: AbortSignal): Promise<void> {
    if (this.loading) {
      return this.loading;
    }
    const generation = this.generation;
    const request = (async () => {
      try {
        const loaded = await this.list(signal);
        if (generation === this.generation) {
          this.loaded = loaded;
        }
      } catch (err) {
        if (describeArmError(err).cancelled || generation !== this.generation) {
          throw err;
        }
        // Nothing could be asked (no Azure layer, no token): one error row with retry, not a failed expand.
        this.ctx.log.error(`Shared with me: couldn't list for ${this.subscriptionId}: ${describeArmError(err).message}`);
        this.loaded = { regions: this.lastRegions ?? [], children: [new ErrorNode(this, vscode.l10n.t("Couldn't list what is shared with me"), err)] };
      } finally {
        if (generation === this.generation) {
          this.loading = undefined;
        }
      }
    })();
    this.loading = request;
    return request;
  }

  /** Where the subscription's own galleries are (or, with none, its resource groups); errors only logged. */
  private async ownRegions(service: GalleryService, signal: AbortSignal): Promise<{ galleries: string[]; resourceGroups: string[] }> {
    const locations = (items: ReadonlyArray<{ readonly location?: string }>): string[] => items.map((i) => i.location).filter((l): l is string => typeof l === 'string');
    let galleries: string[] = [];
    // The subscription row lists its galleries before this row can be expanded: use what it has, one request less.
    const listed = this.parent.listedGalleryLocations;
    if (listed !== undefined && listed.length > 0) {
      return { galleries: [...listed], resourceGroups: [] };
    }
    try {
      galleries = locations((await service.listGalleries({ signal })).items);
    } catch (err) {
      if (describeArmError(err).cancelled) {
        throw err;
      }
      this.ctx.log.warn(`Shared with me: couldn't list the galleries of ${this.subscriptionId} to choose regions: ${describeArmError(err).message}`);
    }
    if (galleries.length > 0) {
      return { galleries, resourceGroups: [] };
    }
    try {
      return { galleries, resourceGroups: locations(await service.listResourceGroups({ signal })) };
    } catch (err) {
      if (describeArmError(err).cancelled) {
        throw err;
      }
      this.ctx.log.warn(`Shared with me: couldn't list the resource groups of ${this.subscriptionId} to choose regions: ${describeArmError(err).message}`);
      return { galleries, resourceGroups: [] };
    }
  }

  private async list(signal: AbortSignal): Promise<Loaded> {
    const service = (await this.ctx.account.services()).galleryService(this.subscriptionId, this.tenantId);
    const memory = this.ctx.sharing;
    const setting = memory?.settingRegions() ?? { regions: [], rejected: [] };
    const own = await this.ownRegions(service, signal);
    const regions = regionsToSearch({ ...own, setting: setting.regions, remembered: memory?.rememberedRegions(this.subscriptionId) ?? [] });
    const children: TreeNode[] = [];
    if (setting.rejected.length > 0) {
      children.push(
        new MessageNode(this, 'setting', vscode.l10n.t('Ignored in the setting "Shared With Me: Regions" (not region names): {0}', setting.rejected.join(', ')), 'warning', {
          command: 'workbench.action.openSettings',
          title: vscode.l10n.t('Open settings'),
          arguments: ['azureComputeGallery.sharedWithMe.regions'],
        }),
      );
    }
    const lists = regions.flatMap((region) => SHARED_TO.map((sharedTo) => ({ region, sharedTo })));
    const results = await settleWithConcurrency(lists, REGION_CONCURRENCY, ({ region, sharedTo }) => this.listRegion(service, region, sharedTo, signal));
    const galleries = new Map<string, SharedGalleryNode>();
    const errors: TreeNode[] = [];
    results.forEach((result, index) => {
      const { region, sharedTo } = lists[index];
      if (result.status === 'rejected') {
        const info = describeArmError(result.reason);
        if (info.cancelled) {
          throw result.reason;
        }
        this.ctx.log.error(`Shared with me: couldn't list galleries shared with ${sharedTo === 'tenant' ? 'the tenant' : 'the subscription'} ${this.subscriptionId} in ${region}: ${info.message}`);
        const action =
          sharedTo === 'tenant'
            ? vscode.l10n.t("Couldn't list galleries shared with your tenant in {0}", region)
            : vscode.l10n.t("Couldn't list galleries shared with this subscription in {0}", region);
        errors.push(new ErrorNode(this, action, result.reason, `${region}/${sharedTo}`));
        return;
      }
      for (const gallery of result.value) {
        const name = uniqueNameOf(gallery);
        if (name === undefined) {
          this.ctx.log.warn(`Shared with me: skipped a gallery listed in ${region} without a usable unique name (${JSON.stringify(gallery.name ?? '')}).`);
          continue;
        }
        // Shared with the subscription and with its tenant: one row (the subscription's share listed first).
        const key = `${region}|${name.toLowerCase()}`;
        if (!galleries.has(key)) {
          galleries.set(key, this.row({ kind: 'shared', location: regionName(gallery.location) ?? region, name, sharedTo }, gallery));
        }
      }
    });
    const shared = [...galleries.values()].sort((a, b) => a.label.localeCompare(b.label));
    children.push(...shared, ...errors);
    if (shared.length === 0 && errors.length === 0) {
      const label =
        regions.length === 0
          ? vscode.l10n.t('No regions to look in yet — Look in Region…')
          : vscode.l10n.t('Nothing shared with this subscription or its tenant in {0} — Look in Region…', regions.join(', '));
      children.push(new MessageNode(this, 'empty', label, 'info', { command: 'azureComputeGallery.lookInRegion', title: vscode.l10n.t('Look in Region…'), arguments: [this] }));
    }
    for (const community of memory?.communityGalleries(this.subscriptionId) ?? []) {
      children.push(this.row({ kind: 'community', location: community.location, name: community.publicGalleryName }, undefined));
    }
    this.rows = new Map(children.filter((c): c is SharedGalleryNode => c instanceof SharedGalleryNode).map((c) => [c.id, c]));
    return { regions, children };
  }

  /** The row of a gallery: the one shown before (listed again) when it is the same gallery, else a new one. */
  private row(source: SharedSource, listed: SharedGallery | undefined): SharedGalleryNode {
    const fresh = new SharedGalleryNode(this.ctx, this, source, listed);
    const shown = this.rows.get(fresh.id);
    if (shown && shown.source.kind === source.kind && (source.kind === 'community' || (shown.source.kind === 'shared' && shown.source.sharedTo === source.sharedTo))) {
      shown.reset();
      return shown;
    }
    return fresh;
  }

  /** Every page of one region's list (up to {@link MAX_PAGES}). */
  private async listRegion(service: GalleryService, region: string, sharedTo: SharedTo, signal: AbortSignal): Promise<SharedGallery[]> {
    const items: SharedGallery[] = [];
    let continuationToken: string | undefined;
    let pages = 0;
    do {
      const page = await service.listSharedGalleries(region, sharedTo, continuationToken ? { signal, continuationToken } : { signal });
      items.push(...page.items);
      continuationToken = page.continuationToken;
      pages++;
    } while (continuationToken && pages < MAX_PAGES);
    if (continuationToken) {
      this.ctx.log.warn(`Shared with me: more than ${MAX_PAGES} pages of galleries shared in ${region}; showing the first ${items.length}.`);
    }
    return items;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(vscode.l10n.t('Shared with me'), vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.contextValue = 'sharedWithMe';
    item.iconPath = new vscode.ThemeIcon('references');
    const regions = this.loaded?.regions ?? this.lastRegions;
    if (regions !== undefined) {
      item.description = regions.length > 0 ? regions.join(', ') : vscode.l10n.t('no regions yet');
    }
    item.tooltip = markdownFacts(vscode.l10n.t('Shared with me'), [
      [vscode.l10n.t('What'), vscode.l10n.t('Galleries other subscriptions and tenants shared with this subscription or its tenant, and the community galleries you added.')],
      [vscode.l10n.t('Regions searched'), regions === undefined ? vscode.l10n.t('not yet (expand to list)') : regions.length > 0 ? regions.join(', ') : vscode.l10n.t('none')],
      [vscode.l10n.t('Why these regions'), vscode.l10n.t('Where your own galleries are, the setting "Shared With Me: Regions" and the regions you added with "Look in Region…".')],
    ]);
    item.accessibilityInformation = { label: accessibleLabel(undefined, vscode.l10n.t('Shared with me'), item.description ? vscode.l10n.t('regions searched: {0}', String(item.description)) : undefined) };
    return item;
  }
}
