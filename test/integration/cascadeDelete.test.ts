import * as assert from 'node:assert/strict';
import '../emulator/trustCa';
import { startEmulator } from '../emulator/ArmEmulator';
import type { RunningEmulator } from '../emulator/ArmEmulator';
import { makeTestToken } from '../emulator/tokens';
import { createArmServices } from '../../src/azure/armServices';
import { resolveCloud } from '../../src/azure/cloud';
import { applicationId, galleryId, imageDefinitionId } from '../../src/azure/armId';
import { describeOrder, describeOutcome, describePlan, executeCascade, planCascade } from '../../src/azure/cascadeDelete';
import type { GalleryService } from '../../src/azure/services';
import type { SeedResource } from '../emulator/seed';

const TENANT = 'aaaaaaaa-0000-4000-8000-000000000001';
const SUB = '11111111-0000-4000-8000-000000000001';
const RG = 'rg';
const base = `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.Compute`;

function definition(gallery: string, name: string): SeedResource {
  return {
    id: `${base}/galleries/${gallery}/images/${name}`,
    location: 'eastus',
    properties: { osType: 'Linux', osState: 'Generalized', identifier: { publisher: 'p', offer: name, sku: 's' } },
  };
}
function version(gallery: string, def: string, name: string): SeedResource {
  return {
    id: `${base}/galleries/${gallery}/images/${def}/versions/${name}`,
    location: 'eastus',
    properties: {
      publishingProfile: { targetRegions: [{ name: 'eastus' }] },
      storageProfile: { source: { virtualMachineId: `${base}/virtualMachines/vm1` } },
    },
  };
}

function application(gallery: string, name: string): SeedResource {
  return { id: `${base}/galleries/${gallery}/applications/${name}`, location: 'eastus', properties: { supportedOSType: 'Windows' } };
}
function applicationVersion(gallery: string, app: string, name: string): SeedResource {
  return {
    id: `${base}/galleries/${gallery}/applications/${app}/versions/${name}`,
    location: 'eastus',
    properties: {
      publishingProfile: {
        source: { mediaLink: `https://st.blob.core.windows.net/apps/${app}-${name}.zip` },
        manageActions: { install: 'install.cmd', remove: 'remove.cmd' },
        targetRegions: [{ name: 'eastus' }],
      },
    },
  };
}

