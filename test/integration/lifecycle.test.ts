/**
 * Issue 11 (lifecycle) through the extension's own Azure layer (src/azure/armServices.ts on the real
 * `@azure/arm-compute` SDK) against the emulator seeded with test/emulator/seeds/lifecycle.json: soft delete, the
 * soft-deleted list and restore; a delete blocked before end of life surfacing ARM's error as the user reads it;
 * refused region removal; published dates; the gallery's soft delete policy.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import '../emulator/trustCa';
import { startEmulator, type RunningEmulator } from '../emulator/ArmEmulator';
import { galleryId, imageDefinitionId, imageVersionId } from '../../src/azure/armId';
import { describeArmError, formatArmError } from '../../src/azure/armError';
import type { GalleryService } from '../../src/azure/services';
import { deletionBlock, isSoftDeleteEnabled, purgeTime } from '../../src/domain/deletionSafety';
import { armServicesFor, SEED_TENANT } from './emulatorServices';

const SEED = path.join(__dirname, '..', 'emulator', 'seeds', 'lifecycle.json');
const SUB = '6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c9d';
const RG = 'rg-lifecycle';
const DAY = 86_400_000;

const lifecycleGallery = galleryId(SUB, RG, 'lifecycleGallery');
const weekly = imageDefinitionId(lifecycleGallery, 'weekly');
const monthly = imageDefinitionId(lifecycleGallery, 'monthly');
const plain = imageDefinitionId(galleryId(SUB, RG, 'plainGallery'), 'plain-linux');

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  assert.fail('expected the call to fail');
}

describe('lifecycle (issue 11): soft delete, deletion safety and published dates through armServices', function () {
  this.timeout(30_000);
  let emulator: RunningEmulator;
  let service: GalleryService;

  async function allNames<T extends { name?: string }>(list: (token: string | undefined) => Promise<{ items: readonly T[]; continuationToken: string | undefined }>): Promise<string[]> {
    const names: string[] = [];
    let token: string | undefined;
    do {
      const page = await list(token);
      names.push(...page.items.map((i) => i.name ?? '?'));
      token = page.continuationToken;
    } while (token);
    return names;
  }
  const versionNames = (definition = weekly): Promise<string[]> =>
    allNames((continuationToken) => service.listImageVersions(definition, continuationToken ? { continuationToken } : {}));
  const softDeletedNames = (definition = weekly): Promise<string[]> =>
    allNames((continuationToken) => service.listSoftDeletedVersions(definition, continuationToken ? { continuationToken } : {}));

  beforeEach(async () => {
    emulator = await startEmulator({ seed: SEED, pageSize: 3, lroDelayMs: 30, replicationMsPerRegion: 30, retryAfterSeconds: 0 });
    service = armServicesFor(emulator).galleryService(SUB, SEED_TENANT);
  });
  afterEach(() => emulator.close());

  it('soft-deletes a version, lists it (paged) as recently deleted, and restores it into the versions list', async () => {
    const gallery = await service.getGallery(lifecycleGallery);
    assert.equal(isSoftDeleteEnabled(gallery), true);
    assert.deepEqual(await softDeletedNames(), ['0.9.0']);

    const target = imageVersionId(weekly, '1.4.0');
    const before = await service.getImageVersion(target);
    for (const name of ['1.1.0', '1.3.0', '1.4.0']) {
      await service.deleteImageVersion(imageVersionId(weekly, name));
    }
    assert.deepEqual(await versionNames(), ['1.0.0', '1.2.0', '1.5.0', '1.6.0', '1.7.0'], 'the versions left the versions list');

    // 4 soft-deleted versions, 3 a page: the second page comes through the continuation token
    const first = await service.listSoftDeletedVersions(weekly);
    assert.equal(first.items.length, 3);
    assert.ok(first.continuationToken, 'paged like every list');
    const second = await service.listSoftDeletedVersions(weekly, { continuationToken: first.continuationToken });
    assert.equal(second.continuationToken, undefined);
    assert.deepEqual([...first.items, ...second.items].map((i) => i.name), ['0.9.0', '1.1.0', '1.3.0', '1.4.0']);
    const item = second.items[0];
    assert.equal(item.resourceArmId, target.id);
    assert.equal(item.softDeletedArtifactType, 'Images');
    const deletedAt = Date.parse(item.softDeletedTime ?? '');
    assert.ok(Math.abs(deletedAt - Date.now()) < 10_000, `softDeletedTime ${String(item.softDeletedTime)}`);
    assert.equal(purgeTime(item.softDeletedTime)?.getTime(), deletedAt + 7 * DAY);

    const restored = await service.restoreImageVersion(target);
    assert.equal(restored.provisioningState, 'Succeeded');
    assert.deepEqual(restored.publishingProfile?.publishedDate, before.publishingProfile?.publishedDate, 'restored with its old published date');
    assert.deepEqual(restored.publishingProfile?.targetRegions, before.publishingProfile?.targetRegions);
    const patch = emulator.requests.filter((r) => r.method === 'PATCH');
    assert.deepEqual(patch.map((r) => [r.path.toLowerCase(), r.status]), [[`${target.id.toLowerCase()}`, 200]], 'one PATCH of the version (the documented restore)');
    assert.ok((await versionNames()).includes('1.4.0'), 'the restored version is back in the versions list');
    assert.deepEqual(await softDeletedNames(), ['0.9.0', '1.1.0', '1.3.0'], 'and has left the soft-deleted list');
  });

  it('restores the seeded soft-deleted version; a version of a gallery without soft delete is gone for good', async () => {
    await service.restoreImageVersion(imageVersionId(weekly, '0.9.0'));
    assert.deepEqual(await softDeletedNames(), []);
    assert.equal((await versionNames())[0], '0.9.0');

    await service.deleteImageVersion(imageVersionId(plain, '1.0.0'));
    assert.deepEqual(await softDeletedNames(plain), []);
    const err = await rejection(service.restoreImageVersion(imageVersionId(plain, '1.0.0')));
    assert.equal(describeArmError(err).code, 'ResourceNotFound');
  });

  it('refuses to delete a version blocked before its end of life, and the message names the date', async () => {
    const target = imageVersionId(weekly, '1.2.0');
    const version = await service.getImageVersion(target);
    const block = deletionBlock(version, Date.now());
    assert.equal(block?.reason, 'beforeEndOfLife', 'the domain rule agrees that it is blocked');
    const err = await rejection(service.deleteImageVersion(target));
    const info = describeArmError(err);
    assert.equal(info.code, 'OperationNotAllowed');
    assert.equal(info.statusCode, 409);
    const text = formatArmError("Couldn't delete image version 1.2.0", err);
    assert.ok(text.startsWith("Couldn't delete image version 1.2.0: OperationNotAllowed: Gallery image version '1.2.0' cannot be deleted before its end of life date"), text);
    assert.ok(text.includes(version.publishingProfile?.endOfLifeDate?.toISOString() ?? 'missing date'), text);
    assert.ok((await versionNames()).includes('1.2.0'), 'nothing was deleted');

    const noDate = describeArmError(await rejection(service.deleteImageVersion(imageVersionId(monthly, '2.1.0'))));
    assert.equal(noDate.code, 'OperationNotAllowed');
    assert.match(noDate.message, /no end of life date/);
    assert.deepEqual(await softDeletedNames(), ['0.9.0'], 'a refused delete soft-deletes nothing');
  });

  it('refuses to delete an image definition that still holds soft-deleted versions', async () => {
    const definition = imageDefinitionId(lifecycleGallery, 'short-lived');
    await service.createOrUpdateImageDefinition(definition, {
      location: 'eastus',
      properties: { osType: 'Linux', osState: 'Generalized', hyperVGeneration: 'V2', identifier: { publisher: 'Contoso', offer: 'LifecycleUbuntu', sku: 'short-lived' } },
    });
    const version = imageVersionId(definition, '1.0.0');
    await service.createOrUpdateImageVersion(version, {
      location: 'eastus',
      properties: { storageProfile: { source: { id: `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.Compute/images/img-lifecycle-ubuntu` } } },
    });
    await service.deleteImageVersion(version);
    const err = await rejection(service.deleteImageDefinition(definition));
    const info = describeArmError(err);
    assert.equal(info.statusCode, 409);
    assert.match(info.message, /Deleting a gallery image with soft-deleted resources is not supported/);
    assert.match(info.message, /'short-lived\/1\.0\.0'/);
  });

  it('refuses to drop a replicated region unless allowDeletionOfReplicatedLocations is set', async () => {
    const target = imageVersionId(weekly, '1.7.0');
    const err = await rejection(service.updateImageVersion(target, { properties: { publishingProfile: { targetRegions: [{ name: 'East US' }] } } }));
    const info = describeArmError(err);
    assert.equal(info.code, 'BadRequest');
    assert.match(info.message, /Complete set of target locations not specified/);
    assert.match(info.message, /West US 2/);
    const unchanged = await service.getImageVersion(target);
    assert.deepEqual(unchanged.publishingProfile?.targetRegions?.map((r) => r.name), ['East US', 'West US 2']);

    const updated = await service.updateImageVersion(target, {
      properties: { publishingProfile: { targetRegions: [{ name: 'East US' }] }, safetyProfile: { allowDeletionOfReplicatedLocations: true } },
    });
    assert.deepEqual(updated.publishingProfile?.targetRegions?.map((r) => r.name), ['East US']);
    assert.equal(updated.safetyProfile?.allowDeletionOfReplicatedLocations, true);
  });

  it('reports published dates: seeded weekly ones in the past, now for a new version', async () => {
    const page = await service.listImageVersions(weekly);
    const dates = page.items.map((v) => v.publishingProfile?.publishedDate?.getTime() ?? Number.NaN);
    assert.equal(dates.length, 3);
    assert.ok(dates.every((d) => !Number.isNaN(d)), 'every version carries a published date (a Date from the SDK)');
    assert.equal(Math.round((dates[1] - dates[0]) / DAY), 7, 'a week apart');
    assert.ok(dates[0] < Date.now() - 50 * DAY);

    const created = await service.createOrUpdateImageVersion(imageVersionId(weekly, '1.8.0'), {
      location: 'eastus',
      properties: { storageProfile: { source: { id: `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.Compute/images/img-lifecycle-ubuntu` } } },
    });
    const published = created.publishingProfile?.publishedDate?.getTime() ?? 0;
    assert.ok(Math.abs(published - Date.now()) < 10_000, `published ${String(created.publishingProfile?.publishedDate)}`);
  });

  it('turns soft delete on and off on a gallery (create and update), and GET/list return the policy', async () => {
    const id = galleryId(SUB, RG, 'newGallery');
    const created = await service.createOrUpdateGallery(id, { location: 'eastus', properties: { softDeletePolicy: { isSoftDeleteEnabled: true } } });
    assert.equal(isSoftDeleteEnabled(created), true);
    await service.updateGallery(id, { properties: { softDeletePolicy: { isSoftDeleteEnabled: false } } });
    assert.equal(isSoftDeleteEnabled(await service.getGallery(id)), false);
    const listed = await allNames((continuationToken) => service.listGalleries(continuationToken ? { continuationToken } : {}));
    assert.deepEqual(listed, ['lifecycleGallery', 'newGallery', 'plainGallery']);
    const galleries = (await service.listGalleries()).items;
    assert.deepEqual(
      galleries.map((g) => [g.name, isSoftDeleteEnabled(g)]),
      [
        ['lifecycleGallery', true],
        ['newGallery', false],
        ['plainGallery', false],
      ],
    );
  });
});
