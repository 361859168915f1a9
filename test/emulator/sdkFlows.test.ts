/**
 * The emulator driven by the real @azure/arm-compute v25 SDK (HTTPS, bearer tokens, pollers, paging).
 */
import * as assert from 'node:assert/strict';
import type { ComputeManagementClient } from '@azure/arm-compute';
import { startEmulator, type RunningEmulator } from './ArmEmulator';
import {
    armRequest,
    computeClient,
    CONTOSO_PROD_SUB,
    DEFAULT_SEED_PATH,
    errorCode,
    FABRIKAM_SUB,
    sleep,
    waitFor,
} from './testSupport';

const RG = 'rg-gallery-prod';
const BUILD_RG = 'rg-image-build';
const FAST = { updateIntervalInMs: 20 };
const SOURCE_IMAGE = `/subscriptions/${CONTOSO_PROD_SUB}/resourceGroups/${BUILD_RG}/providers/Microsoft.Compute/images/img-ubuntu2404-arm-20261105`;

interface RestErrorLike {
    statusCode?: number;
    code?: string;
    message: string;
}

async function rejection(promise: Promise<unknown>): Promise<RestErrorLike> {
    try {
        await promise;
    } catch (err) {
        return err as RestErrorLike;
    }
    assert.fail('expected the call to fail');
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
    const items: T[] = [];
    for await (const item of iterable) items.push(item);
    return items;
}

