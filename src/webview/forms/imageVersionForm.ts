/**
 * Image version form (Microsoft.Compute/galleries/images/versions): every source `az sig image-version
 * create` takes (managed image, VM, OS disk or snapshot plus data disks, VHDs in a storage account,
 * another image version), replication to target regions and extended locations. In update mode the
 * target regions (sent as the complete set), replica counts, exclude-from-latest, end of life and tags.
 */
import * as l10n from '@vscode/l10n';
import { imageVersionId, parseComputeResourceId } from '../../azure/armId';
import type { Choice, FieldErrors, FieldSpec, FormDefinition, FormMode, FormValues, Json, JsonObject, PickerSource, ResourceFacts, TableRow, ValidationContext } from './formTypes';
import { endOfLifeField, GALLERY_API_VERSION, locationField, regionLabel, subscriptionField, tagsField, templateResource, validateEndOfLife, validateResourceIds } from './commonFields';
import { deletionBlock } from '../../domain/deletionSafety';
import { armIdProblem, blobUriProblem, intProblem, nameTaken, put, tagProblems, versionNameProblem } from './fieldRules';
import { arrayAt, boolAt, cell, compact, compactOrUndefined, filledRows, flag, intOrUndefined, isJsonObject, isoDate, objectAt, sameRegion, stringAt, tagRows, tagsObject, text, emptyValues } from './values';
import {
  allowDeletionOfReplicatedLocationsField,
  changedFlag,
  excludeFromLatestField,
  locationAsFirstRegion,
  publishingCommon,
  replicaCountField,
  storageAccountTypeField,
  targetRegionBody,
  targetRegionRows,
  targetRegionsField,
  validateTargetRegions,
  VERSION_TARGETS,
  VERSION_UPDATABLE,
  versionValues,
} from './versionFields';

export type VersionSource = 'managedImage' | 'virtualMachine' | 'disks' | 'vhd' | 'imageVersion' | 'communityImageVersion';

/**
 * `storageProfile.source.communityGalleryImageId` (GalleryArtifactVersionFullSource): a community image version as
 * `imageReference` names it, `/CommunityGalleries/{public name}/Images/{image}/Versions/{version}` (issue 13).
 */
const COMMUNITY_VERSION_ID = /^\/CommunityGalleries\/[A-Za-z0-9][A-Za-z0-9._-]{0,127}\/Images\/[A-Za-z0-9][A-Za-z0-9._-]{0,79}\/Versions\/\d{1,10}\.\d{1,10}\.\d{1,10}$/i;

// Functions, not constants: the labels are translated when a form is built (after l10n.config), not at import.
const SOURCES = (): readonly Choice[] => [
  { value: 'managedImage', label: l10n.t('A managed image') },
  { value: 'virtualMachine', label: l10n.t('A virtual machine'), description: l10n.t('captures the VM\'s OS and data disks') },
  { value: 'disks', label: l10n.t('An OS disk or snapshot, with data disks') },
  { value: 'vhd', label: l10n.t('VHDs in a storage account') },
  { value: 'imageVersion', label: l10n.t('Another image version') },
  { value: 'communityImageVersion', label: l10n.t('A community image version'), description: l10n.t('published by another publisher: check its EULA') },
];

const EDGE_STORAGE_TYPES: readonly Choice[] = [
  { value: 'Standard_LRS', label: 'Standard_LRS' },
  { value: 'StandardSSD_LRS', label: 'StandardSSD_LRS' },
  { value: 'Premium_LRS', label: 'Premium_LRS' },
];

const CACHING: readonly Choice[] = [
  { value: 'ReadOnly', label: 'ReadOnly' },
  { value: 'None', label: 'None' },
  { value: 'ReadWrite', label: 'ReadWrite' },
];

const source = (v: FormValues): string => text(v, 'sourceType') || 'managedImage';
const when =
  (...types: VersionSource[]) =>
  (v: FormValues): boolean =>
    (types as string[]).includes(source(v));

const updatable = new Set([...VERSION_UPDATABLE, 'blockDeletionBeforeEndOfLife', 'targetExtendedLocations']);

