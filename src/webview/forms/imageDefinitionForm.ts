/**
 * Image definition form (Microsoft.Compute/galleries/images): everything `az sig image-definition create`
 * takes; in update mode what Azure lets change (description, EULA, privacy and release-note URIs, end of
 * life, recommended configuration, tags) — the rest is shown locked.
 */
import * as l10n from '@vscode/l10n';
import { imageDefinitionId, parseComputeResourceId } from '../../azure/armId';
import type { Choice, FieldSpec, FormDefinition, FormMode, FormValues, Json, JsonObject, ValidationContext } from './formTypes';
import {
  endOfLifeField,
  GALLERY_API_VERSION,
  locationField,
  PUBLISHING_LINK_TARGETS,
  publishingLinkFields,
  publishingLinksBody,
  publishingLinkValues,
  subscriptionField,
  tagsField,
  templateResource,
  validateEndOfLife,
  validateLocationAndTags,
  validatePublishingLinks,
  validateResourceIds,
} from './commonFields';
import { architectureFitsGeneration, diskControllersFitGeneration, securityTypeFitsArchitecture, securityTypeFitsGeneration } from '../../domain/securityProfile';
import { entityNameProblem, identifierProblem, intProblem, nameTaken, put } from './fieldRules';
import { arrayAt, compact, compactOrUndefined, dayOf, intOrUndefined, isJsonObject, isoDate, list, objectAt, stringAt, tagRows, tagsObject, text, emptyValues } from './values';

export const SECURITY_TYPES = (): readonly Choice[] => [
  { value: '', label: l10n.t('Standard'), description: l10n.t('No security type: Gen1 or Gen2 VMs without Trusted launch or confidential computing.') },
  { value: 'TrustedLaunchSupported', label: l10n.t('Trusted launch supported'), description: l10n.t('A generic Gen2 image: Gen2 VMs or Trusted launch VMs can be created from it.') },
  { value: 'TrustedLaunch', label: l10n.t('Trusted launch'), description: l10n.t('Only Trusted launch VMs can be created from it (private galleries only).') },
  { value: 'ConfidentialVmSupported', label: l10n.t('Confidential VM supported'), description: l10n.t('A generic Gen2 image: Gen2 VMs or confidential VMs can be created from it.') },
  { value: 'ConfidentialVM', label: l10n.t('Confidential VM'), description: l10n.t('Only confidential VMs can be created from it (private galleries only).') },
  {
    value: 'TrustedLaunchAndConfidentialVmSupported',
    label: l10n.t('Trusted launch and confidential VM supported'),
    description: l10n.t('A generic Gen2 image: Gen2, Trusted launch or confidential VMs can be created from it.'),
  },
];

const TRUE_FALSE = (): readonly Choice[] => [
  { value: '', label: l10n.t('Not set') },
  { value: 'True', label: l10n.t('Supported') },
  { value: 'False', label: l10n.t('Not supported') },
];

export const DISK_TYPES = (): readonly Choice[] => [
  { value: 'Standard_LRS', label: l10n.t('Standard HDD (Standard_LRS)') },
  { value: 'StandardSSD_LRS', label: l10n.t('Standard SSD (StandardSSD_LRS)') },
  { value: 'StandardSSD_ZRS', label: l10n.t('Standard SSD zone-redundant (StandardSSD_ZRS)') },
  { value: 'Premium_LRS', label: l10n.t('Premium SSD (Premium_LRS)') },
  { value: 'Premium_ZRS', label: l10n.t('Premium SSD zone-redundant (Premium_ZRS)') },
  { value: 'PremiumV2_LRS', label: l10n.t('Premium SSD v2 (PremiumV2_LRS)') },
  { value: 'UltraSSD_LRS', label: l10n.t('Ultra disk (UltraSSD_LRS)') },
];

const definitionUpdatable = new Set(['description', 'eula', 'privacyStatementUri', 'releaseNoteUri', 'endOfLifeDate', 'vcpuMin', 'vcpuMax', 'memoryMin', 'memoryMax', 'tags']);

