/**
 * Image-version replication over time: the source region replicates first, then every other new target
 * region in parallel, each taking `msPerRegion`. States follow the swagger enum ReplicationState
 * (Unknown | Replicating | Completed | Failed); a region that has not started yet is reported as
 * Replicating with progress 0 and details 'Queued'.
 */
import { normalizeLocation } from './resourceIds';
import type { RegionReplication } from './store';

export interface RegionalReplicationStatus {
    region: string;
    state: 'Replicating' | 'Completed' | 'Failed';
    details: string;
    progress: number;
}

export interface ReplicationStatus {
    aggregatedState: 'InProgress' | 'Completed' | 'Failed';
    summary: RegionalReplicationStatus[];
}

/** Fraction of its window a failing region gets through before it fails. */
const FAIL_AT = 0.6;

/**
 * Timeline for `regions`; regions already present in `previous` (and not failed) keep their timeline.
 * With `fail`, the last newly replicated region fails.
 */
export function planReplication(
    regions: readonly string[],
    sourceRegion: string,
    start: number,
    msPerRegion: number,
    previous: readonly RegionReplication[] = [],
    fail = false,
): RegionReplication[] {
    const kept = new Map(previous.filter((r) => !r.fails).map((r) => [normalizeLocation(r.region), r]));
    const source = normalizeLocation(sourceRegion);
    const fresh = regions.filter((r) => !kept.has(normalizeLocation(r)));
    const sourceIsNew = fresh.some((r) => normalizeLocation(r) === source);
    const plan = regions.map((region): RegionReplication => {
        const previousEntry = kept.get(normalizeLocation(region));
        if (previousEntry) {
            return { ...previousEntry, region };
        }
        const isSource = normalizeLocation(region) === source;
        const startAt = isSource || !sourceIsNew ? start : start + msPerRegion;
        return { region, startAt, endAt: startAt + msPerRegion, fails: false };
    });
    if (fail) {
        const last = [...plan].reverse().find((p) => fresh.includes(p.region));
        if (last) {
            last.fails = true;
            last.endAt = last.startAt + Math.round(msPerRegion * FAIL_AT);
        }
    }
    return plan;
}

/** When the last region finishes (or `start` when nothing replicates). */
export function replicationEnd(plan: readonly RegionReplication[], start: number): number {
    return plan.reduce((end, r) => Math.max(end, r.endAt), start);
}

export function replicationStatus(plan: readonly RegionReplication[], now: number): ReplicationStatus {
    const summary = plan.map((r): RegionalReplicationStatus => {
        const window = Math.max(1, r.endAt - r.startAt);
        if (now >= r.endAt) {
            return r.fails
                ? {
                      region: r.region,
                      state: 'Failed',
                      details: `Replication failed in region '${r.region}'. An internal execution error occurred. Please retry later.`,
                      progress: Math.round(FAIL_AT * 100),
                  }
                : { region: r.region, state: 'Completed', details: '', progress: 100 };
        }
        if (now < r.startAt) {
            return { region: r.region, state: 'Replicating', details: 'Queued', progress: 0 };
        }
        const fraction = (now - r.startAt) / (r.fails ? window / FAIL_AT : window);
        return { region: r.region, state: 'Replicating', details: '', progress: Math.min(99, Math.floor(fraction * 100)) };
    });
    const done = summary.every((s) => s.state !== 'Replicating');
    const aggregatedState = !done ? 'InProgress' : summary.some((s) => s.state === 'Failed') ? 'Failed' : 'Completed';
    return { aggregatedState, summary };
}
