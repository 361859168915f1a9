/**
 * Gallery form (Microsoft.Compute/galleries): create, or change the description and tags.
 */
import * as l10n from '@vscode/l10n';
import { galleryId, parseComputeResourceId } from '../../azure/armId';
import { SOFT_DELETE_RETENTION_DAYS } from '../../domain/deletionSafety';
import type { FieldErrors, FieldSpec, FormDefinition, FormMode, FormValues, JsonObject, ValidationContext } from './formTypes';
import {
  GALLERY_API_VERSION,
  locationField,
  resourceGroupFields,
  resourceGroupOf,
  subscriptionField,
  tagsField,
  templateResource,
  validateLocationAndTags,
  validateSubscriptionAndGroup,
  validateResourceIds,
} from './commonFields';
import { galleryNameProblem, nameTaken, put } from './fieldRules';
import { boolAt, compact, compactOrUndefined, flag, stringAt, tagRows, tagsObject, text } from './values';

// A function, not a constant: the labels are translated when a form is built (after l10n.config), not at import.
const fields = (): readonly FieldSpec[] => [
  subscriptionField(),
  ...resourceGroupFields(),
  {
    id: 'name',
    label: l10n.t('Gallery name'),
    section: 'basics',
    type: 'text',
    required: true,
    immutable: true,
    help: l10n.t('Letters, digits, underscores and periods; no dashes. Unique in the subscription.'),
    placeholder: 'contoso_images',
  },
  locationField(),
  { id: 'description', label: l10n.t('Description'), section: 'basics', type: 'textarea' },
  {
    id: 'isSoftDeleteEnabled',
    label: l10n.t('Soft delete'),
    section: 'basics',
    type: 'checkbox',
    help: l10n.t("Deleted image versions can be restored for {0} days, then they are purged. A gallery or image definition that holds soft-deleted versions can't be deleted until they are purged.", SOFT_DELETE_RETENTION_DAYS),
  },
  tagsField(),
];

function body(values: FormValues, mode: FormMode, context?: ValidationContext): JsonObject {
  const description = text(values, 'description');
  const tags = tagsObject(values);
  if (mode === 'update') {
    // PATCH replaces tags as a whole: send {} to remove the last one. The soft-delete policy is sent when it changes
    // (or when the gallery's is unknown).
    const softDelete = flag(values, 'isSoftDeleteEnabled');
    const changed = context?.original === undefined || flag(context.original, 'isSoftDeleteEnabled') !== softDelete;
    return { properties: compact({ description, softDeletePolicy: changed ? { isSoftDeleteEnabled: softDelete } : undefined }), tags: tags ?? {} };
  }
  return compact({
    location: text(values, 'location'),
    tags,
    properties: compactOrUndefined({
      description: description || undefined,
      // Off is Azure's default: sent only when turned on.
      softDeletePolicy: flag(values, 'isSoftDeleteEnabled') ? { isSoftDeleteEnabled: true } : undefined,
    }),
  });
}

export const galleryForm: FormDefinition = {
  kind: 'gallery',
  get noun() {
    return l10n.t('gallery');
  },
  get sections() {
    return [
      { id: 'basics', title: l10n.t('Basics') },
      { id: 'tags', title: l10n.t('Tags') },
    ];
  },
  get fields() {
    return fields();
  },

  defaults(): FormValues {
    return { subscriptionId: '', resourceGroupMode: 'existing', resourceGroup: '', newResourceGroup: '', name: '', location: '', description: '', isSoftDeleteEnabled: false, tags: [] };
  },

  validate(values: FormValues, mode: FormMode, context: ValidationContext) {
    const errors: Record<string, string> = {};
    validateResourceIds(fields(), values, mode, errors);
    validateSubscriptionAndGroup(values, mode, errors);
    const name = text(values, 'name');
    put(errors, 'name', galleryNameProblem(name));
    if (mode === 'create' && nameTaken(name, context)) {
      put(errors, 'name', l10n.t('The subscription already has a gallery named "{0}" (gallery names are unique per subscription).', name));
    }
    validateLocationAndTags(values, errors);
    if (text(values, 'description').length > 4096) {
      put(errors, 'description', l10n.t('The description has at most 4,096 characters.'));
    }
    return errors;
  },

  warnings(values: FormValues, mode: FormMode, context: ValidationContext): FieldErrors {
    // Turning soft delete off is allowed and takes effect at once: say what the user gives up before they save.
    const turningOff = mode === 'update' && context.original !== undefined && flag(context.original, 'isSoftDeleteEnabled') && !flag(values, 'isSoftDeleteEnabled');
    return turningOff
      ? { isSoftDeleteEnabled: l10n.t('With soft delete off, image versions deleted from now on are deleted for good: they cannot be restored from "Recently deleted".') }
      : {};
  },

  target(values: FormValues, mode: FormMode) {
    const subscriptionId = text(values, 'subscriptionId');
    const resourceGroup = resourceGroupOf(values, mode);
    const name = text(values, 'name');
    if (!subscriptionId || !resourceGroup || galleryNameProblem(name)) {
      return undefined;
    }
    return { method: mode === 'create' ? 'PUT' : 'PATCH', id: galleryId(subscriptionId, resourceGroup, name).id, apiVersion: GALLERY_API_VERSION, subscriptionId };
  },

  requestBody: (values, mode, context) => body(values, mode, context),

  templateResource(values: FormValues) {
    return templateResource('Microsoft.Compute/galleries', GALLERY_API_VERSION, text(values, 'name'), body(values, 'create'));
  },

  fromResource(resource: JsonObject): FormValues {
    const id = parseComputeResourceId(stringAt(resource, 'id'));
    return {
      subscriptionId: id?.subscriptionId ?? '',
      resourceGroupMode: 'existing',
      resourceGroup: id?.resourceGroup ?? '',
      newResourceGroup: '',
      name: id?.kind === 'gallery' ? id.gallery : stringAt(resource, 'name'),
      location: stringAt(resource, 'location'),
      description: stringAt(resource, 'properties', 'description'),
      isSoftDeleteEnabled: boolAt(resource, 'properties', 'softDeletePolicy', 'isSoftDeleteEnabled'),
      tags: tagRows(resource),
    };
  },

  fieldForArmTarget(target: string) {
    if (/galleryName|^name$/i.test(target)) {
      return 'name';
    }
    if (/location/i.test(target)) {
      return 'location';
    }
    if (/softDelete/i.test(target)) {
      return 'isSoftDeleteEnabled';
    }
    if (/description/i.test(target)) {
      return 'description';
    }
    return undefined;
  },
};
