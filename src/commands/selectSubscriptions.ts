import * as vscode from 'vscode';
import type { AzureAccount } from '../azure/AzureAccount';
import { selectedSubscriptionIds } from '../tree/AccountNode';

/** Chooses which subscriptions the view shows; saved in the azureComputeGallery.selectedSubscriptions setting. */
export async function selectSubscriptions(account: AzureAccount): Promise<void> {
  const services = await account.services();
  const items = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Listing subscriptions…' }, async () => {
    const tenants = await services.listTenants();
    const lists = await Promise.all(tenants.map((t) => services.listSubscriptions(t.tenantId)));
    const selected = selectedSubscriptionIds();
    return lists
      .flat()
      .sort((a, b) => a.displayName.localeCompare(b.displayName))
      .map((s) => ({
        label: s.displayName,
        description: s.subscriptionId,
        detail: tenants.find((t) => t.tenantId === s.tenantId)?.displayName,
        picked: selected.size === 0 || selected.has(s.subscriptionId.toLowerCase()),
        value: `${s.tenantId}/${s.subscriptionId}`,
      }));
  });
  const chosen = await vscode.window.showQuickPick(items, { canPickMany: true, title: 'Subscriptions to show in Compute Gallery', matchOnDescription: true });
  if (!chosen) {
    return;
  }
  const value = chosen.length === items.length ? [] : chosen.map((c) => c.value);
  await vscode.workspace.getConfiguration('azureComputeGallery').update('selectedSubscriptions', value, vscode.ConfigurationTarget.Global);
}
