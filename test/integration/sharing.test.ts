/**
 * Issue 13 through the extension's Azure layer (src/azure/armServices.ts, the real @azure/arm-compute SDK) against the
 * emulator with seeds/sharing.json: share a gallery and see the other tenant's view change, browse what is shared
 * with me down to a version, accept and reject invites, community galleries by public name. The image-reference ids
 * the domain builds are the ones ARM gives (`uniqueId`).
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import '../emulator/trustCa';
import { startEmulator, type RunningEmulator } from '../emulator/ArmEmulator';
import { parseIdOfKind, type GalleryId } from '../../src/azure/armId';
import type { ArmServices, GalleryService, Page, SharedGalleryRef } from '../../src/azure/services';
import { communityGalleryImageId, sharedGalleryImageId, sharingStateLabel, sharingStateOf } from '../../src/domain/sharing';
import { armServicesFor } from './emulatorServices';

const SEED = path.join(__dirname, '..', 'emulator', 'seeds', 'sharing.json');
const CONTOSO_TENANT = '7c1f4b2e-3d5a-4e8f-9b6c-2a1d0e9f8c7b';
const CONTOSO_SUB = '8f3b1c2d-4e5f-4a6b-9c7d-0e1f2a3b4c5d';
const NORTHWIND_TENANT = '4b5c6d7e-8f90-4a1b-9c2d-3e4f5a6b7c8d';
const NORTHWIND_SUB = '0d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6';
const PUBLIC_NAME = 'northwind-6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b';
const OWN_GALLERY_ID = `/subscriptions/${CONTOSO_SUB}/resourceGroups/rg-sharing/providers/Microsoft.Compute/galleries/contosoToShare`;

async function everything<T>(fetchPage: (token: string | undefined) => Promise<Page<T>>): Promise<T[]> {
  const out: T[] = [];
  let token: string | undefined;
  do {
    const page = await fetchPage(token);
    out.push(...page.items);
    token = page.continuationToken;
  } while (token);
  return out;
}

function galleryId(id: string): GalleryId {
  return parseIdOfKind(id, 'gallery');
}

describe('integration: sharing through the Azure layer (issue 13)', function () {
  this.timeout(30000);
  let emulator: RunningEmulator;
  let services: ArmServices;
  let contoso: GalleryService;
  let northwind: GalleryService;

  beforeEach(async () => {
    emulator = await startEmulator({ seed: SEED, lroDelayMs: 50, retryAfterSeconds: 0, pageSize: 1 });
    services = armServicesFor(emulator);
    contoso = services.galleryService(CONTOSO_SUB, CONTOSO_TENANT);
    northwind = services.galleryService(NORTHWIND_SUB, NORTHWIND_TENANT);
  });
  afterEach(async () => {
    await emulator.close();
  });

  it('browses a gallery another tenant shared with my subscription down to a version; its reference is the one ARM gives', async () => {
    const galleries = await everything((t) => contoso.listSharedGalleries('eastus', 'subscription', { continuationToken: t }));
    assert.deepEqual(galleries.map((g) => g.name), ['northwindShared']);
    const uniqueName = galleries[0].uniqueId?.split('/').pop() ?? '';
    const ref: SharedGalleryRef = { location: 'eastus', galleryUniqueName: uniqueName };
    assert.equal((await contoso.getSharedGallery(ref)).name, 'northwindShared');

    // pageSize 1: every list here takes several pages, all followed through the continuation token
    const images = await everything((t) => contoso.listSharedImages(ref, 'subscription', { continuationToken: t }));
    assert.deepEqual(images.map((i) => i.name), ['nw-ubuntu-2404', 'nw-ws2022']);
    const image = await contoso.getSharedImage(ref, 'nw-ubuntu-2404');
    assert.equal(image.osType, 'Linux');
    const versions = await everything((t) => contoso.listSharedImageVersions(ref, 'nw-ubuntu-2404', 'subscription', { continuationToken: t }));
    assert.deepEqual(versions.map((v) => `${v.name}${v.excludeFromLatest ? ' (excluded)' : ''}`), ['1.0.0', '1.1.0', '2.0.0 (excluded)']);
    const version = await contoso.getSharedImageVersion(ref, 'nw-ubuntu-2404', '1.1.0');
    assert.equal(sharedGalleryImageId(uniqueName, 'nw-ubuntu-2404', '1.1.0'), version.uniqueId);

    const tenantWide = await everything((t) => contoso.listSharedGalleries('eastus', 'tenant', { continuationToken: t }));
    assert.deepEqual(tenantWide.map((g) => g.name), ['northwindTenantWide']);
  });

  it('shares my gallery with a subscription and a tenant, then stops: the other tenant sees each change', async () => {
    const id = galleryId(OWN_GALLERY_ID);
    assert.equal(sharingStateLabel(sharingStateOf((await contoso.getGalleryWithSharing(id)).sharingProfile)), 'Private');

    const confirmed = await contoso.updateSharingProfile(id, {
      operationType: 'Add',
      groups: [
        { type: 'Subscriptions', ids: [` ${NORTHWIND_SUB} `, NORTHWIND_SUB.toUpperCase()] },
        { type: 'AADTenants', ids: [NORTHWIND_TENANT] },
      ],
    });
    assert.deepEqual(confirmed.groups, [
      { type: 'Subscriptions', ids: [NORTHWIND_SUB] },
      { type: 'AADTenants', ids: [NORTHWIND_TENANT] },
    ], 'ids are trimmed and de-duplicated before sending');
    const shared = await contoso.getGalleryWithSharing(id);
    assert.equal(sharingStateLabel(sharingStateOf(shared.sharingProfile)), 'Shared with 1 subscription and 1 tenant');
    const seen = await northwind.listSharedGalleries('eastus', 'subscription');
    assert.deepEqual(seen.items.map((g) => g.name), ['contosoToShare']);
    const ref = { location: 'eastus', galleryUniqueName: `${CONTOSO_SUB}-CONTOSOTOSHARE` };
    const theirVersions = await northwind.listSharedImageVersions(ref, 'share-me', 'subscription');
    assert.deepEqual(theirVersions.items.map((v) => v.name), ['1.0.0']);

    await contoso.updateSharingProfile(id, { operationType: 'Reset' });
    assert.deepEqual((await northwind.listSharedGalleries('eastus', 'subscription')).items, []);
    assert.deepEqual((await northwind.listSharedGalleries('eastus', 'tenant')).items, []);
    assert.equal(sharingStateOf((await contoso.getGalleryWithSharing(id)).sharingProfile).kind, 'private');
  });

  it('a bad sharing update is refused with a clear message and nothing is sent', async () => {
    const id = galleryId(OWN_GALLERY_ID);
    const before = emulator.requests.length;
    await assert.rejects(
      contoso.updateSharingProfile(id, { operationType: 'Add', groups: [{ type: 'Subscriptions', ids: ['contoso-prod'] }] }),
      (err: Error) => /"contoso-prod" is not a subscription ID/.test(err.message) && /contosoToShare/.test(err.message),
    );
    await assert.rejects(contoso.updateSharingProfile(id, { operationType: 'Remove', groups: [] }), /at least one subscription or tenant/);
    assert.equal(emulator.requests.length, before, 'no request reached ARM');
  });

  it('accepts a pending invite (the gallery appears) and rejects a share (the sharer no longer lists me)', async () => {
    assert.deepEqual((await contoso.listSharedGalleries('eastus', 'subscription')).items.map((g) => g.name), ['northwindShared']);
    await contoso.acceptSharedGallery({ level: 'subscription', location: 'eastus', sharerSubscriptionId: NORTHWIND_SUB, galleryName: 'northwindPending' });
    const after = await everything((t) => contoso.listSharedGalleries('eastus', 'subscription', { continuationToken: t }));
    assert.deepEqual(after.map((g) => g.name).sort(), ['northwindPending', 'northwindShared']);

    await contoso.rejectSharedGallery({ level: 'tenant', location: 'eastus', sharerSubscriptionId: NORTHWIND_SUB, galleryName: 'northwindTenantWide' });
    assert.deepEqual((await contoso.listSharedGalleries('eastus', 'tenant')).items, []);
    const sharer = await northwind.getGalleryWithSharing(galleryId(`/subscriptions/${NORTHWIND_SUB}/resourceGroups/rg-northwind-images/providers/Microsoft.Compute/galleries/northwindTenantWide`));
    assert.equal(sharingStateOf(sharer.sharingProfile).kind, 'private');

    await assert.rejects(
      contoso.acceptSharedGallery({ level: 'subscription', location: 'eastus', sharerSubscriptionId: NORTHWIND_SUB, galleryName: 'noSuchGallery' }),
      (err: { statusCode?: number }) => err.statusCode === 404,
    );
  });

  it('opens a community gallery by public name down to a version, and publishes my own with EnableCommunity', async () => {
    const ref = { location: 'eastus', publicGalleryName: PUBLIC_NAME };
    const gallery = await contoso.getCommunityGallery(ref);
    assert.equal(gallery.communityMetadata?.publisherUri, 'https://northwind.example.com');
    assert.equal(gallery.communityMetadata?.eula, 'https://northwind.example.com/eula');
    const images = await everything((t) => contoso.listCommunityImages(ref, { continuationToken: t }));
    assert.deepEqual(images.map((i) => i.name), ['nw-community-ubuntu']);
    assert.equal((await contoso.getCommunityImage(ref, 'nw-community-ubuntu')).architecture, 'x64');
    const versions = await everything((t) => contoso.listCommunityImageVersions(ref, 'nw-community-ubuntu', { continuationToken: t }));
    assert.deepEqual(versions.map((v) => v.name), ['1.0.0', '1.0.1']);
    const version = await contoso.getCommunityImageVersion(ref, 'nw-community-ubuntu', '1.0.1');
    assert.equal(communityGalleryImageId(PUBLIC_NAME, 'nw-community-ubuntu', '1.0.1'), version.uniqueId);

    const id = galleryId(OWN_GALLERY_ID);
    await assert.rejects(contoso.enableCommunity(id), /communityGalleryInfo/, 'without the publisher fields ARM refuses');
    await contoso.updateGallery(id, {
      properties: {
        sharingProfile: {
          permissions: 'Community',
          communityGalleryInfo: {
            publisherUri: 'https://contoso.example.com',
            publisherContact: 'images@contoso.example.com',
            eula: 'https://contoso.example.com/eula',
            publicNamePrefix: 'contoso',
          },
        },
      },
    });
    const published = await contoso.enableCommunity(id);
    const state = sharingStateOf(published.sharingProfile);
    assert.ok(state.kind === 'community' && state.enabled && state.publicNames.length === 1, JSON.stringify(state));
    assert.match(sharingStateLabel(state), /^Community: contoso-/);
    const theirs = await northwind.getCommunityImageVersion({ location: 'eastus', publicGalleryName: state.publicNames[0] }, 'share-me', '1.0.0');
    assert.equal(theirs.name, '1.0.0');
  });
});
