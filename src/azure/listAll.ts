import type { Page, PagedCallOptions } from './services';

/** Follows every continuation of a paged list and returns all items. */
export async function listAll<T>(fetch: (options: PagedCallOptions) => Promise<Page<T>>, signal?: AbortSignal): Promise<T[]> {
  const items: T[] = [];
  let continuationToken: string | undefined;
  do {
    const page = await fetch({ ...(signal ? { signal } : {}), ...(continuationToken ? { continuationToken } : {}) });
    items.push(...page.items);
    continuationToken = page.continuationToken;
  } while (continuationToken);
  return items;
}

/** Runs `work` over `items` with at most `limit` in flight; results keep the input order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** How many requests run at once when one list is needed from many subscriptions. */
export const SUBSCRIPTION_CONCURRENCY = 8;

/**
 * Counts the galleries of each subscription with bounded concurrency (all pages), for pickers that
 * help choose subscriptions. A subscription that cannot be read gets its error instead of a count.
 */
export async function countGalleriesPerSubscription(
  subscriptions: ReadonlyArray<{ readonly subscriptionId: string; readonly tenantId: string }>,
  serviceFor: (subscriptionId: string, tenantId: string) => { listGalleries(options?: PagedCallOptions): Promise<Page<unknown>> },
  signal?: AbortSignal,
): Promise<Array<number | Error>> {
  return mapLimit(subscriptions, SUBSCRIPTION_CONCURRENCY, async (s) => {
    try {
      const service = serviceFor(s.subscriptionId, s.tenantId);
      return (await listAll((o) => service.listGalleries(o), signal)).length;
    } catch (err) {
      return err instanceof Error ? err : new Error(String(err));
    }
  });
}
