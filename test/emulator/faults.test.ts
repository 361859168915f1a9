/**
 * Fault injection as the real SDK experiences it (retry policies, LRO failures, broken transports).
 */
import * as assert from 'node:assert/strict';
import type { ComputeManagementClient } from '@azure/arm-compute';
import { startEmulator, type RunningEmulator } from './ArmEmulator';
import { armRequest, computeClient, CONTOSO_PROD_SUB, DEFAULT_SEED_PATH, errorCode } from './testSupport';

const RG = 'rg-gallery-prod';
const FAST = { updateIntervalInMs: 20 };
const GALLERY_PATH = '/galleries/contosoImages$';
const SOURCE_IMAGE = `/subscriptions/${CONTOSO_PROD_SUB}/resourceGroups/rg-image-build/providers/Microsoft.Compute/images/img-ubuntu2404-arm-20261105`;

interface ErrorLike {
    statusCode?: number;
    code?: string;
    message: string;
}

async function rejection(promise: Promise<unknown>): Promise<ErrorLike> {
    try {
        await promise;
    } catch (err) {
        return err as ErrorLike;
    }
    assert.fail('expected the call to fail');
}

describe('emulator faults', function () {
    let emulator: RunningEmulator;
    let client: ComputeManagementClient;
    /** No retries / tiny delays, so transport failures surface at once. */
    let noRetryClient: ComputeManagementClient;

    before(async () => {
        emulator = await startEmulator({ seed: DEFAULT_SEED_PATH, lroDelayMs: 60, replicationMsPerRegion: 60, retryAfterSeconds: 0 });
        client = computeClient(emulator);
        noRetryClient = computeClient(emulator, { retryOptions: { maxRetries: 0 } });
    });

    afterEach(() => {
        emulator.setFaults([]);
    });

    after(async () => {
        await emulator.close();
    });

    function requestsTo(pathSuffix: string, since: number): number[] {
        return emulator.requests.slice(since).filter((r) => r.path.endsWith(pathSuffix)).map((r) => r.status);
    }

    it('throttle once: the SDK honours Retry-After on 429 and succeeds on the 2nd request', async () => {
        emulator.setFaults([{ kind: 'throttle', method: 'GET', path: GALLERY_PATH, times: 1, retryAfterSeconds: 1 }]);
        const since = emulator.requests.length;
        const started = Date.now();
        const gallery = await client.galleries.get(RG, 'contosoImages');
        assert.equal(gallery.name, 'contosoImages');
        assert.deepEqual(requestsTo('/galleries/contosoImages', since), [429, 200]);
        assert.ok(Date.now() - started >= 900, 'waited for Retry-After');
    });

    it('throttle body and headers look like Compute throttling', async () => {
        emulator.setFaults([{ kind: 'throttle', path: GALLERY_PATH, times: 1, retryAfterSeconds: 7 }]);
        const response = await armRequest(emulator, 'GET', `/subscriptions/${CONTOSO_PROD_SUB}/resourceGroups/${RG}/providers/Microsoft.Compute/galleries/contosoImages?api-version=2025-12-03`);
        assert.equal(response.status, 429);
        assert.equal(response.headers.get('retry-after'), '7');
        assert.match(response.headers.get('x-ms-ratelimit-remaining-resource') ?? '', /^Microsoft\.Compute\/GetGallery3Min;0$/);
        const body = response.json as { error: { code: string; details: { code: string; target: string }[] } };
        assert.equal(body.error.code, 'OperationNotAllowed');
        assert.equal(body.error.details[0].code, 'TooManyRequests');
        assert.equal(body.error.details[0].target, 'GetGallery3Min');
    });

    it('unavailable (503 + Retry-After) is retried', async () => {
        emulator.setFaults([{ kind: 'unavailable', method: 'GET', path: GALLERY_PATH, times: 2, retryAfterSeconds: 0 }]);
        const since = emulator.requests.length;
        const gallery = await computeClient(emulator, { retryOptions: { retryDelayInMs: 10, maxRetryDelayInMs: 20 } }).galleries.get(RG, 'contosoImages');
        assert.equal(gallery.name, 'contosoImages');
        assert.deepEqual(requestsTo('/galleries/contosoImages', since), [503, 503, 200]);
    });

    it('failLro: the PUT is accepted but the operation ends Failed with InternalOperationError', async () => {
        emulator.setFaults([{ kind: 'failLro', method: 'PUT', path: '/galleries/failingGallery$', times: 1 }]);
        const err = await rejection(client.galleries.createOrUpdate(RG, 'failingGallery', { location: 'eastus' }, FAST));
        assert.match(err.message, /The long-running operation has failed\. InternalOperationError\. An internal execution error occurred/);
        const gallery = await client.galleries.get(RG, 'failingGallery');
        assert.equal(gallery.provisioningState, 'Failed');
        const retried = await client.galleries.createOrUpdate(RG, 'failingGallery', { location: 'eastus' }, FAST);
        assert.equal(retried.provisioningState, 'Succeeded', 'times: 1 → only the first PUT fails');
    });

    it('failLro on an image version marks replication Failed', async () => {
        emulator.setFaults([{ kind: 'failLro', method: 'PUT', path: '/versions/', times: 1 }]);
        const err = await rejection(
            client.galleryImageVersions.createOrUpdate(
                RG,
                'contosoImages',
                'rhel-9-g2',
                '9.5.0',
                { location: 'eastus', storageProfile: { source: { id: SOURCE_IMAGE } }, publishingProfile: { targetRegions: [{ name: 'East US' }, { name: 'West US 2' }] } },
                FAST,
            ),
        );
        assert.match(err.message, /InternalOperationError/);
        const version = await client.galleryImageVersions.get(RG, 'contosoImages', 'rhel-9-g2', '9.5.0', { expand: 'ReplicationStatus' });
        assert.equal(version.provisioningState, 'Failed');
        assert.equal(version.replicationStatus?.aggregatedState, 'Failed');
        assert.deepEqual(version.replicationStatus?.summary?.map((s) => s.state), ['Completed', 'Failed']);
    });

    it('failLro on a Location-style LRO (managed image) surfaces the error status and code', async () => {
        emulator.setFaults([{ kind: 'failLro', method: 'DELETE', path: '/images/img-legacy-vhd-20250110$', times: 1 }]);
        const err = await rejection(noRetryClient.images.delete('rg-image-build', 'img-legacy-vhd-20250110', FAST));
        assert.equal(err.statusCode, 500);
        assert.equal(err.code, 'InternalOperationError');
        const image = await client.images.get('rg-image-build', 'img-legacy-vhd-20250110');
        assert.equal(image.provisioningState, 'Failed');
    });

    it('drop: the connection is destroyed without a response (network error)', async () => {
        emulator.setFaults([{ kind: 'drop', path: GALLERY_PATH }]);
        const since = emulator.requests.length;
        const err = await rejection(noRetryClient.galleries.get(RG, 'contosoImages'));
        assert.ok(['ECONNRESET', 'REQUEST_SEND_ERROR'].includes(err.code ?? ''), `network error code, got ${String(err.code)}: ${err.message}`);
        assert.equal(err.statusCode, undefined);
        assert.deepEqual(requestsTo('/galleries/contosoImages', since), [0], 'recorded with status 0');
    });

    it('drop once: the SDK retries network errors', async () => {
        emulator.setFaults([{ kind: 'drop', path: GALLERY_PATH, times: 1 }]);
        const since = emulator.requests.length;
        const gallery = await computeClient(emulator, { retryOptions: { retryDelayInMs: 10, maxRetryDelayInMs: 20 } }).galleries.get(RG, 'contosoImages');
        assert.equal(gallery.name, 'contosoImages');
        assert.deepEqual(requestsTo('/galleries/contosoImages', since), [0, 200]);
    });

    it('malformed: a 200 with truncated JSON is a parse error', async () => {
        emulator.setFaults([{ kind: 'malformed', path: GALLERY_PATH, times: 1 }]);
        const err = await rejection(noRetryClient.galleries.get(RG, 'contosoImages'));
        assert.equal(err.code, 'PARSE_ERROR');
        assert.equal(err.statusCode, 200);
    });

    it('unauthorized: 401 ExpiredAuthenticationToken', async () => {
        emulator.setFaults([{ kind: 'unauthorized', path: GALLERY_PATH, times: 1 }]);
        const err = await rejection(client.galleries.get(RG, 'contosoImages'));
        assert.equal(err.statusCode, 401);
        assert.equal(err.code, 'ExpiredAuthenticationToken');
        assert.equal((await client.galleries.get(RG, 'contosoImages')).name, 'contosoImages');
    });

    it('slow: delays, then answers normally; times counts down per rule', async () => {
        emulator.setFaults([{ kind: 'slow', path: GALLERY_PATH, delayMs: 300, times: 2 }]);
        for (const expectSlow of [true, true, false]) {
            const started = Date.now();
            await client.galleries.get(RG, 'contosoImages');
            const elapsed = Date.now() - started;
            assert.equal(elapsed >= 295, expectSlow, `elapsed ${elapsed} ms`);
        }
    });

    it('method filter: a PUT-only rule leaves GETs alone', async () => {
        emulator.setFaults([{ kind: 'unavailable', method: 'PUT', path: GALLERY_PATH }]);
        const response = await armRequest(emulator, 'GET', `/subscriptions/${CONTOSO_PROD_SUB}/resourceGroups/${RG}/providers/Microsoft.Compute/galleries/contosoImages?api-version=2025-12-03`);
        assert.equal(response.status, 200);
        const put = await armRequest(emulator, 'PUT', `/subscriptions/${CONTOSO_PROD_SUB}/resourceGroups/${RG}/providers/Microsoft.Compute/galleries/contosoImages?api-version=2025-12-03`, { body: { location: 'eastus' } });
        assert.equal(put.status, 503);
        assert.equal(errorCode(put.json), 'ServiceUnavailable');
    });
});
