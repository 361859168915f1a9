import * as assert from 'node:assert/strict';
import { backoffDelay, describeProgress, isSettling, replicationProgress } from '../../src/tree/replication';

const region = (name: string, state: string, progress?: number) => ({ region: name, state, progress });

describe('replication progress shown on image versions', () => {
  it('shows per-region progress while replicating', () => {
    const v = {
      provisioningState: 'Creating',
      replicationStatus: { aggregatedState: 'InProgress', summary: [region('eastus', 'Completed', 100), region('westus', 'Replicating', 40), region('northeurope', 'Queued', 0)] },
    };
    assert.equal(isSettling(v), true);
    assert.deepEqual(replicationProgress(v), { regions: 3, completed: 1, failed: 0, percent: 47 });
    assert.equal(describeProgress(v), 'Replicating 47% · 1 of 3 regions');
  });

  it('is settled and silent once every region completed', () => {
    const v = { provisioningState: 'Succeeded', replicationStatus: { aggregatedState: 'Completed', summary: [region('eastus', 'Completed', 100)] } };
    assert.equal(isSettling(v), false);
    assert.equal(describeProgress(v), undefined);
  });

  it('says where replication failed', () => {
    const v = { provisioningState: 'Failed', replicationStatus: { aggregatedState: 'Failed', summary: [region('eastus', 'Completed'), region('westus', 'Failed')] } };
    assert.equal(describeProgress(v), 'Replication failed in 1 of 2 regions');
  });

  it('treats Creating/Updating without replication details as in progress', () => {
    assert.equal(isSettling({ provisioningState: 'Updating' }), true);
    assert.equal(describeProgress({ provisioningState: 'Creating' }), 'Creating');
  });

  it('backs off re-checks up to a ceiling', () => {
    assert.deepEqual([0, 1, 2, 3, 4, 10].map((n) => backoffDelay(n, 5_000, 60_000)), [5_000, 10_000, 20_000, 40_000, 60_000, 60_000]);
  });
});
