/**
 * VM application version form (Microsoft.Compute/galleries/applications/versions): the package (`source.mediaLink`,
 * usually a blob URL with a SAS token, and an optional default configuration), the install / remove / update commands
 * (ARM's length limits, domain/applications.ts), settings, health check, custom actions, and the replication and
 * publishing parts every version form shares (versionFields.ts). In update mode what Azure lets change: target
 * regions, replica count, exclude from latest, end of life, "allow removing replicated regions", tags; the PATCH
 * carries the package and commands unchanged, as the API requires (GalleryApplicationVersion_Update example).
 *
 * The package links are secret fields: shown with their query hidden once typed, redacted in the JSON preview and
 * the template resource (FormSession, renderForm), never logged.
 */
import * as l10n from '@vscode/l10n';
import { applicationVersionId, parseComputeResourceId } from '../../azure/armId';
import { APPLICATION_TEXT_MAX_LENGTH, commandRefusal, packageLinkRefusal, SCRIPT_BEHAVIORS_AFTER_REBOOT } from '../../domain/applications';
import type { FieldSpec, FormDefinition, FormMode, FormValues, Json, JsonObject, ValidationContext } from './formTypes';
import { endOfLifeField, GALLERY_API_VERSION, locationField, subscriptionField, tagsField, templateResource, validateEndOfLife, validateResourceIds } from './commonFields';
import { customActionFields, customActionsBody, customActionValues, validateCustomActions } from './customActionFields';
import { nameTaken, put, tagProblems, versionNameProblem } from './fieldRules';
import { boolAt, compact, compactOrUndefined, emptyValues, filledRows, flag, objectAt, stringAt, tagRows, tagsObject, text } from './values';
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

const updatable = new Set(VERSION_UPDATABLE);

const rawFields = (): readonly FieldSpec[] => [
  subscriptionField(),
  { id: 'galleryId', label: l10n.t('Gallery'), section: 'basics', type: 'picker', source: 'galleries', required: true, emptyLabel: l10n.t('Choose a gallery') },
  { id: 'applicationId', label: l10n.t('VM application'), section: 'basics', type: 'picker', source: 'applications', required: true, emptyLabel: l10n.t('Choose a VM application') },
  { id: 'name', label: l10n.t('Version'), section: 'basics', type: 'text', required: true, help: l10n.t('Major.Minor.Patch, e.g. 1.0.0 or 2026.11.22.'), placeholder: '1.0.0' },
  locationField(l10n.t('The source region: always a target region.')),
  {
    id: 'mediaLink',
    label: l10n.t('Package URL'),
    section: 'package',
    type: 'text',
    secret: true,
    required: true,
    help: l10n.t('The https URL of a readable storage blob, with a SAS token if the container is private. Once typed, its query is hidden and never logged.'),
    placeholder: 'https://account.blob.core.windows.net/packages/app.zip?sv=…',
  },
  {
    id: 'defaultConfigurationLink',
    label: l10n.t('Default configuration URL'),
    section: 'package',
    type: 'text',
    secret: true,
    help: l10n.t('Optional: a configuration file downloaded next to the package. Its query is hidden too.'),
    placeholder: 'https://account.blob.core.windows.net/packages/app.config?sv=…',
  },
  { id: 'packageFileName', label: l10n.t('Package file name'), section: 'package', type: 'text', help: l10n.t('Name of the downloaded package on the VM; the application\'s name when empty.') },
  { id: 'configFileName', label: l10n.t('Configuration file name'), section: 'package', type: 'text', help: l10n.t('Name of the downloaded configuration on the VM; the application\'s name with "_config" when empty.') },
  { id: 'install', label: l10n.t('Install command'), section: 'manage', type: 'textarea', required: true, help: l10n.t('Up to {0} characters.', APPLICATION_TEXT_MAX_LENGTH) },
  { id: 'remove', label: l10n.t('Remove command'), section: 'manage', type: 'textarea', required: true, help: l10n.t('Up to {0} characters.', APPLICATION_TEXT_MAX_LENGTH) },
  {
    id: 'update',
    label: l10n.t('Update command'),
    section: 'manage',
    type: 'textarea',
    help: l10n.t('Optional, up to {0} characters. Without it an update removes the previous version and installs this one.', APPLICATION_TEXT_MAX_LENGTH),
  },
  {
    id: 'scriptBehaviorAfterReboot',
    label: l10n.t('After a reboot during install'),
    section: 'manage',
    type: 'select',
    choices: [
      { value: '', label: l10n.t('Not set') },
      ...SCRIPT_BEHAVIORS_AFTER_REBOOT.map((b) => ({ value: b, label: b === 'Rerun' ? l10n.t('Rerun the script') : l10n.t('Do nothing (None)') })),
    ],
  },
  { id: 'enableHealthCheck', label: l10n.t('Application reports health'), section: 'manage', type: 'checkbox' },
  targetRegionsField(l10n.t('Where the version is replicated. Must include the source region.')),
  replicaCountField(),
  storageAccountTypeField(),
  excludeFromLatestField(),
  endOfLifeField(),
  allowDeletionOfReplicatedLocationsField(),
  ...customActionFields('customActions'),
  tagsField(),
];

