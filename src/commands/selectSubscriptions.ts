import * as vscode from 'vscode';
import { describeArmError, inertNotificationText } from '../azure/armError';
import type { AzureAccount } from '../azure/AzureAccount';
import { countGalleriesPerSubscription } from '../azure/listAll';
import type { SubscriptionInfo } from '../azure/services';
import { listSubscriptionsOfTenants, type TenantFailure } from '../azure/tenantSubscriptions';
import { selectedSubscriptionEntries, selectedSubscriptionIds } from '../tree/AccountNode';
import { PickCancelled } from './pickResource';

interface SubscriptionItem extends vscode.QuickPickItem {
  readonly value: string;
}

function item(s: SubscriptionInfo, tenantLabels: ReadonlyMap<string, string>, galleries: string): SubscriptionItem {
  const tenant = tenantLabels.get(s.tenantId) ?? s.tenantId;
  return { label: s.displayName, description: s.subscriptionId, detail: `${tenant} · ${galleries}`, value: `${s.tenantId}/${s.subscriptionId}` };
}

/** "Contoso (contoso.example): AuthorizationFailed: …; Fabrikam (…): …" */
function describeFailures(failures: readonly TenantFailure[]): string {
  return failures
    .map((f) => {
      const info = describeArmError(f.error);
      return `${f.label}: ${info.code ? `${info.code}: ` : ''}${info.message}`;
    })
    .join('; ');
}

/**
 * Saved entries the user could not decide about because their tenant couldn't be listed: they stay
 * selected rather than silently disappearing from the setting.
 */
function entriesOfFailedTenants(failures: readonly TenantFailure[]): string[] {
  const failed = new Set(failures.map((f) => f.tenantId?.toLowerCase()));
  return selectedSubscriptionEntries().filter((entry) => {
    const parts = entry.split('/');
    return parts.length === 2 ? failed.has(parts[0].toLowerCase()) : failed.has(undefined);
  });
}

/**
 * Chooses which subscriptions the view shows; saved in the azureComputeGallery.selectedSubscriptions
 * setting. Each subscription's gallery count fills in while the user looks (listed with bounded concurrency).
 * A tenant whose subscriptions can't be listed is named (title and a warning), the others are offered.
 */
export async function selectSubscriptions(account: AzureAccount): Promise<void> {
  const services = await account.services();
  const qp = vscode.window.createQuickPick<SubscriptionItem>();
  qp.title = vscode.l10n.t('Subscriptions to show in Compute Gallery');
  qp.canSelectMany = true;
  qp.matchOnDescription = true;
  qp.busy = true;
  qp.show();
  const controller = new AbortController();
  let failures: TenantFailure[] = [];
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
      const listed = await listSubscriptionsOfTenants(services, controller.signal);
      const { subscriptions } = listed;
      failures = listed.failures;
      if (failures.length > 0) {
        if (subscriptions.length === 0) {
          throw new Error(vscode.l10n.t('Couldn\'t list the subscriptions of any tenant — {0}', describeFailures(failures)));
        }
        qp.title =
          failures.length === 1
            ? vscode.l10n.t("Subscriptions to show in Compute Gallery (1 tenant couldn't be listed)")
            : vscode.l10n.t("Subscriptions to show in Compute Gallery ({0} tenants couldn't be listed)", failures.length);
        void vscode.window.showWarningMessage(
          inertNotificationText(
            failures.length === 1
              ? vscode.l10n.t("Couldn't list the subscriptions of 1 tenant — {0}. Their subscriptions aren't offered here and your choices in them are kept; check your access to those tenants or sign in again.", describeFailures(failures))
              : vscode.l10n.t("Couldn't list the subscriptions of {0} tenants — {1}. Their subscriptions aren't offered here and your choices in them are kept; check your access to those tenants or sign in again.", failures.length, describeFailures(failures)),
          ),
        );
      }
      const tenantLabels = new Map(listed.tenants.map((t) => [t.tenantId, t.displayName || t.tenantId]));
      const selected = selectedSubscriptionIds();
      const show = (items: SubscriptionItem[]): void => {
        const keep = new Set(qp.items.length > 0 ? qp.selectedItems.map((i) => i.value) : items.filter((_, n) => selected.size === 0 || selected.has(subscriptions[n].subscriptionId.toLowerCase())).map((i) => i.value));
        qp.items = items;
        qp.selectedItems = items.filter((i) => keep.has(i.value));
      };
      show(subscriptions.map((s) => item(s, tenantLabels, vscode.l10n.t('counting galleries…'))));
      const counts = await countGalleriesPerSubscription(subscriptions, (id, tenant) => services.galleryService(id, tenant), controller.signal);
      show(subscriptions.map((s, n) => {
        const count = counts[n];
        return item(s, tenantLabels, count instanceof Error ? vscode.l10n.t("galleries couldn't be listed") : count === 1 ? vscode.l10n.t('1 gallery') : vscode.l10n.t('{0} galleries', count));
      }));
      qp.busy = false;
    })();
    const picked = await Promise.race([chosen, fill.then(() => chosen)]);
    const all = qp.items.length;
    const value = picked.length === all ? [] : [...picked.map((c) => c.value), ...entriesOfFailedTenants(failures)];
    await vscode.workspace.getConfiguration('azureComputeGallery').update('selectedSubscriptions', value, vscode.ConfigurationTarget.Global);
  } finally {
    controller.abort();
    qp.dispose();
  }
}