const rawFields = (): readonly FieldSpec[] => [
  subscriptionField(),
  { id: 'galleryId', label: l10n.t('Gallery'), section: 'basics', type: 'picker', source: 'galleries', required: true, emptyLabel: l10n.t('Choose a gallery') },
  { id: 'definitionId', label: l10n.t('Image definition'), section: 'basics', type: 'picker', source: 'imageDefinitions', required: true, emptyLabel: l10n.t('Choose an image definition') },
  { id: 'name', label: l10n.t('Version'), section: 'basics', type: 'text', required: true, help: l10n.t('Major.Minor.Patch, e.g. 1.0.0 or 2026.11.22.'), placeholder: '1.0.0' },
  locationField(l10n.t('The source region: the source must be in it, and it is always a target region.')),
  { id: 'sourceType', label: l10n.t('Source'), section: 'source', type: 'radio', choices: SOURCES() },
  { id: 'managedImageId', label: l10n.t('Managed image'), section: 'source', type: 'picker', source: 'managedImages', required: true, emptyLabel: l10n.t('Choose a managed image'), visibleWhen: when('managedImage') },
  { id: 'virtualMachineId', label: l10n.t('Virtual machine'), section: 'source', type: 'picker', source: 'virtualMachines', required: true, emptyLabel: l10n.t('Choose a VM'), visibleWhen: when('virtualMachine') },
  { id: 'sourceVersionId', label: l10n.t('Image version'), section: 'source', type: 'picker', source: 'imageVersions', required: true, emptyLabel: l10n.t('Choose an image version'), visibleWhen: when('imageVersion') },
  {
    id: 'communityVersionId',
    label: l10n.t('Community image version'),
    section: 'source',
    type: 'text',
    required: true,
    placeholder: '/CommunityGalleries/publisher-00000000-0000-0000-0000-000000000000/Images/image/Versions/1.0.0',
    help: l10n.t('Its communityGalleryImageId: Copy Image Reference on a community version under "Shared with me" gives it.'),
    visibleWhen: when('communityImageVersion'),
  },
  { id: 'osDiskId', label: l10n.t('OS disk or snapshot'), section: 'source', type: 'picker', source: 'diskSources', required: true, emptyLabel: l10n.t('Choose a disk or snapshot'), visibleWhen: when('disks') },
  { id: 'storageAccountId', label: l10n.t('Storage account'), section: 'source', type: 'picker', source: 'storageAccounts', required: true, emptyLabel: l10n.t('Choose the storage account of the VHDs'), visibleWhen: when('vhd') },
  { id: 'osVhdUri', label: l10n.t('OS disk VHD URI'), section: 'source', type: 'text', required: true, placeholder: 'https://account.blob.core.windows.net/vhds/os.vhd', visibleWhen: when('vhd') },
  { id: 'osHostCaching', label: l10n.t('OS disk host caching'), section: 'source', type: 'select', choices: CACHING, visibleWhen: when('disks', 'vhd') },
  {
    id: 'dataDisks',
    label: l10n.t('Data disks'),
    section: 'source',
    type: 'table',
    addLabel: l10n.t('Add data disk'),
    maxRows: 64,
    visibleWhen: when('disks'),
    columns: [
      { id: 'lun', label: 'LUN', type: 'number' },
      { id: 'sourceId', label: l10n.t('Disk or snapshot'), type: 'picker', source: 'diskSources', emptyLabel: l10n.t('Choose') },
      { id: 'hostCaching', label: l10n.t('Host caching'), type: 'select', choices: CACHING },
    ],
    newRow: (v) => ({ lun: String(filledRows(v, 'dataDisks').length), hostCaching: 'None' }),
  },
  {
    id: 'vhdDataDisks',
    label: l10n.t('Data disk VHDs'),
    section: 'source',
    type: 'table',
    addLabel: l10n.t('Add data disk VHD'),
    maxRows: 64,
    visibleWhen: when('vhd'),
    columns: [
      { id: 'lun', label: 'LUN', type: 'number' },
      { id: 'uri', label: l10n.t('VHD URI'), type: 'text', placeholder: 'https://…/data.vhd' },
      { id: 'hostCaching', label: l10n.t('Host caching'), type: 'select', choices: CACHING },
    ],
    newRow: (v) => ({ lun: String(filledRows(v, 'vhdDataDisks').length), hostCaching: 'None' }),
  },
  targetRegionsField(l10n.t('Where the version is replicated. Must include the source region. Disk encryption sets must be in the region they encrypt.'), [
    { id: 'osDiskEncryptionSetId', label: l10n.t('OS disk encryption set'), type: 'picker', source: 'diskEncryptionSets', emptyLabel: l10n.t('Platform-managed key'), immutable: true },
    { id: 'dataDiskEncryptionSetId', label: l10n.t('Data disks encryption set'), type: 'picker', source: 'diskEncryptionSets', emptyLabel: l10n.t('Platform-managed key'), immutable: true },
    // An existing region's encryption exactly as Azure has it: sent back unchanged on update.
    { id: 'encryption', label: l10n.t('Encryption (as in Azure)'), type: 'text', hidden: true, immutable: true },
  ]),
  replicaCountField(),
  storageAccountTypeField(),
  {
    id: 'replicationMode',
    label: l10n.t('Replication mode'),
    section: 'replication',
    type: 'select',
    choices: [
      { value: 'Full', label: 'Full', description: l10n.t('Copies the whole image: for production.') },
      { value: 'Shallow', label: 'Shallow', description: l10n.t('Faster, for testing: no replication beyond the source region; up to 4 TB.') },
    ],
  },
  {
    id: 'targetExtendedLocations',
    label: l10n.t('Target extended locations (edge zones)'),
    section: 'replication',
    type: 'table',
    addLabel: l10n.t('Add extended location'),
    maxRows: 50,
    columns: [
      { id: 'name', label: l10n.t('Region'), type: 'picker', source: 'locations', emptyLabel: l10n.t('Choose') },
      { id: 'edgeZone', label: l10n.t('Edge zone'), type: 'text', placeholder: 'microsoftlosangeles1' },
      { id: 'replicas', label: l10n.t('Replicas'), type: 'number' },
      { id: 'storageAccountType', label: l10n.t('Storage'), type: 'select', choices: EDGE_STORAGE_TYPES },
    ],
    newRow: () => ({ replicas: '1', storageAccountType: 'Standard_LRS' }),
  },
  excludeFromLatestField(),
  endOfLifeField(),
  {
    id: 'blockDeletionBeforeEndOfLife',
    label: l10n.t('Block deletion before end of life'),
    section: 'safety',
    type: 'checkbox',
    help: l10n.t('Azure refuses to delete this version until its end-of-life date has passed.'),
  },
  allowDeletionOfReplicatedLocationsField(),
  tagsField(),
];

