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
