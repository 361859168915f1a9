import * as assert from 'node:assert/strict';
import { cleanupRulesProblem, planCleanup } from '../../../src/domain/cleanup';
import type { CleanupPlan, CleanupVersionLike, KeepReason } from '../../../src/domain/cleanup';

const NOW = Date.parse('2026-12-06T12:00:00Z');
const DAY = 24 * 60 * 60 * 1000;
const daysAgo = (n: number): string => new Date(NOW - n * DAY).toISOString();
const inDays = (n: number): string => new Date(NOW + n * DAY).toISOString();

interface V extends CleanupVersionLike {
  readonly name: string;
}

function v(name: string, extra: Partial<Omit<V, 'name'>> & { published?: string; eol?: string; excluded?: boolean } = {}): V {
  const { published, eol, excluded, ...rest } = extra;
  return {
    name,
    provisioningState: 'Succeeded',
    publishingProfile: {
      ...(published === undefined ? {} : { publishedDate: published }),
      ...(eol === undefined ? {} : { endOfLifeDate: eol }),
      ...(excluded === undefined ? {} : { excludeFromLatest: excluded }),
    },
    ...rest,
  };
}

/** "name: delete (rules)" / "name: keep (reasons)" newest first, as the preview lists them. */
function summary(plan: CleanupPlan<V>): string[] {
  const reason = (r: KeepReason): string => (r.kind === 'keepNewest' ? `keepNewest#${r.rank}` : r.kind === 'notSucceeded' ? `notSucceeded:${r.state}` : r.kind === 'blocked' ? `blocked:${r.block.reason}` : r.kind);
  return plan.decisions.map((d) => (d.decision === 'delete' ? `${d.name}: delete (${d.rules.join(', ')})` : `${d.name}: keep (${d.reasons.map(reason).join(', ')})`));
}