const fields = (): readonly FieldSpec[] => rawFields().map((f) => (updatable.has(f.id) ? f : { ...f, immutable: true }));

/** The source resource's ARM id and the picker list it comes from. */
function chosenSource(values: FormValues): { id: string; source: PickerSource; field: string } | undefined {
  switch (source(values)) {
    case 'managedImage':
      return { id: text(values, 'managedImageId'), source: 'managedImages', field: 'managedImageId' };
    case 'virtualMachine':
      return { id: text(values, 'virtualMachineId'), source: 'virtualMachines', field: 'virtualMachineId' };
    case 'imageVersion':
      return { id: text(values, 'sourceVersionId'), source: 'imageVersions', field: 'sourceVersionId' };
    case 'disks':
      return { id: text(values, 'osDiskId'), source: 'diskSources', field: 'osDiskId' };
    case 'vhd':
      return { id: text(values, 'storageAccountId'), source: 'storageAccounts', field: 'storageAccountId' };
    default:
      return undefined;
  }
}

function factsOf(id: string, from: PickerSource, context: ValidationContext): ResourceFacts | undefined {
  return context.options?.[from]?.find((o) => o.value.toLowerCase() === id.toLowerCase())?.facts;
}

/** LUNs of the data disks the form lists (for per-LUN disk encryption). */
function dataLuns(values: FormValues): number[] {
  const table = source(values) === 'disks' ? 'dataDisks' : source(values) === 'vhd' ? 'vhdDataDisks' : '';
  return table ? filledRows(values, table).map(({ row }) => intOrUndefined(cell(row, 'lun'))).filter((n): n is number => n !== undefined) : [];
}

