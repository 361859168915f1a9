/**
 * Managed image form (Microsoft.Compute/images): what `az image create` takes — a VM, or an OS disk from
 * a VHD blob, a snapshot or a managed disk (with OS type and state), data disks, zone resilience,
 * generation, disk encryption set, caching and storage type. Azure lets only the tags change afterwards.
 */
import * as l10n from '@vscode/l10n';
import { managedImageId, parseComputeResourceId } from '../../azure/armId';
import type { Choice, FieldSpec, FormDefinition, FormMode, FormValues, Json, JsonObject, PickerSource, ResourceFacts, ValidationContext } from './formTypes';
import {
  IMAGES_API_VERSION,
  locationField,
  regionLabel,
  resourceGroupFields,
  resourceGroupOf,
  subscriptionField,
  tagsField,
  templateResource,
  validateLocationAndTags,
  validateSubscriptionAndGroup,
  validateResourceIds,
} from './commonFields';
import { armIdProblem, blobUriProblem, entityNameProblem, intProblem, nameTaken, put } from './fieldRules';
import { pickerIdProblem } from './pickerSearch';
import { arrayAt, boolAt, cell, compact, filledRows, flag, intOrUndefined, isJsonObject, objectAt, sameRegion, stringAt, tagRows, tagsObject, text, emptyValues } from './values';

type ImageSource = 'virtualMachine' | 'blob' | 'snapshot' | 'managedDisk';

const CACHING = (): readonly Choice[] => [
  { value: '', label: l10n.t('Default') },
  { value: 'None', label: l10n.t('None') },
  { value: 'ReadOnly', label: l10n.t('ReadOnly') },
  { value: 'ReadWrite', label: l10n.t('ReadWrite') },
];

const OS_DISK_TYPES = (): readonly Choice[] => [
  { value: '', label: l10n.t('Default') },
  { value: 'Standard_LRS', label: l10n.t('Standard HDD (Standard_LRS)') },
  { value: 'StandardSSD_LRS', label: l10n.t('Standard SSD (StandardSSD_LRS)') },
  { value: 'StandardSSD_ZRS', label: l10n.t('Standard SSD zone-redundant (StandardSSD_ZRS)') },
  { value: 'Premium_LRS', label: l10n.t('Premium SSD (Premium_LRS)') },
  { value: 'Premium_ZRS', label: l10n.t('Premium SSD zone-redundant (Premium_ZRS)') },
];
const DATA_DISK_TYPES = (): readonly Choice[] => [...OS_DISK_TYPES(), { value: 'UltraSSD_LRS', label: l10n.t('Ultra disk (UltraSSD_LRS)') }];

const source = (v: FormValues): ImageSource => {
  const s = text(v, 'sourceType');
  return s === 'blob' || s === 'snapshot' || s === 'managedDisk' ? s : 'virtualMachine';
};
const when =
  (...types: ImageSource[]) =>
  (v: FormValues): boolean =>
    types.includes(source(v));
const notVm = when('blob', 'snapshot', 'managedDisk');

