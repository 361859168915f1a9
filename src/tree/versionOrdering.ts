/**
 * Which image version `latest` resolves to, and the ordering of version lists loaded page by page.
 * The version-name rule, its numeric order and end-of-life dates are domain rules (src/domain/versions.ts,
 * src/domain/endOfLife.ts), re-exported here for the tree. Pure module (no `vscode`), unit-tested.
 */
import { compareVersionKeys, compareVersionNames } from '../domain/versions';
import type { VersionKey } from '../domain/versions';

export { compareVersionKeys, compareVersionNames, parseVersionName, versionKey } from '../domain/versions';
export type { VersionKey } from '../domain/versions';
export { endOfLifeStatus } from '../domain/endOfLife';
export type { EndOfLifeStatus } from '../domain/endOfLife';

export interface VersionLike {
  readonly name?: string;
  readonly provisioningState?: string;
  readonly publishingProfile?: { readonly excludeFromLatest?: boolean; readonly endOfLifeDate?: Date | string };
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

/** Which version `latest` resolves to: a domain rule (src/domain/latest.ts). */
export { resolveLatest } from '../domain/latest';
