/**
 * The display names of the tenants and subscriptions the signed-in account can see, by lower-cased GUID, so that who a
 * gallery is shared with reads "Name (GUID)" (domain/sharing.ts `namedIds`). Used by Stop Sharing / Remove from Sharing
 * (commands/sharingChange.ts) and the Share form's host (webview/FormBackend.ts). Names are a help, never a condition:
 * a list that fails leaves those ids as GUIDs and comes back as a problem for the caller to log or show; only a
 * cancellation is thrown.
 */
import { describeArmError } from './armError';
import type { ArmServices } from './services';
import { listSubscriptionsOfTenants, type SubscriptionsOfTenants } from './tenantSubscriptions';

export interface AccountNames {
  readonly subscriptions: ReadonlyMap<string, string>;
  readonly tenants: ReadonlyMap<string, string>;
  /** Why some names are missing (ARM's message, redacted), one per failed list. */
  readonly problems: readonly string[];
}

export async function accountNames(services: Pick<ArmServices, 'listTenants' | 'listSubscriptions'>, signal: AbortSignal): Promise<AccountNames> {
  const tenants = new Map<string, string>();
  const subscriptions = new Map<string, string>();
  let listed: SubscriptionsOfTenants;
  try {
    listed = await listSubscriptionsOfTenants(services, signal);
  } catch (err) {
    const info = describeArmError(err);
    if (info.cancelled) {
      throw err;
    }
    return { subscriptions, tenants, problems: [info.message] };
  }
  for (const t of listed.tenants) {
    if (t.displayName) {
      tenants.set(t.tenantId.toLowerCase(), t.displayName);
    }
  }
  for (const sub of listed.subscriptions) {
    if (sub.displayName) {
      subscriptions.set(sub.subscriptionId.toLowerCase(), sub.displayName);
    }
  }
  return { subscriptions, tenants, problems: listed.failures.map((f) => describeArmError(f.error).message) };
}