// Functions, not constants: the labels are translated when a form is built (after l10n.config), not at import.
const rawFields = (): readonly FieldSpec[] => [
  subscriptionField(),
  ...resourceGroupFields(),
  {
    id: 'name',
    label: l10n.t('Image name'),
    section: 'basics',
    type: 'text',
    required: true,
    help: l10n.t('Letters, digits, underscores, hyphens and periods; starts with a letter or digit. Unique in the resource group.'),
    placeholder: 'img-ubuntu-2404',
  },
  locationField(l10n.t('The source must be in the same region.')),
  {
    id: 'sourceType',
    label: l10n.t('Source'),
    section: 'source',
    type: 'radio',
    choices: [
      { value: 'virtualMachine', label: l10n.t('A virtual machine'), description: l10n.t('generalized (deprovisioned / sysprepped) and stopped') },
      { value: 'blob', label: l10n.t('An OS disk VHD blob') },
      { value: 'snapshot', label: l10n.t('An OS disk snapshot') },
      { value: 'managedDisk', label: l10n.t('An OS managed disk') },
    ],
  },
  { id: 'virtualMachineId', label: l10n.t('Virtual machine'), section: 'source', type: 'picker', source: 'virtualMachines', required: true, emptyLabel: l10n.t('Choose a VM'), visibleWhen: when('virtualMachine') },
  { id: 'osBlobUri', label: l10n.t('OS disk VHD URI'), section: 'source', type: 'text', required: true, placeholder: 'https://account.blob.core.windows.net/vhds/os.vhd', visibleWhen: when('blob') },
  { id: 'osSnapshotId', label: l10n.t('Snapshot'), section: 'source', type: 'picker', source: 'snapshots', required: true, emptyLabel: l10n.t('Choose a snapshot'), visibleWhen: when('snapshot') },
  { id: 'osManagedDiskId', label: l10n.t('Managed disk'), section: 'source', type: 'picker', source: 'disks', required: true, emptyLabel: l10n.t('Choose a disk'), visibleWhen: when('managedDisk') },
  {
    id: 'osType',
    label: l10n.t('OS type'),
    section: 'source',
    type: 'select',
    required: true,
    choices: [
      { value: 'Linux', label: l10n.t('Linux') },
      { value: 'Windows', label: l10n.t('Windows') },
    ],
    visibleWhen: notVm,
  },
  {
    id: 'osState',
    label: l10n.t('OS state'),
    section: 'source',
    type: 'select',
    required: true,
    choices: [
      { value: 'Generalized', label: l10n.t('Generalized') },
      { value: 'Specialized', label: l10n.t('Specialized') },
    ],
    visibleWhen: notVm,
  },
  { id: 'osCaching', label: l10n.t('OS disk caching'), section: 'disks', type: 'select', choices: CACHING(), visibleWhen: notVm },
  { id: 'osStorageAccountType', label: l10n.t('OS disk storage type'), section: 'disks', type: 'select', choices: OS_DISK_TYPES(), visibleWhen: notVm },
  { id: 'osDiskSizeGB', label: l10n.t('OS disk size (GB)'), section: 'disks', type: 'number', help: l10n.t('Empty: the size of the source.'), visibleWhen: notVm },
  { id: 'diskEncryptionSetId', label: l10n.t('Disk encryption set'), section: 'disks', type: 'picker', source: 'diskEncryptionSets', emptyLabel: l10n.t('Platform-managed key'), visibleWhen: notVm },
  {
    id: 'dataDisks',
    label: l10n.t('Data disks'),
    section: 'disks',
    type: 'table',
    addLabel: l10n.t('Add data disk'),
    maxRows: 64,
    help: l10n.t('Each data disk comes from a VHD blob URI, or a managed disk or snapshot.'),
    visibleWhen: notVm,
    columns: [
      { id: 'lun', label: 'LUN', type: 'number' },
      { id: 'blobUri', label: l10n.t('VHD URI'), type: 'text', placeholder: 'https://…/data.vhd' },
      { id: 'sourceId', label: l10n.t('or disk / snapshot'), type: 'picker', source: 'diskSources', emptyLabel: '—' },
      { id: 'caching', label: l10n.t('Caching'), type: 'select', choices: CACHING() },
      { id: 'storageAccountType', label: l10n.t('Storage type'), type: 'select', choices: DATA_DISK_TYPES() },
    ],
    newRow: (v) => ({ lun: String(filledRows(v, 'dataDisks').length) }),
  },
  { id: 'zoneResilient', label: l10n.t('Zone resilient'), section: 'options', type: 'checkbox', help: l10n.t('Only in regions with zone-redundant storage.') },
  {
    id: 'hyperVGeneration',
    label: l10n.t('VM generation'),
    section: 'options',
    type: 'select',
    choices: [
      { value: 'V1', label: l10n.t('Gen 1 (V1)') },
      { value: 'V2', label: l10n.t('Gen 2 (V2)') },
    ],
  },
  tagsField(),
];

const fields = (): readonly FieldSpec[] => rawFields().map((f) => (f.id === 'tags' ? f : { ...f, immutable: true }));

