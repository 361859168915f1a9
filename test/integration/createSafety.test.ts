/**
 * Issue 9: "Create" never replaces what exists. Through the forms' host side (FormSession + ArmFormBackend) with
 * the real Azure layer and @azure/arm-compute against the ARM emulator, with faults injected where the sibling
 * list or the existence check would go: an existing gallery, image version or managed image is never PUT over,
 * a check that cannot be made stops the create, and an existing "new" resource group is used as it is.
 */
import * as assert from 'node:assert/strict';
import '../emulator/trustCa';
import { startEmulator } from '../emulator/ArmEmulator';
import type { FaultRule, RunningEmulator } from '../emulator/ArmEmulator';
import { DEFAULT_SEED_PATH } from '../emulator/testSupport';
import { SEED_TENANT, armServicesFor, waitFor } from './emulatorServices';
import type { ArmServices } from '../../src/azure/services';
import { ArmFormBackend } from '../../src/webview/FormBackend';
import { FormSession } from '../../src/webview/FormSession';
import { formDefinition } from '../../src/webview/forms/formRegistry';
import type { FormKind, FormMode, FormValues } from '../../src/webview/forms/formTypes';
import type { HostMessage, ResultMessage, ValidationMessage } from '../../src/webview/protocol';

const TENANT = SEED_TENANT;
const SUB = '8f3b1c2d-4e5f-4a6b-9c7d-0e1f2a3b4c5d';
const RG = `/subscriptions/${SUB}/resourceGroups`;
const GALLERY = `${RG}/rg-gallery-prod/providers/Microsoft.Compute/galleries/contosoImages`;
const UBUNTU = `${GALLERY}/images/ubuntu-2404-arm64-g2`;
const BUILD = `${RG}/rg-image-build/providers`;
const IMAGE = `${BUILD}/Microsoft.Compute/images/img-ubuntu2404-arm-20261105`;

