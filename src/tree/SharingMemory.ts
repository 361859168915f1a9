import type * as vscode from 'vscode';
import type { CommunityGalleryRef } from '../azure/services';
import { regionName, regionsFromSetting } from './sharedRegions';

const KEY = 'azureComputeGallery.sharedWithMe';

interface Stored {
  /** Regions added with "Look in Region…", by lower-cased subscription id. */
  readonly regions?: Record<string, string[]>;
  /** Community galleries added with "Add Community Gallery…", by lower-cased subscription id. */
  readonly community?: Record<string, CommunityGalleryRef[]>;
}

/** A public gallery name as ARM gives it: `{prefix}-{guid}`, letters, digits, dots, dashes and underscores. */
const PUBLIC_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

export function isPublicGalleryName(value: string): boolean {
  return PUBLIC_NAME.test(value);
}

/**
 * What "Shared with me" remembers in global state, per subscription: the regions the user added and the community
 * galleries. What is read back is checked again (names and regions) before the tree uses it.
 */
export class SharingMemory {
  constructor(
    private readonly memento: Pick<vscode.Memento, 'get' | 'update'>,
    /** The user's (global) value of `azureComputeGallery.sharedWithMe.regions`; workspace values are not read. */
    private readonly readSetting: () => unknown,
  ) {}

  /** Global state as read back: each part kept only when it has the shape written (a map by subscription). */
  private stored(): Stored {
    const value = this.memento.get<unknown>(KEY);
    if (!isRecord(value)) {
      return {};
    }
    return {
      ...(isRecord(value.regions) ? { regions: value.regions as Record<string, string[]> } : {}),
      ...(isRecord(value.community) ? { community: value.community as Record<string, CommunityGalleryRef[]> } : {}),
    };
  }

  settingRegions(): { readonly regions: string[]; readonly rejected: string[] } {
    return regionsFromSetting(this.readSetting());
  }

  rememberedRegions(subscriptionId: string): string[] {
    const list = this.stored().regions?.[subscriptionId.toLowerCase()];
    return Array.isArray(list) ? list.map(regionName).filter((r): r is string => r !== undefined) : [];
  }

  async addRegion(subscriptionId: string, region: string): Promise<void> {
    const name = regionName(region);
    if (name === undefined) {
      return;
    }
    const stored = this.stored();
    const key = subscriptionId.toLowerCase();
    const current = this.rememberedRegions(subscriptionId);
    if (current.includes(name)) {
      return;
    }
    await this.memento.update(KEY, { ...stored, regions: { ...stored.regions, [key]: [...current, name] } });
  }

  communityGalleries(subscriptionId: string): CommunityGalleryRef[] {
    const list = this.stored().community?.[subscriptionId.toLowerCase()];
    if (!Array.isArray(list)) {
      return [];
    }
    return list.flatMap((g) => {
      const location = regionName(g?.location);
      const name = typeof g?.publicGalleryName === 'string' ? g.publicGalleryName : '';
      return location !== undefined && isPublicGalleryName(name) ? [{ location, publicGalleryName: name }] : [];
    });
  }

  async addCommunityGallery(subscriptionId: string, gallery: CommunityGalleryRef): Promise<void> {
    const stored = this.stored();
    const rest = this.communityGalleries(subscriptionId).filter((g) => !sameCommunityGallery(g, gallery));
    await this.memento.update(KEY, { ...stored, community: { ...stored.community, [subscriptionId.toLowerCase()]: [...rest, gallery] } });
  }

  async removeCommunityGallery(subscriptionId: string, gallery: CommunityGalleryRef): Promise<void> {
    const stored = this.stored();
    const rest = this.communityGalleries(subscriptionId).filter((g) => !sameCommunityGallery(g, gallery));
    await this.memento.update(KEY, { ...stored, community: { ...stored.community, [subscriptionId.toLowerCase()]: rest } });
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function sameCommunityGallery(a: CommunityGalleryRef, b: CommunityGalleryRef): boolean {
  return regionName(a.location) === regionName(b.location) && a.publicGalleryName.toLowerCase() === b.publicGalleryName.toLowerCase();
}