function pickerFacts(id: string, from: PickerSource, context: ValidationContext): ResourceFacts | undefined {
  return context.options?.[from]?.find((o) => o.value.toLowerCase() === id.toLowerCase())?.facts;
}

function chosen(values: FormValues): { id: string; from: PickerSource; field: string } | undefined {
  switch (source(values)) {
    case 'virtualMachine':
      return { id: text(values, 'virtualMachineId'), from: 'virtualMachines', field: 'virtualMachineId' };
    case 'snapshot':
      return { id: text(values, 'osSnapshotId'), from: 'snapshots', field: 'osSnapshotId' };
    case 'managedDisk':
      return { id: text(values, 'osManagedDiskId'), from: 'disks', field: 'osManagedDiskId' };
    case 'blob':
      return undefined;
  }
}

function diskReference(id: string): JsonObject {
  return /\/snapshots\//i.test(id) ? { snapshot: { id } } : { managedDisk: { id } };
}

function properties(values: FormValues): JsonObject {
  const generation = text(values, 'hyperVGeneration') || undefined;
  if (source(values) === 'virtualMachine') {
    return compact({
      sourceVirtualMachine: { id: text(values, 'virtualMachineId') },
      storageProfile: flag(values, 'zoneResilient') ? { zoneResilient: true } : undefined,
      hyperVGeneration: generation,
    });
  }
  const des = text(values, 'diskEncryptionSetId');
  const osSource: JsonObject =
    source(values) === 'blob'
      ? { blobUri: text(values, 'osBlobUri') }
      : source(values) === 'snapshot'
        ? { snapshot: { id: text(values, 'osSnapshotId') } }
        : { managedDisk: { id: text(values, 'osManagedDiskId') } };
  const dataDisks: Json[] = filledRows(values, 'dataDisks').map(({ row }) =>
    compact({
      lun: intOrUndefined(cell(row, 'lun')) ?? 0,
      ...(cell(row, 'blobUri') ? { blobUri: cell(row, 'blobUri') } : cell(row, 'sourceId') ? diskReference(cell(row, 'sourceId')) : {}),
      caching: cell(row, 'caching') || undefined,
      storageAccountType: cell(row, 'storageAccountType') || undefined,
      diskEncryptionSet: des ? { id: des } : undefined,
    }),
  );
  return compact({
    storageProfile: compact({
      osDisk: compact({
        osType: text(values, 'osType'),
        osState: text(values, 'osState'),
        ...osSource,
        caching: text(values, 'osCaching') || undefined,
        storageAccountType: text(values, 'osStorageAccountType') || undefined,
        diskSizeGB: intOrUndefined(text(values, 'osDiskSizeGB')),
        diskEncryptionSet: des ? { id: des } : undefined,
      }),
      dataDisks: dataDisks.length > 0 ? dataDisks : undefined,
      zoneResilient: flag(values, 'zoneResilient'),
    }),
    hyperVGeneration: generation,
  });
}

function body(values: FormValues, mode: FormMode): JsonObject {
  const tags = tagsObject(values);
  if (mode === 'update') {
    return { tags: tags ?? {} };
  }
  return compact({ location: text(values, 'location'), tags, properties: properties(values) });
}