describe('issue 9: "Create" never replaces what exists (real SDK, ARM emulator)', function () {
  this.timeout(60_000);
  let emulator: RunningEmulator;
  let services: ArmServices;

  before(async () => {
    emulator = await startEmulator({ seed: DEFAULT_SEED_PATH, lroDelayMs: 30, replicationMsPerRegion: 30, retryAfterSeconds: 0 });
    services = armServicesFor(emulator);
  });
  after(() => emulator.close());
  beforeEach(() => emulator.setFaults([]));

  const writes = (since: number) => emulator.requests.slice(since).filter((r) => r.method !== 'GET' && r.method !== 'HEAD').map((r) => `${r.method} ${decodeURIComponent(r.path)}`);

  /** Opens a form, submits `values` once (under `faults`) and returns what the form was told, and the writes ARM saw. */
  async function submitOnce(kind: FormKind, mode: FormMode, values: FormValues, faults: FaultRule[] = [], targetId?: string): Promise<{ answer: ResultMessage | ValidationMessage; writes: string[]; posted: HostMessage[]; session: FormSession }> {
    const posted: HostMessage[] = [];
    const session = new FormSession({
      definition: formDefinition(kind),
      mode,
      values,
      ...(targetId ? { targetId } : {}),
      backend: new ArmFormBackend(() => Promise.resolve(services), { subscriptionId: SUB, tenantId: TENANT }),
      post: (m) => posted.push(m),
      log: { info: () => undefined, warn: () => undefined, error: () => undefined },
    });
    if (mode === 'update') {
      session.handle({ type: 'ready' });
      await waitFor('the resource', () => posted.find((m) => m.type === 'values'));
    }
    emulator.setFaults(faults);
    const since = emulator.requests.length;
    const before = posted.length;
    session.handle({ type: 'submit', values });
    const answer = await waitFor('the answer', () => posted.slice(before).find((m): m is ResultMessage | ValidationMessage => m.type === 'result' || m.type === 'validation'));
    await waitFor('the form to be idle', () => (session.isSubmitting ? undefined : true));
    emulator.setFaults([]);
    session.dispose();
    return { answer, writes: writes(since), posted, session };
  }

  const galleryValues = (name: string, extra: FormValues = {}): FormValues => ({
    ...formDefinition('gallery').defaults(),
    subscriptionId: SUB,
    resourceGroupMode: 'existing',
    resourceGroup: 'rg-gallery-prod',
    name,
    location: 'eastus',
    description: 'would replace the gallery',
    ...extra,
  });

  it('the gallery list is throttled: the existing gallery is found by its GET and nothing is PUT over it', async () => {
    const before = JSON.stringify(emulator.store.getResourceJson(GALLERY));
    const { answer, writes } = await submitOnce('gallery', 'create', galleryValues('contosoImages'), [{ kind: 'throttle', method: 'GET', path: '/providers/Microsoft\\.Compute/galleries$' }]);
    assert.equal(answer.type, 'result');
    assert.ok(answer.type === 'result' && !answer.ok);
    assert.equal(answer.message, 'A gallery named "contosoImages" already exists in resource group "rg-gallery-prod". Nothing was sent. Choose another name, or edit the existing one.');
    assert.equal(answer.field, 'name');
    assert.deepEqual(writes, []);
    assert.equal(JSON.stringify(emulator.store.getResourceJson(GALLERY)), before);
  });

  it('the name check is overtaken by a picker change: the existing gallery is still not PUT over', async () => {
    const posted: HostMessage[] = [];
    const values = galleryValues('contosoImages');
    const session = new FormSession({
      definition: formDefinition('gallery'),
      mode: 'create',
      values,
      backend: new ArmFormBackend(() => Promise.resolve(services), { subscriptionId: SUB, tenantId: TENANT }),
      post: (m) => posted.push(m),
      log: { info: () => undefined, warn: () => undefined, error: () => undefined },
    });
    emulator.setFaults([{ kind: 'slow', method: 'GET', path: '/providers/Microsoft\\.Compute/galleries$', delayMs: 400, times: 1 }]);
    const since = emulator.requests.length;
    session.handle({ type: 'submit', values });
    await new Promise((r) => setTimeout(r, 100));
    // Another subscription is picked while the list of galleries is still loading: that list is abandoned.
    session.handle({ type: 'change', values: { ...values, subscriptionId: '1a2b3c4d-5e6f-4789-8abc-def012345678' } });
    const answer = await waitFor('the answer', () => posted.find((m): m is ResultMessage | ValidationMessage => m.type === 'result' || m.type === 'validation'));
    session.dispose();
    assert.ok(answer.type === 'result' && !answer.ok, JSON.stringify(answer));
    assert.match(answer.message, /A gallery named "contosoImages" already exists/);
    assert.deepEqual(writes(since), []);
  });

  for (const [fault, shows] of [
    ['throttle', /Couldn't check whether gallery "brandNewGallery" already exists \(.*too many requests/],
    ['drop', /Couldn't check whether gallery "brandNewGallery" already exists/],
  ] as const) {
    it(`the existence check itself fails (${fault}): the create stops, says so, and sends nothing`, async () => {
      const { answer, writes } = await submitOnce('gallery', 'create', galleryValues('brandNewGallery'), [
        { kind: fault, method: 'GET', path: '/resourceGroups/rg-gallery-prod/providers/Microsoft\\.Compute/galleries/brandNewGallery$' },
      ]);
      assert.ok(answer.type === 'result' && !answer.ok, JSON.stringify(answer));
    assert.match(answer.message, shows);
      assert.match(answer.message, /nothing was sent/);
      assert.deepEqual(writes, []);
      assert.equal(emulator.store.getResourceJson(`${RG}/rg-gallery-prod/providers/Microsoft.Compute/galleries/brandNewGallery`), undefined);
    });
  }

  it('an existing image version is not replaced when the version list fails', async () => {
    const existing = `${UBUNTU}/versions/1.0.0`;
    const before = JSON.stringify(emulator.store.getResourceJson(existing));
    const values: FormValues = {
      ...formDefinition('imageVersion').defaults(),
      subscriptionId: SUB,
      galleryId: GALLERY,
      definitionId: UBUNTU,
      name: '1.0.0',
      location: 'eastus',
      sourceType: 'managedImage',
      managedImageId: IMAGE,
      targetRegions: [{ name: 'eastus', replicas: '1', storageAccountType: 'Standard_LRS', osDiskEncryptionSetId: '', dataDiskEncryptionSetId: '', encryption: '' }],
    };
    const { answer, writes } = await submitOnce('imageVersion', 'create', values, [{ kind: 'unavailable', method: 'GET', path: '/versions$' }]);
    assert.ok(answer.type === 'result' && !answer.ok, JSON.stringify(answer));
    assert.equal(answer.message, 'Version "1.0.0" of image definition "contosoImages/ubuntu-2404-arm64-g2" already exists. Nothing was sent. Choose another name, or edit the existing one.');
    assert.deepEqual(writes, []);
    assert.equal(JSON.stringify(emulator.store.getResourceJson(existing)), before);
  });

  it('"Create new" with the name of an existing resource group: the group is used as it is (no PUT, tags kept), and the user is told', async () => {
    const { answer, writes } = await submitOnce('gallery', 'create', galleryValues('galleryInExistingGroup', { resourceGroupMode: 'new', newResourceGroup: 'rg-gallery-prod', location: 'westeurope' }));
    assert.ok(answer.type === 'result' && answer.ok, JSON.stringify(answer));
    assert.match(answer.message, /Resource group "rg-gallery-prod" already existed, so it was used as it is/);
    assert.deepEqual(writes, [`PUT ${RG}/rg-gallery-prod/providers/Microsoft.Compute/galleries/galleryInExistingGroup`]);
    assert.deepEqual(emulator.store.getResourceGroup(SUB, 'rg-gallery-prod')?.tags, { environment: 'production' });
  });

  it('"Create new" with the name of an existing resource group: the form says so while the name is typed', async () => {
    const posted: HostMessage[] = [];
    const session = new FormSession({
      definition: formDefinition('gallery'),
      mode: 'create',
      backend: new ArmFormBackend(() => Promise.resolve(services), { subscriptionId: SUB, tenantId: TENANT }),
      post: (m) => posted.push(m),
      log: { info: () => undefined, warn: () => undefined, error: () => undefined },
    });
    session.handle({ type: 'ready' });
    session.handle({ type: 'change', values: galleryValues('someGallery', { resourceGroupMode: 'new', newResourceGroup: 'rg-gallery-prod' }) });
    const notice = await waitFor('the notice', () => posted.find((m) => m.type === 'notice' && m.message !== ''));
    assert.ok(notice.type === 'notice');
    assert.equal(notice.message, 'A resource group named "rg-gallery-prod" already exists (eastus): the gallery will go into it, and the group is used as it is.');
    session.handle({ type: 'change', values: galleryValues('someGallery', { resourceGroupMode: 'new', newResourceGroup: 'rg-really-new' }) });
    await waitFor('the notice to go', () => posted.find((m) => m.type === 'notice' && m.message === ''));
    session.dispose();
  });

  it('"Create new" resource group that really is new: it is created first, then the resource', async () => {
    const { answer, writes } = await submitOnce('gallery', 'create', galleryValues('galleryInNewGroup', { resourceGroupMode: 'new', newResourceGroup: 'rg-safety-new', location: 'westeurope' }));
    assert.ok(answer.type === 'result' && answer.ok, JSON.stringify(answer));
    assert.deepEqual(writes, [`PUT /subscriptions/${SUB}/resourcegroups/rg-safety-new`, `PUT ${RG}/rg-safety-new/providers/Microsoft.Compute/galleries/galleryInNewGroup`]);
  });

  it('"Create new" resource group that exists: the managed-image name check runs for it, and nothing is written', async () => {
    const values: FormValues = {
      ...formDefinition('managedImage').defaults(),
      subscriptionId: SUB,
      resourceGroupMode: 'new',
      newResourceGroup: 'rg-image-build',
      name: 'img-ubuntu2404-arm-20261105',
      location: 'eastus',
      sourceType: 'virtualMachine',
      virtualMachineId: `${BUILD}/Microsoft.Compute/virtualMachines/vm-build-ubuntu2404-arm`,
      hyperVGeneration: 'V2',
    };
    const before = JSON.stringify(emulator.store.getResourceJson(IMAGE));
    const { answer, writes } = await submitOnce('managedImage', 'create', values);
    assert.equal(answer.type, 'validation', JSON.stringify(answer));
    assert.ok(answer.type === 'validation');
    assert.match(answer.errors.name ?? '', /already has a managed image named "img-ubuntu2404-arm-20261105"/);
    assert.deepEqual(writes, []);
    assert.equal(JSON.stringify(emulator.store.getResourceJson(IMAGE)), before);
    assert.deepEqual(emulator.store.getResourceGroup(SUB, 'rg-image-build')?.tags, { environment: 'build' });
  });

  it('"Create new" resource group whose existence cannot be checked: nothing is sent', async () => {
    const { answer, writes } = await submitOnce('gallery', 'create', galleryValues('galleryUnchecked', { resourceGroupMode: 'new', newResourceGroup: 'rg-maybe', location: 'westeurope' }), [
      { kind: 'throttle', method: 'GET', path: '/resourcegroups/rg-maybe$' },
    ]);
    assert.ok(answer.type === 'result' && !answer.ok, JSON.stringify(answer));
    assert.match(answer.message, /Couldn't check whether resource group "rg-maybe" already exists .*nothing was sent/);
    assert.deepEqual(writes, []);
  });
});