// Functions, not constants: the labels are translated when a form is built (after l10n.config), not at import.
const rawFields = (): readonly FieldSpec[] => [
  subscriptionField(),
  { id: 'galleryId', label: l10n.t('Gallery'), section: 'basics', type: 'picker', source: 'galleries', required: true, emptyLabel: l10n.t('Choose a gallery') },
  {
    id: 'name',
    label: l10n.t('Image definition name'),
    section: 'basics',
    type: 'text',
    required: true,
    help: l10n.t('Letters, digits, underscores, hyphens and periods; starts with a letter or digit.'),
    placeholder: 'ubuntu-24_04-gen2',
  },
  locationField(l10n.t('Usually the gallery\'s location.')),
  { id: 'description', label: l10n.t('Description'), section: 'basics', type: 'textarea' },
  {
    id: 'osType',
    label: l10n.t('Operating system'),
    section: 'os',
    type: 'select',
    required: true,
    choices: [
      { value: 'Linux', label: l10n.t('Linux') },
      { value: 'Windows', label: l10n.t('Windows') },
    ],
  },
  {
    id: 'osState',
    label: l10n.t('Operating system state'),
    section: 'os',
    type: 'select',
    required: true,
    choices: [
      { value: 'Generalized', label: l10n.t('Generalized'), description: l10n.t('Sysprepped / deprovisioned: each VM gets its own name, users and settings at deployment.') },
      { value: 'Specialized', label: l10n.t('Specialized'), description: l10n.t('A copy of a configured machine: VMs keep its name, users and settings.') },
    ],
  },
  {
    id: 'hyperVGeneration',
    label: l10n.t('VM generation'),
    section: 'os',
    type: 'select',
    choices: [
      { value: 'V1', label: l10n.t('Gen 1 (V1)'), description: l10n.t('BIOS boot.') },
      { value: 'V2', label: l10n.t('Gen 2 (V2)'), description: l10n.t('UEFI boot; needed for Trusted launch, confidential VMs, Arm64 and NVMe.') },
    ],
  },
  {
    id: 'architecture',
    label: l10n.t('Architecture'),
    section: 'os',
    type: 'select',
    choices: [
      { value: 'x64', label: 'x64' },
      { value: 'Arm64', label: l10n.t('Arm64') },
    ],
  },
  { id: 'publisher', label: 'Publisher', section: 'identifier', type: 'text', required: true, help: 'Up to 128 characters.', placeholder: 'Contoso' },
  { id: 'offer', label: 'Offer', section: 'identifier', type: 'text', required: true, help: 'Up to 64 characters.', placeholder: 'UbuntuServer' },
  {
    id: 'sku',
    label: 'SKU',
    section: 'identifier',
    type: 'text',
    required: true,
    help: l10n.t('Up to 64 characters. Publisher, offer and SKU together are unique in the gallery.'),
    placeholder: '24_04-gen2',
  },
  { id: 'securityType', label: l10n.t('Security type'), section: 'features', type: 'select', choices: SECURITY_TYPES() },
  { id: 'acceleratedNetworking', label: l10n.t('Accelerated networking'), section: 'features', type: 'select', choices: TRUE_FALSE() },
  {
    id: 'diskControllerTypes',
    label: l10n.t('Disk controller types'),
    section: 'features',
    type: 'select',
    choices: [
      { value: '', label: l10n.t('Not set (SCSI)') },
      { value: 'SCSI', label: 'SCSI' },
      { value: 'SCSI, NVMe', label: l10n.t('SCSI and NVMe'), description: l10n.t('NVMe VMs and disks can only be captured in definitions that support NVMe.') },
    ],
  },
  { id: 'hibernation', label: l10n.t('Hibernation'), section: 'features', type: 'select', choices: TRUE_FALSE() },
  { id: 'vcpuMin', label: l10n.t('Minimum vCPUs'), section: 'recommended', type: 'number' },
  { id: 'vcpuMax', label: l10n.t('Maximum vCPUs'), section: 'recommended', type: 'number' },
  { id: 'memoryMin', label: l10n.t('Minimum memory (GB)'), section: 'recommended', type: 'number' },
  { id: 'memoryMax', label: l10n.t('Maximum memory (GB)'), section: 'recommended', type: 'number' },
  { id: 'disallowedDiskTypes', label: l10n.t('Disallowed disk types'), section: 'recommended', type: 'multi', choices: DISK_TYPES(), help: l10n.t('Disk types VMs from this image should not use.') },
  endOfLifeField(),
  ...publishingLinkFields(),
  { id: 'planName', label: l10n.t('Purchase plan name'), section: 'plan', type: 'text', help: l10n.t('Only for images made from Marketplace images with a plan.') },
  { id: 'planPublisher', label: l10n.t('Purchase plan publisher'), section: 'plan', type: 'text' },
  { id: 'planProduct', label: l10n.t('Purchase plan product'), section: 'plan', type: 'text' },
  tagsField(),
];