function validate(values: FormValues, mode: FormMode, context: ValidationContext): Record<string, string> {
  const errors: Record<string, string> = {};
  validateResourceIds(fields(), values, mode, errors);
  validateSubscriptionAndGroup(values, mode, errors);
  const name = text(values, 'name');
  put(errors, 'name', entityNameProblem(name, l10n.t('an image')));
  if (mode === 'create' && nameTaken(name, context)) {
    put(errors, 'name', l10n.t('The resource group already has a managed image named "{0}".', name));
  }
  validateLocationAndTags(values, errors);
  if (mode === 'update') {
    return errors;
  }
  switch (source(values)) {
    case 'virtualMachine':
      put(errors, 'virtualMachineId', armIdProblem(text(values, 'virtualMachineId'), 'Microsoft.Compute/virtualMachines', l10n.t('a virtual machine')));
      break;
    case 'blob':
      put(errors, 'osBlobUri', blobUriProblem(text(values, 'osBlobUri')));
      break;
    case 'snapshot':
      put(errors, 'osSnapshotId', armIdProblem(text(values, 'osSnapshotId'), 'Microsoft.Compute/snapshots', l10n.t('a snapshot')));
      break;
    case 'managedDisk':
      put(errors, 'osManagedDiskId', armIdProblem(text(values, 'osManagedDiskId'), 'Microsoft.Compute/disks', l10n.t('a managed disk')));
      break;
  }
  if (source(values) !== 'virtualMachine') {
    for (const id of ['osType', 'osState']) {
      if (!text(values, id)) {
        put(errors, id, l10n.t('Choose one.'));
      }
    }
    put(errors, 'osDiskSizeGB', intProblem(text(values, 'osDiskSizeGB'), 1, 4095));
    const luns = new Set<number>();
    for (const { row, index } of filledRows(values, 'dataDisks')) {
      const at = `dataDisks[${index}]`;
      put(errors, `${at}.lun`, intProblem(cell(row, 'lun'), 0, 63, true));
      const lun = intOrUndefined(cell(row, 'lun'));
      if (lun !== undefined && luns.has(lun)) {
        put(errors, `${at}.lun`, l10n.t('LUN {0} is used twice.', lun));
      }
      if (lun !== undefined) {
        luns.add(lun);
      }
      const blob = cell(row, 'blobUri');
      const disk = cell(row, 'sourceId');
      if (blob && disk) {
        put(errors, `${at}.blobUri`, l10n.t('Give a VHD URI or a disk / snapshot, not both.'));
      } else if (!blob && !disk) {
        put(errors, `${at}.blobUri`, l10n.t('Give the VHD URI, or choose a disk or snapshot.'));
      } else if (blob) {
        put(errors, `${at}.blobUri`, blobUriProblem(blob));
      } else {
        put(errors, `${at}.sourceId`, pickerIdProblem('diskSources', disk));
      }
    }
  }
  // The source must be in the image's region and fit what the form says about it.
  const src = chosen(values);
  const facts = src ? pickerFacts(src.id, src.from, context) : undefined;
  const location = text(values, 'location');
  if (src && facts && !errors[src.field]) {
    if (facts.location && location && !sameRegion(facts.location, location)) {
      put(errors, src.field, l10n.t('The source is in {0}; a managed image is created in its source\'s region ({1} chosen).', regionLabel(facts.location, context), regionLabel(location, context)));
    }
    if (facts.osType && source(values) !== 'virtualMachine' && text(values, 'osType') && facts.osType.toLowerCase() !== text(values, 'osType').toLowerCase()) {
      put(errors, 'osType', source(values) === 'snapshot' ? l10n.t('The snapshot holds a {0} OS.', facts.osType) : l10n.t('The disk holds a {0} OS.', facts.osType));
    }
    if (facts.hyperVGeneration && text(values, 'hyperVGeneration') && facts.hyperVGeneration.toLowerCase() !== text(values, 'hyperVGeneration').toLowerCase()) {
      put(errors, 'hyperVGeneration', facts.hyperVGeneration === 'V2' ? l10n.t('The source is Gen 2 (V2).') : l10n.t('The source is Gen 1 (V1).'));
    }
  }
  const des = text(values, 'diskEncryptionSetId');
  if (des && source(values) !== 'virtualMachine') {
    put(errors, 'diskEncryptionSetId', armIdProblem(des, 'Microsoft.Compute/diskEncryptionSets', l10n.t('a disk encryption set')));
    const desRegion = pickerFacts(des, 'diskEncryptionSets', context)?.location;
    if (desRegion && location && !sameRegion(desRegion, location)) {
      put(errors, 'diskEncryptionSetId', l10n.t('The disk encryption set is in {0}, not in the image\'s region.', regionLabel(desRegion, context)));
    }
  }
  return errors;
}

