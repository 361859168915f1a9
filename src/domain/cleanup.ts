/**
 * Clean up image versions (issue 11): which versions of one image definition the chosen rules select for deletion,
 * and why every other version is kept. Pure, no `vscode`: the Clean Up Versions command words the reasons for its
 * preview; unit tests cover the edge cases (test/unit/domain/cleanup.test.ts).
 *
 * Decisions:
 * - The selecting rules (older than N days by published date, past end of life, excluded from latest) combine as OR.
 * - "Keep the newest N" protects the N highest versions (version-number order, not published date, so ties in the
 *   published date cannot make it ambiguous). Chosen alone it selects every version beyond the newest N.
 * - A version is always kept when it is what `latest` resolves to (deleting it would move `latest`), when ARM would
 *   refuse to delete it (`deletionBlock`: blocked before its end of life), or when it is not in a settled,
 *   succeeded state (still being created, updated or replicated, or failed: ARM's state is the user's to look at).
 * - "Older than N days" needs a published date: a version without one (or with an unreadable one) is not selected
 *   by that rule. The boundary is strict: a version published exactly N days ago is not older than N days.
 * - "Past end of life" reads the version's own end-of-life date, else the definition's (as the tree shows it).
 * - Because `latest` is always kept, a clean-up never moves `latest`; `latestAfter` says so explicitly.
 */
import { deletionBlock } from './deletionSafety';
import type { DeletionBlock, SafetyProfileLike } from './deletionSafety';
import { isPastEndOfLife } from './endOfLife';
import { resolveLatest } from './latest';
import { compareVersionNames, parseVersionName } from './versions';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface CleanupVersionLike {
  readonly name?: string;
  readonly provisioningState?: string;
  readonly safetyProfile?: SafetyProfileLike;
  readonly publishingProfile?: {
    readonly publishedDate?: Date | string;
    readonly excludeFromLatest?: boolean;
    readonly endOfLifeDate?: Date | string;
  };
  readonly replicationStatus?: { readonly aggregatedState?: string };
}

export interface CleanupRules {
  /** Select versions published more than this many days before `now` (a whole number ≥ 0). */
  readonly olderThanDays?: number;
  /** Protect the N highest versions (a whole number ≥ 1); alone, select every version beyond them. */
  readonly keepNewest?: number;
  /** Select versions whose end-of-life date (or the definition's) has passed. */
  readonly pastEndOfLife?: boolean;
  /** Select versions excluded from latest. */
  readonly excludedFromLatest?: boolean;
}

/** A rule that selected a version. `beyondNewest` is "keep the newest N" chosen alone. */
export type CleanupRule = 'olderThan' | 'pastEndOfLife' | 'excludedFromLatest' | 'beyondNewest';

/** Why a version is kept; several can apply, listed in this order (`notSelected` only when nothing else applies). */
export type KeepReason =
  | { readonly kind: 'latest' }
  | { readonly kind: 'blocked'; readonly block: NonNullable<DeletionBlock> }
  | { readonly kind: 'notSucceeded'; readonly state: string }
  | { readonly kind: 'replicating' }
  | { readonly kind: 'keepNewest'; readonly rank: number }
  | { readonly kind: 'notSelected' };

export type CleanupDecision<T> =
  | { readonly version: T; readonly name: string; readonly decision: 'delete'; readonly rules: readonly CleanupRule[] }
  | {
      readonly version: T;
      readonly name: string;
      readonly decision: 'keep';
      readonly reasons: readonly KeepReason[];
      /** Rules that would have selected it (for the preview: "past end of life, but it is latest"). */
      readonly rules: readonly CleanupRule[];
    };

export interface CleanupPlan<T> {
  /** Every version, newest first (highest version number first). */
  readonly decisions: ReadonlyArray<CleanupDecision<T>>;
  /** The versions to delete, newest first. */
  readonly toDelete: readonly T[];
  /** What `latest` resolves to now, and after the deletions (the same version: latest is always kept). */
  readonly latestBefore: T | undefined;
  readonly latestAfter: T | undefined;
}

export type CleanupRulesProblem = 'noRule' | 'olderThanDaysInvalid' | 'keepNewestInvalid';

