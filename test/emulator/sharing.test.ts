/**
 * Issue 13 in the emulator: gallery sharing (sharingProfile, POST …/share as a Location LRO), galleries shared with
 * me (subscription and tenant level), community galleries by public name, invites (accept / reject) — over plain
 * HTTPS and through the real SDK, with the seeds/sharing.json second tenant (Northwind).
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { startEmulator, type RunningEmulator } from './ArmEmulator';
import { loadSeed } from './seed';
import { armRequest, computeClient, CONTOSO_PROD_SUB, CONTOSO_TENANT, DEFAULT_SEED_PATH, errorCode } from './testSupport';

const SHARING_SEED = path.join(__dirname, 'seeds', 'sharing.json');
const NORTHWIND_TENANT = '4b5c6d7e-8f90-4a1b-9c2d-3e4f5a6b7c8d';
const NORTHWIND_SUB = '0d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6';
const NORTHWIND_SHARED = `${NORTHWIND_SUB}-NORTHWINDSHARED`;
const NORTHWIND_TENANT_WIDE = `${NORTHWIND_SUB}-NORTHWINDTENANTWIDE`;
const PUBLIC_NAME = 'northwind-6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b';
const OWN_GALLERY = `/subscriptions/${CONTOSO_PROD_SUB}/resourceGroups/rg-sharing/providers/Microsoft.Compute/galleries/contosoToShare`;
const Q = 'api-version=2025-12-03';
const OTHER_SUB = '11111111-2222-4333-8444-555555555555';

type Json = Record<string, unknown>;

async function all<T>(iterable: AsyncIterable<T>): Promise<T[]> {
    const out: T[] = [];
    for await (const item of iterable) {
        out.push(item);
    }
    return out;
}

describe('emulator: gallery sharing (issue 13)', function () {
    this.timeout(20000);
    let emulator: RunningEmulator;

    beforeEach(async () => {
        emulator = await startEmulator({ seed: SHARING_SEED, lroDelayMs: 60, retryAfterSeconds: 0 });
    });
    afterEach(async () => {
        await emulator.close();
    });

    const contoso = () => computeClient(emulator, { subscriptionId: CONTOSO_PROD_SUB, tenantId: CONTOSO_TENANT });
    const northwind = () => computeClient(emulator, { subscriptionId: NORTHWIND_SUB, tenantId: NORTHWIND_TENANT });

    it('lists galleries shared with the subscription, and with the tenant only on sharedTo=tenant; a pending invite hides its gallery', async () => {
        const bySubscription = await all(contoso().sharedGalleries.list('eastus'));
        assert.deepEqual(bySubscription.map((g) => g.name), ['northwindShared']);
        assert.equal(bySubscription[0].uniqueId, `/SharedGalleries/${NORTHWIND_SHARED}`);
        const byTenant = await all(contoso().sharedGalleries.list('eastus', { sharedTo: 'tenant' }));
        assert.deepEqual(byTenant.map((g) => g.name), ['northwindTenantWide']);
        assert.deepEqual(await all(contoso().sharedGalleries.list('westeurope')), [], 'other regions show nothing');
    });

    it('browses a shared gallery down to a version with the labels own images have', async () => {
        const client = contoso();
        const images = await all(client.sharedGalleryImages.list('eastus', NORTHWIND_SHARED));
        assert.deepEqual(images.map((i) => i.name), ['nw-ubuntu-2404', 'nw-ws2022']);
        const ubuntu = await client.sharedGalleryImages.get('eastus', NORTHWIND_SHARED, 'nw-ubuntu-2404');
        assert.equal(ubuntu.osType, 'Linux');
        assert.equal(ubuntu.hyperVGeneration, 'V2');
        assert.equal(ubuntu.architecture, 'x64');
        assert.ok(ubuntu.endOfLifeDate instanceof Date && ubuntu.endOfLifeDate.getTime() > Date.now());
        const versions = await all(client.sharedGalleryImageVersions.list('eastus', NORTHWIND_SHARED, 'nw-ubuntu-2404'));
        assert.deepEqual(versions.map((v) => v.name), ['1.0.0', '1.1.0', '2.0.0']);
        assert.deepEqual(versions.map((v) => v.excludeFromLatest), [false, false, true]);
        const v = await client.sharedGalleryImageVersions.get('eastus', NORTHWIND_SHARED, 'nw-ubuntu-2404', '1.1.0');
        assert.equal(v.uniqueId, `/SharedGalleries/${NORTHWIND_SHARED}/Images/nw-ubuntu-2404/Versions/1.1.0`);
        assert.equal(v.storageProfile?.osDiskImage?.diskSizeGB, 30);
        // the tenant-wide gallery is reachable by its unique name too
        const tenantWide = await client.sharedGalleryImageVersions.get('eastus', NORTHWIND_TENANT_WIDE, 'nw-base-arm64', '1.0.0');
        assert.equal(tenantWide.name, '1.0.0');
    });

    it('refuses a shared gallery not shared with the caller (404), also to a subscription of the right tenant', async () => {
        const res = await armRequest(emulator, 'GET', `/subscriptions/${CONTOSO_PROD_SUB}/providers/Microsoft.Compute/locations/eastus/sharedGalleries/${NORTHWIND_SUB}-NORTHWINDPENDING?${Q}`);
        assert.equal(res.status, 404);
        assert.equal(errorCode(res.json), 'ResourceNotFound');
    });

    it('accepting the pending invite makes the gallery appear; rejecting removes the share on the sharer side', async () => {
        const client = contoso();
        await client.sharedGalleryInvites.gallerySharingAccept('eastus', NORTHWIND_SUB, 'northwindPending', { updateIntervalInMs: 10 });
        const listed = await all(client.sharedGalleries.list('eastus'));
        assert.deepEqual(listed.map((g) => g.name).sort(), ['northwindPending', 'northwindShared']);

        await client.sharedGalleryInvites.gallerySharingReject('eastus', NORTHWIND_SUB, 'northwindShared', { updateIntervalInMs: 10 });
        assert.deepEqual((await all(client.sharedGalleries.list('eastus'))).map((g) => g.name), ['northwindPending']);
        const sharer = await northwind().galleries.get('rg-northwind-images', 'northwindShared', { expand: 'SharingProfile/Groups' });
        assert.deepEqual(sharer.sharingProfile?.groups, []);
        assert.equal(sharer.sharingProfile?.permissions, 'Private');
    });

    it('invites answer 202 + Location and a 204 monitor (SharedGalleryInvite.tsp), tenant level too', async () => {
        const res = await armRequest(emulator, 'POST', `/providers/Microsoft.Compute/locations/eastus/tenantLevelSharedGallerySubscriptions/${NORTHWIND_SUB}/sharedGalleries/northwindTenantWide/accept?${Q}`);
        assert.equal(res.status, 202);
        const location = res.headers.get('location');
        assert.ok(location && /\/providers\/Microsoft\.Compute\/locations\/eastus\/capsOperations\/[^/?]+\?monitor=true/.test(location), String(location));
        await new Promise((r) => setTimeout(r, 80));
        const done = await armRequest(emulator, 'GET', new URL(location).pathname + new URL(location).search);
        assert.equal(done.status, 204);
        const unknown = await armRequest(emulator, 'POST', `/subscriptions/${CONTOSO_PROD_SUB}/providers/Microsoft.Compute/locations/eastus/sharedGallerySubscriptions/${NORTHWIND_SUB}/sharedGalleries/northwindCommunity/accept?${Q}`);
        assert.equal(unknown.status, 404, 'a gallery not shared with this subscription has no invite');
    });

    it('sharing profile updates are LROs that change what the other tenant sees (Add, Remove, Reset)', async () => {
        const owner = contoso();
        const other = computeClient(emulator, { subscriptionId: NORTHWIND_SUB, tenantId: NORTHWIND_TENANT });
        const before = await owner.galleries.get('rg-sharing', 'contosoToShare');
        assert.equal(before.sharingProfile, undefined, 'a private gallery has no sharing profile');

        const added = await owner.gallerySharingProfile.update(
            'rg-sharing',
            'contosoToShare',
            { operationType: 'Add', groups: [{ type: 'Subscriptions', ids: [NORTHWIND_SUB] }, { type: 'AADTenants', ids: [NORTHWIND_TENANT] }] },
            { updateIntervalInMs: 10 },
        );
        assert.equal(added.operationType, 'Add');
        const shared = await owner.galleries.get('rg-sharing', 'contosoToShare', { expand: 'SharingProfile/Groups' });
        assert.equal(shared.sharingProfile?.permissions, 'Groups');
        assert.deepEqual(shared.sharingProfile?.groups, [
            { type: 'Subscriptions', ids: [NORTHWIND_SUB] },
            { type: 'AADTenants', ids: [NORTHWIND_TENANT] },
        ]);
        const plain = await owner.galleries.get('rg-sharing', 'contosoToShare');
        assert.equal(plain.sharingProfile?.groups, undefined, 'groups only with $expand');
        const selected = await armRequest(emulator, 'GET', `${OWN_GALLERY}?${Q}&$select=Permissions`);
        assert.equal(((selected.json as Json).properties as { sharingProfile: Json }).sharingProfile.permissions, 'Groups');

        const unique = `${CONTOSO_PROD_SUB}-CONTOSOTOSHARE`;
        assert.deepEqual((await all(other.sharedGalleries.list('eastus'))).map((g) => g.uniqueId), [`/SharedGalleries/${unique}`]);
        assert.deepEqual((await all(other.sharedGalleries.list('eastus', { sharedTo: 'tenant' }))).map((g) => g.uniqueId), [`/SharedGalleries/${unique}`]);

        await owner.gallerySharingProfile.update('rg-sharing', 'contosoToShare', { operationType: 'Remove', groups: [{ type: 'Subscriptions', ids: [NORTHWIND_SUB] }] }, { updateIntervalInMs: 10 });
        assert.deepEqual(await all(other.sharedGalleries.list('eastus')), []);
        assert.equal((await all(other.sharedGalleries.list('eastus', { sharedTo: 'tenant' }))).length, 1);

        await owner.gallerySharingProfile.update('rg-sharing', 'contosoToShare', { operationType: 'Reset' }, { updateIntervalInMs: 10 });
        assert.deepEqual(await all(other.sharedGalleries.list('eastus', { sharedTo: 'tenant' })), []);
        const reset = await owner.galleries.get('rg-sharing', 'contosoToShare', { expand: 'SharingProfile/Groups' });
        assert.equal(reset.sharingProfile?.permissions, 'Private');
        assert.deepEqual(reset.sharingProfile?.groups, []);
    });

    it('share answers 202 + Location; the monitor is 202 while running, then 200 with the update', async () => {
        const body = { operationType: 'Add', groups: [{ type: 'Subscriptions', ids: [OTHER_SUB] }] };
        const res = await armRequest(emulator, 'POST', `${OWN_GALLERY}/share?${Q}`, { body });
        assert.equal(res.status, 202);
        assert.deepEqual(res.json, body);
        const location = new URL(String(res.headers.get('location')));
        const running = await armRequest(emulator, 'GET', location.pathname + location.search);
        assert.equal(running.status, 202);
        await new Promise((r) => setTimeout(r, 80));
        const done = await armRequest(emulator, 'GET', location.pathname + location.search);
        assert.equal(done.status, 200);
        assert.deepEqual(done.json, body);
    });

    it('rejects bad sharing updates with ARM errors and changes nothing', async () => {
        const bad = await armRequest(emulator, 'POST', `${OWN_GALLERY}/share?${Q}`, { body: { operationType: 'Add', groups: [{ type: 'Subscriptions', ids: ['not-a-guid'] }] } });
        assert.equal(bad.status, 400);
        const badType = await armRequest(emulator, 'POST', `${OWN_GALLERY}/share?${Q}`, { body: { operationType: 'ShareWithEveryone' } });
        assert.equal(badType.status, 400);
        const community = await armRequest(emulator, 'POST', `${OWN_GALLERY}/share?${Q}`, { body: { operationType: 'EnableCommunity' } });
        assert.equal(community.status, 400, 'EnableCommunity needs permissions Community and the publisher fields');
        assert.match(String((community.json as { error: { message: string } }).error.message), /publisherUri/);
        const after = await contoso().galleries.get('rg-sharing', 'contosoToShare', { expand: 'SharingProfile/Groups' });
        assert.equal(after.sharingProfile, undefined);
    });

    it('a community gallery is found by public name with its publisher metadata, down to versions; EnableCommunity publishes a new one', async () => {
        const reader = contoso();
        const gallery = await reader.communityGalleries.get('eastus', PUBLIC_NAME);
        assert.equal(gallery.name, PUBLIC_NAME);
        assert.equal(gallery.communityMetadata?.publisherContact, 'images@northwind.example.com');
        assert.deepEqual(gallery.communityMetadata?.publicNames, [PUBLIC_NAME]);
        const images = await all(reader.communityGalleryImages.list('eastus', PUBLIC_NAME));
        assert.deepEqual(images.map((i) => i.name), ['nw-community-ubuntu']);
        const versions = await all(reader.communityGalleryImageVersions.list('eastus', PUBLIC_NAME, 'nw-community-ubuntu'));
        assert.deepEqual(versions.map((v) => v.name), ['1.0.0', '1.0.1']);
        const v = await reader.communityGalleryImageVersions.get('eastus', PUBLIC_NAME, 'nw-community-ubuntu', '1.0.1');
        assert.equal(v.uniqueId, `/CommunityGalleries/${PUBLIC_NAME}/Images/nw-community-ubuntu/Versions/1.0.1`);
        await assert.rejects(reader.communityGalleries.get('westeurope', PUBLIC_NAME), (e: { statusCode?: number }) => e.statusCode === 404);

        const owner = contoso();
        await owner.galleries.update(
            'rg-sharing',
            'contosoToShare',
            {
                sharingProfile: {
                    permissions: 'Community',
                    communityGalleryInfo: { publisherUri: 'https://contoso.example.com', publisherContact: 'images@contoso.example.com', eula: 'https://contoso.example.com/eula', publicNamePrefix: 'contoso' },
                },
            },
            { updateIntervalInMs: 10 },
        );
        await owner.gallerySharingProfile.update('rg-sharing', 'contosoToShare', { operationType: 'EnableCommunity' }, { updateIntervalInMs: 10 });
        const enabled = await owner.galleries.get('rg-sharing', 'contosoToShare');
        const names = enabled.sharingProfile?.communityGalleryInfo?.publicNames ?? [];
        assert.equal(enabled.sharingProfile?.communityGalleryInfo?.communityGalleryEnabled, true);
        assert.equal(names.length, 1);
        assert.match(names[0], /^contoso-/);
        const seenByOthers = await northwind().communityGalleryImageVersions.get('eastus', names[0], 'share-me', '1.0.0');
        assert.equal(seenByOthers.name, '1.0.0');

        await owner.gallerySharingProfile.update('rg-sharing', 'contosoToShare', { operationType: 'Reset' }, { updateIntervalInMs: 10 });
        await assert.rejects(northwind().communityGalleries.get('eastus', names[0]), (e: { statusCode?: number }) => e.statusCode === 404);
    });

    it('loads on top of the default seed (what the VS Code tests will run): both sets of galleries are there', async () => {
        const both = await startEmulator({ seed: DEFAULT_SEED_PATH, lroDelayMs: 60, retryAfterSeconds: 0 });
        try {
            both.store.seed(loadSeed(SHARING_SEED));
            const client = computeClient(both, { subscriptionId: CONTOSO_PROD_SUB, tenantId: CONTOSO_TENANT });
            const own = (await all(client.galleries.list())).map((g) => g.name).sort();
            assert.deepEqual(own, ['contosoImages', 'contosoToShare', 'shared_gallery.prod']);
            assert.deepEqual((await all(client.sharedGalleries.list('eastus'))).map((g) => g.name), ['northwindShared']);
        } finally {
            await both.close();
        }
    });
});