function parseEncryption(value: string): JsonObject | undefined {
  if (!value) {
    return undefined;
  }
  try {
    const parsed: unknown = JSON.parse(value);
    return isJsonObject(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

function targetRegion(values: FormValues, row: TableRow): JsonObject {
  const kept = parseEncryption(cell(row, 'encryption'));
  if (kept) {
    return targetRegionBody(row, { encryption: kept });
  }
  const osDes = cell(row, 'osDiskEncryptionSetId');
  const dataDes = cell(row, 'dataDiskEncryptionSetId');
  const encryption = compactOrUndefined({
    osDiskImage: osDes ? { diskEncryptionSetId: osDes } : undefined,
    dataDiskImages: dataDes ? dataLuns(values).map((lun) => ({ lun, diskEncryptionSetId: dataDes })) : undefined,
  });
  return targetRegionBody(row, { encryption });
}

function storageProfile(values: FormValues): JsonObject {
  const caching = text(values, 'osHostCaching') || undefined;
  switch (source(values)) {
    case 'managedImage':
      return { source: { id: text(values, 'managedImageId') } };
    case 'virtualMachine':
      return { source: { virtualMachineId: text(values, 'virtualMachineId') } };
    case 'imageVersion':
      return { source: { id: text(values, 'sourceVersionId') } };
    case 'communityImageVersion':
      return { source: { communityGalleryImageId: text(values, 'communityVersionId') } };
    case 'disks': {
      const data: Json[] = filledRows(values, 'dataDisks').map(({ row }) =>
        compact({ lun: intOrUndefined(cell(row, 'lun')) ?? 0, source: { id: cell(row, 'sourceId') }, hostCaching: cell(row, 'hostCaching') || undefined }),
      );
      return compact({ osDiskImage: compact({ source: { id: text(values, 'osDiskId') }, hostCaching: caching }), dataDiskImages: data.length > 0 ? data : undefined });
    }
    case 'vhd': {
      const account = text(values, 'storageAccountId');
      const data: Json[] = filledRows(values, 'vhdDataDisks').map(({ row }) =>
        compact({ lun: intOrUndefined(cell(row, 'lun')) ?? 0, source: { storageAccountId: account, uri: cell(row, 'uri') }, hostCaching: cell(row, 'hostCaching') || undefined }),
      );
      return compact({
        osDiskImage: compact({ source: { storageAccountId: account, uri: text(values, 'osVhdUri') }, hostCaching: caching }),
        dataDiskImages: data.length > 0 ? data : undefined,
      });
    }
    default:
      return {};
  }
}

function body(values: FormValues, mode: FormMode, context?: ValidationContext): JsonObject {
  const regions: Json[] = filledRows(values, 'targetRegions').map(({ row }) => targetRegion(values, row));
  const extended: Json[] = filledRows(values, 'targetExtendedLocations').map(({ row }) =>
    compact({
      name: cell(row, 'name'),
      extendedLocation: { name: cell(row, 'edgeZone'), type: 'EdgeZone' },
      extendedLocationReplicaCount: intOrUndefined(cell(row, 'replicas')),
      storageAccountType: cell(row, 'storageAccountType') || undefined,
    }),
  );
  const tags = tagsObject(values);
  const common = {
    ...publishingCommon(values, regions),
    targetExtendedLocations: extended.length > 0 ? extended : undefined,
  };
  if (mode === 'update') {
    // A changed flag is sent; ARM applies the request's safety profile to the same request (merged over the stored
    // one), so a region can be dropped in the edit that allows it (src/domain/deletionSafety.ts refusedRegionRemovals).
    return compact({
      properties: compact({
        publishingProfile: compact(common),
        safetyProfile: compactOrUndefined({
          allowDeletionOfReplicatedLocations: changedFlag(values, 'allowDeletionOfReplicatedLocations', context),
          blockDeletionBeforeEndOfLife: changedFlag(values, 'blockDeletionBeforeEndOfLife', context),
        }),
      }),
      tags: tags ?? {},
    });
  }
  return compact({
    location: text(values, 'location'),
    tags,
    properties: compact({
      publishingProfile: compact({
        ...common,
        storageAccountType: text(values, 'storageAccountType') || undefined,
        replicationMode: text(values, 'replicationMode') || undefined,
      }),
      storageProfile: storageProfile(values),
      // Azure's defaults are false: only what is turned on is sent.
      safetyProfile: compactOrUndefined({
        allowDeletionOfReplicatedLocations: flag(values, 'allowDeletionOfReplicatedLocations') || undefined,
        blockDeletionBeforeEndOfLife: flag(values, 'blockDeletionBeforeEndOfLife') || undefined,
      }),
    }),
  });
}

function validateSource(values: FormValues, errors: Record<string, string>, context: ValidationContext): void {
  switch (source(values)) {
    case 'managedImage':
      put(errors, 'managedImageId', armIdProblem(text(values, 'managedImageId'), 'Microsoft.Compute/images', 'a managed image'));
      break;
    case 'virtualMachine':
      put(errors, 'virtualMachineId', armIdProblem(text(values, 'virtualMachineId'), 'Microsoft.Compute/virtualMachines', 'a virtual machine'));
      break;
    case 'imageVersion':
      put(errors, 'sourceVersionId', parseComputeResourceId(text(values, 'sourceVersionId'))?.kind === 'imageVersion' ? undefined : l10n.t('Choose an image version.'));
      break;
    case 'communityImageVersion':
      put(
        errors,
        'communityVersionId',
        COMMUNITY_VERSION_ID.test(text(values, 'communityVersionId'))
          ? undefined
          : l10n.t('Enter a community image version as /CommunityGalleries/{public name}/Images/{image}/Versions/{Major.Minor.Patch}.'),
      );
      break;
    case 'disks': {
      const os = text(values, 'osDiskId');
      put(errors, 'osDiskId', /\/providers\/Microsoft\.Compute\/(disks|snapshots)\/[^/]+$/i.test(os) ? undefined : l10n.t('Choose the OS disk or snapshot.'));
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
        if (!/\/providers\/Microsoft\.Compute\/(disks|snapshots)\/[^/]+$/i.test(cell(row, 'sourceId'))) {
          put(errors, `${at}.sourceId`, l10n.t('Choose the disk or snapshot.'));
        }
        if (cell(row, 'sourceId') && cell(row, 'sourceId').toLowerCase() === os.toLowerCase()) {
          put(errors, `${at}.sourceId`, l10n.t('This is already the OS disk.'));
        }
      }
      break;
    }
    case 'vhd': {
      put(errors, 'storageAccountId', armIdProblem(text(values, 'storageAccountId'), 'Microsoft.Storage/storageAccounts', 'a storage account'));
      put(errors, 'osVhdUri', blobUriProblem(text(values, 'osVhdUri')));
      const luns = new Set<number>();
      for (const { row, index } of filledRows(values, 'vhdDataDisks')) {
        const at = `vhdDataDisks[${index}]`;
        put(errors, `${at}.lun`, intProblem(cell(row, 'lun'), 0, 63, true));
        const lun = intOrUndefined(cell(row, 'lun'));
        if (lun !== undefined && luns.has(lun)) {
          put(errors, `${at}.lun`, l10n.t('LUN {0} is used twice.', lun));
        }
        if (lun !== undefined) {
          luns.add(lun);
        }
        put(errors, `${at}.uri`, blobUriProblem(cell(row, 'uri')));
      }
      break;
    }
    default:
      put(errors, 'sourceType', l10n.t('Choose a source.'));
  }

  // The source must fit the definition: OS type, OS state and generation.
  const chosen = chosenSource(values);
  const facts = chosen ? factsOf(chosen.id, chosen.source, context) : undefined;
  const definition = context.definition;
  if (chosen && facts && definition && !errors[chosen.field]) {
    const mismatch = (what: string, a: string | undefined, b: string | undefined): string | undefined =>
      a && b && a.toLowerCase() !== b.toLowerCase() ? l10n.t('The source\'s {0} is {1}, the definition\'s is {2}.', what, a, b) : undefined;
    put(errors, chosen.field, mismatch(l10n.t('OS type'), facts.osType, definition.osType));
    put(errors, chosen.field, mismatch(l10n.t('OS state'), facts.osState, definition.osState));
    put(errors, chosen.field, mismatch(l10n.t('VM generation'), facts.hyperVGeneration, definition.hyperVGeneration));
    put(errors, chosen.field, mismatch('architecture', facts.architecture, definition.architecture));
    if (chosen.source === 'managedImages' && definition.osState?.toLowerCase() === 'specialized') {
      put(errors, chosen.field, l10n.t('Managed images are generalized; this definition is for specialized images.'));
    }
  }
}

function validateRegions(values: FormValues, mode: FormMode, errors: Record<string, string>, context: ValidationContext): void {
  const regions = filledRows(values, 'targetRegions');
  const location = text(values, 'location');
  const luns = dataLuns(values);
  validateTargetRegions(values, mode, errors, context, (row, at, name) => {
    for (const column of ['osDiskEncryptionSetId', 'dataDiskEncryptionSetId']) {
      const des = cell(row, column);
      if (!des) {
        continue;
      }
      put(errors, `${at}.${column}`, armIdProblem(des, 'Microsoft.Compute/diskEncryptionSets', 'a disk encryption set'));
      const desRegion = factsOf(des, 'diskEncryptionSets', context)?.location;
      if (desRegion && name && !sameRegion(desRegion, name)) {
        put(errors, `${at}.${column}`, l10n.t('This disk encryption set is in {0}; a region needs one of its own.', regionLabel(desRegion, context)));
      }
    }
    if (cell(row, 'dataDiskEncryptionSetId') && luns.length === 0 && mode === 'create') {
      put(errors, `${at}.dataDiskEncryptionSetId`, l10n.t('Data disk encryption needs the data disks listed under Source (disk or VHD sources).'));
    }
  });
  const chosen = chosenSource(values);
  const sourceRegion = chosen ? factsOf(chosen.id, chosen.source, context)?.location : undefined;
  if (chosen && sourceRegion && source(values) !== 'imageVersion') {
    if (location && !sameRegion(sourceRegion, location)) {
      put(errors, 'location', l10n.t('The source is in {0}: the version\'s location must be the source region.', regionLabel(sourceRegion, context)));
    }
    if (regions.length > 0 && !regions.some(({ row }) => sameRegion(cell(row, 'name'), sourceRegion))) {
      put(errors, 'targetRegions', l10n.t('The source region, {0}, must be one of the target regions.', regionLabel(sourceRegion, context)));
    }
  }
  for (const { row, index } of filledRows(values, 'targetExtendedLocations')) {
    const at = `targetExtendedLocations[${index}]`;
    if (!cell(row, 'name')) {
      put(errors, `${at}.name`, l10n.t('Choose the region of the edge zone.'));
    }
    if (!cell(row, 'edgeZone')) {
      put(errors, `${at}.edgeZone`, l10n.t('Enter the edge zone name.'));
    }
    put(errors, `${at}.replicas`, intProblem(cell(row, 'replicas'), 1, 100));
  }
}

function validate(values: FormValues, mode: FormMode, context: ValidationContext): Record<string, string> {
  const errors: Record<string, string> = {};
  validateResourceIds(fields(), values, mode, errors);
  if (!text(values, 'subscriptionId')) {
    put(errors, 'subscriptionId', l10n.t('Choose a subscription.'));
  }
  if (parseComputeResourceId(text(values, 'galleryId'))?.kind !== 'gallery') {
    put(errors, 'galleryId', l10n.t('Choose the gallery.'));
  }
  const definition = parseComputeResourceId(text(values, 'definitionId'));
  if (definition?.kind !== 'imageDefinition') {
    put(errors, 'definitionId', l10n.t('Choose the image definition the version belongs to.'));
  }
  const name = text(values, 'name');
  put(errors, 'name', versionNameProblem(name));
  if (mode === 'create' && nameTaken(name, context)) {
    put(errors, 'name', l10n.t('Version {0} already exists in this image definition.', name));
  }
  if (!text(values, 'location')) {
    put(errors, 'location', l10n.t('Choose the location (the source region).'));
  }
  if (mode === 'create') {
    validateSource(values, errors, context);
  }
  validateRegions(values, mode, errors, context);
  validateEndOfLife(values, mode, errors, context);
  Object.assign(errors, tagProblems(values));
  return errors;
}

function regionRows(p: JsonObject): TableRow[] {
  return targetRegionRows(p, (r) => ({
    osDiskEncryptionSetId: stringAt(r, 'encryption', 'osDiskImage', 'diskEncryptionSetId'),
    dataDiskEncryptionSetId: stringAt(arrayAt(r, 'encryption', 'dataDiskImages').find(isJsonObject) ?? {}, 'diskEncryptionSetId'),
    encryption: objectAt(r, 'encryption') ? JSON.stringify(objectAt(r, 'encryption')) : '',
  }));
}

function sourceValues(storage: JsonObject): Record<string, FormValues[string]> {
  const sourceId = stringAt(storage, 'source', 'id');
  const vm = stringAt(storage, 'source', 'virtualMachineId');
  const community = stringAt(storage, 'source', 'communityGalleryImageId');
  const osSource = objectAt(storage, 'osDiskImage', 'source') ?? {};
  const data = arrayAt(storage, 'dataDiskImages').filter(isJsonObject);
  const caching = stringAt(storage, 'osDiskImage', 'hostCaching');
  if (vm) {
    return { sourceType: 'virtualMachine', virtualMachineId: vm };
  }
  if (community) {
    return { sourceType: 'communityImageVersion', communityVersionId: community };
  }
  if (sourceId && /\/galleries\//i.test(sourceId)) {
    return { sourceType: 'imageVersion', sourceVersionId: sourceId };
  }
  if (sourceId) {
    return { sourceType: 'managedImage', managedImageId: sourceId };
  }
  if (stringAt(osSource, 'uri')) {
    return {
      sourceType: 'vhd',
      storageAccountId: stringAt(osSource, 'storageAccountId') || stringAt(osSource, 'id'),
      osVhdUri: stringAt(osSource, 'uri'),
      osHostCaching: caching,
      vhdDataDisks: data.map((d) => ({ lun: stringAt(d, 'lun'), uri: stringAt(d, 'source', 'uri'), hostCaching: stringAt(d, 'hostCaching') })),
    };
  }
  return {
    sourceType: 'disks',
    osDiskId: stringAt(osSource, 'id'),
    osHostCaching: caching,
    dataDisks: data.map((d) => ({ lun: stringAt(d, 'lun'), sourceId: stringAt(d, 'source', 'id'), hostCaching: stringAt(d, 'hostCaching') })),
  };
}

const TARGETS: ReadonlyArray<[RegExp, string]> = [
  [/galleryImageVersionName|^name$/i, 'name'],
  ...VERSION_TARGETS,
  [/blockDeletionBeforeEndOfLife/i, 'blockDeletionBeforeEndOfLife'],
  [/targetExtendedLocations/i, 'targetExtendedLocations'],
  [/location/i, 'location'],
];

export const imageVersionForm: FormDefinition = {
  kind: 'imageVersion',
  get noun() {
    return l10n.t('image version');
  },
  get sections() {
    return [
      { id: 'basics', title: l10n.t('Basics') },
      { id: 'source', title: l10n.t('Source') },
      { id: 'replication', title: l10n.t('Replication') },
      { id: 'publishing', title: l10n.t('Publishing') },
      { id: 'safety', title: l10n.t('Deletion safety') },
      { id: 'tags', title: l10n.t('Tags') },
    ];
  },
  get fields() {
    return fields();
  },

  defaults(): FormValues {
    const values = emptyValues(fields());
    return {
      ...values,
      sourceType: 'managedImage',
      osHostCaching: 'ReadOnly',
      storageAccountType: 'Standard_LRS',
      replicationMode: 'Full',
      replicaCount: '1',
      targetRegions: [{ name: '', replicas: '1', storageAccountType: 'Standard_LRS', osDiskEncryptionSetId: '', dataDiskEncryptionSetId: '' }],
    };
  },

  validate,

  warnings(values: FormValues, _mode: FormMode, context: ValidationContext): FieldErrors {
    // The domain's rule, on the values as they would be sent: blocked, with no end of life to wait for.
    const version = {
      safetyProfile: { blockDeletionBeforeEndOfLife: flag(values, 'blockDeletionBeforeEndOfLife') },
      publishingProfile: { endOfLifeDate: isoDate(text(values, 'endOfLifeDate')) },
    };
    return deletionBlock(version, context.now)?.reason === 'noEndOfLife'
      ? { blockDeletionBeforeEndOfLife: l10n.t('No end-of-life date is set: this version cannot be deleted at all until "Block deletion before end of life" is turned off again. Set an end-of-life date to let it be deleted after that date.') }
      : {};
  },

  target(values: FormValues, mode: FormMode) {
    const definition = parseComputeResourceId(text(values, 'definitionId'));
    const name = text(values, 'name');
    if (!definition || definition.kind !== 'imageDefinition' || versionNameProblem(name)) {
      return undefined;
    }
    return { method: mode === 'create' ? 'PUT' : 'PATCH', id: imageVersionId(definition, name).id, apiVersion: GALLERY_API_VERSION, subscriptionId: definition.subscriptionId };
  },

  requestBody: (values, mode, context) => body(values, mode, context),

  templateResource(values: FormValues) {
    const definition = parseComputeResourceId(text(values, 'definitionId'));
    const prefix = definition?.kind === 'imageDefinition' ? `${definition.gallery}/${definition.imageDefinition}` : '<gallery>/<definition>';
    return templateResource('Microsoft.Compute/galleries/images/versions', GALLERY_API_VERSION, `${prefix}/${text(values, 'name')}`, body(values, 'create'));
  },

  fromResource(resource: JsonObject): FormValues {
    const id = parseComputeResourceId(stringAt(resource, 'id'));
    const p = objectAt(resource, 'properties') ?? {};
    const definitionId = id?.kind === 'imageVersion' ? id.id.split('/').slice(0, -2).join('/') : '';
    return {
      ...imageVersionForm.defaults(),
      subscriptionId: id?.subscriptionId ?? '',
      galleryId: definitionId.split('/').slice(0, -2).join('/'),
      definitionId,
      name: id?.kind === 'imageVersion' ? id.version : stringAt(resource, 'name'),
      location: stringAt(resource, 'location'),
      ...sourceValues(objectAt(p, 'storageProfile') ?? {}),
      targetRegions: regionRows(p),
      ...versionValues(p),
      replicationMode: stringAt(p, 'publishingProfile', 'replicationMode') || 'Full',
      targetExtendedLocations: arrayAt(p, 'publishingProfile', 'targetExtendedLocations')
        .filter(isJsonObject)
        .map((e) => ({
          name: stringAt(e, 'name'),
          edgeZone: stringAt(e, 'extendedLocation', 'name'),
          replicas: stringAt(e, 'extendedLocationReplicaCount'),
          storageAccountType: stringAt(e, 'storageAccountType'),
        })),
      blockDeletionBeforeEndOfLife: boolAt(p, 'safetyProfile', 'blockDeletionBeforeEndOfLife'),
      tags: tagRows(resource),
    };
  },

  fieldForArmTarget(target: string) {
    return TARGETS.find(([re]) => re.test(target))?.[1];
  },

  adjust(values: FormValues, changed: string, context: ValidationContext): FormValues {
    const next: Record<string, FormValues[string]> = { ...values };
    if (changed === 'definitionId' && !text(values, 'location')) {
      const region = factsOf(text(values, 'definitionId'), 'imageDefinitions', context)?.location;
      if (region) {
        next.location = region;
      }
    }
    const picked = chosenSource(values);
    // The source's region is where the version lives.
    if (picked && changed === picked.field && !text(values, 'location') && source(values) !== 'imageVersion') {
      const region = factsOf(picked.id, picked.source, context)?.location;
      if (region) {
        next.location = region;
      }
    }
    // …and always one of its target regions.
    return locationAsFirstRegion(next);
  },
};

