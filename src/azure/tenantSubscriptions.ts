/**
 * The subscriptions of every tenant the signed-in account can reach: the one walk over tenants → subscriptions that
 * the tree (AccountNode), Select Subscriptions and the sharing names (accountNames.ts) share.
 */
// @vscode/l10n, not vscode: the form host reaches this module (account names), and the forms bench loads it in plain Node.
import * as l10n from '@vscode/l10n';
import { describeArmError } from './armError';
import type { ArmServices, SubscriptionInfo, TenantInfo } from './services';

/** A tenant whose subscriptions could not be listed. */
export interface TenantFailure {
  /** undefined: the account's home tenant (when no tenant list was available). */
  readonly tenantId: string | undefined;
  /** "Contoso (contoso.onmicrosoft.com)": display names repeat across tenants ("Default Directory"). */
  readonly label: string;
  readonly error: unknown;
}

export interface SubscriptionsOfTenants {
  /** The tenants listed (empty when the account sees no tenant list: then its home tenant was asked). */
  readonly tenants: TenantInfo[];
  /** Every subscription found, once each, by display name. */
  readonly subscriptions: SubscriptionInfo[];
  readonly failures: TenantFailure[];
}

/**
 * The subscriptions of every tenant the account can reach. A tenant that fails is reported, not fatal:
 * the others are still listed. Throws only when the tenants themselves can't be listed (or on cancel).
 */
export async function listSubscriptionsOfTenants(services: Pick<ArmServices, 'listTenants' | 'listSubscriptions'>, signal: AbortSignal): Promise<SubscriptionsOfTenants> {
  const tenants = await services.listTenants({ signal });
  // A service principal may see no tenants list at all: then ask with the home tenant's token.
  const targets: Array<{ readonly tenantId: string | undefined; readonly label: string }> = tenants.length > 0
    ? tenants.map((t) => ({ tenantId: t.tenantId, label: `${t.displayName || t.tenantId} (${t.defaultDomain ?? t.tenantId})` }))
    : [{ tenantId: undefined, label: l10n.t('home tenant') }];
  const answers = await Promise.allSettled(targets.map((t) => services.listSubscriptions(t.tenantId, { signal })));
  const found = new Map<string, SubscriptionInfo>();
  const failures: TenantFailure[] = [];
  answers.forEach((answer, n) => {
    if (answer.status === 'fulfilled') {
      for (const s of answer.value) {
        found.set(s.subscriptionId.toLowerCase(), s);
      }
      return;
    }
    if (describeArmError(answer.reason).cancelled) {
      throw answer.reason;
    }
    failures.push({ ...targets[n], error: answer.reason });
  });
  const subscriptions = [...found.values()].sort((a, b) => a.displayName.localeCompare(b.displayName));
  return { tenants, subscriptions, failures };
}
