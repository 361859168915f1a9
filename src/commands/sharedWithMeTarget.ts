import * as vscode from 'vscode';
import type { AzureAccount } from '../azure/AzureAccount';
import type { LocationInfo } from '../azure/services';
import type { GalleryTreeDataProvider } from '../tree/GalleryTreeDataProvider';
import { sharedWithMeNodeId } from '../tree/nodeIds';
import { resourceContext } from '../tree/resourceContext';
import { regionName } from '../tree/sharedRegions';
import type { SharingMemory } from '../tree/SharingMemory';
import type { TreeNode } from '../tree/TreeNode';
import { PickCancelled, pickSubscription } from './pickResource';

/** The subscription whose "Shared with me" a sharing command acts on: the row's, or one picked in the palette. */
export interface SharedWithMeTarget {
  readonly subscriptionId: string;
  readonly tenantId: string | undefined;
  /** The subscription's "Shared with me" row when the tree has shown it: listed again after the change. */
  readonly node: TreeNode | undefined;
}

export async function sharedWithMeTarget(account: AzureAccount, tree: GalleryTreeDataProvider, node: TreeNode | undefined, title: string): Promise<SharedWithMeTarget> {
  const context = resourceContext(node);
  const subscription = context ? { subscriptionId: context.subscriptionId, tenantId: context.tenantId } : await pickSubscription(account, title);
  return { ...subscription, node: tree.findNode(sharedWithMeNodeId(subscription.subscriptionId)) };
}

/** What the sharing commands remember through; the tree always has one outside tests. */
export function sharingMemoryOf(tree: GalleryTreeDataProvider): SharingMemory {
  if (!tree.sharing) {
    throw new Error(vscode.l10n.t('Shared with me is not available in this window.'));
  }
  return tree.sharing;
}

interface RegionItem extends vscode.QuickPickItem {
  readonly region: string;
}

/** A quick pick of the subscription's regions (ARM's list), `mark`ed ones described; the short name, or cancelled. */
export async function pickRegion(locations: Promise<LocationInfo[]>, title: string, placeHolder: string, mark?: { readonly regions: readonly string[]; readonly note: string }): Promise<string> {
  const items = locations.then((list) =>
    list
      .flatMap((l): RegionItem[] => {
        const region = regionName(l.name);
        if (region === undefined) {
          return [];
        }
        const marked = mark?.regions.includes(region) === true;
        return [{ label: l.displayName || region, description: marked ? `${region} · ${mark.note}` : region, region }];
      })
      .sort((a, b) => a.label.localeCompare(b.label)),
  );
  const chosen = await vscode.window.showQuickPick(items, { title, placeHolder, matchOnDescription: true });
  if (!chosen) {
    throw new PickCancelled();
  }
  return chosen.region;
}
