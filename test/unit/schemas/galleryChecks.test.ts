import * as assert from 'node:assert/strict';
import { parseTree } from 'jsonc-parser';
import type { GalleryResourceKind } from '../../../src/schemas/resourceKinds';
import { imageVersionNameProblem, normalizeRegion, runGalleryChecks } from '../../../src/schemas/galleryChecks';
import { bodySchema } from '../../../src/schemas/schemaCatalog';

const NOW = new Date('2026-06-01T00:00:00Z');

function check(kind: GalleryResourceKind, body: unknown): string[] {
  const root = parseTree(JSON.stringify(body));
  assert.ok(root);
  return runGalleryChecks({ kind, resource: root, schema: bodySchema(kind), now: NOW }).map((problem) => `${problem.code}: ${problem.message}`);
}

describe('gallery checks', () => {
  it('accepts Major.Minor.Patch version names with 32-bit parts', () => {
    for (const name of ['0.0.0', '1.0.0', '2018.12.1', '2147483647.2147483647.2147483647', '01.002.0003']) {
      assert.equal(imageVersionNameProblem(name), undefined, name);
    }
  });

  it('explains what is wrong with a version name', () => {
    assert.match(imageVersionNameProblem('1.0') ?? '', /must have three parts/);
    assert.match(imageVersionNameProblem('1.0.0.0') ?? '', /must have three parts/);
    assert.match(imageVersionNameProblem('1.0.0-beta') ?? '', /Patch part "0-beta" is not an integer/);
    assert.match(imageVersionNameProblem('v1.0.0') ?? '', /Major part "v1" is not an integer/);
    assert.match(imageVersionNameProblem('1..0') ?? '', /Minor part "" is not an integer/);
    assert.match(imageVersionNameProblem('1.2147483648.0') ?? '', /Minor part 2147483648 is larger than 2,147,483,647/);
    assert.match(imageVersionNameProblem('1.0.99999999999') ?? '', /Patch part 99999999999 is larger/);
    // Issue 10: the form, the tree and Azure refuse more than 10 digits in a part, even when the value is small.
    assert.equal(
      imageVersionNameProblem('00000000001.0.0'),
      'Image version name "00000000001.0.0": Major part "00000000001" has more than 10 digits. Azure takes at most 10 digits per part, leading zeros included.',
    );
  });

  it('compares regions as Azure does: without case or spaces', () => {
    assert.equal(normalizeRegion('West Europe'), 'westeurope');
    assert.equal(normalizeRegion('  East US 2 '), 'eastus2');
    assert.deepEqual(check('imageVersion', { location: 'West Europe', properties: { publishingProfile: { targetRegions: [{ name: 'westeurope' }] } } }), []);
  });

  it('requires the source region among the target regions, and no region twice', () => {
    assert.deepEqual(check('imageVersion', { location: 'westus', properties: { publishingProfile: { targetRegions: [{ name: 'eastus' }, { name: 'East US' }] } } }), [
      'duplicateTargetRegion: Target region "East US" is listed twice (as "eastus" before). Azure rejects duplicate target regions.',
      'sourceRegionNotTargeted: The source region "westus" (the version\'s location) is not among the target regions ("eastus", "East US"). Azure requires publishingProfile.targetRegions to include the location of the image version.',
    ]);
    // Nothing to compare against: no target regions (Azure replicates to the source region), or expressions.
    assert.deepEqual(check('imageVersion', { location: 'westus', properties: { publishingProfile: {} } }), []);
    assert.deepEqual(check('imageVersion', { location: 'westus', properties: { publishingProfile: { targetRegions: "[parameters('regions')]" } } }), []);
    assert.deepEqual(check('imageVersion', { location: '[parameters(\'l\')]', properties: { publishingProfile: { targetRegions: [{ name: 'eastus' }] } } }), []);
  });

  it('warns about end-of-life dates in the past, in definitions and versions, not in the future', () => {
    assert.equal(check('imageDefinition', { location: 'x', properties: { endOfLifeDate: '2026-05-31T23:59:59Z' } }).length, 1);
    assert.equal(check('imageVersion', { location: 'x', properties: { publishingProfile: { endOfLifeDate: '2020-01-01' } } }).length, 1);
    assert.deepEqual(check('imageDefinition', { location: 'x', properties: { endOfLifeDate: '2026-06-02' } }), []);
    assert.deepEqual(check('imageDefinition', { location: 'x', properties: { endOfLifeDate: 'not a date' } }), []);
  });

  it('compares recommended minimums and maximums, numbers or numeric strings', () => {
    assert.deepEqual(check('imageDefinition', { location: 'x', properties: { recommended: { memory: { min: '64', max: 16 } } } }), [
      'minGreaterThanMax: Recommended memory: min (64) is greater than max (16). Azure rejects a minimum above the maximum.',
    ]);
    assert.deepEqual(check('imageDefinition', { location: 'x', properties: { recommended: { vCPUs: { min: 2, max: 2 }, memory: { min: '[variables(\'m\')]', max: 1 } } } }), []);
  });

  it('rejects storageAccountType together with storageAccountStrategy', () => {
    assert.deepEqual(check('imageVersion', { location: 'x', properties: { publishingProfile: { storageAccountType: 'Standard_LRS', storageAccountStrategy: 'PreferStandard_ZRS' } } }), [
      'storageAccountTypeAndStrategy: storageAccountStrategy cannot be set together with storageAccountType in the publishing profile; keep one (a target region can still set its own storageAccountType).',
    ]);
  });

  it('suggests the intended name for unknown properties and accepts read-only ones', () => {
    assert.deepEqual(check('imageVersion', { location: 'x', properties: { publishingProfile: { excludeFromLastest: true }, storageProfile: {} } }), [
      'unknownProperty: Unknown property "excludeFromLastest" in "publishingProfile". Did you mean "excludeFromLatest"? Azure ignores properties it does not know.',
    ]);
    assert.deepEqual(check('gallery', { location: 'x', properties: { Description: 'd' } }), [
      'unknownProperty: Property "Description" is spelled "description" in the API. Azure matches names without case, but other checks (required properties, completions) expect "description".',
    ]);
    assert.deepEqual(check('gallery', { id: '/x', name: 'g', type: 't', location: 'x', tags: { any: 'thing' }, properties: { identifier: { uniqueName: 'u' }, provisioningState: 'Succeeded', sharingStatus: { aggregatedState: 'Succeeded' } } }), []);
  });
  it('warns when deletion is blocked before end of life but there is no end-of-life date (issue 11)', () => {
    const version = (safetyProfile: unknown, publishingProfile: Record<string, unknown> = {}) => ({
      location: 'eastus',
      properties: { publishingProfile: { targetRegions: [{ name: 'eastus' }], ...publishingProfile }, safetyProfile },
    });
    assert.deepEqual(check('imageVersion', version({ blockDeletionBeforeEndOfLife: true })), [
      'deletionBlockedWithoutEndOfLife: blockDeletionBeforeEndOfLife is true but publishingProfile.endOfLifeDate is not set: Azure will refuse to delete this image version until the block is turned off. Set an end-of-life date to allow deletion after it.',
    ]);
    assert.deepEqual(check('imageVersion', version({ blockDeletionBeforeEndOfLife: 'true' })).map((p) => p.split(':')[0]), ['deletionBlockedWithoutEndOfLife']);
    assert.deepEqual(check('imageVersion', version({ blockDeletionBeforeEndOfLife: true }, { endOfLifeDate: '2027-01-01' })), []);
    assert.deepEqual(check('imageVersion', version({ blockDeletionBeforeEndOfLife: false })), []);
    assert.deepEqual(check('imageVersion', version({ blockDeletionBeforeEndOfLife: true }, { endOfLifeDate: "[parameters('eol')]" })), []);
    // A PATCH body holds only what changes: the version may have its date already.
    const root = parseTree(JSON.stringify(version({ blockDeletionBeforeEndOfLife: true })));
    assert.ok(root);
    assert.deepEqual(runGalleryChecks({ kind: 'imageVersion', resource: root, now: NOW, update: true }), []);
  });
});