const TARGETS: ReadonlyArray<[RegExp, string]> = [
  [/imageName|^name$/i, 'name'],
  [/sourceVirtualMachine/i, 'virtualMachineId'],
  [/osDisk\.osType/i, 'osType'],
  [/osDisk\.osState/i, 'osState'],
  [/osDisk/i, 'osBlobUri'],
  [/dataDisks/i, 'dataDisks'],
  [/hyperVGeneration/i, 'hyperVGeneration'],
  [/location/i, 'location'],
];

export const managedImageForm: FormDefinition = {
  kind: 'managedImage',
  get noun() {
    return l10n.t('managed image');
  },
  get sections() {
    return [
      { id: 'basics', title: l10n.t('Basics') },
      { id: 'source', title: l10n.t('Source') },
      { id: 'disks', title: l10n.t('Disks') },
      { id: 'options', title: l10n.t('Options') },
      { id: 'tags', title: l10n.t('Tags') },
    ];
  },
  get fields() {
    return fields();
  },

  defaults(): FormValues {
    const values = emptyValues(fields());
    return { ...values, resourceGroupMode: 'existing', sourceType: 'virtualMachine', osType: 'Linux', osState: 'Generalized', hyperVGeneration: 'V1' };
  },

  validate,

  target(values: FormValues, mode: FormMode) {
    const subscriptionId = text(values, 'subscriptionId');
    const rg = resourceGroupOf(values, mode);
    const name = text(values, 'name');
    if (!subscriptionId || !rg || entityNameProblem(name, l10n.t('an image'))) {
      return undefined;
    }
    return { method: mode === 'create' ? 'PUT' : 'PATCH', id: managedImageId(subscriptionId, rg, name).id, apiVersion: IMAGES_API_VERSION, subscriptionId };
  },

  requestBody: (values, mode) => body(values, mode),

  templateResource(values: FormValues) {
    return templateResource('Microsoft.Compute/images', IMAGES_API_VERSION, text(values, 'name'), body(values, 'create'));
  },

  fromResource(resource: JsonObject): FormValues {
    const id = parseComputeResourceId(stringAt(resource, 'id'));
    const p = objectAt(resource, 'properties') ?? {};
    const os = objectAt(p, 'storageProfile', 'osDisk') ?? {};
    const vm = stringAt(p, 'sourceVirtualMachine', 'id');
    const sourceType: ImageSource = vm ? 'virtualMachine' : stringAt(os, 'blobUri') ? 'blob' : stringAt(os, 'snapshot', 'id') ? 'snapshot' : 'managedDisk';
    return {
      ...managedImageForm.defaults(),
      subscriptionId: id?.subscriptionId ?? '',
      resourceGroup: id?.resourceGroup ?? '',
      name: id?.kind === 'managedImage' ? id.image : stringAt(resource, 'name'),
      location: stringAt(resource, 'location'),
      sourceType,
      virtualMachineId: vm,
      osBlobUri: stringAt(os, 'blobUri'),
      osSnapshotId: stringAt(os, 'snapshot', 'id'),
      osManagedDiskId: stringAt(os, 'managedDisk', 'id'),
      osType: stringAt(os, 'osType'),
      osState: stringAt(os, 'osState'),
      osCaching: stringAt(os, 'caching'),
      osStorageAccountType: stringAt(os, 'storageAccountType'),
      osDiskSizeGB: stringAt(os, 'diskSizeGB'),
      diskEncryptionSetId: stringAt(os, 'diskEncryptionSet', 'id'),
      dataDisks: arrayAt(p, 'storageProfile', 'dataDisks')
        .filter(isJsonObject)
        .map((d) => ({
          lun: stringAt(d, 'lun'),
          blobUri: stringAt(d, 'blobUri'),
          sourceId: stringAt(d, 'managedDisk', 'id') || stringAt(d, 'snapshot', 'id'),
          caching: stringAt(d, 'caching'),
          storageAccountType: stringAt(d, 'storageAccountType'),
        })),
      zoneResilient: boolAt(p, 'storageProfile', 'zoneResilient'),
      hyperVGeneration: stringAt(p, 'hyperVGeneration') || 'V1',
      tags: tagRows(resource),
    };
  },

  fieldForArmTarget(target: string) {
    return TARGETS.find(([re]) => re.test(target))?.[1];
  },
};
