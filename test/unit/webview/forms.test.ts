import * as assert from 'node:assert/strict';
import { formDefinition } from '../../../src/webview/forms/formRegistry';
import type { FormValues, PickerOption, ValidationContext } from '../../../src/webview/forms/formTypes';
import { sanitizeValues } from '../../../src/webview/forms/sanitize';

const SUB = '8f3b1c2d-4e5f-4a6b-9c7d-0e1f2a3b4c5d';
const RG_ID = `/subscriptions/${SUB}/resourceGroups/rg`;
const GALLERY = `${RG_ID}/providers/Microsoft.Compute/galleries/g1`;
const DEFINITION = `${GALLERY}/images/ubuntu`;
const IMAGE = `${RG_ID}/providers/Microsoft.Compute/images/img1`;
const VM = `${RG_ID}/providers/Microsoft.Compute/virtualMachines/vm1`;
const DISK = `${RG_ID}/providers/Microsoft.Compute/disks/os1`;
const SNAP = `${RG_ID}/providers/Microsoft.Compute/snapshots/data1`;
const ACCOUNT = `${RG_ID}/providers/Microsoft.Storage/storageAccounts/acct`;
const DES_EAST = `${RG_ID}/providers/Microsoft.Compute/diskEncryptionSets/des-east`;
const NOW = Date.parse('2026-11-22T12:00:00Z');

const option = (value: string, facts: PickerOption['facts']): PickerOption => ({ value, label: value.split('/').pop() ?? value, facts });
const context: ValidationContext = {
  now: NOW,
  siblingNames: ['taken', '1.0.0'],
  siblingIdentifiers: [{ name: 'other', publisher: 'Contoso', offer: 'Ubuntu', sku: '24_04' }],
  definition: { osType: 'Linux', osState: 'Generalized', hyperVGeneration: 'V2' },
  options: {
    managedImages: [option(IMAGE, { location: 'eastus', osType: 'Linux', osState: 'Generalized', hyperVGeneration: 'V2' })],
    virtualMachines: [option(VM, { location: 'westeurope', osType: 'Linux' })],
    diskSources: [option(DISK, { location: 'eastus', osType: 'Windows', hyperVGeneration: 'V2' }), option(SNAP, { location: 'eastus' })],
    diskEncryptionSets: [option(DES_EAST, { location: 'eastus' })],
  },
};

function valid(kind: 'gallery' | 'imageDefinition' | 'imageVersion' | 'managedImage', values: FormValues): FormValues {
  return { ...formDefinition(kind).defaults(), ...values };
}

