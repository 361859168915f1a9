import * as assert from 'node:assert/strict';
import { compareVersionNames, endOfLifeStatus, parseVersionName, resolveLatest, sortVersionsDescending } from '../../src/tree/versionOrdering';

const v = (name: string, excludeFromLatest = false) => ({ name, publishingProfile: { excludeFromLatest } });

describe('image version ordering and latest', () => {
  it('orders numerically, not as text (1.10.0 after 1.9.0)', () => {
    const sorted = sortVersionsDescending([v('1.9.0'), v('1.10.0'), v('1.2.0'), v('0.0.1')]).map((x) => x.name);
    assert.deepEqual(sorted, ['1.10.0', '1.9.0', '1.2.0', '0.0.1']);
    assert.ok(compareVersionNames('2.0.0', '10.0.0') < 0);
  });

  it('resolves latest to the highest version not excluded from latest', () => {
    assert.equal(resolveLatest([v('1.0.0'), v('2.0.0', true), v('1.10.0')])?.name, '1.10.0');
    assert.equal(resolveLatest([v('2.0.0', true)]), undefined);
  });

  it('does not name a version that is still being created or failed as latest', () => {
    const creating = { name: '3.0.0', provisioningState: 'Creating', publishingProfile: { excludeFromLatest: false } };
    const failed = { name: '2.5.0', provisioningState: 'Failed', publishingProfile: { excludeFromLatest: false } };
    assert.equal(resolveLatest([v('1.0.0'), creating, failed])?.name, '1.0.0');
  });

  it('accepts only Major.Minor.Patch with 32-bit parts', () => {
    assert.deepEqual(parseVersionName('2018.12.1'), [2018, 12, 1]);
    assert.deepEqual(parseVersionName('2147483647.0.0'), [2147483647, 0, 0]);
    assert.equal(parseVersionName('2147483648.0.0'), undefined);
    assert.equal(parseVersionName('1.0'), undefined);
    assert.equal(parseVersionName('1.0.0-beta'), undefined);
    // Leading zeros: the value counts (2024.01.05 sorts as 2024.1.5), up to 10 digits a part.
    assert.deepEqual(parseVersionName('2024.01.05'), [2024, 1, 5]);
    assert.deepEqual(parseVersionName('0000000001.0.0'), [1, 0, 0]);
    assert.equal(parseVersionName('00000000001.0.0'), undefined);
    assert.ok(compareVersionNames('2024.01.10', '2024.1.9') > 0);
  });

  it('warns when end of life has passed or is within 30 days', () => {
    const now = new Date('2026-11-22T00:00:00Z');
    assert.equal(endOfLifeStatus('2026-01-01T00:00:00Z', now)?.kind, 'passed');
    const soon = endOfLifeStatus('2026-12-10T00:00:00Z', now);
    assert.equal(soon?.kind, 'soon');
    assert.equal(soon?.days, 18);
    assert.equal(endOfLifeStatus('2027-06-01T00:00:00Z', now), undefined);
    assert.equal(endOfLifeStatus(undefined, now), undefined);
  });
});
