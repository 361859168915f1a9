/**
 * Issue 12 (VM applications) through the extension's own Azure layer (src/azure/armServices.ts on the real
 * `@azure/arm-compute` SDK) against the emulator seeded with test/emulator/seeds/applications.json: lists page by
 * page, get with replication status, the properties document, create/update/delete of applications and versions with
 * their long-running operations, ARM's refusals as the user reads them, and what the SDK sends.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import '../emulator/trustCa';
import { startEmulator, type RunningEmulator } from '../emulator/ArmEmulator';
import { applicationId, applicationVersionId, galleryId } from '../../src/azure/armId';
import { describeArmError, formatArmError } from '../../src/azure/armError';
import { listAll } from '../../src/azure/listAll';
import type { GalleryService } from '../../src/azure/services';
import { armServicesFor, SEED_TENANT } from './emulatorServices';

const SEED = path.join(__dirname, '..', 'emulator', 'seeds', 'applications.json');
const SUB = '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f';
const RG = 'rg-apps';
const DAY = 86_400_000;

const appsGallery = galleryId(SUB, RG, 'appsGallery');
const agent = applicationId(appsGallery, 'contoso-agent');
const MEDIA = 'https://stcontosoapps.blob.core.windows.net/packages/new/1.0.0/package.zip?sv=2024-08-04&sr=b&sp=r&sig=integrationSecret%3D';

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  assert.fail('expected the call to fail');
}

describe('VM applications (issue 12) through armServices on the real SDK', function () {
  this.timeout(30_000);
  let emulator: RunningEmulator;
  let service: GalleryService;

  beforeEach(async () => {
    emulator = await startEmulator({ seed: SEED, pageSize: 2, lroDelayMs: 40, replicationMsPerRegion: 60, retryAfterSeconds: 0 });
    service = armServicesFor(emulator).galleryService(SUB, SEED_TENANT);
  });
  afterEach(() => emulator.close());

  it('lists applications and versions one page at a time, with continuation tokens', async () => {
    const first = await service.listApplications(appsGallery);
    assert.deepEqual(first.items.map((a) => a.name), ['contoso-agent', 'empty-app']);
    assert.ok(first.continuationToken, 'a second page follows (page size 2)');
    const second = await service.listApplications(appsGallery, { continuationToken: first.continuationToken });
    assert.deepEqual(second.items.map((a) => a.name), ['log-shipper']);
    assert.equal(second.continuationToken, undefined);
    const versions = await listAll((o) => service.listApplicationVersions(agent, o));
    assert.deepEqual(versions.map((v) => v.name), ['1.0.0', '1.1.0', '1.2.0', '2.0.0']);
    assert.equal(versions[3].publishingProfile?.excludeFromLatest, true);
    // the image definitions of the same gallery are listed apart
    assert.deepEqual((await service.listImageDefinitions(appsGallery)).items.map((d) => d.name), ['tools-linux']);
  });

  it('gets an application and a version with its replication status (one region still replicating)', async () => {
    const app = await service.getApplication(agent);
    assert.equal(app.supportedOSType, 'Windows');
    assert.equal(app.releaseNoteUri, 'https://contoso.example/agent/releases');
    const version = await service.getApplicationVersion(applicationVersionId(agent, '1.2.0'));
    assert.equal(version.replicationStatus?.aggregatedState, 'InProgress');
    assert.deepEqual(version.replicationStatus?.summary?.map((s) => [s.region, s.state]), [
      ['East US', 'Completed'],
      ['West US 2', 'Replicating'],
    ]);
    const shipper = await service.getApplicationVersion(applicationVersionId(applicationId(appsGallery, 'log-shipper'), '0.9.0'));
    assert.equal(shipper.publishingProfile?.manageActions?.update, './install.sh --upgrade');
    assert.equal(shipper.publishingProfile?.settings?.scriptBehaviorAfterReboot, 'Rerun');
    assert.equal(shipper.publishingProfile?.enableHealthCheck, true);
  });

  it('gives the properties document of both kinds in ARM\'s REST shape (properties nested, replication status included)', async () => {
    const app = await service.getResourceJson(agent);
    assert.equal(app.type, 'Microsoft.Compute/galleries/applications');
    assert.equal((app.properties as Record<string, unknown>).supportedOSType, 'Windows');
    const version = await service.getResourceJson(applicationVersionId(agent, '1.2.0'));
    const properties = version.properties as { publishingProfile: { source: { mediaLink: string } }; replicationStatus: { aggregatedState: string } };
    assert.equal(version.type, 'Microsoft.Compute/galleries/applications/versions');
    assert.match(properties.publishingProfile.source.mediaLink, /^https:\/\/stcontosoapps\.blob\.core\.windows\.net\/packages\/contoso-agent\/1\.2\.0\//);
    assert.equal(properties.replicationStatus.aggregatedState, 'InProgress');
  });

  it('creates, updates and deletes an application and a version, waiting for each long-running operation; the body reaches ARM as written', async () => {
    const app = applicationId(appsGallery, 'new-app');
    const eol = new Date(Date.now() + 90 * DAY).toISOString();
    const created = await service.createOrUpdateApplication(app, {
      location: 'eastus',
      tags: { team: 'ops' },
      properties: { supportedOSType: 'Linux', description: 'New', endOfLifeDate: eol },
    });
    assert.equal(created.supportedOSType, 'Linux');
    assert.equal(created.endOfLifeDate?.toISOString(), eol);
    const sent = emulator.requests.find((r) => r.method === 'PUT' && r.path.endsWith('/applications/new-app'));
    assert.ok(sent, 'the PUT was recorded');

    const version = applicationVersionId(app, '1.0.0');
    const versionEol = new Date(Date.now() + 30 * DAY).toISOString();
    const v = await service.createOrUpdateApplicationVersion(version, {
      location: 'eastus',
      properties: {
        publishingProfile: {
          source: { mediaLink: MEDIA },
          manageActions: { install: 'install.sh', remove: 'remove.sh' },
          targetRegions: [{ name: 'East US' }, { name: 'West US 2', regionalReplicaCount: 2 }],
          endOfLifeDate: versionEol,
          excludeFromLatest: true,
        },
      },
    });
    assert.equal(v.provisioningState, 'Succeeded', 'the poller waited for replication to both regions');
    assert.equal(v.publishingProfile?.endOfLifeDate?.toISOString(), versionEol);
    assert.equal(v.publishingProfile?.source.mediaLink, MEDIA);
    const stored = emulator.store.getResourceJson(version.id);
    assert.equal((stored?.properties as { publishingProfile: { endOfLifeDate: string } }).publishingProfile.endOfLifeDate, versionEol, 'dates reach ARM as ISO strings');

    const before = emulator.requests.length;
    const withoutSource = await rejection(service.updateApplicationVersion(version, { properties: { publishingProfile: { excludeFromLatest: false } } }));
    assert.match(String((withoutSource as Error).message), /must also name the package \(publishingProfile\.source\.mediaLink\)\. Nothing was sent to Azure\./);
    assert.equal(emulator.requests.length, before, 'nothing was sent');
    const updated = await service.updateApplicationVersion(version, { properties: { publishingProfile: { source: { mediaLink: MEDIA }, excludeFromLatest: false } } });
    assert.equal(updated.publishingProfile?.excludeFromLatest, false);
    assert.equal(updated.publishingProfile?.targetRegions?.length, 2, 'a PATCH keeps what it does not name');
    const renamed = await service.updateApplication(app, { properties: { description: 'Renamed' } });
    assert.equal(renamed.description, 'Renamed');
    assert.equal(renamed.supportedOSType, 'Linux');

    await service.deleteApplicationVersion(version);
    await assert.rejects(service.getApplicationVersion(version), (err: unknown) => describeArmError(err).code === 'ResourceNotFound');
    await service.deleteApplication(app);
    assert.deepEqual((await listAll((o) => service.listApplications(appsGallery, o))).map((a) => a.name), ['contoso-agent', 'empty-app', 'log-shipper']);
  });

  it('surfaces ARM\'s refusals as the user reads them, without the SAS of the mediaLink', async () => {
    const conflict = await rejection(service.deleteApplication(agent));
    const info = describeArmError(conflict);
    assert.equal(info.code, 'CannotDeleteResource');
    assert.match(info.message, /applications\/contoso-agent\/versions\//);
    const galleryConflict = describeArmError(await rejection(service.deleteGallery(galleryId(SUB, RG, 'appsOnlyGallery'))));
    assert.equal(galleryConflict.code, 'CannotDeleteResource');

    const changeOs = describeArmError(await rejection(service.updateApplication(agent, { properties: { supportedOSType: 'Linux' } })));
    assert.equal(changeOs.code, 'PropertyChangeNotAllowed');

    const insecure = await rejection(
      service.createOrUpdateApplicationVersion(applicationVersionId(agent, '3.0.0'), {
        location: 'eastus',
        properties: { publishingProfile: { source: { mediaLink: MEDIA.replace('https:', 'http:') }, manageActions: { install: 'i', remove: 'r' } } },
      }),
    );
    const text = formatArmError('Could not create 3.0.0', insecure);
    assert.match(text, /not a valid https URL/);
    assert.doesNotMatch(text, /integrationSecret|sig=/);
    assert.equal(emulator.store.getResourceJson(applicationVersionId(agent, '3.0.0').id), undefined, 'nothing was created');
  });
});
