import * as l10n from '@vscode/l10n';
/**
 * Replication and provisioning progress of an image version, as users want to see it
 * ("Replicating 45% · 1 of 3 regions"). Pure module, unit-tested.
 */

export interface RegionStatusLike {
  readonly region?: string;
  readonly state?: string;
  readonly details?: string;
  readonly progress?: number;
}
export interface VersionStatusLike {
  readonly provisioningState?: string;
  readonly replicationStatus?: { readonly aggregatedState?: string; readonly summary?: readonly RegionStatusLike[] };
}

const TERMINAL = new Set(['succeeded', 'failed', 'canceled', 'cancelled']);

/** Still being created, updated or replicated: worth watching until it settles. */
export function isSettling(version: VersionStatusLike): boolean {
  const state = version.provisioningState?.toLowerCase();
  if (state !== undefined && !TERMINAL.has(state)) {
    return true;
  }
  return version.replicationStatus?.aggregatedState?.toLowerCase() === 'inprogress';
}

export interface ReplicationProgress {
  readonly regions: number;
  readonly completed: number;
  readonly failed: number;
  /** Mean progress over regions, 0–100. */
  readonly percent: number;
}

export function replicationProgress(version: VersionStatusLike): ReplicationProgress | undefined {
  const summary = version.replicationStatus?.summary;
  if (!summary || summary.length === 0) {
    return undefined;
  }
  const completed = summary.filter((r) => r.state?.toLowerCase() === 'completed').length;
  const failed = summary.filter((r) => r.state?.toLowerCase() === 'failed').length;
  const total = summary.reduce((sum, r) => sum + (r.state?.toLowerCase() === 'completed' ? 100 : Math.max(0, Math.min(100, r.progress ?? 0))), 0);
  return { regions: summary.length, completed, failed, percent: Math.round(total / summary.length) };
}

/** "Replicating 45% · 1 of 3 regions", "Creating", "Replication failed in 1 of 3 regions", or undefined when settled fine. */
export function describeProgress(version: VersionStatusLike): string | undefined {
  const progress = replicationProgress(version);
  if (progress && progress.failed > 0) {
    return progress.regions === 1 ? l10n.t('Replication failed in {0} of 1 region', progress.failed) : l10n.t('Replication failed in {0} of {1} regions', progress.failed, progress.regions);
  }
  if (!isSettling(version)) {
    return version.provisioningState && version.provisioningState !== 'Succeeded' ? version.provisioningState : undefined;
  }
  if (progress && progress.completed < progress.regions) {
    return progress.regions === 1
      ? l10n.t('Replicating {0}% · {1} of 1 region', progress.percent, progress.completed)
      : l10n.t('Replicating {0}% · {1} of {2} regions', progress.percent, progress.completed, progress.regions);
  }
  return version.provisioningState ?? l10n.t('In progress');
}

/** Wait before the n-th re-check (0-based): base, 2×base, 4×base … capped. */
export function backoffDelay(attempt: number, baseMs = 5_000, maxMs = 60_000): number {
  return Math.min(maxMs, baseMs * 2 ** Math.min(attempt, 16));
}
