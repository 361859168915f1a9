/**
 * Which regions "Shared with me" looks in, and how it asks them (issue 13). ARM lists shared galleries per region
 * (`sharedGalleries.list(location, sharedTo)`), so asking every Azure region on each expand would cost some 60 × 2
 * requests: the node looks where the user works — the regions of the subscription's own galleries (or, with none, of its
 * resource groups) — plus the regions the user added (the setting, "Look in Region…"). Pure: no `vscode`.
 */
import { mapLimit } from '../azure/listAll';
import { normalizeRegion } from '../domain/regions';

/** How many region lists run at once. */
export const REGION_CONCURRENCY = 4;

/** A region name as ARM spells the short name ("eastus2", "westeurope"), after normalising case and spaces. */
const REGION_NAME = /^[a-z][a-z0-9]{1,49}$/;

/** The short name of `value` ("East US 2" → "eastus2"), or undefined when it cannot be a region name. */
export function regionName(value: unknown): string | undefined {
  if (typeof value !== 'string') {
    return undefined;
  }
  const name = normalizeRegion(value);
  return REGION_NAME.test(name) ? name : undefined;
}

/**
 * `azureComputeGallery.sharedWithMe.regions`: untrusted text. Keeps the valid names (normalised, without repeats) and
 * says which entries were left out.
 */
export function regionsFromSetting(value: unknown): { readonly regions: string[]; readonly rejected: string[] } {
  if (value === undefined || value === null) {
    return { regions: [], rejected: [] };
  }
  if (!Array.isArray(value)) {
    return { regions: [], rejected: [shown(value)] };
  }
  const regions: string[] = [];
  const rejected: string[] = [];
  for (const entry of value.slice(0, 100)) {
    const name = regionName(entry);
    if (name === undefined) {
      rejected.push(shown(entry));
    } else if (!regions.includes(name)) {
      regions.push(name);
    }
  }
  return { regions, rejected };
}

/** A rejected setting entry as the warning row quotes it: short, and JSON for anything that is not a string. */
function shown(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? typeof value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

export interface RegionSources {
  /** Regions of the subscription's own galleries. */
  readonly galleries: readonly string[];
  /** Regions of its resource groups: used only when it has no gallery. */
  readonly resourceGroups: readonly string[];
  /** From the setting. */
  readonly setting: readonly string[];
  /** Added with "Look in Region…" (remembered per subscription). */
  readonly remembered: readonly string[];
}

/** The regions to look in, each once, in a stable order: where own galleries are first, then what the user added. */
export function regionsToSearch(sources: RegionSources): string[] {
  const own = sources.galleries.length > 0 ? sources.galleries : sources.resourceGroups;
  const out: string[] = [];
  for (const raw of [...own, ...sources.setting, ...sources.remembered]) {
    const name = regionName(raw);
    if (name !== undefined && !out.includes(name)) {
      out.push(name);
    }
  }
  return out;
}

/**
 * Runs `task` for every item with at most `limit` running at once (listAll's mapLimit); the results come back in the
 * items' order, each fulfilled or rejected on its own (one failing region does not fail the others).
 */
export function settleWithConcurrency<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<PromiseSettledResult<R>[]> {
  return mapLimit(items, limit, async (item): Promise<PromiseSettledResult<R>> => {
    try {
      return { status: 'fulfilled', value: await task(item) };
    } catch (reason) {
      return { status: 'rejected', reason };
    }
  });
}