const fields = (): readonly FieldSpec[] => rawFields().map((f) => (updatable.has(f.id) ? f : { ...f, immutable: true }));

function publishingProfile(values: FormValues, mode: FormMode): JsonObject {
  const regions: Json[] = filledRows(values, 'targetRegions').map(({ row }) => targetRegionBody(row));
  return compact({
    source: compact({ mediaLink: text(values, 'mediaLink'), defaultConfigurationLink: text(values, 'defaultConfigurationLink') || undefined }),
    manageActions: compact({ install: text(values, 'install'), remove: text(values, 'remove'), update: text(values, 'update') || undefined }),
    settings: compactOrUndefined({
      packageFileName: text(values, 'packageFileName') || undefined,
      configFileName: text(values, 'configFileName') || undefined,
      scriptBehaviorAfterReboot: text(values, 'scriptBehaviorAfterReboot') || undefined,
    }),
    enableHealthCheck: flag(values, 'enableHealthCheck') || undefined,
    customActions: customActionsBody(values),
    ...publishingCommon(values, regions),
    storageAccountType: mode === 'create' ? text(values, 'storageAccountType') || undefined : undefined,
  });
}

function body(values: FormValues, mode: FormMode, context?: ValidationContext): JsonObject {
  const tags = tagsObject(values);
  if (mode === 'update') {
    return compact({
      properties: compact({
        publishingProfile: publishingProfile(values, mode),
        safetyProfile: compactOrUndefined({ allowDeletionOfReplicatedLocations: changedFlag(values, 'allowDeletionOfReplicatedLocations', context) }),
      }),
      tags: tags ?? {},
    });
  }
  return compact({
    location: text(values, 'location'),
    tags,
    properties: compact({
      publishingProfile: publishingProfile(values, mode),
      safetyProfile: compactOrUndefined({ allowDeletionOfReplicatedLocations: flag(values, 'allowDeletionOfReplicatedLocations') || undefined }),
    }),
  });
}

function linkProblem(value: string, required: boolean): string | undefined {
  switch (packageLinkRefusal(value, required)) {
    case undefined:
      return undefined;
    case 'missing':
      return l10n.t('Enter the https URL of the package blob.');
    case 'redacted':
      return l10n.t('The SAS token of this URL is hidden and cannot be edited: paste the whole URL again.');
    case 'notHttps':
      return l10n.t('The URL starts with https://.');
    case 'notAUrl':
      return l10n.t('Enter a URL such as https://account.blob.core.windows.net/packages/app.zip?sv=….');
  }
}

function lengthProblem(value: string, required: boolean): string | undefined {
  const refusal = commandRefusal(value, required);
  if (refusal?.reason === 'missing') {
    return l10n.t('Azure requires this command.');
  }
  return refusal?.reason === 'tooLong' ? l10n.t('{0} characters: Azure takes at most {1}.', refusal.length, refusal.max) : undefined;
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
  if (parseComputeResourceId(text(values, 'applicationId'))?.kind !== 'application') {
    put(errors, 'applicationId', l10n.t('Choose the VM application the version belongs to.'));
  }
  const name = text(values, 'name');
  put(errors, 'name', versionNameProblem(name));
  if (mode === 'create' && nameTaken(name, context)) {
    put(errors, 'name', l10n.t('Version {0} already exists in this VM application.', name));
  }
  if (!text(values, 'location')) {
    put(errors, 'location', l10n.t('Choose the location (the source region).'));
  }
  put(errors, 'mediaLink', linkProblem(text(values, 'mediaLink'), true));
  put(errors, 'defaultConfigurationLink', linkProblem(text(values, 'defaultConfigurationLink'), false));
  for (const id of ['install', 'remove'] as const) {
    put(errors, id, lengthProblem(text(values, id), true));
  }
  for (const id of ['update', 'packageFileName', 'configFileName'] as const) {
    put(errors, id, lengthProblem(text(values, id), false));
  }
  validateTargetRegions(values, mode, errors, context);
  validateEndOfLife(values, mode, errors, context);
  validateCustomActions(values, errors);
  Object.assign(errors, tagProblems(values));
  return errors;
}

