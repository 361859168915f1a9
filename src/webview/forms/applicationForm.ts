/**
 * VM application definition form (Microsoft.Compute/galleries/applications): name, supported OS type (fixed once
 * created), description, EULA, privacy statement and release-note URIs, end of life, custom actions, tags. Names follow
 * the image-definition name rule (domain/names.ts).
 */
import * as l10n from '@vscode/l10n';
import { applicationId, parseComputeResourceId } from '../../azure/armId';
import type { FieldSpec, FormDefinition, FormMode, FormValues, JsonObject, ValidationContext } from './formTypes';
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
import { customActionFields, customActionsBody, customActionValues, validateCustomActions } from './customActionFields';
import { entityNameProblem, nameTaken, put } from './fieldRules';
import { compact, dayOf, emptyValues, isoDate, objectAt, stringAt, tagRows, tagsObject, text } from './values';

const updatable = new Set(['description', 'eula', 'privacyStatementUri', 'releaseNoteUri', 'endOfLifeDate', 'customActions', 'customActionParameters', 'tags']);

const what = (): string => l10n.t('a VM application');

const rawFields = (): readonly FieldSpec[] => [
  subscriptionField(),
  { id: 'galleryId', label: l10n.t('Gallery'), section: 'basics', type: 'picker', source: 'galleries', required: true, emptyLabel: l10n.t('Choose a gallery') },
  {
    id: 'name',
    label: l10n.t('VM application name'),
    section: 'basics',
    type: 'text',
    required: true,
    help: l10n.t('Letters, digits, underscores, hyphens and periods; starts with a letter or digit.'),
    placeholder: 'monitoring-agent',
  },
  locationField(l10n.t('Usually the gallery\'s location.')),
  {
    id: 'supportedOSType',
    label: l10n.t('Supported OS type'),
    section: 'basics',
    type: 'select',
    required: true,
    help: l10n.t('Fixed once the application exists.'),
    choices: [
      { value: 'Windows', label: l10n.t('Windows') },
      { value: 'Linux', label: l10n.t('Linux') },
    ],
  },
  { id: 'description', label: l10n.t('Description'), section: 'basics', type: 'textarea' },
  endOfLifeField(),
  ...publishingLinkFields(),
  ...customActionFields('customActions'),
  tagsField(),
];

const fields = (): readonly FieldSpec[] => rawFields().map((f) => (updatable.has(f.id) ? f : { ...f, immutable: true }));

function body(values: FormValues, mode: FormMode): JsonObject {
  const tags = tagsObject(values);
  const properties = compact({
    // An update sends it unchanged: the API requires it and it cannot change.
    supportedOSType: text(values, 'supportedOSType'),
    description: mode === 'update' ? text(values, 'description') : text(values, 'description') || undefined,
    ...publishingLinksBody(values),
    endOfLifeDate: isoDate(text(values, 'endOfLifeDate')),
    // An update sends the complete list: an empty one removes them all.
    customActions: customActionsBody(values) ?? (mode === 'update' ? [] : undefined),
  });
  return mode === 'update' ? { properties, tags: tags ?? {} } : compact({ location: text(values, 'location'), tags, properties });
}

function validate(values: FormValues, mode: FormMode, context: ValidationContext): Record<string, string> {
  const errors: Record<string, string> = {};
  validateResourceIds(fields(), values, mode, errors);
  if (!text(values, 'subscriptionId')) {
    put(errors, 'subscriptionId', l10n.t('Choose a subscription.'));
  }
  if (parseComputeResourceId(text(values, 'galleryId'))?.kind !== 'gallery') {
    put(errors, 'galleryId', l10n.t('Choose the gallery the VM application goes in.'));
  }
  const name = text(values, 'name');
  put(errors, 'name', entityNameProblem(name, what()));
  if (mode === 'create' && nameTaken(name, context)) {
    put(errors, 'name', l10n.t('The gallery already has a VM application named "{0}".', name));
  }
  validateLocationAndTags(values, errors);
  if (!['Windows', 'Linux'].includes(text(values, 'supportedOSType'))) {
    put(errors, 'supportedOSType', l10n.t('Choose Windows or Linux.'));
  }
  validateEndOfLife(values, mode, errors, context);
  validatePublishingLinks(values, errors);
  validateCustomActions(values, errors);
  return errors;
}

const TARGETS: ReadonlyArray<[RegExp, string]> = [
  [/galleryApplicationName|^name$/i, 'name'],
  [/supportedOSType/i, 'supportedOSType'],
  [/endOfLifeDate/i, 'endOfLifeDate'],
  ...PUBLISHING_LINK_TARGETS,
  [/customActions/i, 'customActions'],
  [/location/i, 'location'],
];

export const applicationForm: FormDefinition = {
  kind: 'application',
  get noun() {
    return l10n.t('VM application');
  },
  get sections() {
    return [
      { id: 'basics', title: l10n.t('Basics') },
      { id: 'publishing', title: l10n.t('Publishing') },
      { id: 'customActions', title: l10n.t('Custom actions') },
      { id: 'tags', title: l10n.t('Tags') },
    ];
  },
  get fields() {
    return fields();
  },

  defaults(): FormValues {
    return { ...emptyValues(fields()), supportedOSType: 'Linux' };
  },

  validate,

  target(values: FormValues, mode: FormMode) {
    const gallery = parseComputeResourceId(text(values, 'galleryId'));
    const name = text(values, 'name');
    if (gallery?.kind !== 'gallery' || entityNameProblem(name, what())) {
      return undefined;
    }
    return { method: mode === 'create' ? 'PUT' : 'PATCH', id: applicationId(gallery, name).id, apiVersion: GALLERY_API_VERSION, subscriptionId: gallery.subscriptionId };
  },

  requestBody: (values, mode) => body(values, mode),

  templateResource(values: FormValues) {
    const gallery = parseComputeResourceId(text(values, 'galleryId'));
    const galleryName = gallery?.kind === 'gallery' ? gallery.gallery : '<gallery>';
    return templateResource('Microsoft.Compute/galleries/applications', GALLERY_API_VERSION, `${galleryName}/${text(values, 'name')}`, body(values, 'create'));
  },

  fromResource(resource: JsonObject): FormValues {
    const id = parseComputeResourceId(stringAt(resource, 'id'));
    const p = objectAt(resource, 'properties') ?? {};
    return {
      ...applicationForm.defaults(),
      subscriptionId: id?.subscriptionId ?? '',
      galleryId: id?.kind === 'application' ? id.id.split('/').slice(0, -2).join('/') : '',
      name: id?.kind === 'application' ? id.application : stringAt(resource, 'name'),
      location: stringAt(resource, 'location'),
      supportedOSType: stringAt(p, 'supportedOSType'),
      description: stringAt(p, 'description'),
      ...publishingLinkValues(p),
      endOfLifeDate: dayOf(stringAt(p, 'endOfLifeDate')),
      ...customActionValues(p),
      tags: tagRows(resource),
    };
  },

  fieldForArmTarget(target: string) {
    return TARGETS.find(([re]) => re.test(target))?.[1];
  },

  adjust(values: FormValues, changed: string, context: ValidationContext): FormValues {
    // An application usually lives where its gallery is.
    if (changed === 'galleryId' && !text(values, 'location')) {
      const region = context.options?.galleries?.find((o) => o.value.toLowerCase() === text(values, 'galleryId').toLowerCase())?.facts?.location;
      return region ? { ...values, location: region } : values;
    }
    return values;
  },
};
