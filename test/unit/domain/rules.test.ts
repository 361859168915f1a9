import * as assert from 'node:assert/strict';
import { endOfLifeRefusal, endOfLifeStatus, isPastEndOfLife } from '../../../src/domain/endOfLife';
import { normalizeRegion, sameRegion } from '../../../src/domain/regions';
import {
  architectureFitsGeneration,
  diskControllersFitGeneration,
  isGeneration2,
  securityTypeFitsArchitecture,
  securityTypeFitsGeneration,
  securityTypeNeedsGeneration2,
} from '../../../src/domain/securityProfile';

const NOW = Date.parse('2026-11-22T12:00:00Z');

describe('domain: regions, end of life, security type and generation', () => {
  it('regions compare without case or spaces', () => {
    for (const spelling of ['West Europe', 'westeurope', 'WestEurope', ' west  europe ']) {
      assert.equal(normalizeRegion(spelling), 'westeurope', spelling);
      assert.ok(sameRegion(spelling, 'WESTEUROPE'), spelling);
    }
    assert.ok(!sameRegion('eastus', 'eastus2'));
  });

  it('an end-of-life date must be in the future: a day is midnight UTC, so today has passed', () => {
    assert.equal(endOfLifeRefusal('2026-11-23', NOW), undefined);
    assert.equal(endOfLifeRefusal('2026-11-22', NOW), 'notInTheFuture');
    assert.equal(endOfLifeRefusal('2026-11-22T12:00:00Z', NOW), 'notInTheFuture');
    assert.equal(endOfLifeRefusal('2026-11-22T12:00:01Z', NOW), undefined);
    assert.equal(endOfLifeRefusal('soon', NOW), 'notADate');
    assert.equal(isPastEndOfLife('soon', NOW), false);
    assert.equal(isPastEndOfLife(new Date(NOW), NOW), true);
  });

  it('the tree warns 30 days ahead and marks a passed date', () => {
    const now = new Date(NOW);
    assert.equal(endOfLifeStatus('2026-11-22', now)?.kind, 'passed');
    assert.deepEqual(endOfLifeStatus('2026-12-01T12:00:00Z', now)?.days, 9);
    assert.equal(endOfLifeStatus('2027-06-01', now), undefined);
    assert.equal(endOfLifeStatus('not a date', now), undefined);
  });

  it('Trusted Launch and confidential security types need Gen2; unset generation is V1', () => {
    for (const type of ['TrustedLaunch', 'TrustedLaunchSupported', 'ConfidentialVM', 'ConfidentialVmSupported', 'TrustedLaunchAndConfidentialVmSupported']) {
      assert.ok(securityTypeNeedsGeneration2(type), type);
      assert.ok(!securityTypeFitsGeneration(type, 'V1'), type);
      assert.ok(!securityTypeFitsGeneration(type, undefined), type);
      assert.ok(securityTypeFitsGeneration(type, 'v2'), type);
    }
    assert.ok(securityTypeFitsGeneration('', 'V1'));
    assert.ok(securityTypeFitsGeneration('Standard', 'V1'));
    assert.ok(!isGeneration2(''));
  });

  it('Arm64 and NVMe need Gen2; confidential VMs need x64', () => {
    assert.ok(!architectureFitsGeneration('Arm64', 'V1'));
    assert.ok(!architectureFitsGeneration('Arm64', undefined));
    assert.ok(architectureFitsGeneration('Arm64', 'V2'));
    assert.ok(architectureFitsGeneration('x64', 'V1'));
    assert.ok(!diskControllersFitGeneration('SCSI, NVMe', 'V1'));
    assert.ok(diskControllersFitGeneration('SCSI', 'V1'));
    assert.ok(!securityTypeFitsArchitecture('ConfidentialVmSupported', 'Arm64'));
    assert.ok(securityTypeFitsArchitecture('TrustedLaunchSupported', 'Arm64'));
  });
});