const TARGETS: ReadonlyArray<[RegExp, string]> = [
  [/galleryApplicationVersionName|^name$/i, 'name'],
  [/mediaLink/i, 'mediaLink'],
  [/defaultConfigurationLink/i, 'defaultConfigurationLink'],
  [/manageActions\.install/i, 'install'],
  [/manageActions\.remove|manageActions$/i, 'remove'],
  [/manageActions\.update/i, 'update'],
  [/packageFileName/i, 'packageFileName'],
  [/configFileName/i, 'configFileName'],
  [/scriptBehaviorAfterReboot/i, 'scriptBehaviorAfterReboot'],
  [/customActions/i, 'customActions'],
  ...VERSION_TARGETS,
  [/location/i, 'location'],
];

export const applicationVersionForm: FormDefinition = {
  kind: 'applicationVersion',
  get noun() {
    return l10n.t('VM application version');
  },
  get sections() {
    return [
      { id: 'basics', title: l10n.t('Basics') },
      { id: 'package', title: l10n.t('Package') },
      { id: 'manage', title: l10n.t('Install, remove and update') },
      { id: 'replication', title: l10n.t('Replication') },
      { id: 'publishing', title: l10n.t('Publishing') },
      { id: 'safety', title: l10n.t('Deletion safety') },
      { id: 'customActions', title: l10n.t('Custom actions') },
      { id: 'tags', title: l10n.t('Tags') },
    ];
  },
  get fields() {
    return fields();
  },

  defaults(): FormValues {
    return {
      ...emptyValues(fields()),
      storageAccountType: 'Standard_LRS',
      replicaCount: '1',
      targetRegions: [{ name: '', replicas: '1', storageAccountType: 'Standard_LRS' }],
    };
  },

  validate,

  target(values: FormValues, mode: FormMode) {
    const application = parseComputeResourceId(text(values, 'applicationId'));
    const name = text(values, 'name');
    if (application?.kind !== 'application' || versionNameProblem(name)) {
      return undefined;
    }
    return { method: mode === 'create' ? 'PUT' : 'PATCH', id: applicationVersionId(application, name).id, apiVersion: GALLERY_API_VERSION, subscriptionId: application.subscriptionId };
  },

  requestBody: (values, mode, context) => body(values, mode, context),

  templateResource(values: FormValues) {
    const application = parseComputeResourceId(text(values, 'applicationId'));
    const prefix = application?.kind === 'application' ? `${application.gallery}/${application.application}` : '<gallery>/<application>';
    return templateResource('Microsoft.Compute/galleries/applications/versions', GALLERY_API_VERSION, `${prefix}/${text(values, 'name')}`, body(values, 'create'));
  },

  fromResource(resource: JsonObject): FormValues {
    const id = parseComputeResourceId(stringAt(resource, 'id'));
    const p = objectAt(resource, 'properties') ?? {};
    const pp = objectAt(p, 'publishingProfile') ?? {};
    const applicationIdText = id?.kind === 'applicationVersion' ? id.id.split('/').slice(0, -2).join('/') : '';
    return {
      ...applicationVersionForm.defaults(),
      subscriptionId: id?.subscriptionId ?? '',
      galleryId: applicationIdText.split('/').slice(0, -2).join('/'),
      applicationId: applicationIdText,
      name: id?.kind === 'applicationVersion' ? id.version : stringAt(resource, 'name'),
      location: stringAt(resource, 'location'),
      mediaLink: stringAt(pp, 'source', 'mediaLink'),
      defaultConfigurationLink: stringAt(pp, 'source', 'defaultConfigurationLink'),
      packageFileName: stringAt(pp, 'settings', 'packageFileName'),
      configFileName: stringAt(pp, 'settings', 'configFileName'),
      scriptBehaviorAfterReboot: stringAt(pp, 'settings', 'scriptBehaviorAfterReboot'),
      install: stringAt(pp, 'manageActions', 'install'),
      remove: stringAt(pp, 'manageActions', 'remove'),
      update: stringAt(pp, 'manageActions', 'update'),
      enableHealthCheck: boolAt(pp, 'enableHealthCheck'),
      targetRegions: targetRegionRows(p),
      ...versionValues(p),
      ...customActionValues(pp),
      tags: tagRows(resource),
    };
  },

  fieldForArmTarget(target: string) {
    return TARGETS.find(([re]) => re.test(target))?.[1];
  },

  adjust(values: FormValues, changed: string, context: ValidationContext): FormValues {
    let next = values;
    if (changed === 'applicationId' && !text(values, 'location')) {
      const region = context.options?.applications?.find((o) => o.value.toLowerCase() === text(values, 'applicationId').toLowerCase())?.facts?.location;
      if (region) {
        next = { ...values, location: region };
      }
    }
    return locationAsFirstRegion(next);
  },
};
