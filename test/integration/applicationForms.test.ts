/**
 * Issue 12: the VM application forms' host side (FormSession + ArmFormBackend) with the real Azure layer and
 * `@azure/arm-compute` against the emulator seeded with test/emulator/seeds/applications.json: the application picker,
 * an application and a version created through their forms (what ARM stores is what the form showed), edits as
 * PATCHes, "create" that never replaces, and a package's SAS token that stays out of what the form shows.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import '../emulator/trustCa';
import { startEmulator, type RunningEmulator } from '../emulator/ArmEmulator';
import { applicationId, galleryId } from '../../src/azure/armId';
import type { ArmServices, GalleryApplicationVersion } from '../../src/azure/services';
import { ArmFormBackend } from '../../src/webview/FormBackend';
import { FormSession } from '../../src/webview/FormSession';
import type { FormSessionOptions } from '../../src/webview/FormSession';
import { formDefinition } from '../../src/webview/forms/formRegistry';
import type { FormKind, FormMode, FormValues } from '../../src/webview/forms/formTypes';
import type { HostMessage, ResultMessage } from '../../src/webview/protocol';
import { armServicesFor, SEED_TENANT, waitFor } from './emulatorServices';

const SEED = path.join(__dirname, '..', 'emulator', 'seeds', 'applications.json');
const SUB = '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f';
const appsGallery = galleryId(SUB, 'rg-apps', 'appsGallery');
const SIG = 'formsIntegrationSecret';
const MEDIA = `https://stcontosoapps.blob.core.windows.net/packages/forms/1.0.0/package.zip?sv=2024-08-04&sr=b&sp=r&sig=${SIG}%3D`;

interface Run {
  readonly session: FormSession;
  readonly posted: HostMessage[];
  readonly logged: string[];
  readonly copied: string[];
}

function open(services: ArmServices, kind: FormKind, mode: FormMode, values: FormValues, targetId?: string, runSubmit?: FormSessionOptions['runSubmit']): Run {
  const posted: HostMessage[] = [];
  const logged: string[] = [];
  const copied: string[] = [];
  const session = new FormSession({
    definition: formDefinition(kind),
    mode,
    values,
    ...(targetId ? { targetId } : {}),
    backend: new ArmFormBackend(() => Promise.resolve(services), { subscriptionId: SUB, tenantId: SEED_TENANT }),
    ...(runSubmit ? { runSubmit } : {}),
    post: (m) => posted.push(m),
    log: { info: (m) => logged.push(m), warn: (m) => logged.push(m), error: (m) => logged.push(m) },
    copyText: (text) => {
      copied.push(text);
      return Promise.resolve();
    },
  });
  return { session, posted, logged, copied };
}

/** Submits and waits for the result (or the validation that stopped it). */
async function submit(run: Run, values: FormValues): Promise<HostMessage> {
  const before = run.posted.length;
  run.session.handle({ type: 'submit', values });
  return waitFor('the answer', () => run.posted.slice(before).find((m) => m.type === 'result' || m.type === 'validation'), 30_000);
}