/** In update mode everything is locked except what Azure lets change. */
const fields = (): readonly FieldSpec[] => rawFields().map((f) => (definitionUpdatable.has(f.id) ? f : { ...f, immutable: true }));

const FEATURE_NAMES: ReadonlyArray<[string, string]> = [
  ['securityType', 'SecurityType'],
  ['acceleratedNetworking', 'IsAcceleratedNetworkSupported'],
  ['diskControllerTypes', 'DiskControllerTypes'],
  ['hibernation', 'IsHibernateSupported'],
];

function range(min: string, max: string): JsonObject | undefined {
  return compactOrUndefined({ min: intOrUndefined(min), max: intOrUndefined(max) });
}

function properties(values: FormValues, mode: FormMode): JsonObject {
  const features: Json[] = FEATURE_NAMES.filter(([id]) => text(values, id)).map(([id, name]) => ({ name, value: text(values, id) }));
  const disallowed = list(values, 'disallowedDiskTypes');
  const plan = compactOrUndefined({
    name: text(values, 'planName') || undefined,
    publisher: text(values, 'planPublisher') || undefined,
    product: text(values, 'planProduct') || undefined,
  });
  const recommended = compactOrUndefined({
    vCPUs: range(text(values, 'vcpuMin'), text(values, 'vcpuMax')),
    memory: range(text(values, 'memoryMin'), text(values, 'memoryMax')),
  });
  const identifier = { publisher: text(values, 'publisher'), offer: text(values, 'offer'), sku: text(values, 'sku') };
  const common = {
    ...publishingLinksBody(values),
    endOfLifeDate: isoDate(text(values, 'endOfLifeDate')),
    recommended,
  };
  if (mode === 'update') {
    // PATCH: the identity of the definition (required by the API, unchanged) and what may change.
    return compact({
      description: text(values, 'description'),
      osType: text(values, 'osType'),
      osState: text(values, 'osState'),
      hyperVGeneration: text(values, 'hyperVGeneration') || undefined,
      architecture: text(values, 'architecture') || undefined,
      identifier,
      ...common,
    });
  }
  return compact({
    description: text(values, 'description') || undefined,
    osType: text(values, 'osType'),
    osState: text(values, 'osState'),
    hyperVGeneration: text(values, 'hyperVGeneration') || undefined,
    architecture: text(values, 'architecture') || undefined,
    identifier,
    features: features.length > 0 ? features : undefined,
    disallowed: disallowed.length > 0 ? { diskTypes: disallowed } : undefined,
    purchasePlan: plan,
    ...common,
  });
}

function body(values: FormValues, mode: FormMode): JsonObject {
  const tags = tagsObject(values);
  if (mode === 'update') {
    return { properties: properties(values, mode), tags: tags ?? {} };
  }
  return compact({ location: text(values, 'location'), tags, properties: properties(values, mode) });
}

function rangeProblems(values: FormValues, errors: Record<string, string>, minId: string, maxId: string, what: string, max: number): void {
  put(errors, minId, intProblem(text(values, minId), 1, max));
  put(errors, maxId, intProblem(text(values, maxId), 1, max));
  const min = intOrUndefined(text(values, minId));
  const top = intOrUndefined(text(values, maxId));
  if (min !== undefined && top !== undefined && min > top && errors[maxId] === undefined) {
    errors[maxId] = l10n.t('The maximum {0} is less than the minimum ({1}).', what, min);
  }
}

