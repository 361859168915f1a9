/**
 * The display names of the tenants and subscriptions the signed-in account can see, by lower-cased GUID, so that who a
 * gallery is shared with reads "Name (GUID)" (domain/sharing.ts `namedIds`). Used by Stop Sharing / Remove from Sharing
 * (commands/sharingChange.ts) and the Share form's host (webview/FormBackend.ts). Names are a help, never a condition:
 * a list that fails leaves those ids as GUIDs and comes back as a problem for the caller to log or show; only a
 * cancellation is thrown.
 */
import { describeArmError } from './armError';
import { mapLimit } from './listAll';
import type { ArmServices } from './services';

export interface AccountNames {
  readonly subscriptions: ReadonlyMap<string, string>;
  readonly tenants: ReadonlyMap<string, string>;
  /** Why some names are missing (ARM's message, redacted), one per failed list. */
  readonly problems: readonly string[];
}

export async function accountNames(services: Pick<ArmServices, 'listTenants' | 'listSubscriptions'>, signal: AbortSignal): Promise<AccountNames> {
  const tenants = new Map<string, string>();
  const subscriptions = new Map<string, string>();
  const problems: string[] = [];
  const failed = (err: unknown): void => {
    const info = describeArmError(err);
    if (info.cancelled) {
      throw err;
    }
    problems.push(info.message);
  };
  let tenantIds: string[] = [];
  try {
    const list = await services.listTenants({ signal });
    tenantIds = list.map((t) => t.tenantId);
    for (const t of list) {
      if (t.displayName) {
        tenants.set(t.tenantId.toLowerCase(), t.displayName);
      }
    }
  } catch (err) {
    failed(err);
    return { subscriptions, tenants, problems };
  }
  const lists = await mapLimit(tenantIds, 4, async (tenantId) => {
    try {
      return await services.listSubscriptions(tenantId, { signal });
    } catch (err) {
      failed(err);
      return [];
    }
  });
  for (const sub of lists.flat()) {
    if (sub.displayName) {
      subscriptions.set(sub.subscriptionId.toLowerCase(), sub.displayName);
    }
  }
  return { subscriptions, tenants, problems };
}
