/**
 * The forms' host side (FormSession + ArmFormBackend) with the real Azure layer and @azure/arm-compute
 * against the ARM emulator: pickers list the seeded resources, each kind is created through its form
 * (each source of an image version once), what the form shows is what ARM stores, updates change one
 * property each, and invalid input never causes a write.
 */
import * as assert from 'node:assert/strict';
import '../emulator/trustCa';
import { startEmulator } from '../emulator/ArmEmulator';
import type { RunningEmulator } from '../emulator/ArmEmulator';
import { DEFAULT_SEED_PATH } from '../emulator/testSupport';
import { SEED_TENANT, armServicesFor, waitFor } from './emulatorServices';
import { galleryId } from '../../src/azure/armId';
import type { ArmServices } from '../../src/azure/services';
import { ArmFormBackend } from '../../src/webview/FormBackend';
import { FormSession } from '../../src/webview/FormSession';
import { formDefinition } from '../../src/webview/forms/formRegistry';
import type { FormKind, FormMode, FormValues, Json, PickerSource, ValidationContext } from '../../src/webview/forms/formTypes';
import type { HostMessage, ResultMessage } from '../../src/webview/protocol';

const TENANT = SEED_TENANT;
const SUB = '8f3b1c2d-4e5f-4a6b-9c7d-0e1f2a3b4c5d';
const RG = `/subscriptions/${SUB}/resourceGroups`;
const GALLERY = `${RG}/rg-gallery-prod/providers/Microsoft.Compute/galleries/contosoImages`;
const UBUNTU = `${GALLERY}/images/ubuntu-2404-arm64-g2`;
const BUILD = `${RG}/rg-image-build/providers`;

/** Every leaf of `part` is in `whole` with the same value (ARM adds defaults and read-only fields). */
function assertContains(whole: unknown, part: Json, path = ''): void {
  if (part !== null && typeof part === 'object') {
    assert.ok(whole !== null && typeof whole === 'object', `${path} is missing in what ARM stored`);
    if (Array.isArray(part)) {
      assert.ok(Array.isArray(whole) && whole.length === part.length, `${path}: ARM stored ${JSON.stringify(whole)}`);
      part.forEach((item, i) => assertContains((whole as unknown[])[i], item, `${path}[${i}]`));
    } else {
      for (const [key, value] of Object.entries(part)) {
        assertContains((whole as Record<string, unknown>)[key], value, `${path}.${key}`);
      }
    }
    return;
  }
  assert.deepEqual(whole, part, `${path}: sent ${JSON.stringify(part)}, ARM stored ${JSON.stringify(whole)}`);
}

interface FormRun {
  readonly session: FormSession;
  readonly posted: HostMessage[];
  readonly backend: ArmFormBackend;
  readonly context: () => ValidationContext;
}

function openForm(services: ArmServices, kind: FormKind, mode: FormMode, values: FormValues, targetId?: string): FormRun {
  const posted: HostMessage[] = [];
  const backend = new ArmFormBackend(() => Promise.resolve(services), { subscriptionId: SUB, tenantId: TENANT });
  const session = new FormSession({
    definition: formDefinition(kind),
    mode,
    values,
    ...(targetId ? { targetId } : {}),
    backend,
    post: (m) => posted.push(m),
    log: { info: () => undefined, warn: () => undefined, error: () => undefined },
  });
  return { session, posted, backend, context: () => session.context() };
}

/** ready → wait for the pickers it needs → submit; returns the result message. */
async function submit(run: FormRun, values: FormValues, pickers: PickerSource[] = []): Promise<ResultMessage> {
  run.session.handle({ type: 'ready' });
  run.session.handle({ type: 'change', values });
  for (const source of pickers) {
    await waitFor(`the ${source} picker`, () => run.posted.find((m) => m.type === 'options' && m.source === source && m.state.status === 'ready'));
  }
  const before = run.posted.length;
  run.session.handle({ type: 'submit', values });
  return waitFor('the result', () => {
    const tail = run.posted.slice(before);
    const validation = tail.find((m) => m.type === 'validation');
    if (validation) {
      throw new Error(`validation failed: ${JSON.stringify(validation)}`);
    }
    return tail.find((m): m is ResultMessage => m.type === 'result');
  }, 30_000);
}

