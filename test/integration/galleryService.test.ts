import * as assert from 'node:assert/strict';
import '../emulator/trustCa';
import { startEmulator } from '../emulator/ArmEmulator';
import type { RunningEmulator } from '../emulator/ArmEmulator';
import { makeTestToken } from '../emulator/tokens';
import { createArmServices } from '../../src/azure/armServices';
import { resolveCloud } from '../../src/azure/cloud';
import { describeArmError, formatArmError } from '../../src/azure/armError';
import { galleryId, imageDefinitionId, imageVersionId } from '../../src/azure/armId';
import type { ArmServices } from '../../src/azure/services';

const TENANT = 'aaaaaaaa-0000-4000-8000-000000000001';
const OTHER_TENANT = 'bbbbbbbb-0000-4000-8000-000000000002';
const SUB = '11111111-0000-4000-8000-000000000001';
const OTHER_SUB = '22222222-0000-4000-8000-000000000002';
const RG = 'images-rg';
const base = `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.Compute`;

function seed() {
  const galleries = Array.from({ length: 5 }, (_, i) => ({
    id: `${base}/galleries/gallery${i}`,
    name: `gallery${i}`,
    type: 'Microsoft.Compute/galleries',
    location: 'eastus',
    properties: { description: `Gallery ${i}`, provisioningState: 'Succeeded' },
  }));
  return {
    tenants: [
      { tenantId: TENANT, displayName: 'Contoso', defaultDomain: 'contoso.example' },
      { tenantId: OTHER_TENANT, displayName: 'Fabrikam', defaultDomain: 'fabrikam.example' },
    ],
    subscriptions: [
      { subscriptionId: SUB, displayName: 'Contoso Images', tenantId: TENANT, state: 'Enabled' },
      { subscriptionId: OTHER_SUB, displayName: 'Fabrikam Images', tenantId: OTHER_TENANT, state: 'Enabled' },
    ],
    resourceGroups: [
      { subscriptionId: SUB, name: RG, location: 'eastus' },
      { subscriptionId: OTHER_SUB, name: RG, location: 'westus' },
    ],
    resources: [
      ...galleries,
      {
        id: `${base}/galleries/gallery0/images/ubuntu`,
        name: 'ubuntu',
        type: 'Microsoft.Compute/galleries/images',
        location: 'eastus',
        properties: {
          osType: 'Linux',
          osState: 'Generalized',
          hyperVGeneration: 'V2',
          identifier: { publisher: 'contoso', offer: 'ubuntu', sku: '24_04' },
          provisioningState: 'Succeeded',
        },
      },
      ...['1.0.0', '1.2.0'].map((v) => ({
        id: `${base}/galleries/gallery0/images/ubuntu/versions/${v}`,
        name: v,
        type: 'Microsoft.Compute/galleries/images/versions',
        location: 'eastus',
        properties: {
          publishingProfile: { targetRegions: [{ name: 'eastus', regionalReplicaCount: 1 }], excludeFromLatest: false },
          storageProfile: { source: { virtualMachineId: `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.Compute/virtualMachines/builder` } },
          provisioningState: 'Succeeded',
        },
      })),
    ],
  };
}

