/**
 * Which image version `latest` resolves to, numeric Major.Minor.Patch ordering and end-of-life
 * warnings. Pure module (no `vscode`), unit-tested.
 */

export interface VersionLike {
  readonly name?: string;
  readonly provisioningState?: string;
  readonly publishingProfile?: { readonly excludeFromLatest?: boolean; readonly endOfLifeDate?: Date | string };
}

const VERSION = /^(\d{1,10})\.(\d{1,10})\.(\d{1,10})$/;
const INT32_MAX = 2_147_483_647;

/** [major, minor, patch] when `name` is a valid gallery version name (each part an int32), else undefined. */
export function parseVersionName(name: string): [number, number, number] | undefined {
  const m = VERSION.exec(name);
  if (!m) {
    return undefined;
  }
  const parts = [Number(m[1]), Number(m[2]), Number(m[3])] as [number, number, number];
  return parts.every((p) => p <= INT32_MAX) ? parts : undefined;
}

/** Numeric comparison (so 1.10.0 > 1.9.0); names that don't parse sort after valid ones, by text. */
export function compareVersionNames(a: string, b: string): number {
  const pa = parseVersionName(a);
  const pb = parseVersionName(b);
  if (pa && pb) {
    return pa[0] - pb[0] || pa[1] - pb[1] || pa[2] - pb[2];
  }
  if (pa) {
    return 1;
  }
  if (pb) {
    return -1;
  }
  return a.localeCompare(b);
}

/**
 * The sort key of a version name, ordering like {@link compareVersionNames}; computed once per version
 * so that ordering 10,000 versions page by page does not parse names again and again.
 * [valid ? 1 : 0, major, minor, patch]: invalid names sort below every valid one.
 */
export type VersionKey = readonly [number, number, number, number];

export function versionKey(name: string): VersionKey {
  const parts = parseVersionName(name);
  return parts ? [1, parts[0], parts[1], parts[2]] : [0, 0, 0, 0];
}

export function compareVersionKeys(a: VersionKey, b: VersionKey): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2] || a[3] - b[3];
}

/** Merges two lists that are each sorted newest first into one (linear, for page-by-page loading). */
export function mergeDescending<T>(a: readonly T[], b: readonly T[], keyOf: (item: T) => VersionKey): T[] {
  const out: T[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    out.push(compareVersionKeys(keyOf(a[i]), keyOf(b[j])) >= 0 ? (a[i++]) : (b[j++]));
  }
  while (i < a.length) out.push(a[i++]);
  while (j < b.length) out.push(b[j++]);
  return out;
}

/** Versions ordered newest first. */
export function sortVersionsDescending<T extends VersionLike>(versions: readonly T[]): T[] {
  return [...versions].sort((x, y) => compareVersionNames(y.name ?? '', x.name ?? ''));
}

/**
 * The version `latest` resolves to: the highest version not excluded from latest, among those that exist
 * (provisioned; a version still being created or one that failed cannot be deployed yet).
 */
export function resolveLatest<T extends VersionLike>(versions: readonly T[]): T | undefined {
  let best: T | undefined;
  for (const v of versions) {
    const usable = v.provisioningState === undefined || v.provisioningState === 'Succeeded' || v.provisioningState === 'Updating';
    if (!usable || v.publishingProfile?.excludeFromLatest || !v.name || !parseVersionName(v.name)) {
      continue;
    }
    if (!best || compareVersionNames(v.name, best.name ?? '') > 0) {
      best = v;
    }
  }
  return best;
}

export type EndOfLifeStatus = { readonly kind: 'passed' | 'soon'; readonly date: Date; readonly days: number } | undefined;

const DAY_MS = 24 * 60 * 60 * 1000;

/** 'passed' when the date is in the past, 'soon' within `warnDays` days, else undefined. */
export function endOfLifeStatus(date: Date | string | undefined, now: Date = new Date(), warnDays = 30): EndOfLifeStatus {
  if (date === undefined) {
    return undefined;
  }
  const d = date instanceof Date ? date : new Date(date);
  if (Number.isNaN(d.getTime())) {
    return undefined;
  }
  const days = Math.ceil((d.getTime() - now.getTime()) / DAY_MS);
  if (d.getTime() <= now.getTime()) {
    return { kind: 'passed', date: d, days };
  }
  return days <= warnDays ? { kind: 'soon', date: d, days } : undefined;
}