describe('delete a gallery with everything inside (ordered cascade against the emulator)', function () {
  this.timeout(60_000);
  let emulator: RunningEmulator;
  let service: GalleryService;

  beforeEach(async () => {
    emulator = await startEmulator({
      pageSize: 2,
      lroDelayMs: 50,
      retryAfterSeconds: 0,
      staleChildCacheMs: 1_500,
      seed: {
        tenants: [{ tenantId: TENANT, displayName: 'Contoso', defaultDomain: 'contoso.example' }],
        subscriptions: [{ subscriptionId: SUB, displayName: 'Sub', tenantId: TENANT, state: 'Enabled' }],
        resourceGroups: [{ subscriptionId: SUB, name: RG, location: 'eastus' }],
        resources: [
          { id: `${base}/galleries/g1`, location: 'eastus', properties: {} },
          definition('g1', 'ubuntu'),
          definition('g1', 'windows'),
          definition('g1', 'empty'),
          version('g1', 'ubuntu', '1.0.0'),
          version('g1', 'ubuntu', '1.1.0'),
          version('g1', 'ubuntu', '2.0.0'),
          version('g1', 'windows', '1.0.0'),
          { id: `${base}/galleries/sd`, location: 'eastus', properties: { softDeletePolicy: { isSoftDeleteEnabled: true } } },
          definition('sd', 'app'),
          definition('sd', 'empty'),
          version('sd', 'app', '1.0.0'),
          version('sd', 'app', '1.1.0'),
          { id: `${base}/galleries/locked`, location: 'eastus', properties: {} },
          definition('locked', 'app'),
          version('locked', 'app', '1.0.0'),
          {
            ...version('locked', 'app', '2.0.0'),
            properties: {
              publishingProfile: { targetRegions: [{ name: 'eastus' }], endOfLifeDate: new Date(Date.now() + 30 * 24 * 3600_000).toISOString() },
              storageProfile: { source: { virtualMachineId: `${base}/virtualMachines/vm1` } },
              safetyProfile: { blockDeletionBeforeEndOfLife: true },
            },
          },
          // issue 12: a gallery holding image definitions and VM applications
          { id: `${base}/galleries/mixed`, location: 'eastus', properties: {} },
          definition('mixed', 'tools'),
          version('mixed', 'tools', '1.0.0'),
          application('mixed', 'agent'),
          applicationVersion('mixed', 'agent', '1.0.0'),
          applicationVersion('mixed', 'agent', '1.1.0'),
          application('mixed', 'no-versions'),
        ],
      },
    });
    const cloud = resolveCloud('custom', { resourceManagerEndpointUrl: emulator.url, managementEndpointUrl: emulator.url });
    const services = createArmServices({
      cloud,
      pollIntervalMs: 20,
      credentials: { credential: () => ({ getToken: () => Promise.resolve({ token: makeTestToken({ aud: emulator.url, tid: TENANT }), expiresOnTimestamp: Date.now() + 3_600_000 }) }) },
    });
    service = services.galleryService(SUB, TENANT);
  });
  afterEach(() => emulator.close());

  it('lists every page of what will be deleted, so the confirmation can name it', async () => {
    const plan = await planCascade(service, galleryId(SUB, RG, 'g1'));
    assert.equal(describePlan(plan), '3 image definitions and 4 image versions');
  });

  it('deletes versions, then definitions, then the gallery, waiting out ARM\'s stale 409s', async () => {
    const g = galleryId(SUB, RG, 'g1');
    const plan = await planCascade(service, g);
    const steps: string[] = [];
    const outcome = await executeCascade(service, plan, { report: (m) => steps.push(m), sleep: (ms) => new Promise((r) => setTimeout(r, Math.min(ms, 300))) });
    assert.deepEqual(outcome.failed, []);
    assert.equal(outcome.deleted.length, 8);
    assert.match(describeOutcome(outcome), /^Deleted 8 items\.$/);
    const deletes = emulator.requests.filter((r) => r.method === 'DELETE' && r.status !== 409).map((r) => r.path.split('/').slice(-2).join('/'));
    const lastVersion = Math.max(...deletes.map((p, i) => (p.startsWith('versions/') ? i : -1)));
    const firstDefinition = deletes.findIndex((p) => p.startsWith('images/'));
    assert.ok(lastVersion < firstDefinition, `versions before definitions: ${deletes.join(', ')}`);
    assert.equal(deletes[deletes.length - 1], 'galleries/g1');
    assert.ok(emulator.requests.some((r) => r.method === 'DELETE' && r.status === 409), 'the stale child cache was hit and retried');
    await assert.rejects(service.getGallery(g));
  });

  it('says exactly what was and was not deleted when a version cannot go', async () => {
    emulator.setFaults([{ method: 'DELETE', path: '/images/ubuntu/versions/1\\.1\\.0$', kind: 'failLro' }]);
    const plan = await planCascade(service, galleryId(SUB, RG, 'g1'));
    const outcome = await executeCascade(service, plan, { sleep: (ms) => new Promise((r) => setTimeout(r, Math.min(ms, 300))) });
    assert.deepEqual(outcome.failed.map((f) => f.name), ['g1/ubuntu/1.1.0']);
    assert.deepEqual(outcome.skipped, ['g1/ubuntu', 'g1']);
    assert.ok(outcome.deleted.includes('g1/windows') && outcome.deleted.includes('g1/empty'));
    const text = describeOutcome(outcome);
    assert.match(text, /Not deleted: g1\/ubuntu\/1\.1\.0 \(/);
    assert.match(text, /Left in place .*: g1\/ubuntu, g1\./);
    await service.getImageDefinition(imageDefinitionId(galleryId(SUB, RG, 'g1'), 'ubuntu'));
  });

  it('knows the versions ARM will refuse to delete (blocked before end of life), so the command can refuse first', async () => {
    const plan = await planCascade(service, galleryId(SUB, RG, 'locked'));
    assert.equal(plan.softDelete, false);
    assert.deepEqual(plan.blocked.map((b) => [b.version.version, b.block.reason]), [['2.0.0', 'beforeEndOfLife']]);
  });

  it('with soft delete: the versions become restorable, and the definition holding them and the gallery are kept without asking ARM', async () => {
    const sd = galleryId(SUB, RG, 'sd');
    const plan = await planCascade(service, sd);
    assert.equal(plan.softDelete, true);
    const from = emulator.requests.length;
    const outcome = await executeCascade(service, plan, { sleep: (ms) => new Promise((r) => setTimeout(r, Math.min(ms, 300))) });
    assert.deepEqual(outcome.failed, []);
    assert.deepEqual(outcome.skipped, []);
    assert.deepEqual([...outcome.deleted].sort(), ['sd/app/1.0.0', 'sd/app/1.1.0', 'sd/empty']);
    assert.deepEqual(outcome.retained, ['sd/app', 'sd']);
    assert.equal(outcome.restorable, 2);
    const days = ((outcome.retainedUntil?.getTime() ?? 0) - Date.now()) / (24 * 60 * 60 * 1000);
    assert.ok(days > 6.9 && days <= 7, `kept until the versions deleted now are purged (7 days), not ${days} days`);
    const app = imageDefinitionId(sd, 'app');
    const again = await planCascade(service, sd);
    assert.deepEqual(again.holding.map((d) => d.imageDefinition), ['app']);
    const held = ((again.holdingUntil?.getTime() ?? 0) - Date.now()) / (24 * 60 * 60 * 1000);
    assert.ok(held > 6.9 && held <= 7, `the plan reads when the held versions are purged: ${held} days`);
    assert.equal((await service.listSoftDeletedVersions(app)).items.length, 2, 'both versions can be restored');
    const deletes = emulator.requests.slice(from).filter((r) => r.method === 'DELETE').map((r) => r.path);
    assert.ok(!deletes.some((p) => /\/images\/app$|\/galleries\/sd$/.test(p)), `ARM was asked to delete what it refuses: ${deletes.join(', ')}`);
    await service.getImageDefinition(app);
    await service.getGallery(sd);
    // What ARM answers when asked anyway: why the cascade does not ask.
    await assert.rejects(service.deleteImageDefinition(app), (err: { statusCode?: number }) => err.statusCode === 409);
  });

  it('plans a gallery holding image definitions and VM applications, naming both kinds and the order', async () => {
    const plan = await planCascade(service, galleryId(SUB, RG, 'mixed'));
    assert.equal(describePlan(plan), '1 image definition, 1 image version, 2 VM applications and 2 VM application versions');
    assert.match(describeOrder(plan), /^Versions are deleted first, then image definitions and VM applications, then the gallery\./);
    assert.deepEqual(plan.applicationVersions.map((v) => v.version), ['1.0.0', '1.1.0']);
  });

  it('deletes every version (image and application), then definitions and applications, then the gallery', async () => {
    const g = galleryId(SUB, RG, 'mixed');
    const plan = await planCascade(service, g);
    const outcome = await executeCascade(service, plan, { sleep: (ms) => new Promise((r) => setTimeout(r, Math.min(ms, 300))) });
    assert.deepEqual(outcome.failed, []);
    assert.deepEqual(outcome.skipped, []);
    assert.equal(outcome.deleted.length, 7);
    const deletes = emulator.requests.filter((r) => r.method === 'DELETE' && r.status !== 409).map((r) => r.path.split('/').slice(-4).join('/'));
    const isVersion = (p: string): boolean => p.split('/')[2] === 'versions';
    const lastVersion = Math.max(...deletes.map((p, i) => (isVersion(p) ? i : -1)));
    const firstParent = deletes.findIndex((p) => !isVersion(p));
    assert.ok(lastVersion < firstParent, `versions before definitions and applications: ${deletes.join(', ')}`);
    assert.ok(deletes.some((p) => p.endsWith('applications/agent/versions/1.1.0')) && deletes.some((p) => p.endsWith('mixed/applications/no-versions')));
    assert.match(deletes[deletes.length - 1], /galleries\/mixed$/);
    await assert.rejects(service.getGallery(g));
    // the other gallery is untouched
    assert.equal((await service.listImageDefinitions(galleryId(SUB, RG, 'g1'))).items.length, 2);
  });

  it('leaves an application and its gallery in place when one of its versions cannot go, and says so', async () => {
    emulator.setFaults([{ method: 'DELETE', path: '/applications/agent/versions/1\\.0\\.0$', kind: 'failLro' }]);
    const plan = await planCascade(service, galleryId(SUB, RG, 'mixed'));
    const outcome = await executeCascade(service, plan, { sleep: (ms) => new Promise((r) => setTimeout(r, Math.min(ms, 300))) });
    assert.deepEqual(outcome.failed.map((f) => f.name), ['mixed/agent/1.0.0']);
    assert.deepEqual(outcome.skipped, ['mixed/agent', 'mixed']);
    assert.deepEqual([...outcome.deleted].sort(), ['mixed/agent/1.1.0', 'mixed/no-versions', 'mixed/tools', 'mixed/tools/1.0.0']);
    assert.match(describeOutcome(outcome), /Left in place .*: mixed\/agent, mixed\./);
    await service.getApplication(applicationId(galleryId(SUB, RG, 'mixed'), 'agent'));
  });

  it('deletes a VM application with its versions when the application is the root', async () => {
    const agent = applicationId(galleryId(SUB, RG, 'mixed'), 'agent');
    const plan = await planCascade(service, agent);
    assert.equal(describePlan(plan), '2 VM application versions');
    assert.match(describeOrder(plan), /then the VM application\./);
    const outcome = await executeCascade(service, plan, { sleep: (ms) => new Promise((r) => setTimeout(r, Math.min(ms, 300))) });
    assert.deepEqual([...outcome.deleted.slice(0, 2)].sort(), ['mixed/agent/1.0.0', 'mixed/agent/1.1.0']);
    assert.equal(outcome.deleted[2], 'mixed/agent', 'the application goes last');
    assert.deepEqual((await service.listApplications(galleryId(SUB, RG, 'mixed'))).items.map((a) => a.name), ['no-versions']);
  });
});
