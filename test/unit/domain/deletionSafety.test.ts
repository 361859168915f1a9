import * as assert from 'node:assert/strict';
import { deletionBlock, lastPurgeTime, purgeTime } from '../../../src/domain/deletionSafety';

describe('deletion safety rules (issue 11)', () => {
  const now = Date.parse('2026-12-06T12:00:00Z');

  it('a soft-deleted version is purged 7 days after its deletion; the last purge is the latest of them', () => {
    assert.equal(purgeTime('2026-12-01T08:00:00Z')?.toISOString(), '2026-12-08T08:00:00.000Z');
    assert.equal(lastPurgeTime(['2026-12-01T08:00:00Z', undefined, 'not a date', new Date('2026-12-03T00:00:00Z')])?.toISOString(), '2026-12-10T00:00:00.000Z');
    assert.equal(lastPurgeTime([undefined, 'not a date']), undefined);
    assert.equal(lastPurgeTime([]), undefined);
  });

  it('blocks deletion before the end of life, and forever without one; not once it has passed', () => {
    const blocked = { safetyProfile: { blockDeletionBeforeEndOfLife: true } };
    assert.deepEqual(deletionBlock({ ...blocked, publishingProfile: { endOfLifeDate: '2027-01-01' } }, now), { reason: 'beforeEndOfLife', until: new Date('2027-01-01T00:00:00Z') });
    assert.deepEqual(deletionBlock(blocked, now), { reason: 'noEndOfLife' });
    assert.equal(deletionBlock({ ...blocked, publishingProfile: { endOfLifeDate: '2026-01-01' } }, now), undefined);
    assert.equal(deletionBlock({ publishingProfile: { endOfLifeDate: '2027-01-01' } }, now), undefined);
  });
});