describe('domain/cleanup: planCleanup', () => {
  it('older than N days selects by published date, strictly; latest is kept even when old', () => {
    const versions = [v('1.0.0', { published: daysAgo(100) }), v('1.1.0', { published: daysAgo(30) }), v('1.2.0', { published: daysAgo(29) }), v('1.3.0', { published: daysAgo(90) })];
    const plan = planCleanup(versions, { olderThanDays: 30 }, NOW);
    assert.deepEqual(summary(plan), ['1.3.0: keep (latest)', '1.2.0: keep (notSelected)', '1.1.0: keep (notSelected)', '1.0.0: delete (olderThan)']);
    assert.deepEqual(plan.toDelete.map((x) => x.name), ['1.0.0']);
    assert.equal(plan.latestBefore?.name, '1.3.0');
    assert.equal(plan.latestAfter?.name, '1.3.0');
  });

  it('ties in the published date get the same decision; keep-newest counts versions by number, not by date', () => {
    const same = daysAgo(60);
    const versions = [v('2.0.0', { published: same }), v('1.0.0', { published: same }), v('1.5.0', { published: same }), v('3.0.0', { published: daysAgo(1) })];
    assert.deepEqual(summary(planCleanup(versions, { olderThanDays: 30 }, NOW)), [
      '3.0.0: keep (latest)',
      '2.0.0: delete (olderThan)',
      '1.5.0: delete (olderThan)',
      '1.0.0: delete (olderThan)',
    ]);
    assert.deepEqual(summary(planCleanup(versions, { olderThanDays: 30, keepNewest: 2 }, NOW)), [
      '3.0.0: keep (latest, keepNewest#1)',
      '2.0.0: keep (keepNewest#2)',
      '1.5.0: delete (olderThan)',
      '1.0.0: delete (olderThan)',
    ]);
  });

  it('all versions past end of life: every one goes except latest', () => {
    const versions = [v('1.0.0', { eol: daysAgo(10) }), v('1.1.0', { eol: daysAgo(5) }), v('1.2.0', { eol: daysAgo(1) })];
    const plan = planCleanup(versions, { pastEndOfLife: true }, NOW);
    assert.deepEqual(summary(plan), ['1.2.0: keep (latest)', '1.1.0: delete (pastEndOfLife)', '1.0.0: delete (pastEndOfLife)']);
    const kept = plan.decisions[0];
    assert.ok(kept.decision === 'keep' && kept.rules.includes('pastEndOfLife'), 'the preview can say it matched the rule but is latest');
  });

  it("past end of life uses the definition's date when the version has none", () => {
    const versions = [v('1.0.0'), v('1.1.0', { eol: inDays(30) }), v('1.2.0')];
    assert.deepEqual(summary(planCleanup(versions, { pastEndOfLife: true }, NOW, { definitionEndOfLifeDate: daysAgo(1) })), [
      '1.2.0: keep (latest)',
      '1.1.0: keep (notSelected)',
      '1.0.0: delete (pastEndOfLife)',
    ]);
  });

  it('the highest version excluded from latest: latest is the next one, and the excluded one can go', () => {
    const versions = [v('1.0.0', { published: daysAgo(50) }), v('1.1.0', { published: daysAgo(40) }), v('2.0.0', { published: daysAgo(1), excluded: true })];
    const plan = planCleanup(versions, { excludedFromLatest: true, olderThanDays: 45 }, NOW);
    assert.deepEqual(summary(plan), ['2.0.0: delete (excludedFromLatest)', '1.1.0: keep (latest)', '1.0.0: delete (olderThan)']);
    assert.equal(plan.latestBefore?.name, '1.1.0');
    assert.equal(plan.latestAfter?.name, '1.1.0', 'clean-up never moves latest');
  });

  it('missing or unreadable published dates are never "older than"', () => {
    const versions = [v('1.0.0'), v('1.1.0', { published: 'not a date' }), v('1.2.0', { published: daysAgo(400) }), v('1.3.0', { published: daysAgo(1) })];
    assert.deepEqual(summary(planCleanup(versions, { olderThanDays: 7 }, NOW)), [
      '1.3.0: keep (latest)',
      '1.2.0: delete (olderThan)',
      '1.1.0: keep (notSelected)',
      '1.0.0: keep (notSelected)',
    ]);
  });

  it('versions blocked before their end of life (or with no end of life) are kept; once the date passed they can go', () => {
    const block = { safetyProfile: { blockDeletionBeforeEndOfLife: true } };
    const versions = [
      v('1.0.0', { ...block, eol: inDays(10), published: daysAgo(100) }),
      v('1.1.0', { ...block, published: daysAgo(100) }),
      v('1.2.0', { ...block, eol: daysAgo(1), published: daysAgo(100) }),
      v('1.3.0', { published: daysAgo(1) }),
    ];
    assert.deepEqual(summary(planCleanup(versions, { olderThanDays: 30 }, NOW)), [
      '1.3.0: keep (latest)',
      '1.2.0: delete (olderThan)',
      '1.1.0: keep (blocked:noEndOfLife)',
      '1.0.0: keep (blocked:beforeEndOfLife)',
    ]);
  });

  it('versions still being created, failed or replicating are kept', () => {
    const versions = [
      v('1.0.0', { published: daysAgo(100), provisioningState: 'Failed' }),
      v('1.1.0', { published: daysAgo(100), provisioningState: 'Creating' }),
      v('1.2.0', { published: daysAgo(100), replicationStatus: { aggregatedState: 'InProgress' } }),
      v('1.3.0', { published: daysAgo(100) }),
      v('1.4.0', { published: daysAgo(1) }),
    ];
    assert.deepEqual(summary(planCleanup(versions, { olderThanDays: 30 }, NOW)), [
      '1.4.0: keep (latest)',
      '1.3.0: delete (olderThan)',
      '1.2.0: keep (replicating)',
      '1.1.0: keep (notSucceeded:Creating)',
      '1.0.0: keep (notSucceeded:Failed)',
    ]);
  });

  it('a higher version that failed is not latest: the highest succeeded one is, and stays', () => {
    const versions = [v('2.0.0', { provisioningState: 'Failed', eol: daysAgo(1) }), v('1.0.0', { eol: daysAgo(1) })];
    const plan = planCleanup(versions, { pastEndOfLife: true }, NOW);
    assert.deepEqual(summary(plan), ['2.0.0: keep (notSucceeded:Failed)', '1.0.0: keep (latest)']);
    assert.equal(plan.toDelete.length, 0);
  });

  it('keep the newest N alone selects every version beyond them', () => {
    const versions = ['1.0.0', '1.10.0', '1.2.0', '1.9.0'].map((name) => v(name));
    assert.deepEqual(summary(planCleanup(versions, { keepNewest: 2 }, NOW)), [
      '1.10.0: keep (latest, keepNewest#1)',
      '1.9.0: keep (keepNewest#2)',
      '1.2.0: delete (beyondNewest)',
      '1.0.0: delete (beyondNewest)',
    ]);
  });

  it('rules combine as OR and each selecting rule is named', () => {
    const versions = [v('1.0.0', { published: daysAgo(90), eol: daysAgo(1), excluded: true }), v('1.1.0', { published: daysAgo(1), excluded: true }), v('1.2.0')];
    assert.deepEqual(summary(planCleanup(versions, { olderThanDays: 30, pastEndOfLife: true, excludedFromLatest: true }, NOW)), [
      '1.2.0: keep (latest)',
      '1.1.0: delete (excludedFromLatest)',
      '1.0.0: delete (olderThan, pastEndOfLife, excludedFromLatest)',
    ]);
  });

  it('an empty definition gives an empty plan', () => {
    const plan = planCleanup<V>([], { olderThanDays: 1 }, NOW);
    assert.deepEqual(plan.decisions, []);
    assert.equal(plan.latestBefore, undefined);
  });
});

describe('domain/cleanup: cleanupRulesProblem', () => {
  it('needs one rule, and whole numbers in range', () => {
    assert.equal(cleanupRulesProblem({}), 'noRule');
    assert.equal(cleanupRulesProblem({ pastEndOfLife: false, excludedFromLatest: false }), 'noRule');
    assert.equal(cleanupRulesProblem({ olderThanDays: -1 }), 'olderThanDaysInvalid');
    assert.equal(cleanupRulesProblem({ olderThanDays: 1.5 }), 'olderThanDaysInvalid');
    assert.equal(cleanupRulesProblem({ keepNewest: 0 }), 'keepNewestInvalid');
    assert.equal(cleanupRulesProblem({ keepNewest: 3 }), undefined);
    assert.equal(cleanupRulesProblem({ olderThanDays: 0 }), undefined);
    assert.equal(cleanupRulesProblem({ excludedFromLatest: true }), undefined);
  });
});
