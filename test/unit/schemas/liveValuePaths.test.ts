import * as assert from 'node:assert/strict';
import { listForPath } from '../../../src/schemas/liveValuePaths';

describe('Azure values offered while editing gallery resources', () => {
  it('offers regions for location and target regions', () => {
    assert.equal(listForPath(['location']), 'locations');
    assert.equal(listForPath(['properties', 'publishingProfile', 'targetRegions', 2, 'name']), 'locations');
    assert.equal(listForPath(['properties', 'location']), undefined);
  });

  it('offers the right resources for each source field', () => {
    assert.equal(listForPath(['properties', 'storageProfile', 'source', 'id']), 'imageSources');
    assert.equal(listForPath(['properties', 'storageProfile', 'source', 'virtualMachineId']), 'virtualMachines');
    assert.equal(listForPath(['properties', 'sourceVirtualMachine', 'id']), 'virtualMachines');
    assert.equal(listForPath(['properties', 'storageProfile', 'osDisk', 'managedDisk', 'id']), 'disks');
    assert.equal(listForPath(['properties', 'storageProfile', 'dataDisks', 0, 'snapshot', 'id']), 'snapshots');
    assert.equal(listForPath(['properties', 'publishingProfile', 'targetRegions', 0, 'encryption', 'osDiskImage', 'diskEncryptionSetId']), 'diskEncryptionSets');
    assert.equal(listForPath(['dependsOn', 0]), 'galleries');
    assert.equal(listForPath(['properties', 'description']), undefined);
  });

  it('offers regions in VM application versions, and never lists storage blobs for their package or configuration', () => {
    assert.equal(listForPath(['properties', 'publishingProfile', 'targetRegions', 0, 'name']), 'locations');
    assert.equal(listForPath(['properties', 'publishingProfile', 'source', 'mediaLink']), undefined);
    assert.equal(listForPath(['properties', 'publishingProfile', 'source', 'defaultConfigurationLink']), undefined);
  });
});