describe('VM application forms against the ARM emulator (issue 12, real SDK)', function () {
  this.timeout(60_000);
  let emulator: RunningEmulator;
  let services: ArmServices;

  before(async () => {
    emulator = await startEmulator({ seed: SEED, lroDelayMs: 30, replicationMsPerRegion: 30, retryAfterSeconds: 0 });
    services = armServicesFor(emulator);
  });
  after(() => emulator.close());

  const writes = () => emulator.requests.filter((r) => r.method !== 'GET' && r.method !== 'HEAD');

  it('the application picker lists the gallery\'s applications with their OS and region', async () => {
    const backend = new ArmFormBackend(() => Promise.resolve(services), { subscriptionId: SUB, tenantId: SEED_TENANT });
    const options = await backend.loadOptions('applications', { subscriptionId: SUB, galleryId: appsGallery.id }, new AbortController().signal);
    const agent = options.find((o) => o.label === 'contoso-agent');
    assert.equal(agent?.value, applicationId(appsGallery, 'contoso-agent').id);
    assert.equal(agent?.facts?.location, 'eastus');
    assert.ok(agent?.facts?.osType);
  });

  it('creates an application, then a version of it, each stored as the form showed it; the version replicates', async () => {
    const app = open(services, 'application', 'create', {});
    app.session.handle({ type: 'ready' });
    const appValues: FormValues = {
      ...formDefinition('application').defaults(),
      subscriptionId: SUB,
      galleryId: appsGallery.id,
      name: 'forms-agent',
      location: 'eastus',
      supportedOSType: 'Linux',
      description: 'from a form',
      customActions: [{ name: 'reset', script: 'reset.sh', description: '' }],
      customActionParameters: [{ action: 'reset', name: 'level', required: 'true', type: 'String', defaultValue: 'soft', description: '' }],
    };
    const appResult = (await submit(app, appValues)) as ResultMessage;
    assert.equal(appResult.ok, true, appResult.message);
    const appId = applicationId(appsGallery, 'forms-agent').id;
    const storedApp = emulator.store.getResourceJson(appId) as unknown as { properties: { customActions: Array<{ parameters: Array<{ required: boolean }> }> } };
    assert.equal(storedApp.properties.customActions[0]?.parameters[0]?.required, true);

    const version = open(services, 'applicationVersion', 'create', {});
    version.session.handle({ type: 'ready' });
    const versionValues: FormValues = {
      ...formDefinition('applicationVersion').defaults(),
      subscriptionId: SUB,
      galleryId: appsGallery.id,
      applicationId: appId,
      name: '1.0.0',
      location: 'eastus',
      mediaLink: MEDIA,
      install: 'mv package.zip agent.zip && unzip agent.zip && ./install.sh',
      remove: './uninstall.sh',
      scriptBehaviorAfterReboot: 'Rerun',
      targetRegions: [
        { name: 'eastus', replicas: '1', storageAccountType: 'Standard_LRS' },
        { name: 'westeurope', replicas: '2', storageAccountType: 'Standard_ZRS' },
      ],
    };
    version.session.handle({ type: 'copyTemplate', values: versionValues });
    const versionResult = (await submit(version, versionValues)) as ResultMessage;
    assert.equal(versionResult.ok, true, versionResult.message);
    const stored = emulator.store.getResourceJson(`${appId}/versions/1.0.0`) as unknown as { properties: { publishingProfile: { source: { mediaLink: string }; settings: unknown; targetRegions: unknown[] } } };
    // Azure gets the whole link; the copied template and the log never hold the signature.
    assert.equal(stored.properties.publishingProfile.source.mediaLink, MEDIA);
    assert.deepEqual(stored.properties.publishingProfile.settings, { scriptBehaviorAfterReboot: 'Rerun' });
    assert.equal(stored.properties.publishingProfile.targetRegions.length, 2);
    assert.ok(version.copied[0]?.includes('package.zip?<SAS hidden>'));
    for (const text of [...version.copied, ...version.logged]) {
      assert.ok(!text.includes(SIG), text);
    }
    // Replication runs on after the create (what the tree follows live): every region reaches Completed.
    const service = services.galleryService(SUB, SEED_TENANT);
    const versionId = { kind: 'applicationVersion', id: `${appId}/versions/1.0.0`, subscriptionId: SUB, resourceGroup: 'rg-apps', gallery: 'appsGallery', application: 'forms-agent', version: '1.0.0' } as const;
    let state: string | undefined;
    for (let i = 0; i < 200 && state !== 'Completed'; i++) {
      state = (await service.getApplicationVersion(versionId)).replicationStatus?.aggregatedState;
      await new Promise((r) => setTimeout(r, 20));
    }
    assert.equal(state, 'Completed');
  });

  it('"create" never replaces: an existing version is refused before anything is written', async () => {
    const agent = applicationId(appsGallery, 'contoso-agent').id;
    const run = open(services, 'applicationVersion', 'create', {});
    run.session.handle({ type: 'ready' });
    const before = writes().length;
    const answer = await submit(run, {
      ...formDefinition('applicationVersion').defaults(),
      subscriptionId: SUB,
      galleryId: appsGallery.id,
      applicationId: agent,
      name: '1.0.0',
      location: 'eastus',
      mediaLink: MEDIA,
      install: 'i',
      remove: 'r',
      targetRegions: [{ name: 'eastus', replicas: '1', storageAccountType: 'Standard_LRS' }],
    });
    assert.equal(answer.type, 'validation');
    assert.match(answer.type === 'validation' ? (answer.errors.name ?? '') : '', /already exists/);
    assert.equal(writes().length, before, 'nothing was written');
  });

  it('edits an application and a version with one PATCH each', async () => {
    const edit = async (kind: FormKind, id: string, change: (v: FormValues) => FormValues): Promise<Record<string, unknown>> => {
      const run = open(services, kind, 'update', {}, id);
      run.session.handle({ type: 'ready' });
      const loaded = await waitFor('the resource', () => run.posted.find((m) => m.type === 'values'));
      assert.ok(loaded.type === 'values');
      const since = emulator.requests.length;
      const result = (await submit(run, change(loaded.values))) as ResultMessage;
      assert.equal(result.ok, true, result.message);
      assert.deepEqual(emulator.requests.slice(since).filter((r) => r.method !== 'GET').map((r) => r.method), ['PATCH']);
      run.session.dispose();
      return emulator.store.getResourceJson(id) as Record<string, unknown>;
    };
    const app = await edit('application', applicationId(appsGallery, 'contoso-agent').id, (v) => ({ ...v, description: 'edited in a form' }));
    assert.equal((app.properties as { description: string }).description, 'edited in a form');
    const version = await edit('applicationVersion', `${applicationId(appsGallery, 'contoso-agent').id}/versions/2.0.0`, (v) => ({ ...v, excludeFromLatest: true }));
    assert.equal((version.properties as { publishingProfile: { excludeFromLatest: boolean } }).publishingProfile.excludeFromLatest, true);
  });

  it('a version being created is readable with its replication progress and listed from the moment Azure accepts it, long before its create ends', async () => {
    // Replication slow enough to look at: the create's operation ends only after it (as in Azure).
    const slow = await startEmulator({ seed: SEED, lroDelayMs: 30, replicationMsPerRegion: 1500, retryAfterSeconds: 0 });
    try {
      const slowServices = armServicesFor(slow);
      const service = slowServices.galleryService(SUB, SEED_TENANT);
      const agent = applicationId(appsGallery, 'contoso-agent');
      const versionId = { kind: 'applicationVersion', id: `${agent.id}/versions/3.0.0`, subscriptionId: SUB, resourceGroup: 'rg-apps', gallery: 'appsGallery', application: 'contoso-agent', version: '3.0.0' } as const;
      let accepted = 0;
      let seenAtAcceptance: Promise<[GalleryApplicationVersion, string[]]> | undefined;
      let createEnded: number | undefined;
      let acceptedAt: number | undefined;
      const run = open(slowServices, 'applicationVersion', 'create', {}, undefined, async (_request, send) => {
        const outcome = await send(new AbortController().signal, {
          onAccepted: () => {
            accepted++;
            acceptedAt = Date.now();
            seenAtAcceptance = Promise.all([
              service.getApplicationVersion(versionId),
              service.listApplicationVersions(agent).then((p) => p.items.map((v) => v.name ?? '')),
            ]);
          },
        });
        createEnded = Date.now();
        return outcome;
      });
      run.session.handle({ type: 'ready' });
      const result = (await submit(run, {
        ...formDefinition('applicationVersion').defaults(),
        subscriptionId: SUB,
        galleryId: appsGallery.id,
        applicationId: agent.id,
        name: '3.0.0',
        location: 'eastus',
        mediaLink: MEDIA,
        install: './install.sh',
        remove: './uninstall.sh',
        targetRegions: [
          { name: 'eastus', replicas: '1', storageAccountType: 'Standard_LRS' },
          { name: 'westeurope', replicas: '1', storageAccountType: 'Standard_LRS' },
        ],
      })) as ResultMessage;
      assert.equal(result.ok, true, result.message);
      assert.equal(accepted, 1, 'told once that Azure accepted the create');
      assert.ok(seenAtAcceptance, 'read at acceptance');
      const [read, listed] = await seenAtAcceptance;
      assert.equal(read.provisioningState, 'Creating');
      assert.equal(read.replicationStatus?.aggregatedState, 'InProgress');
      assert.deepEqual(read.replicationStatus?.summary?.map((r) => r.state), ['Replicating', 'Replicating']);
      assert.ok(listed.includes('3.0.0'), `listed while it replicates: ${listed.join(', ')}`);
      // The create's operation ran on until replication was done.
      const done = await service.getApplicationVersion(versionId);
      assert.equal(done.provisioningState, 'Succeeded');
      assert.equal(done.replicationStatus?.aggregatedState, 'Completed');
      assert.ok(createEnded !== undefined && acceptedAt !== undefined && createEnded - acceptedAt >= 1500, `accepted ${acceptedAt ?? '?'}, create ended ${createEnded ?? '?'}`);

      // A refused create is never "accepted".
      let acceptedRefused = 0;
      slow.setFaults([{ kind: 'unavailable', method: 'PUT', path: '/versions/3\\.1\\.0', times: 5 }]);
      const refused = open(slowServices, 'applicationVersion', 'create', {}, undefined, (_request, send) => send(new AbortController().signal, { onAccepted: () => void acceptedRefused++ }));
      refused.session.handle({ type: 'ready' });
      const refusedResult = (await submit(refused, {
        ...formDefinition('applicationVersion').defaults(),
        subscriptionId: SUB,
        galleryId: appsGallery.id,
        applicationId: agent.id,
        name: '3.1.0',
        location: 'eastus',
        mediaLink: MEDIA,
        install: './install.sh',
        remove: './uninstall.sh',
        targetRegions: [{ name: 'eastus', replicas: '1', storageAccountType: 'Standard_LRS' }],
      })) as ResultMessage;
      assert.equal(refusedResult.type, 'result', JSON.stringify(refusedResult));
      assert.equal(refusedResult.ok, false);
      assert.equal(acceptedRefused, 0);
    } finally {
      await slow.close();
    }
  });
});