describe('forms against the ARM emulator (real Azure layer, real SDK)', function () {
  this.timeout(60_000);
  let emulator: RunningEmulator;
  let services: ArmServices;

  before(async () => {
    emulator = await startEmulator({ seed: DEFAULT_SEED_PATH, lroDelayMs: 30, replicationMsPerRegion: 30, retryAfterSeconds: 0 });
    services = armServicesFor(emulator);
  });
  after(() => emulator.close());
  beforeEach(() => emulator.setFaults([]));

  const writes = () => emulator.requests.filter((r) => r.method !== 'GET' && r.method !== 'HEAD');

  /** Creates through the form and checks that ARM stored everything the form showed. */
  async function create(kind: FormKind, values: FormValues, pickers: PickerSource[] = []): Promise<string> {
    const run = openForm(services, kind, 'create', values);
    const result = await submit(run, values, pickers);
    assert.equal(result.ok, true, result.message);
    const form = formDefinition(kind);
    const target = form.target(run.session.currentValues, 'create');
    assert.ok(target);
    const shown = form.requestBody(run.session.currentValues, 'create', run.context());
    const stored = emulator.store.getResourceJson(target.id);
    assert.ok(stored, `${target.id} was not created`);
    assertContains(stored, shown);
    const stateOf = (s: unknown): unknown => (s as { properties?: { provisioningState?: unknown } }).properties?.provisioningState;
    assert.equal(stateOf(stored), 'Succeeded');
    run.session.dispose();
    return target.id;
  }

  it('pickers list the real resources of the subscription, with the facts the checks need', async () => {
    const backend = new ArmFormBackend(() => Promise.resolve(services), { subscriptionId: SUB, tenantId: TENANT });
    const signal = new AbortController().signal;
    const values = { subscriptionId: SUB, galleryId: GALLERY };
    const names = async (source: PickerSource) => (await backend.loadOptions(source, values, signal)).map((o) => o.label);
    assert.ok((await names('subscriptions')).includes('Contoso Production'));
    assert.deepEqual(await names('resourceGroups'), ['rg-gallery-prod', 'rg-image-build']);
    assert.ok((await names('locations')).includes('East US'));
    assert.ok((await names('galleries')).includes('contosoImages'));
    assert.ok((await names('imageDefinitions')).includes('ubuntu-2404-arm64-g2'));
    assert.ok((await names('virtualMachines')).includes('vm-build-ubuntu2404-arm'));
    assert.ok((await names('managedImages')).includes('img-ubuntu2404-arm-20261105'));
    assert.ok((await names('diskSources')).includes('snap-ubuntu2404-arm-osdisk-20261105'));
    assert.ok((await names('storageAccounts')).includes('stcontosobuildvhds'));
    assert.ok((await names('diskEncryptionSets')).includes('des-contoso-cmk'));
    assert.ok((await names('imageVersions')).includes('contosoImages/ubuntu-2404-arm64-g2/1.1.0'));
    const image = (await backend.loadOptions('managedImages', values, signal)).find((o) => o.label === 'img-ubuntu2404-arm-20261105');
    assert.deepEqual(image?.facts, { location: 'eastus', osType: 'Linux', osState: 'Generalized', hyperVGeneration: 'V2' });
  });

  it('creates a gallery in a new resource group', async () => {
    await create('gallery', { subscriptionId: SUB, resourceGroupMode: 'new', newResourceGroup: 'rg-forms-new', name: 'formsGallery', location: 'westeurope', description: 'from a form', tags: [{ key: 'team', value: 'images' }] });
    assert.ok(emulator.requests.some((r) => r.method === 'PUT' && /resourcegroups\/rg-forms-new$/i.test(r.path)));
  });

  it('creates an image definition with features, recommendations and an end of life', async () => {
    await create('imageDefinition', {
      ...formDefinition('imageDefinition').defaults(),
      subscriptionId: SUB,
      galleryId: GALLERY,
      name: 'forms-def',
      location: 'eastus',
      publisher: 'Contoso',
      offer: 'Forms',
      sku: 'gen2',
      acceleratedNetworking: 'True',
      hibernation: 'False',
      vcpuMin: '2',
      vcpuMax: '8',
      memoryMin: '4',
      memoryMax: '32',
      disallowedDiskTypes: 'Standard_LRS,UltraSSD_LRS',
      endOfLifeDate: '2030-01-31',
      eula: 'Use responsibly.',
      releaseNoteUri: 'https://contoso.example/notes',
      privacyStatementUri: 'https://contoso.example/privacy',
      description: 'made by a form',
    });
  });

  const version = (name: string, source: FormValues): FormValues => ({
    ...formDefinition('imageVersion').defaults(),
    subscriptionId: SUB,
    galleryId: GALLERY,
    definitionId: UBUNTU,
    name,
    location: 'eastus',
    targetRegions: [
      { name: 'eastus', replicas: '1', storageAccountType: 'Standard_LRS', osDiskEncryptionSetId: '', dataDiskEncryptionSetId: '', encryption: '' },
      { name: 'westeurope', replicas: '2', storageAccountType: 'Standard_ZRS', osDiskEncryptionSetId: '', dataDiskEncryptionSetId: '', encryption: '' },
    ],
    ...source,
  });

  it('creates image versions from each kind of source', async () => {
    await create('imageVersion', version('3.0.0', { sourceType: 'managedImage', managedImageId: `${BUILD}/Microsoft.Compute/images/img-ubuntu2404-arm-20261105`, endOfLifeDate: '2031-06-30' }), ['managedImages']);
    await create('imageVersion', version('3.0.1', { sourceType: 'virtualMachine', virtualMachineId: `${BUILD}/Microsoft.Compute/virtualMachines/vm-build-ubuntu2404-arm`, excludeFromLatest: true }), ['virtualMachines']);
    await create(
      'imageVersion',
      version('3.0.2', {
        sourceType: 'disks',
        osDiskId: `${BUILD}/Microsoft.Compute/snapshots/snap-ubuntu2404-arm-osdisk-20261105`,
        dataDisks: [{ lun: '0', sourceId: `${BUILD}/Microsoft.Compute/disks/disk-scratch-unattached`, hostCaching: 'None' }],
        targetRegions: [{ name: 'eastus', replicas: '1', storageAccountType: 'Standard_LRS', osDiskEncryptionSetId: `${BUILD}/Microsoft.Compute/diskEncryptionSets/des-contoso-cmk`, dataDiskEncryptionSetId: `${BUILD}/Microsoft.Compute/diskEncryptionSets/des-contoso-cmk`, encryption: '' }],
      }),
      ['diskSources', 'diskEncryptionSets'],
    );
    await create(
      'imageVersion',
      version('3.0.3', {
        sourceType: 'vhd',
        storageAccountId: `${BUILD}/Microsoft.Storage/storageAccounts/stcontosobuildvhds`,
        osVhdUri: 'https://stcontosobuildvhds.blob.core.windows.net/vhds/ubuntu-arm.vhd',
        vhdDataDisks: [{ lun: '1', uri: 'https://stcontosobuildvhds.blob.core.windows.net/vhds/data.vhd', hostCaching: 'ReadOnly' }],
        replicationMode: 'Shallow',
      }),
      ['storageAccounts'],
    );
    await create('imageVersion', version('3.0.4', { sourceType: 'imageVersion', sourceVersionId: `${UBUNTU}/versions/1.1.0`, targetExtendedLocations: [{ name: 'westus', edgeZone: 'microsoftlosangeles1', replicas: '1', storageAccountType: 'StandardSSD_LRS' }] }), ['imageVersions']);
  });

  it('creates managed images from a VM and from snapshot + blob data disk', async () => {
    await create('managedImage', {
      ...formDefinition('managedImage').defaults(),
      subscriptionId: SUB,
      resourceGroup: 'rg-image-build',
      name: 'img-forms-vm',
      location: 'eastus',
      sourceType: 'virtualMachine',
      virtualMachineId: `${BUILD}/Microsoft.Compute/virtualMachines/vm-build-ubuntu2404-arm`,
      hyperVGeneration: 'V2',
      zoneResilient: true,
    }, ['virtualMachines']);
    await create('managedImage', {
      ...formDefinition('managedImage').defaults(),
      subscriptionId: SUB,
      resourceGroup: 'rg-image-build',
      name: 'img-forms-snapshot',
      location: 'eastus',
      sourceType: 'snapshot',
      osSnapshotId: `${BUILD}/Microsoft.Compute/snapshots/snap-ubuntu2404-arm-osdisk-20261105`,
      osType: 'Linux',
      osState: 'Generalized',
      hyperVGeneration: 'V2',
      osCaching: 'ReadWrite',
      osStorageAccountType: 'Premium_LRS',
      diskEncryptionSetId: `${BUILD}/Microsoft.Compute/diskEncryptionSets/des-contoso-cmk`,
      dataDisks: [{ lun: '2', blobUri: 'https://stcontosobuildvhds.blob.core.windows.net/vhds/data.vhd', sourceId: '', caching: 'ReadOnly', storageAccountType: 'Standard_LRS' }],
    }, ['snapshots', 'diskEncryptionSets']);
  });

  it('updates one property of each kind with a PATCH', async () => {
    const update = async (kind: FormKind, id: string, change: (v: FormValues) => FormValues): Promise<Record<string, unknown>> => {
      const run = openForm(services, kind, 'update', {}, id);
      run.session.handle({ type: 'ready' });
      const loaded = await waitFor('the resource', () => run.posted.find((m) => m.type === 'values'));
      assert.ok(loaded.type === 'values');
      const since = emulator.requests.length;
      const result = await submit(run, change(loaded.values));
      assert.equal(result.ok, true, result.message);
      assert.deepEqual(
        emulator.requests.slice(since).filter((r) => r.method !== 'GET').map((r) => r.method),
        ['PATCH'],
      );
      run.session.dispose();
      return emulator.store.getResourceJson(id) as Record<string, unknown>;
    };
    const gallery = await update('gallery', GALLERY, (v) => ({ ...v, description: 'updated by a form' }));
    assert.equal((gallery.properties as { description: string }).description, 'updated by a form');
    const definition = await update('imageDefinition', UBUNTU, (v) => ({ ...v, releaseNoteUri: 'https://contoso.example/2' }));
    assert.equal((definition.properties as { releaseNoteUri: string }).releaseNoteUri, 'https://contoso.example/2');
    const v = await update('imageVersion', `${UBUNTU}/versions/1.0.0`, (values) => ({ ...values, excludeFromLatest: true }));
    assert.equal((v.properties as { publishingProfile: { excludeFromLatest: boolean } }).publishingProfile.excludeFromLatest, true);
    const regions = await update('imageVersion', `${UBUNTU}/versions/1.1.0`, (values) => ({
      ...values,
      targetRegions: [...(values.targetRegions as []), { name: 'northeurope', replicas: '1', storageAccountType: 'Standard_LRS', osDiskEncryptionSetId: '', dataDiskEncryptionSetId: '', encryption: '' }],
    }));
    const names = (regions.properties as { publishingProfile: { targetRegions: Array<{ name: string }> } }).publishingProfile.targetRegions.map((r) => r.name);
    assert.ok(names.includes('northeurope') && names.length >= 2, names.join());
    const image = await update('managedImage', `${BUILD}/Microsoft.Compute/images/img-legacy-vhd-20250110`, (values) => ({ ...values, tags: [{ key: 'retire', value: '2027' }] }));
    assert.deepEqual(image.tags, { retire: '2027' });
  });

  it('edits a gallery whose resource group has non-ASCII letters (issue 9)', async () => {
    emulator.store.addResourceGroup({ subscriptionId: SUB, name: 'rg-Café-Ünits', location: 'eastus', tags: { keep: 'yes' } });
    const service = services.galleryService(SUB, TENANT);
    await service.createOrUpdateGallery(galleryId(SUB, 'rg-Café-Ünits', 'unicodeGallery'), { location: 'eastus' });
    // The id as Azure lists it (the tree opens the form with it): names as they are, not escaped.
    const listedId = (await service.listGalleries()).items.find((g) => g.name === 'unicodeGallery')?.id ?? '';
    assert.ok(listedId.includes('/rg-Café-Ünits/'), listedId);
    const run = openForm(services, 'gallery', 'update', {}, listedId);
    run.session.handle({ type: 'ready' });
    const loaded = await waitFor('the resource', () => run.posted.find((m) => m.type === 'values'));
    assert.ok(loaded.type === 'values');
    const since = emulator.requests.length;
    const result = await submit(run, { ...loaded.values, description: 'edited with an accent in the group' });
    assert.equal(result.ok, true, result.message);
    assert.deepEqual(emulator.requests.slice(since).filter((r) => r.method !== 'GET').map((r) => `${r.method} ${decodeURIComponent(r.path)}`), [`PATCH ${listedId}`]);
    const stored = emulator.store.getResourceJson(listedId) as { properties?: { description?: string } };
    assert.equal(stored.properties?.description, 'edited with an accent in the group');
    run.session.dispose();
  });

  it('shows ARM\'s own error when Azure refuses, and keeps the values', async () => {
    const values = { subscriptionId: SUB, resourceGroupMode: 'existing', resourceGroup: 'rg-gallery-prod', name: 'failingGallery', location: 'eastus', description: 'kept', tags: [] };
    emulator.setFaults([{ kind: 'failLro', method: 'PUT', path: '/galleries/failingGallery$', times: 1 }]);
    const run = openForm(services, 'gallery', 'create', values);
    const result = await submit(run, values);
    assert.equal(result.ok, false);
    assert.match(result.message, /internal execution error/i);
    assert.equal(result.code, 'InternalOperationError');
    assert.equal(run.session.currentValues.description, 'kept');
  });

  it('invalid input in every form sends no write at all', async () => {
    const bad: Array<[FormKind, FormValues]> = [
      ['gallery', { subscriptionId: SUB, resourceGroup: 'rg-gallery-prod', name: 'has-dash', location: 'eastus' }],
      ['imageDefinition', { subscriptionId: SUB, galleryId: GALLERY, name: 'ok', location: 'eastus', osType: 'Linux', osState: 'Generalized', publisher: 'Contoso', offer: 'Ubuntu', sku: '24_04.' }],
      ['imageVersion', version('1.0', { sourceType: 'managedImage', managedImageId: `${BUILD}/Microsoft.Compute/images/img-ubuntu2404-arm-20261105` })],
      ['managedImage', { subscriptionId: SUB, resourceGroup: 'rg-image-build', name: 'img', location: 'eastus', sourceType: 'blob', osBlobUri: 'http://not-https/os.vhd' }],
    ];
    const since = writes().length;
    for (const [kind, values] of bad) {
      const run = openForm(services, kind, 'create', values);
      run.session.handle({ type: 'submit', values });
      await waitFor(`${kind} validation`, () => run.posted.find((m) => m.type === 'validation'));
      run.session.dispose();
    }
    assert.deepEqual(writes().slice(since), []);
  });
});