describe('emulator with the @azure/arm-compute SDK', function () {
    let emulator: RunningEmulator;
    let client: ComputeManagementClient;

    before(async () => {
        emulator = await startEmulator({
            seed: DEFAULT_SEED_PATH,
            pageSize: 2,
            lroDelayMs: 150,
            replicationMsPerRegion: 250,
            retryAfterSeconds: 0,
        });
        client = computeClient(emulator);
    });

    after(async () => {
        await emulator.close();
    });

    it('creates gallery → definition → version through the pollers, all ending Succeeded', async () => {
        const gallery = await client.galleries.createOrUpdate(RG, 'flowGallery', { location: 'eastus', description: 'flow' }, FAST);
        assert.equal(gallery.provisioningState, 'Succeeded');
        assert.equal(gallery.identifier?.uniqueName, `${CONTOSO_PROD_SUB}-FLOWGALLERY`);
        assert.equal(gallery.type, 'Microsoft.Compute/galleries');

        const definition = await client.galleryImages.createOrUpdate(
            RG,
            'flowGallery',
            'flow-def',
            {
                location: 'eastus',
                osType: 'Linux',
                osState: 'Generalized',
                hyperVGeneration: 'V2',
                architecture: 'Arm64',
                identifier: { publisher: 'Contoso', offer: 'Flow', sku: 'arm64' },
                endOfLifeDate: new Date('2030-01-01T00:00:00Z'),
            },
            FAST,
        );
        assert.equal(definition.provisioningState, 'Succeeded');
        assert.equal(definition.architecture, 'Arm64');

        const version = await client.galleryImageVersions.createOrUpdate(
            RG,
            'flowGallery',
            'flow-def',
            '1.0.0',
            {
                location: 'eastus',
                storageProfile: { source: { id: SOURCE_IMAGE } },
                publishingProfile: { targetRegions: [{ name: 'East US' }, { name: 'West Europe', regionalReplicaCount: 2 }] },
            },
            FAST,
        );
        assert.equal(version.provisioningState, 'Succeeded');
        assert.deepEqual(
            version.publishingProfile?.targetRegions?.map((r) => [r.name, r.regionalReplicaCount, r.storageAccountType]),
            [
                ['East US', 1, 'Standard_LRS'],
                ['West Europe', 2, 'Standard_LRS'],
            ],
        );
        assert.ok(version.publishingProfile?.publishedDate instanceof Date);
        assert.equal(version.storageProfile?.osDiskImage?.sizeInGB, 30, 'disk size from the source managed image');

        const puts = emulator.requests.filter((r) => r.method === 'PUT' && r.path.includes('flowGallery'));
        assert.deepEqual(puts.map((r) => r.status), [201, 201, 201]);
        assert.ok(emulator.requests.some((r) => r.path.includes('/capsOperations/')), 'polled Azure-AsyncOperation');
    });

    it('shows replication progress over time with $expand=ReplicationStatus', async () => {
        const started = Date.now();
        const poller = client.galleryImageVersions.createOrUpdate(
            RG,
            'contosoImages',
            'ubuntu-2404-arm64-g2',
            '1.2.0',
            {
                location: 'eastus',
                storageProfile: { source: { id: SOURCE_IMAGE } },
                publishingProfile: { targetRegions: [{ name: 'East US' }, { name: 'West Europe' }, { name: 'West US 2' }] },
            },
            FAST,
        );
        const get = () => client.galleryImageVersions.get(RG, 'contosoImages', 'ubuntu-2404-arm64-g2', '1.2.0', { expand: 'ReplicationStatus' });
        const early = await waitFor(async () => {
            try {
                return await get();
            } catch {
                return undefined;
            }
        });
        assert.equal(early.provisioningState, 'Creating');
        assert.equal(early.replicationStatus?.aggregatedState, 'InProgress');
        const queued = early.replicationStatus?.summary?.find((s) => s.region === 'West Europe');
        assert.equal(queued?.state, 'Replicating');
        assert.equal(queued?.progress, 0, 'other regions wait for the source region');

        const midway = await waitFor(async () => {
            const v = await get();
            const progress = v.replicationStatus?.summary?.find((s) => s.region === 'West Europe')?.progress ?? 0;
            return progress > 0 && progress < 100 ? v : undefined;
        });
        assert.equal(midway.replicationStatus?.summary?.find((s) => s.region === 'East US')?.state, 'Completed');

        const done = await poller;
        assert.equal(done.provisioningState, 'Succeeded');
        assert.ok(Date.now() - started >= 500, 'source + other regions take two replication windows');
        const final = await get();
        assert.equal(final.replicationStatus?.aggregatedState, 'Completed');
        assert.deepEqual(final.replicationStatus?.summary?.map((s) => [s.state, s.progress]), [
            ['Completed', 100],
            ['Completed', 100],
            ['Completed', 100],
        ]);
        const plain = await client.galleryImageVersions.get(RG, 'contosoImages', 'ubuntu-2404-arm64-g2', '1.2.0');
        assert.equal(plain.replicationStatus, undefined, 'replicationStatus only with $expand');
    });

    it('pages lists through nextLink (pageSize 2 → one request per page)', async () => {
        emulator.store.seed({
            generate: [
                {
                    kind: 'imageVersions',
                    parentId: `/subscriptions/${CONTOSO_PROD_SUB}/resourceGroups/${RG}/providers/Microsoft.Compute/galleries/shared_gallery.prod/images/sql-server-2022-g2`,
                    count: 7,
                },
            ],
        });
        const before = emulator.requests.length;
        const versions = await collect(client.galleryImageVersions.listByGalleryImage(RG, 'shared_gallery.prod', 'sql-server-2022-g2'));
        assert.equal(versions.length, 7);
        assert.equal(new Set(versions.map((v) => v.name)).size, 7);
        const pageRequests = emulator.requests.slice(before).filter((r) => r.path.endsWith('/sql-server-2022-g2/versions'));
        assert.equal(pageRequests.length, 4);
        assert.ok(pageRequests.slice(1).every((r) => r.query.includes('skiptoken')), 'follow-up pages use $skiptoken');

        const pages = await collect(client.galleries.list().byPage());
        assert.ok(pages.length >= 2);
        assert.ok(pages.slice(0, -1).every((p) => p.length === 2));
    });

    it('updates with PATCH (merge) through the poller', async () => {
        const updated = await client.galleries.update(RG, 'shared_gallery.prod', { description: 'patched', tags: { team: 'platform' } }, FAST);
        assert.equal(updated.description, 'patched');
        assert.deepEqual(updated.tags, { team: 'platform' });
        assert.equal(updated.provisioningState, 'Succeeded');

        const def = await client.galleryImages.update(RG, 'contosoImages', 'rhel-9-g2', { description: 'RHEL 9 (patched)' }, FAST);
        assert.equal(def.description, 'RHEL 9 (patched)');
        assert.equal(def.osType, 'Linux', 'untouched properties are kept');
    });

    it('refuses to delete a gallery or definition with children (409), then deletes bottom-up', async () => {
        const galleryError = await rejection(client.galleries.delete(RG, 'flowGallery', FAST));
        assert.equal(galleryError.statusCode, 409);
        assert.equal(galleryError.code, 'CannotDeleteResource');
        assert.match(galleryError.message, /nested resource IDs include: 'Microsoft\.Compute\/galleries\/flowGallery\/images\/flow-def'/);

        const defError = await rejection(client.galleryImages.delete(RG, 'flowGallery', 'flow-def', FAST));
        assert.equal(defError.code, 'CannotDeleteResource');

        await client.galleryImageVersions.delete(RG, 'flowGallery', 'flow-def', '1.0.0', FAST);
        await client.galleryImages.delete(RG, 'flowGallery', 'flow-def', FAST);
        await client.galleries.delete(RG, 'flowGallery', FAST);
        const gone = await rejection(client.galleries.get(RG, 'flowGallery'));
        assert.equal(gone.statusCode, 404);
        assert.equal(gone.code, 'ResourceNotFound');

        const again = await armRequest(emulator, 'DELETE', `/subscriptions/${CONTOSO_PROD_SUB}/resourceGroups/${RG}/providers/Microsoft.Compute/galleries/flowGallery?api-version=2025-12-03`);
        assert.equal(again.status, 204, 'DELETE of a missing resource');
    });

    it('shows the non-terminal state while an LRO runs, and Deleting during a delete', async () => {
        const base = `/subscriptions/${CONTOSO_PROD_SUB}/resourceGroups/${RG}/providers/Microsoft.Compute/galleries/stateGallery`;
        const put = await armRequest(emulator, 'PUT', `${base}?api-version=2025-12-03`, { body: { location: 'eastus' } });
        assert.equal(put.status, 201);
        const asyncUrl = put.headers.get('azure-asyncoperation');
        assert.ok(asyncUrl?.includes('/providers/Microsoft.Compute/locations/eastus/capsOperations/'));
        assert.equal(put.headers.get('retry-after'), '0');
        const during = await armRequest(emulator, 'GET', `${base}?api-version=2025-12-03`);
        assert.equal((during.json as { properties: { provisioningState: string } }).properties.provisioningState, 'Creating');
        const status = await armRequest(emulator, 'GET', new URL(asyncUrl ?? '').pathname + new URL(asyncUrl ?? '').search);
        assert.equal((status.json as { status: string }).status, 'InProgress');
        await sleep(200);
        const after = await armRequest(emulator, 'GET', new URL(asyncUrl ?? '').pathname + new URL(asyncUrl ?? '').search);
        assert.equal((after.json as { status: string }).status, 'Succeeded');
        assert.ok((after.json as { endTime?: string }).endTime);

        const del = await armRequest(emulator, 'DELETE', `${base}?api-version=2025-12-03`);
        assert.equal(del.status, 202);
        const location = del.headers.get('location') ?? '';
        assert.match(location, /capsOperations\/[0-9a-f-]+\?monitor=true&api-version=2025-12-03$/);
        const deleting = await armRequest(emulator, 'GET', `${base}?api-version=2025-12-03`);
        assert.equal((deleting.json as { properties: { provisioningState: string } }).properties.provisioningState, 'Deleting');
        const monitor = await armRequest(emulator, 'GET', new URL(location).pathname + new URL(location).search);
        assert.equal(monitor.status, 202);
        await sleep(200);
        const monitorDone = await armRequest(emulator, 'GET', new URL(location).pathname + new URL(location).search);
        assert.equal(monitorDone.status, 200);
        assert.equal((await armRequest(emulator, 'GET', `${base}?api-version=2025-12-03`)).status, 404);
    });

    it('creates and deletes a managed image with Location-header LROs', async () => {
        const image = await client.images.createOrUpdate(
            BUILD_RG,
            'img-from-vm',
            { location: 'eastus', sourceVirtualMachine: { id: `/subscriptions/${CONTOSO_PROD_SUB}/resourceGroups/${BUILD_RG}/providers/Microsoft.Compute/virtualMachines/vm-build-ws2022` } },
            FAST,
        );
        assert.equal(image.provisioningState, 'Succeeded');
        assert.equal(image.storageProfile?.osDisk?.osType, 'Windows', 'OS disk derived from the seeded VM');
        const monitorPolls = emulator.requests.filter((r) => r.path.includes('/locations/eastus/operations/'));
        assert.ok(monitorPolls.length > 0, 'polled the Location monitor');

        const raw = await armRequest(emulator, 'DELETE', `/subscriptions/${CONTOSO_PROD_SUB}/resourceGroups/${BUILD_RG}/providers/Microsoft.Compute/images/img-from-vm?api-version=2026-04-01`);
        assert.equal(raw.status, 202);
        assert.ok(raw.headers.get('location'));
        assert.equal(raw.headers.get('azure-asyncoperation'), null, 'images use Location only');
        await waitFor(async () => ((await armRequest(emulator, 'GET', `/subscriptions/${CONTOSO_PROD_SUB}/resourceGroups/${BUILD_RG}/providers/Microsoft.Compute/images/img-from-vm?api-version=2026-04-01`)).status === 404 ? true : undefined));
    });

    it('returns ARM 404 codes', async () => {
        assert.equal((await rejection(client.galleries.get(RG, 'noSuchGallery'))).code, 'ResourceNotFound');
        const rg = await rejection(client.galleries.get('rg-missing', 'contosoImages'));
        assert.equal(rg.statusCode, 404);
        assert.equal(rg.code, 'ResourceGroupNotFound');
        assert.equal(rg.message, "Resource group 'rg-missing' could not be found.");
        const deleteInMissingGroup = await rejection(client.galleries.delete('rg-missing', 'contosoImages', FAST));
        assert.equal(deleteInMissingGroup.statusCode, 404);
        assert.equal(deleteInMissingGroup.code, 'ResourceGroupNotFound');
        const missingSub = computeClient(emulator, { subscriptionId: '99999999-9999-4999-8999-999999999999' });
        assert.equal((await rejection(missingSub.galleries.get(RG, 'contosoImages'))).code, 'SubscriptionNotFound');
        const parent = await rejection(
            client.galleryImages.createOrUpdate(RG, 'noSuchGallery', 'def', { location: 'eastus', osType: 'Linux', osState: 'Generalized', identifier: { publisher: 'a', offer: 'b', sku: 'c' } }, FAST),
        );
        assert.equal(parent.code, 'ParentResourceNotFound');
        assert.equal(parent.message, "Can not perform requested operation on nested resource. Parent resource 'noSuchGallery' not found.");
        const message = (await rejection(client.galleries.get(RG, 'noSuchGallery'))).message;
        assert.equal(message, `The Resource 'Microsoft.Compute/galleries/noSuchGallery' under resource group '${RG}' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix`);
    });

    it('validates names and bodies like ARM (400)', async () => {
        const badVersion = await armRequest(
            emulator,
            'PUT',
            `/subscriptions/${CONTOSO_PROD_SUB}/resourceGroups/${RG}/providers/Microsoft.Compute/galleries/contosoImages/images/rhel-9-g2/versions/1.0.2147483648?api-version=2025-12-03`,
            { body: { location: 'eastus', properties: { storageProfile: { source: { id: SOURCE_IMAGE } } } } },
        );
        assert.equal(badVersion.status, 400);
        assert.deepEqual((badVersion.json as { error: { code: string; target: string } }).error.code, 'InvalidParameter');
        assert.equal((badVersion.json as { error: { target: string } }).error.target, 'galleryImageVersionName');

        const dash = await rejection(client.galleries.createOrUpdate(RG, 'my-gallery', { location: 'eastus' }, FAST));
        assert.equal(dash.statusCode, 400);
        assert.equal(dash.code, 'InvalidParameter');
        assert.match(dash.message, /including dashes, are disallowed/);
        // ARM's own message: underscores and periods only "in the middle"; a version part has at most 10 digits (src/domain).
        const trailingUnderscore = await rejection(client.galleries.createOrUpdate(RG, 'gallery_', { location: 'eastus' }, FAST));
        assert.equal(trailingUnderscore.code, 'InvalidParameter');
        const elevenDigits = await rejection(
            client.galleryImageVersions.createOrUpdate(RG, 'contosoImages', 'rhel-9-g2', '00000000001.0.0', { location: 'eastus', storageProfile: { source: { id: SOURCE_IMAGE } } }, FAST),
        );
        assert.equal(elevenDigits.code, 'InvalidParameter');
        assert.match(elevenDigits.message, /image version name is invalid/);

        const immutable = await rejection(
            client.galleryImages.createOrUpdate(RG, 'contosoImages', 'rhel-9-g2', { location: 'eastus', osType: 'Windows', osState: 'Generalized', hyperVGeneration: 'V2', architecture: 'x64', identifier: { publisher: 'Contoso', offer: 'RHEL', sku: '9-g2' } }, FAST),
        );
        assert.equal(immutable.code, 'PropertyChangeNotAllowed');
        assert.equal(immutable.message, "Changing property 'galleryImage.properties.osType' is not allowed.");

        const duplicateIdentifier = await rejection(
            client.galleryImages.createOrUpdate(RG, 'contosoImages', 'rhel-copy', { location: 'eastus', osType: 'Linux', osState: 'Generalized', identifier: { publisher: 'Contoso', offer: 'RHEL', sku: '9-g2' } }, FAST),
        );
        assert.equal(duplicateIdentifier.statusCode, 409);

        const missingOsType = await armRequest(emulator, 'PUT', `/subscriptions/${CONTOSO_PROD_SUB}/resourceGroups/${RG}/providers/Microsoft.Compute/galleries/contosoImages/images/no-ostype?api-version=2025-12-03`, {
            body: { location: 'eastus', properties: { osState: 'Generalized', identifier: { publisher: 'a', offer: 'b', sku: 'c' } } },
        });
        assert.equal(errorCode(missingOsType.json), 'InvalidParameter');
        assert.equal((missingOsType.json as { error: { target: string } }).error.target, 'galleryImage.properties.osType');

        const badEnum = await armRequest(emulator, 'PUT', `/subscriptions/${CONTOSO_PROD_SUB}/resourceGroups/${RG}/providers/Microsoft.Compute/galleries/contosoImages/images/bad-arch?api-version=2025-12-03`, {
            body: { location: 'eastus', properties: { osType: 'Linux', osState: 'Generalized', architecture: 'arm32', identifier: { publisher: 'a', offer: 'b', sku: 'c' } } },
        });
        assert.equal(badEnum.status, 400);

        const noSource = await rejection(client.galleryImageVersions.createOrUpdate(RG, 'contosoImages', 'rhel-9-g2', '9.5.0', { location: 'eastus' }, FAST));
        assert.equal(noSource.code, 'InvalidParameter');

        const regionMissing = await rejection(
            client.galleryImageVersions.createOrUpdate(RG, 'contosoImages', 'rhel-9-g2', '9.5.0', { location: 'eastus', storageProfile: { source: { id: SOURCE_IMAGE } }, publishingProfile: { targetRegions: [{ name: 'West US 2' }] } }, FAST),
        );
        assert.equal(regionMissing.message, "Gallery image version publishing profile regions 'West US 2' must contain the location of image version 'eastus'.");

        const duplicates = await rejection(
            client.galleryImageVersions.createOrUpdate(RG, 'contosoImages', 'rhel-9-g2', '9.5.0', { location: 'eastus', storageProfile: { source: { id: SOURCE_IMAGE } }, publishingProfile: { targetRegions: [{ name: 'East US' }, { name: 'eastus' }] } }, FAST),
        );
        assert.match(duplicates.message, /Duplicate regions/);

        const noLocation = await rejection(client.galleries.createOrUpdate(RG, 'noLocationGallery', { location: '' }, FAST));
        assert.equal(noLocation.statusCode, 400);

        const malformed = await armRequest(emulator, 'PUT', `/subscriptions/${CONTOSO_PROD_SUB}/resourceGroups/${RG}/providers/Microsoft.Compute/galleries/jsonGallery?api-version=2025-12-03`, { body: '{"location": "eastus",' });
        assert.equal(malformed.status, 400);
        assert.equal(errorCode(malformed.json), 'InvalidRequestContent');

        const noApiVersion = await armRequest(emulator, 'GET', `/subscriptions/${CONTOSO_PROD_SUB}/resourceGroups/${RG}/providers/Microsoft.Compute/galleries/contosoImages`);
        assert.equal(noApiVersion.status, 400);
        assert.equal(errorCode(noApiVersion.json), 'MissingApiVersionParameter');
    });

    it('refuses to drop replicated regions on update unless allowed', async () => {
        const shrink = await rejection(
            client.galleryImageVersions.update(RG, 'contosoImages', 'ws2022-datacenter-g2-tl', '1.0.0', { publishingProfile: { targetRegions: [{ name: 'East US' }] } }, FAST),
        );
        assert.equal(shrink.statusCode, 400);
        assert.match(shrink.message, /^Complete set of target locations not specified/);
        const allowed = await client.galleryImageVersions.update(
            RG,
            'contosoImages',
            'ws2022-datacenter-g2-tl',
            '1.0.0',
            { publishingProfile: { targetRegions: [{ name: 'East US' }] }, safetyProfile: { allowDeletionOfReplicatedLocations: true } },
            FAST,
        );
        assert.deepEqual(allowed.publishingProfile?.targetRegions?.map((r) => r.name), ['East US']);
    });

    it('authenticates like ARM (401 codes, WWW-Authenticate, tenant isolation)', async () => {
        const path = `/subscriptions/${CONTOSO_PROD_SUB}/resourceGroups/${RG}/providers/Microsoft.Compute/galleries/contosoImages?api-version=2025-12-03`;
        const none = await armRequest(emulator, 'GET', path, { authorization: false });
        assert.equal(none.status, 401);
        assert.equal(errorCode(none.json), 'AuthenticationFailed');
        assert.match(none.headers.get('www-authenticate') ?? '', /^Bearer authorization_uri="https:\/\/login\.microsoftonline\.com\/common", error="invalid_token"/);

        const garbage = await armRequest(emulator, 'GET', path, { authorization: 'Bearer not-a-token' });
        assert.equal(errorCode(garbage.json), 'InvalidAuthenticationToken');

        const wrongAudience = await rejection(computeClient(emulator, { aud: 'https://vault.azure.net' }).galleries.get(RG, 'contosoImages'));
        assert.equal(wrongAudience.statusCode, 401);
        assert.equal(wrongAudience.code, 'InvalidAuthenticationTokenAudience');

        const expired = await rejection(computeClient(emulator, { expiresInSeconds: -120 }).galleries.get(RG, 'contosoImages'));
        assert.equal(expired.code, 'ExpiredAuthenticationToken');

        const armAudience = await computeClient(emulator, { aud: 'https://management.core.windows.net/' }).galleries.get(RG, 'contosoImages');
        assert.equal(armAudience.name, 'contosoImages');

        const otherTenant = await rejection(computeClient(emulator, { subscriptionId: FABRIKAM_SUB }).galleries.list().next());
        assert.equal(otherTenant.statusCode, 401);
        assert.equal(otherTenant.code, 'InvalidAuthenticationTokenTenant');

        const subs = await armRequest(emulator, 'GET', '/subscriptions?api-version=2022-12-01');
        assert.deepEqual(
            (subs.json as { value: { displayName: string }[] }).value.map((s) => s.displayName).sort(),
            ['Contoso Dev/Test', 'Contoso Production'],
        );
        const tenants = await armRequest(emulator, 'GET', '/tenants?api-version=2022-12-01');
        assert.equal((tenants.json as { value: unknown[] }).value.length, 2);

        const metadata = await armRequest(emulator, 'GET', '/metadata/endpoints?api-version=2015-01-01', { authorization: false });
        assert.equal(metadata.status, 200);
        assert.ok((metadata.json as { authentication: { audiences: string[] } }).authentication.audiences.includes(emulator.url));
    });

    it('serves the read-only picker resources and resource groups', async () => {
        const vms = await collect(client.virtualMachines.listAll());
        assert.deepEqual(vms.map((v) => v.name).sort(), ['vm-app-specialized', 'vm-build-ubuntu2404-arm', 'vm-build-ws2022']);
        const disks = await collect(client.disks.listByResourceGroup(BUILD_RG));
        assert.ok(disks.length >= 4);
        assert.equal((await collect(client.snapshots.list())).length, 2);
        assert.equal((await collect(client.diskEncryptionSets.list())).length, 1);
        const images = await collect(client.images.listByResourceGroup(BUILD_RG));
        assert.ok(images.some((i) => i.name === 'img-ws2022-golden-20261015'));
        const storage = await armRequest(emulator, 'GET', `/subscriptions/${CONTOSO_PROD_SUB}/providers/Microsoft.Storage/storageAccounts?api-version=2024-01-01`);
        assert.deepEqual((storage.json as { value: { name: string }[] }).value.map((s) => s.name), ['stcontosobuildvhds']);

        const rgPath = `/subscriptions/${CONTOSO_PROD_SUB}/resourcegroups/rg-temp?api-version=2021-04-01`;
        assert.equal((await armRequest(emulator, 'HEAD', rgPath)).status, 404);
        assert.equal((await armRequest(emulator, 'PUT', rgPath, { body: { location: 'westus2' } })).status, 201);
        assert.equal((await armRequest(emulator, 'PUT', rgPath, { body: { location: 'westus2', tags: { a: 'b' } } })).status, 200);
        assert.equal((await armRequest(emulator, 'HEAD', rgPath)).status, 204);
        const list = await armRequest(emulator, 'GET', `/subscriptions/${CONTOSO_PROD_SUB}/resourcegroups?api-version=2021-04-01`);
        assert.ok((list.json as { value: unknown[]; nextLink?: string }).nextLink, 'paged (pageSize 2)');
        const del = await armRequest(emulator, 'DELETE', rgPath);
        assert.equal(del.status, 202);
        assert.match(del.headers.get('location') ?? '', /\/operationresults\//);
        await waitFor(async () => ((await armRequest(emulator, 'HEAD', rgPath)).status === 404 ? true : undefined));
    });

    it('offers the admin endpoints (health, requests, faults, seed)', async () => {
        const health = await armRequest(emulator, 'GET', '/__emulator/health', { authorization: false });
        assert.equal((health.json as { status: string }).status, 'ok');
        const seeded = await armRequest(emulator, 'POST', '/__emulator/seed', {
            authorization: false,
            body: { resourceGroups: [{ subscriptionId: CONTOSO_PROD_SUB, name: 'rg-admin', location: 'eastus' }], generate: [{ kind: 'galleries', subscriptionId: CONTOSO_PROD_SUB, resourceGroup: 'rg-admin', count: 3 }] },
        });
        assert.equal(seeded.status, 200);
        assert.equal((await collect(client.galleries.listByResourceGroup('rg-admin'))).length, 3);
        const faults = await armRequest(emulator, 'PUT', '/__emulator/faults', { authorization: false, body: [{ kind: 'unavailable', path: 'rg-admin', times: 1, retryAfterSeconds: 0 }] });
        assert.equal(faults.status, 200);
        const faulted = await armRequest(emulator, 'GET', `/subscriptions/${CONTOSO_PROD_SUB}/resourceGroups/rg-admin/providers/Microsoft.Compute/galleries?api-version=2025-12-03`);
        assert.equal(faulted.status, 503);
        assert.equal((await armRequest(emulator, 'PUT', '/__emulator/faults', { authorization: false, body: [{ kind: 'bogus' }] })).status, 400);
        const recorded = await armRequest(emulator, 'GET', '/__emulator/requests', { authorization: false });
        assert.ok((recorded.json as unknown[]).length > 10);
        assert.equal((await armRequest(emulator, 'DELETE', '/__emulator/requests', { authorization: false })).status, 204);
        assert.equal(emulator.requests.length, 0, 'clears the same array the in-process API exposes');
    });
});

describe('emulator stale child cache', function () {
    it('keeps answering 409 for staleChildCacheMs after the last child is gone', async () => {
        const emulator = await startEmulator({ seed: DEFAULT_SEED_PATH, lroDelayMs: 20, retryAfterSeconds: 0, staleChildCacheMs: 300 });
        try {
            const client = computeClient(emulator);
            await client.galleryImageVersions.delete(RG, 'shared_gallery.prod', 'web-frontend-linux', '2026.10.1', FAST);
            await client.galleryImageVersions.delete(RG, 'shared_gallery.prod', 'web-frontend-linux', '2026.11.0', FAST);
            const staleDefinition = await rejection(client.galleryImages.delete(RG, 'shared_gallery.prod', 'web-frontend-linux', FAST));
            assert.equal(staleDefinition.code, 'CannotDeleteResource', 'versions are gone but ARM still remembers them');
            assert.match(staleDefinition.message, /versions\/2026\.1[01]/);
            await sleep(320);
            await client.galleryImages.delete(RG, 'shared_gallery.prod', 'web-frontend-linux', FAST);
            await client.galleryImages.delete(RG, 'shared_gallery.prod', 'sql-server-2022-g2', FAST);
            const staleGallery = await rejection(client.galleries.delete(RG, 'shared_gallery.prod', FAST));
            assert.equal(staleGallery.code, 'CannotDeleteResource');
            await sleep(320);
            await client.galleries.delete(RG, 'shared_gallery.prod', FAST);
        } finally {
            await emulator.close();
        }
    });
});