describe('resource forms: validation and the exact request body', () => {
  describe('gallery', () => {
    const form = formDefinition('gallery');
    const base = valid('gallery', { subscriptionId: SUB, resourceGroup: 'rg', name: 'newGallery', location: 'eastus', description: 'd', tags: [{ key: 'env', value: 'prod' }] });

    it('builds the PUT and its body', () => {
      assert.deepEqual(form.validate(base, 'create', context), {});
      assert.deepEqual(form.target(base, 'create'), {
        method: 'PUT',
        id: `${RG_ID}/providers/Microsoft.Compute/galleries/newGallery`,
        apiVersion: '2025-12-03',
        subscriptionId: SUB,
      });
      assert.deepEqual(form.requestBody(base, 'create', context), { location: 'eastus', tags: { env: 'prod' }, properties: { description: 'd' } });
    });

    it('rejects a dash, a taken name and a missing resource group, each next to its field', () => {
      const errors = form.validate({ ...base, name: 'bad-name', resourceGroup: '' }, 'create', context);
      assert.deepEqual(Object.keys(errors).sort(), ['name', 'resourceGroup']);
      assert.match(form.validate({ ...base, name: 'Taken' }, 'create', context).name ?? '', /already has a gallery/);
      assert.match(form.validate({ ...base, resourceGroupMode: 'new', newResourceGroup: 'rg.' }, 'create', context).newResourceGroup ?? '', /period/);
    });

    it('in update mode sends a PATCH of the description and every tag (none = {})', () => {
      assert.deepEqual(form.requestBody({ ...base, tags: [] }, 'update', { ...context, original: base }), { properties: { description: 'd' }, tags: {} });
      assert.equal(form.target(base, 'update')?.method, 'PATCH');
    });

    it('soft delete (issue 11): sent when turned on at creation, in the preview and the template resource alike', () => {
      const on = { ...base, isSoftDeleteEnabled: true };
      assert.deepEqual(form.validate(on, 'create', context), {});
      assert.deepEqual(form.requestBody(on, 'create', context), {
        location: 'eastus',
        tags: { env: 'prod' },
        properties: { description: 'd', softDeletePolicy: { isSoftDeleteEnabled: true } },
      });
      assert.deepEqual((form.templateResource(on, context).properties as Record<string, unknown>).softDeletePolicy, { isSoftDeleteEnabled: true });
      // Off is Azure's default: a create without it sends no policy, even with no description.
      assert.deepEqual(form.requestBody({ ...base, description: '' }, 'create', context), { location: 'eastus', tags: { env: 'prod' } });
      assert.equal(form.fieldForArmTarget('properties.softDeletePolicy.isSoftDeleteEnabled'), 'isSoftDeleteEnabled');
    });

    it('soft delete (issue 11): an edit shows the gallery\'s policy and sends it only when it changes', () => {
      const original = form.fromResource({
        id: `${RG_ID}/providers/Microsoft.Compute/galleries/g1`,
        location: 'eastus',
        properties: { description: 'x', softDeletePolicy: { isSoftDeleteEnabled: true } },
      });
      assert.equal(original.isSoftDeleteEnabled, true);
      const ctx = { ...context, original };
      assert.deepEqual(form.requestBody(sanitizeValues(form, 'update', { ...original, description: 'y' }, original), 'update', ctx), { properties: { description: 'y' }, tags: {} });
      const off = sanitizeValues(form, 'update', { ...original, isSoftDeleteEnabled: false }, original);
      assert.deepEqual(form.requestBody(off, 'update', ctx), { properties: { description: 'x', softDeletePolicy: { isSoftDeleteEnabled: false } }, tags: {} });
      assert.equal(form.fromResource({ id: `${RG_ID}/providers/Microsoft.Compute/galleries/g2`, properties: {} }).isSoftDeleteEnabled, false);
    });

    it('warns when an edit turns soft delete off, and only then', () => {
      const original = form.fromResource({ id: `${RG_ID}/providers/Microsoft.Compute/galleries/g1`, location: 'eastus', properties: { softDeletePolicy: { isSoftDeleteEnabled: true } } });
      const ctx = { ...context, original };
      assert.match(form.warnings?.({ ...original, isSoftDeleteEnabled: false }, 'update', ctx).isSoftDeleteEnabled ?? '', /deleted for good: they cannot be restored/);
      assert.deepEqual(form.warnings?.(original, 'update', ctx), {});
      assert.deepEqual(form.warnings?.({ ...original, isSoftDeleteEnabled: false }, 'create', context), {});
      const wasOff = { ...original, isSoftDeleteEnabled: false };
      assert.deepEqual(form.warnings?.(wasOff, 'update', { ...context, original: wasOff }), {});
    });

    it('reads an existing gallery back into the form', () => {
      const values = form.fromResource({ id: `${RG_ID}/providers/Microsoft.Compute/galleries/g1`, name: 'g1', location: 'westus', tags: { a: 'b' }, properties: { description: 'x' } });
      assert.equal(values.name, 'g1');
      assert.equal(values.resourceGroup, 'rg');
      assert.deepEqual(values.tags, [{ key: 'a', value: 'b' }]);
    });
  });

  describe('image definition', () => {
    const form = formDefinition('imageDefinition');
    const base = valid('imageDefinition', {
      subscriptionId: SUB,
      galleryId: GALLERY,
      name: 'ubuntu-2404',
      location: 'eastus',
      publisher: 'Contoso',
      offer: 'Ubuntu',
      sku: '24_04-gen2',
      acceleratedNetworking: 'True',
      diskControllerTypes: 'SCSI, NVMe',
      vcpuMin: '2',
      vcpuMax: '16',
      disallowedDiskTypes: 'Standard_LRS',
      endOfLifeDate: '2027-12-31',
      releaseNoteUri: 'https://contoso.example/notes',
    });

    it('sends features, recommended, disallowed and the end of life as ARM expects', () => {
      assert.deepEqual(form.validate(base, 'create', context), {});
      const body = form.requestBody(base, 'create', context);
      assert.deepEqual(body.properties, {
        osType: 'Linux',
        osState: 'Generalized',
        hyperVGeneration: 'V2',
        architecture: 'x64',
        identifier: { publisher: 'Contoso', offer: 'Ubuntu', sku: '24_04-gen2' },
        features: [
          { name: 'SecurityType', value: 'TrustedLaunchSupported' },
          { name: 'IsAcceleratedNetworkSupported', value: 'True' },
          { name: 'DiskControllerTypes', value: 'SCSI, NVMe' },
        ],
        disallowed: { diskTypes: ['Standard_LRS'] },
        releaseNoteUri: 'https://contoso.example/notes',
        endOfLifeDate: '2027-12-31T00:00:00.000Z',
        recommended: { vCPUs: { min: 2, max: 16 } },
      });
      assert.equal(form.target(base, 'create')?.id, `${GALLERY}/images/ubuntu-2404`);
    });

    it('catches combinations Azure refuses', () => {
      const e = form.validate({ ...base, hyperVGeneration: 'V1', architecture: 'Arm64', vcpuMin: '8', vcpuMax: '4', endOfLifeDate: '2020-01-01', sku: '24_04', planName: 'p' }, 'create', context);
      assert.match(e.securityType ?? '', /Gen 2/);
      assert.match(e.hyperVGeneration ?? '', /Arm64/);
      assert.match(e.vcpuMax ?? '', /less than the minimum/);
      assert.match(e.endOfLifeDate ?? '', /future/);
      assert.match(e.sku ?? '', /already uses this publisher, offer and SKU/);
      assert.match(e.planPublisher ?? '', /purchase plan/);
      assert.match(e.diskControllerTypes ?? '', /NVMe/);
    });

    it('locks what Azure does not let change, whatever the webview sends', () => {
      const original = form.fromResource({
        id: DEFINITION,
        location: 'eastus',
        properties: { osType: 'Linux', osState: 'Generalized', hyperVGeneration: 'V2', identifier: { publisher: 'P', offer: 'O', sku: 'S' }, description: 'old' },
      });
      const sent = sanitizeValues(form, 'update', { ...original, osType: 'Windows', publisher: 'Evil', description: 'new' }, original);
      assert.equal(sent.osType, 'Linux');
      assert.equal(sent.publisher, 'P');
      assert.equal(sent.description, 'new');
      const body = form.requestBody(sent, 'update', { now: NOW, original });
      assert.deepEqual(body, {
        properties: { description: 'new', osType: 'Linux', osState: 'Generalized', hyperVGeneration: 'V2', architecture: 'x64', identifier: { publisher: 'P', offer: 'O', sku: 'S' } },
        tags: {},
      });
    });
  });

  describe('image version', () => {
    const form = formDefinition('imageVersion');
    const base = valid('imageVersion', {
      subscriptionId: SUB,
      galleryId: GALLERY,
      definitionId: DEFINITION,
      name: '1.2.3',
      location: 'eastus',
      sourceType: 'managedImage',
      managedImageId: IMAGE,
      targetRegions: [
        { name: 'eastus', replicas: '2', storageAccountType: 'Standard_ZRS', osDiskEncryptionSetId: DES_EAST, dataDiskEncryptionSetId: '' },
        { name: 'westeurope', replicas: '1', storageAccountType: 'Standard_LRS', osDiskEncryptionSetId: '', dataDiskEncryptionSetId: '' },
      ],
    });

    it('a managed image source replicated to two regions', () => {
      assert.deepEqual(form.validate(base, 'create', context), {});
      assert.deepEqual(form.requestBody(base, 'create', context), {
        location: 'eastus',
        properties: {
          publishingProfile: {
            targetRegions: [
              { name: 'eastus', regionalReplicaCount: 2, storageAccountType: 'Standard_ZRS', encryption: { osDiskImage: { diskEncryptionSetId: DES_EAST } } },
              { name: 'westeurope', regionalReplicaCount: 1, storageAccountType: 'Standard_LRS' },
            ],
            replicaCount: 1,
            excludeFromLatest: false,
            storageAccountType: 'Standard_LRS',
            replicationMode: 'Full',
          },
          storageProfile: { source: { id: IMAGE } },
        },
      });
    });

    it('each source type has its storage profile', () => {
      const body = (values: FormValues) => form.requestBody({ ...base, ...values }, 'create', context).properties as { storageProfile: unknown };
      assert.deepEqual(body({ sourceType: 'virtualMachine', virtualMachineId: VM }).storageProfile, { source: { virtualMachineId: VM } });
      assert.deepEqual(body({ sourceType: 'imageVersion', sourceVersionId: `${DEFINITION}/versions/1.0.0` }).storageProfile, { source: { id: `${DEFINITION}/versions/1.0.0` } });
      assert.deepEqual(body({ sourceType: 'disks', osDiskId: DISK, dataDisks: [{ lun: '1', sourceId: SNAP, hostCaching: 'None' }] }).storageProfile, {
        osDiskImage: { source: { id: DISK }, hostCaching: 'ReadOnly' },
        dataDiskImages: [{ lun: 1, source: { id: SNAP }, hostCaching: 'None' }],
      });
      assert.deepEqual(body({ sourceType: 'vhd', storageAccountId: ACCOUNT, osVhdUri: 'https://acct.blob.core.windows.net/v/os.vhd', vhdDataDisks: [{ lun: '0', uri: 'https://acct.blob.core.windows.net/v/d.vhd', hostCaching: 'None' }] }).storageProfile, {
        osDiskImage: { source: { storageAccountId: ACCOUNT, uri: 'https://acct.blob.core.windows.net/v/os.vhd' }, hostCaching: 'ReadOnly' },
        dataDiskImages: [{ lun: 0, source: { storageAccountId: ACCOUNT, uri: 'https://acct.blob.core.windows.net/v/d.vhd' }, hostCaching: 'None' }],
      });
    });

    it('refuses a taken version, a region set without the source region, a mismatching source and bad LUNs', () => {
      assert.match(form.validate({ ...base, name: '1.0.0' }, 'create', context).name ?? '', /already exists/);
      assert.match(form.validate({ ...base, name: '1.0.2147483648' }, 'create', context).name ?? '', /2,147,483,647/);
      const regions = form.validate({ ...base, targetRegions: [{ name: 'westeurope', replicas: '1', storageAccountType: 'Standard_LRS' }] }, 'create', context);
      assert.match(regions.targetRegions ?? '', /include the version's location|source region/);
      const vm = form.validate({ ...base, sourceType: 'virtualMachine', virtualMachineId: VM }, 'create', context);
      assert.match(vm.location ?? '', /source is in westeurope/);
      const disk = form.validate({ ...base, sourceType: 'disks', osDiskId: DISK, dataDisks: [{ lun: '1', sourceId: SNAP }, { lun: '1', sourceId: SNAP }] }, 'create', context);
      assert.match(disk.osDiskId ?? '', /OS type is Windows/);
      assert.match(disk['dataDisks[1].lun'] ?? '', /twice/);
      const dup = form.validate({ ...base, targetRegions: [...(base.targetRegions as []), { name: 'East US', replicas: '0' }] }, 'create', context);
      assert.match(dup['targetRegions[2].name'] ?? '', /twice/);
      assert.match(dup['targetRegions[2].replicas'] ?? '', /from 1 to 100/);
      const des = form.validate({ ...base, targetRegions: [{ name: 'eastus', replicas: '1' }, { name: 'westeurope', replicas: '1', osDiskEncryptionSetId: DES_EAST }] }, 'create', context);
      assert.match(des['targetRegions[1].osDiskEncryptionSetId'] ?? '', /region needs one of its own/);
    });

    it('the source\'s region becomes the location and the first target region', () => {
      const empty = { ...base, location: '', targetRegions: [{ name: '', replicas: '1', storageAccountType: 'Standard_LRS' }] };
      const adjusted = form.adjust?.(empty, 'managedImageId', context) ?? empty;
      assert.equal(adjusted.location, 'eastus');
      assert.deepEqual(adjusted.targetRegions, [{ name: 'eastus', replicas: '1', storageAccountType: 'Standard_LRS' }]);
      const typed = form.adjust?.(base, 'managedImageId', context);
      assert.deepEqual(typed?.targetRegions, base.targetRegions, 'what the user typed is kept');
    });

    it('an update sends the complete set of target regions and keeps existing regions\' encryption', () => {
      const original = form.fromResource({
        id: `${DEFINITION}/versions/1.0.0`,
        location: 'eastus',
        properties: {
          publishingProfile: {
            targetRegions: [{ name: 'East US', regionalReplicaCount: 1, storageAccountType: 'Standard_LRS', encryption: { osDiskImage: { diskEncryptionSetId: DES_EAST } } }],
            replicaCount: 1,
            excludeFromLatest: false,
          },
          storageProfile: { source: { id: IMAGE } },
        },
      });
      const edited: FormValues = {
        ...original,
        excludeFromLatest: true,
        targetRegions: [
          { ...(original.targetRegions as [Record<string, string>])[0], replicas: '3', storageAccountType: 'Premium_LRS' },
          { name: 'westeurope', replicas: '1', storageAccountType: 'Standard_LRS', osDiskEncryptionSetId: '', dataDiskEncryptionSetId: '', encryption: '' },
        ],
      };
      const sent = sanitizeValues(form, 'update', edited, original);
      const ctx = { now: NOW, original };
      assert.deepEqual(form.validate(sent, 'update', ctx), {});
      assert.deepEqual(form.requestBody(sent, 'update', ctx), {
        properties: {
          publishingProfile: {
            targetRegions: [
              { name: 'East US', regionalReplicaCount: 3, storageAccountType: 'Standard_LRS', encryption: { osDiskImage: { diskEncryptionSetId: DES_EAST } } },
              { name: 'westeurope', regionalReplicaCount: 1, storageAccountType: 'Standard_LRS' },
            ],
            replicaCount: 1,
            excludeFromLatest: true,
          },
        },
        tags: {},
      });
      const twoRegions = { ...original, targetRegions: [...(original.targetRegions as []), { name: 'westeurope', replicas: '1' }] };
      const dropped = sanitizeValues(form, 'update', { ...twoRegions, targetRegions: (twoRegions.targetRegions as []).slice(0, 1) }, twoRegions);
      assert.match(form.validate(dropped, 'update', { now: NOW, original: twoRegions }).targetRegions ?? '', /westeurope is already replicated/);
      const allowed = { ...dropped, allowDeletionOfReplicatedLocations: true };
      assert.deepEqual(form.validate(allowed, 'update', { now: NOW, original: twoRegions }), {});
      assert.deepEqual((form.requestBody(allowed, 'update', ctx).properties as { safetyProfile?: unknown }).safetyProfile, { allowDeletionOfReplicatedLocations: true });
    });

    describe('deletion safety (issue 11)', () => {
      const REGIONS = [
        { name: 'East US', regionalReplicaCount: 1, storageAccountType: 'Standard_LRS' },
        { name: 'West Europe', regionalReplicaCount: 1, storageAccountType: 'Standard_LRS' },
      ];
      const resource = (safetyProfile: Record<string, boolean>, endOfLifeDate?: string) =>
        form.fromResource({
          id: `${DEFINITION}/versions/1.0.0`,
          location: 'eastus',
          properties: {
            publishingProfile: { targetRegions: REGIONS, replicaCount: 1, ...(endOfLifeDate ? { endOfLifeDate } : {}) },
            storageProfile: { source: { id: IMAGE } },
            safetyProfile: { reportedForPolicyViolation: false, ...safetyProfile },
          },
        });
      const safetyOf = (body: Record<string, unknown>) => (body.properties as { safetyProfile?: unknown }).safetyProfile;
      const withoutWestEurope = (values: FormValues) => ({ ...values, targetRegions: (values.targetRegions as []).slice(0, 1) });

      it('create: both flags are offered, sent only when on, and end up in the template resource', () => {
        const on = { ...base, blockDeletionBeforeEndOfLife: true, allowDeletionOfReplicatedLocations: true, endOfLifeDate: '2027-06-30' };
        const sent = sanitizeValues(form, 'create', on);
        assert.deepEqual(form.validate(sent, 'create', context), {});
        assert.deepEqual(safetyOf(form.requestBody(sent, 'create', context)), { allowDeletionOfReplicatedLocations: true, blockDeletionBeforeEndOfLife: true });
        assert.deepEqual(safetyOf(form.templateResource(sent, context)), { allowDeletionOfReplicatedLocations: true, blockDeletionBeforeEndOfLife: true });
        assert.equal(safetyOf(form.requestBody(base, 'create', context)), undefined);
      });

      it('block with no end-of-life date: a warning that the version can never be deleted, and the request still goes', () => {
        const blocked = { ...base, blockDeletionBeforeEndOfLife: true };
        assert.deepEqual(form.validate(blocked, 'create', context), {});
        assert.match(form.warnings?.(blocked, 'create', context).blockDeletionBeforeEndOfLife ?? '', /No end-of-life date is set: this version cannot be deleted at all until "Block deletion before end of life" is turned off/);
        assert.deepEqual(form.warnings?.({ ...blocked, endOfLifeDate: '2027-06-30' }, 'create', context), {});
        assert.deepEqual(form.warnings?.(base, 'create', context), {});
      });

      it('edit: shows the version\'s flags and sends only what changes', () => {
        const original = resource({ blockDeletionBeforeEndOfLife: true, allowDeletionOfReplicatedLocations: false }, '2027-06-30T00:00:00Z');
        assert.equal(original.blockDeletionBeforeEndOfLife, true);
        assert.equal(original.allowDeletionOfReplicatedLocations, false);
        const ctx = { now: NOW, original };
        assert.equal(safetyOf(form.requestBody(sanitizeValues(form, 'update', { ...original, excludeFromLatest: true }, original), 'update', ctx)), undefined);
        const unblocked = sanitizeValues(form, 'update', { ...original, blockDeletionBeforeEndOfLife: false }, original);
        assert.deepEqual(form.validate(unblocked, 'update', ctx), {});
        assert.deepEqual(safetyOf(form.requestBody(unblocked, 'update', ctx)), { blockDeletionBeforeEndOfLife: false });
        assert.equal(form.fieldForArmTarget('properties.safetyProfile.allowDeletionOfReplicatedLocations'), 'allowDeletionOfReplicatedLocations');
      });

      it('edit: removing a replicated region is refused while the version does not allow it, and accepted when the same edit allows it', () => {
        const original = resource({ allowDeletionOfReplicatedLocations: false });
        const ctx = { now: NOW, original };
        const dropped = sanitizeValues(form, 'update', withoutWestEurope(original), original);
        assert.equal(
          form.validate(dropped, 'update', ctx).targetRegions,
          'West Europe is already replicated and this version does not allow removing replicated regions, so Azure would refuse the update. Tick "Allow removing replicated regions" to remove it in this edit, or add it back.',
        );
        const allowedNow = sanitizeValues(form, 'update', { ...withoutWestEurope(original), allowDeletionOfReplicatedLocations: true }, original);
        assert.deepEqual(form.validate(allowedNow, 'update', ctx), {});
        const body = form.requestBody(allowedNow, 'update', ctx);
        assert.deepEqual(safetyOf(body), { allowDeletionOfReplicatedLocations: true });
        assert.deepEqual((body.properties as { publishingProfile: { targetRegions: unknown } }).publishingProfile.targetRegions, [REGIONS[0]]);
      });

      it('edit: a version that already allows it drops a region without sending the flag; unticking it in the same edit refuses', () => {
        const original = resource({ allowDeletionOfReplicatedLocations: true });
        const ctx = { now: NOW, original };
        const dropped = sanitizeValues(form, 'update', withoutWestEurope(original), original);
        assert.deepEqual(form.validate(dropped, 'update', ctx), {});
        assert.equal(safetyOf(form.requestBody(dropped, 'update', ctx)), undefined);
        const unticked = sanitizeValues(form, 'update', { ...withoutWestEurope(original), allowDeletionOfReplicatedLocations: false }, original);
        assert.match(form.validate(unticked, 'update', ctx).targetRegions ?? '', /West Europe is already replicated/);
      });
    });
  });

  describe('managed image', () => {
    const form = formDefinition('managedImage');
    const base = valid('managedImage', { subscriptionId: SUB, resourceGroup: 'rg', name: 'img-new', location: 'eastus' });

    it('from a snapshot with a data disk from a blob', () => {
      const values = { ...base, sourceType: 'snapshot', osSnapshotId: SNAP, osType: 'Linux', dataDisks: [{ lun: '0', blobUri: 'https://a.blob.core.windows.net/v/d.vhd', sourceId: '', caching: '', storageAccountType: '' }], zoneResilient: true };
      assert.deepEqual(form.validate(values, 'create', context), {});
      assert.deepEqual(form.requestBody(values, 'create', context), {
        location: 'eastus',
        properties: {
          storageProfile: {
            osDisk: { osType: 'Linux', osState: 'Generalized', snapshot: { id: SNAP } },
            dataDisks: [{ lun: 0, blobUri: 'https://a.blob.core.windows.net/v/d.vhd' }],
            zoneResilient: true,
          },
          hyperVGeneration: 'V1',
        },
      });
    });

    it('from a VM in another region is refused; only tags change in an update', () => {
      assert.match(form.validate({ ...base, sourceType: 'virtualMachine', virtualMachineId: VM }, 'create', context).virtualMachineId ?? '', /westeurope/);
      assert.deepEqual(form.requestBody({ ...base, tags: [{ key: 'a', value: 'b' }] }, 'update', context), { tags: { a: 'b' } });
    });
  });
});

describe('resource forms: IDs that must never be sent (issue 9)', () => {
  const malformed = `${RG_ID}/providers/Microsoft.Compute/galleries/g%E0%A4%A`;
  const dotted = `${GALLERY}/images/..`;

  it('a malformed %-escape or a ".." segment in a picked ID is a field error, and validation never throws', () => {
    const definitionForm = formDefinition('imageDefinition');
    const values = valid('imageDefinition', { subscriptionId: SUB, galleryId: malformed, name: 'def', location: 'eastus', publisher: 'p', offer: 'o', sku: 's' });
    let errors: Record<string, string> = {};
    assert.doesNotThrow(() => {
      errors = { ...definitionForm.validate(values, 'create', context) };
    });
    assert.match(errors.galleryId ?? '', /malformed %-escape/);
    assert.equal(definitionForm.target(values, 'create'), undefined);

    const versionForm = formDefinition('imageVersion');
    const version = valid('imageVersion', {
      subscriptionId: SUB,
      galleryId: GALLERY,
      definitionId: dotted,
      name: '1.0.1',
      location: 'eastus',
      sourceType: 'managedImage',
      managedImageId: `${RG_ID}/providers/Microsoft.Compute/images/%2e%2e`,
      targetRegions: [{ name: 'eastus', replicas: '1', storageAccountType: 'Standard_LRS', osDiskEncryptionSetId: `${RG_ID}/providers/Microsoft.Compute/diskEncryptionSets/%zz`, dataDiskEncryptionSetId: '' }],
    });
    const versionErrors = versionForm.validate(version, 'create', context);
    assert.match(versionErrors.definitionId ?? '', /"\." or "\.\." segments are not sent/);
    assert.match(versionErrors.managedImageId ?? '', /"\." or "\.\." segments are not sent/);
    assert.match(versionErrors['targetRegions[0].osDiskEncryptionSetId'] ?? '', /malformed %-escape/);
    assert.equal(versionForm.target(version, 'create'), undefined);
  });

  it('a resource group or subscription typed as ".." never becomes part of a request URL', () => {
    const form = formDefinition('gallery');
    const errors = form.validate(valid('gallery', { subscriptionId: '..', resourceGroupMode: 'existing', resourceGroup: '..', name: 'g2', location: 'eastus' }), 'create', context);
    assert.match(errors.subscriptionId ?? '', /looks like 00000000-/);
    assert.match(errors.resourceGroup ?? '', /cannot end with a period/);
  });
});