function validate(values: FormValues, mode: FormMode, context: ValidationContext): Record<string, string> {
  const errors: Record<string, string> = {};
  validateResourceIds(fields(), values, mode, errors);
  if (!text(values, 'subscriptionId')) {
    put(errors, 'subscriptionId', l10n.t('Choose a subscription.'));
  }
  const gallery = parseComputeResourceId(text(values, 'galleryId'));
  if (!gallery || gallery.kind !== 'gallery') {
    put(errors, 'galleryId', l10n.t('Choose the gallery the definition goes in.'));
  }
  const name = text(values, 'name');
  put(errors, 'name', entityNameProblem(name, l10n.t('an image definition')));
  if (mode === 'create' && nameTaken(name, context)) {
    put(errors, 'name', l10n.t('The gallery already has an image definition named "{0}".', name));
  }
  validateLocationAndTags(values, errors);
  for (const id of ['osType', 'osState'] as const) {
    if (!text(values, id)) {
      put(errors, id, l10n.t('Choose one.'));
    }
  }
  const generation = text(values, 'hyperVGeneration') || 'V1';
  put(errors, 'publisher', identifierProblem(text(values, 'publisher'), 'publisher', 128));
  put(errors, 'offer', identifierProblem(text(values, 'offer'), 'offer', 64));
  put(errors, 'sku', identifierProblem(text(values, 'sku'), 'SKU', 64));
  if (mode === 'create' && !errors.publisher && !errors.offer && !errors.sku) {
    const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();
    const clash = (context.siblingIdentifiers ?? []).find(
      (i) => same(i.publisher, text(values, 'publisher')) && same(i.offer, text(values, 'offer')) && same(i.sku, text(values, 'sku')),
    );
    if (clash) {
      errors.sku = l10n.t('The definition "{0}" in this gallery already uses this publisher, offer and SKU.', clash.name);
    }
  }
  if (mode === 'create') {
    const security = text(values, 'securityType');
    if (!securityTypeFitsGeneration(security, generation)) {
      put(errors, 'securityType', l10n.t('Trusted launch and confidential VM images are Gen 2: set the VM generation to Gen 2 (V2).'));
    }
    if (!architectureFitsGeneration(text(values, 'architecture'), generation)) {
      put(errors, 'hyperVGeneration', l10n.t('Arm64 images are Gen 2 (V2).'));
    }
    if (!securityTypeFitsArchitecture(security, text(values, 'architecture'))) {
      put(errors, 'securityType', l10n.t('Confidential VMs run on x64 only.'));
    }
    if (!diskControllersFitGeneration(text(values, 'diskControllerTypes'), generation)) {
      put(errors, 'diskControllerTypes', l10n.t('NVMe needs Gen 2 (V2).'));
    }
    const plan = ['planName', 'planPublisher', 'planProduct'].filter((id) => text(values, id));
    if (plan.length > 0 && plan.length < 3) {
      for (const id of ['planName', 'planPublisher', 'planProduct']) {
        if (!text(values, id)) {
          put(errors, id, l10n.t('A purchase plan needs its name, publisher and product.'));
        }
      }
    }
  }
  rangeProblems(values, errors, 'vcpuMin', 'vcpuMax', l10n.t('vCPU count'), 1024);
  rangeProblems(values, errors, 'memoryMin', 'memoryMax', l10n.t('memory'), 16_384);
  validateEndOfLife(values, mode, errors, context);
  validatePublishingLinks(values, errors);
  return errors;
}

const TARGETS: ReadonlyArray<[RegExp, string]> = [
  [/galleryImageName|^name$/i, 'name'],
  [/identifier\.publisher/i, 'publisher'],
  [/identifier\.offer/i, 'offer'],
  [/identifier\.sku|identifier$/i, 'sku'],
  [/osType/i, 'osType'],
  [/osState/i, 'osState'],
  [/hyperVGeneration/i, 'hyperVGeneration'],
  [/architecture/i, 'architecture'],
  [/endOfLifeDate/i, 'endOfLifeDate'],
  [/vCPUs/i, 'vcpuMax'],
  [/memory/i, 'memoryMax'],
  ...PUBLISHING_LINK_TARGETS,
  [/location/i, 'location'],
  [/features/i, 'securityType'],
];