/** Whether the rules can be applied: at least one rule, whole numbers in range. */
export function cleanupRulesProblem(rules: CleanupRules): CleanupRulesProblem | undefined {
  if (rules.olderThanDays !== undefined && !(Number.isInteger(rules.olderThanDays) && rules.olderThanDays >= 0)) {
    return 'olderThanDaysInvalid';
  }
  if (rules.keepNewest !== undefined && !(Number.isInteger(rules.keepNewest) && rules.keepNewest >= 1)) {
    return 'keepNewestInvalid';
  }
  if (rules.olderThanDays === undefined && rules.keepNewest === undefined && !rules.pastEndOfLife && !rules.excludedFromLatest) {
    return 'noRule';
  }
  return undefined;
}

/** The milliseconds of a published date, or undefined when there is none or it is unreadable. */
function timeOf(value: Date | string | undefined): number | undefined {
  if (value === undefined) {
    return undefined;
  }
  const time = value instanceof Date ? value.getTime() : Date.parse(value);
  return Number.isNaN(time) ? undefined : time;
}

/** Highest version first; names that are not version numbers go last, in name order. */
function compareNewestFirst(a: string, b: string): number {
  const pa = parseVersionName(a) !== undefined;
  const pb = parseVersionName(b) !== undefined;
  if (pa !== pb) {
    return pa ? -1 : 1;
  }
  return pa ? compareVersionNames(b, a) : a.localeCompare(b);
}

export interface CleanupOptions {
  /** The image definition's end-of-life date, used for versions without their own. */
  readonly definitionEndOfLifeDate?: Date | string;
}

/** The clean-up plan of one image definition's versions (all of them: every page). */
export function planCleanup<T extends CleanupVersionLike>(versions: readonly T[], rules: CleanupRules, now: number, options: CleanupOptions = {}): CleanupPlan<T> {
  const sorted = versions
    .map((version) => ({ version, name: version.name ?? '' }))
    .sort((a, b) => compareNewestFirst(a.name, b.name));
  const latest = resolveLatest(versions);
  const alone = rules.keepNewest !== undefined && rules.olderThanDays === undefined && !rules.pastEndOfLife && !rules.excludedFromLatest;
  const cutoff = rules.olderThanDays === undefined ? undefined : now - rules.olderThanDays * DAY_MS;

  const decisions = sorted.map(({ version, name }, index): CleanupDecision<T> => {
    const selected: CleanupRule[] = [];
    if (cutoff !== undefined) {
      const published = timeOf(version.publishingProfile?.publishedDate);
      if (published !== undefined && published < cutoff) {
        selected.push('olderThan');
      }
    }
    if (rules.pastEndOfLife) {
      const eol = version.publishingProfile?.endOfLifeDate ?? options.definitionEndOfLifeDate;
      if (eol !== undefined && isPastEndOfLife(eol, now)) {
        selected.push('pastEndOfLife');
      }
    }
    if (rules.excludedFromLatest && version.publishingProfile?.excludeFromLatest === true) {
      selected.push('excludedFromLatest');
    }
    if (alone && rules.keepNewest !== undefined && index >= rules.keepNewest) {
      selected.push('beyondNewest');
    }

    const reasons: KeepReason[] = [];
    if (version === latest) {
      reasons.push({ kind: 'latest' });
    }
    const block = deletionBlock(version, now);
    if (block) {
      reasons.push({ kind: 'blocked', block });
    }
    if (version.provisioningState !== undefined && version.provisioningState !== 'Succeeded') {
      reasons.push({ kind: 'notSucceeded', state: version.provisioningState });
    } else if (version.replicationStatus?.aggregatedState?.toLowerCase() === 'inprogress') {
      reasons.push({ kind: 'replicating' });
    }
    if (rules.keepNewest !== undefined && index < rules.keepNewest) {
      reasons.push({ kind: 'keepNewest', rank: index + 1 });
    }
    if (selected.length === 0 && reasons.length === 0) {
      reasons.push({ kind: 'notSelected' });
    }
    return reasons.length === 0
      ? { version, name, decision: 'delete', rules: selected }
      : { version, name, decision: 'keep', reasons, rules: selected };
  });

  const toDelete = decisions.filter((d) => d.decision === 'delete').map((d) => d.version);
  const gone = new Set<T>(toDelete);
  return { decisions, toDelete, latestBefore: latest, latestAfter: resolveLatest(versions.filter((v) => !gone.has(v))) };
}