describe('Azure layer against the ARM emulator (real @azure/arm-compute SDK over HTTPS)', function () {
  this.timeout(60_000);
  let emulator: RunningEmulator;
  let services: ArmServices;
  const logLines: string[] = [];

  before(async () => {
    emulator = await startEmulator({ seed: seed(), pageSize: 2, lroDelayMs: 100, replicationMsPerRegion: 100 });
    const cloud = resolveCloud('custom', { name: 'Emulator', resourceManagerEndpointUrl: emulator.url, managementEndpointUrl: emulator.url });
    services = createArmServices({
      cloud,
      credentials: {
        credential: (tenantId) => ({
          getToken: () => Promise.resolve({ token: makeTestToken({ aud: emulator.url, tid: tenantId ?? TENANT }), expiresOnTimestamp: Date.now() + 3_600_000 }),
        }),
      },
      log: (line) => logLines.push(line),
      pollIntervalMs: 50,
    });
  });
  after(() => emulator.close());
  beforeEach(() => {
    emulator.setFaults([]);
    emulator.requests.length = 0;
    logLines.length = 0;
  });

  const galleriesListed = () => emulator.requests.filter((r) => r.method === 'GET' && /\/galleries$/i.test(r.path)).length;

  it('lists tenants, and each tenant only its own subscriptions', async () => {
    const tenants = await services.listTenants();
    assert.deepEqual(tenants.map((t) => t.displayName).sort(), ['Contoso', 'Fabrikam']);
    assert.deepEqual((await services.listSubscriptions(OTHER_TENANT)).map((s) => s.displayName), ['Fabrikam Images']);
    assert.deepEqual((await services.listSubscriptions(TENANT)).map((s) => s.displayName), ['Contoso Images']);
  });

  it('lists galleries one page (one request) at a time, following the continuation', async () => {
    const gs = services.galleryService(SUB, TENANT);
    const names: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await gs.listGalleries(token ? { continuationToken: token } : {});
      names.push(...page.items.map((g) => g.name ?? ''));
      token = page.continuationToken;
      pages++;
      assert.equal(galleriesListed(), pages, 'exactly one HTTP request per page');
    } while (token);
    assert.equal(pages, 3);
    assert.deepEqual(names.sort(), ['gallery0', 'gallery1', 'gallery2', 'gallery3', 'gallery4']);
  });

  it('gets an image version with its per-region replication status', async () => {
    const gs = services.galleryService(SUB, TENANT);
    const version = await gs.getImageVersion(imageVersionId(imageDefinitionId(galleryId(SUB, RG, 'gallery0'), 'ubuntu'), '1.0.0'));
    assert.equal(version.replicationStatus?.aggregatedState, 'Completed');
    assert.equal(version.replicationStatus?.summary?.[0]?.region?.toLowerCase().replace(/\s/g, ''), 'eastus');
  });

  it('deletes an image version through the long-running operation, after which it is gone', async () => {
    const gs = services.galleryService(SUB, TENANT);
    const id = imageVersionId(imageDefinitionId(galleryId(SUB, RG, 'gallery0'), 'ubuntu'), '1.2.0');
    await gs.deleteImageVersion(id);
    await assert.rejects(gs.getImageVersion(id), (err: unknown) => describeArmError(err).code === 'ResourceNotFound');
  });

  it('explains that a gallery with definitions must be emptied first (409)', async () => {
    const gs = services.galleryService(SUB, TENANT);
    await assert.rejects(gs.deleteGallery(galleryId(SUB, RG, 'gallery0')), (err: unknown) => {
      const text = formatArmError("Couldn't delete gallery0", err);
      assert.match(text, /CannotDeleteResource/);
      assert.match(text, /delete its image versions and definitions first/);
      return true;
    });
  });

  it('retries a throttled request (429 + Retry-After) and succeeds', async () => {
    emulator.setFaults([{ method: 'GET', path: '/galleries$', kind: 'throttle', times: 1, retryAfterSeconds: 1 }]);
    const page = await services.galleryService(SUB, TENANT).listGalleries();
    assert.equal(page.items.length, 2);
    assert.deepEqual(
      emulator.requests.filter((r) => /\/galleries$/i.test(r.path)).map((r) => r.status),
      [429, 200],
    );
  });

  it('retries a 503 from ARM and succeeds', async () => {
    emulator.setFaults([{ method: 'GET', path: '/galleries$', kind: 'unavailable', times: 2, retryAfterSeconds: 1 }]);
    const page = await services.galleryService(SUB, TENANT).listGalleries();
    assert.equal(page.items.length, 2);
    assert.deepEqual(
      emulator.requests.filter((r) => /\/galleries$/i.test(r.path)).map((r) => r.status),
      [503, 503, 200],
    );
  });

  it('reports a long-running operation that ends Failed with its code and message', async () => {
    emulator.setFaults([{ method: 'DELETE', path: '/images/ubuntu/versions/1.0.0$', kind: 'failLro', times: 1 }]);
    const gs = services.galleryService(SUB, TENANT);
    const id = imageVersionId(imageDefinitionId(galleryId(SUB, RG, 'gallery0'), 'ubuntu'), '1.0.0');
    await assert.rejects(gs.deleteImageVersion(id), (err: unknown) => {
      const info = describeArmError(err);
      assert.ok(info.code, 'the ARM error code is kept');
      assert.doesNotMatch(info.message, /long-running operation has failed/);
      assert.ok(info.message.length > 10);
      return true;
    });
  });

  it('turns a dropped connection and a malformed body into readable errors', async () => {
    const gs = services.galleryService(SUB, TENANT);
    emulator.setFaults([{ method: 'GET', path: '/galleries$', kind: 'drop' }]);
    await assert.rejects(gs.listGalleries(), (err: unknown) => /could not be reached|try again/i.test(describeArmError(err).nextStep));
    emulator.setFaults([{ method: 'GET', path: '/galleries$', kind: 'malformed' }]);
    await assert.rejects(gs.listGalleries(), (err: unknown) => describeArmError(err).message.length > 0);
  });

  it('asks the user to sign in again after a 401', async () => {
    emulator.setFaults([{ method: 'GET', path: '/galleries$', kind: 'unauthorized', times: 5 }]);
    await assert.rejects(services.galleryService(SUB, TENANT).listGalleries(), (err: unknown) => /Sign in again/.test(describeArmError(err).nextStep));
  });

  it('stops when the user cancels', async () => {
    emulator.setFaults([{ method: 'GET', path: '/galleries$', kind: 'slow', delayMs: 5_000 }]);
    const controller = new AbortController();
    const pending = services.galleryService(SUB, TENANT).listGalleries({ signal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    const started = Date.now();
    await assert.rejects(pending, (err: unknown) => describeArmError(err).cancelled);
    assert.ok(Date.now() - started < 3_000, 'cancellation does not wait for the slow response');
  });

  it('logs each request without its token', async () => {
    await services.galleryService(SUB, TENANT).listGalleries();
    assert.ok(logLines.some((l) => /^GET https:\/\/127\.0\.0\.1:\d+\/subscriptions\/.+\/galleries\?api-version=2025-12-03 → 200/.test(l)), logLines.join('\n'));
    assert.ok(logLines.every((l) => !/eyJ|Bearer/i.test(l)));
  });
});