export const imageDefinitionForm: FormDefinition = {
  kind: 'imageDefinition',
  get noun() {
    return l10n.t('image definition');
  },
  get sections() {
    return [
      { id: 'basics', title: l10n.t('Basics') },
      { id: 'os', title: l10n.t('Operating system') },
      { id: 'identifier', title: l10n.t('Publisher, offer and SKU') },
      { id: 'features', title: l10n.t('Features') },
      { id: 'recommended', title: l10n.t('Recommended VM configuration') },
      { id: 'publishing', title: l10n.t('Publishing') },
      { id: 'plan', title: l10n.t('Purchase plan') },
      { id: 'tags', title: l10n.t('Tags') },
    ];
  },
  get fields() {
    return fields();
  },

  defaults(): FormValues {
    const values = emptyValues(fields());
    return { ...values, osType: 'Linux', osState: 'Generalized', hyperVGeneration: 'V2', architecture: 'x64', securityType: 'TrustedLaunchSupported' };
  },

  validate,

  target(values: FormValues, mode: FormMode) {
    const gallery = parseComputeResourceId(text(values, 'galleryId'));
    const name = text(values, 'name');
    if (!gallery || gallery.kind !== 'gallery' || entityNameProblem(name, l10n.t('an image definition'))) {
      return undefined;
    }
    return {
      method: mode === 'create' ? 'PUT' : 'PATCH',
      id: imageDefinitionId(gallery, name).id,
      apiVersion: GALLERY_API_VERSION,
      subscriptionId: gallery.subscriptionId,
    };
  },

  requestBody: (values, mode) => body(values, mode),

  templateResource(values: FormValues) {
    const gallery = parseComputeResourceId(text(values, 'galleryId'));
    const galleryName = gallery?.kind === 'gallery' ? gallery.gallery : '<gallery>';
    return templateResource('Microsoft.Compute/galleries/images', GALLERY_API_VERSION, `${galleryName}/${text(values, 'name')}`, body(values, 'create'));
  },

  fromResource(resource: JsonObject): FormValues {
    const id = parseComputeResourceId(stringAt(resource, 'id'));
    const p = objectAt(resource, 'properties') ?? {};
    const feature = (name: string): string => {
      const found = arrayAt(p, 'features').find((f) => isJsonObject(f) && stringAt(f, 'name').toLowerCase() === name.toLowerCase());
      return found ? stringAt(found, 'value') : '';
    };
    const values: Record<string, FormValues[string]> = {
      subscriptionId: id?.subscriptionId ?? '',
      galleryId: id?.kind === 'imageDefinition' ? id.id.split('/').slice(0, -2).join('/') : '',
      name: id?.kind === 'imageDefinition' ? id.imageDefinition : stringAt(resource, 'name'),
      location: stringAt(resource, 'location'),
      description: stringAt(p, 'description'),
      osType: stringAt(p, 'osType'),
      osState: stringAt(p, 'osState'),
      hyperVGeneration: stringAt(p, 'hyperVGeneration') || 'V1',
      architecture: stringAt(p, 'architecture') || 'x64',
      publisher: stringAt(p, 'identifier', 'publisher'),
      offer: stringAt(p, 'identifier', 'offer'),
      sku: stringAt(p, 'identifier', 'sku'),
      vcpuMin: stringAt(p, 'recommended', 'vCPUs', 'min'),
      vcpuMax: stringAt(p, 'recommended', 'vCPUs', 'max'),
      memoryMin: stringAt(p, 'recommended', 'memory', 'min'),
      memoryMax: stringAt(p, 'recommended', 'memory', 'max'),
      disallowedDiskTypes: arrayAt(p, 'disallowed', 'diskTypes').filter((t): t is string => typeof t === 'string').join(','),
      endOfLifeDate: dayOf(stringAt(p, 'endOfLifeDate')),
      ...publishingLinkValues(p),
      planName: stringAt(p, 'purchasePlan', 'name'),
      planPublisher: stringAt(p, 'purchasePlan', 'publisher'),
      planProduct: stringAt(p, 'purchasePlan', 'product'),
      tags: tagRows(resource),
    };
    for (const [field, name] of FEATURE_NAMES) {
      values[field] = feature(name);
    }
    return values;
  },

  fieldForArmTarget(target: string) {
    return TARGETS.find(([re]) => re.test(target))?.[1];
  },

  adjust(values: FormValues, changed: string, context: ValidationContext): FormValues {
    // A definition usually lives where its gallery is.
    if (changed === 'galleryId' && !text(values, 'location')) {
      const region = context.options?.galleries?.find((o) => o.value.toLowerCase() === text(values, 'galleryId').toLowerCase())?.facts?.location;
      return region ? { ...values, location: region } : values;
    }
    return values;
  },
};
