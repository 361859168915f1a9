import * as assert from 'node:assert/strict';
import { refusedRegionRemovals } from '../../../src/domain/deletionSafety';

describe('refusedRegionRemovals: which replicated regions ARM refuses to drop in an update (issue 11)', () => {
  it('every region left out is refused while allowDeletionOfReplicatedLocations is false', () => {
    assert.deepEqual(refusedRegionRemovals(['East US', 'West Europe', 'North Europe'], ['eastus'], false), ['West Europe', 'North Europe']);
  });

  it('none is refused once the update allows it', () => {
    assert.deepEqual(refusedRegionRemovals(['East US', 'West Europe'], ['eastus'], true), []);
  });

  it('regions compare without case or spaces; adding a region or keeping the set is never refused', () => {
    assert.deepEqual(refusedRegionRemovals(['East US 2', 'West Europe'], ['westeurope', 'EASTUS2'], false), []);
    assert.deepEqual(refusedRegionRemovals(['East US'], ['East US', 'West Europe'], false), []);
    assert.deepEqual(refusedRegionRemovals(['', 'East US'], ['eastus'], false), []);
  });
});
