import * as vscode from 'vscode';
import type { AzureAccount } from '../azure/AzureAccount';
import { countGalleriesPerSubscription } from '../azure/listAll';
import type { SubscriptionInfo, TenantInfo } from '../azure/services';
import { selectedSubscriptionIds } from '../tree/AccountNode';
import { PickCancelled } from './pickResource';

interface SubscriptionItem extends vscode.QuickPickItem {
  readonly value: string;
}

function item(s: SubscriptionInfo, tenants: readonly TenantInfo[], galleries: string): SubscriptionItem {
  const tenant = tenants.find((t) => t.tenantId === s.tenantId)?.displayName ?? s.tenantId;
  return { label: s.displayName, description: s.subscriptionId, detail: `${tenant} · ${galleries}`, value: `${s.tenantId}/${s.subscriptionId}` };
}

/**
 * Chooses which subscriptions the view shows; saved in the azureComputeGallery.selectedSubscriptions
 * setting. Each subscription's gallery count fills in while the user looks (listed with bounded concurrency).
 */
export async function selectSubscriptions(account: AzureAccount): Promise<void> {
  const services = await account.services();
  const qp = vscode.window.createQuickPick<SubscriptionItem>();
  qp.title = 'Subscriptions to show in Compute Gallery';
  qp.canSelectMany = true;
  qp.matchOnDescription = true;
  qp.busy = true;
  qp.show();
  const controller = new AbortController();
  try {
    const chosen = new Promise<readonly SubscriptionItem[]>((resolve, reject) => {
      qp.onDidAccept(() => {
        if (qp.items.length > 0) {
          resolve(qp.selectedItems);
        }
      });
      qp.onDidHide(() => reject(new PickCancelled()));
    });
    const fill = (async () => {
      const tenants = await services.listTenants({ signal: controller.signal });
      const lists = await Promise.all(tenants.map((t) => services.listSubscriptions(t.tenantId, { signal: controller.signal })));
      const subscriptions = lists.flat().sort((a, b) => a.displayName.localeCompare(b.displayName));
      const selected = selectedSubscriptionIds();
      const show = (items: SubscriptionItem[]): void => {
        const keep = new Set(qp.items.length > 0 ? qp.selectedItems.map((i) => i.value) : items.filter((_, n) => selected.size === 0 || selected.has(subscriptions[n].subscriptionId.toLowerCase())).map((i) => i.value));
        qp.items = items;
        qp.selectedItems = items.filter((i) => keep.has(i.value));
      };
      show(subscriptions.map((s) => item(s, tenants, 'counting galleries…')));
      const counts = await countGalleriesPerSubscription(subscriptions, (id, tenant) => services.galleryService(id, tenant), controller.signal);
      show(subscriptions.map((s, n) => {
        const count = counts[n];
        return item(s, tenants, count instanceof Error ? "galleries couldn't be listed" : `${count} ${count === 1 ? 'gallery' : 'galleries'}`);
      }));
      qp.busy = false;
    })();
    const picked = await Promise.race([chosen, fill.then(() => chosen)]);
    const all = qp.items.length;
    const value = picked.length === all ? [] : picked.map((c) => c.value);
    await vscode.workspace.getConfiguration('azureComputeGallery').update('selectedSubscriptions', value, vscode.ConfigurationTarget.Global);
  } finally {
    controller.abort();
    qp.dispose();
  }
}
