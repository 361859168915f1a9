/**
 * Fields and checks several forms share: subscription, resource group (pick or create), location, tags.
 */
import * as l10n from '@vscode/l10n';
import { armIdProblem } from '../../azure/armId';
import { isFieldShown } from '../../domain/fieldVisibility';
import type { FieldSpec, FormMode, FormValues, JsonObject, TableField, ValidationContext } from './formTypes';
import { futureDateProblem, put, resourceGroupNameProblem, tagProblems, urlProblem } from './fieldRules';
import { isRows, stringAt, text } from './values';

/** api-versions @azure/arm-compute 25.x sends (README "Azure API versions"). */
export const GALLERY_API_VERSION = '2025-12-03';
export const IMAGES_API_VERSION = '2026-04-01';

/** A function, not a constant: its labels are translated when a form is built (after l10n.config), not at import. */
export const subscriptionField = (): FieldSpec => ({
  id: 'subscriptionId',
  label: l10n.t('Subscription'),
  section: 'basics',
  type: 'picker',
  source: 'subscriptions',
  required: true,
  immutable: true,
  emptyLabel: l10n.t('Choose a subscription'),
});

export const resourceGroupFields = (): readonly FieldSpec[] => [
  {
    id: 'resourceGroupMode',
    label: l10n.t('Resource group'),
    section: 'basics',
    type: 'radio',
    onlyIn: 'create',
    choices: [
      { value: 'existing', label: l10n.t('Use existing') },
      { value: 'new', label: l10n.t('Create new') },
    ],
  },
  {
    id: 'resourceGroup',
    label: l10n.t('Existing resource group'),
    section: 'basics',
    type: 'picker',
    source: 'resourceGroups',
    required: true,
    immutable: true,
    emptyLabel: l10n.t('Choose a resource group'),
    visibleWhen: (v, mode) => mode === 'update' || text(v, 'resourceGroupMode') !== 'new',
  },
  {
    id: 'newResourceGroup',
    label: l10n.t('New resource group name'),
    section: 'basics',
    type: 'text',
    required: true,
    onlyIn: 'create',
    help: l10n.t('Created in the location below, before the resource.'),
    visibleWhen: (v) => text(v, 'resourceGroupMode') === 'new',
  },
];

export function locationField(help?: string): FieldSpec {
  return {
    id: 'location',
    label: l10n.t('Location'),
    section: 'basics',
    type: 'picker',
    source: 'locations',
    required: true,
    immutable: true,
    emptyLabel: l10n.t('Choose a region'),
    ...(help ? { help } : {}),
  };
}

export const tagsField = (): TableField => ({
  id: 'tags',
  label: l10n.t('Tags'),
  section: 'tags',
  type: 'table',
  addLabel: l10n.t('Add tag'),
  maxRows: 50,
  columns: [
    { id: 'key', label: l10n.t('Name'), type: 'text' },
    { id: 'value', label: l10n.t('Value'), type: 'text' },
  ],
});

/** The resource group the resource goes to: the existing one chosen, or the new name. */
export function resourceGroupOf(values: FormValues, mode: FormMode): string {
  return mode === 'create' && text(values, 'resourceGroupMode') === 'new' ? text(values, 'newResourceGroup') : text(values, 'resourceGroup');
}

/** Azure subscription IDs are GUIDs; anything else would end up in a request URL. */
export function subscriptionIdProblem(value: string): string | undefined {
  if (!value) {
    return l10n.t('Choose a subscription.');
  }
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)
    ? undefined
    : l10n.t('A subscription ID looks like 00000000-0000-0000-0000-000000000000.');
}

export function validateSubscriptionAndGroup(values: FormValues, mode: FormMode, errors: Record<string, string>): void {
  put(errors, 'subscriptionId', subscriptionIdProblem(text(values, 'subscriptionId')));
  if (mode === 'create' && text(values, 'resourceGroupMode') === 'new') {
    put(errors, 'newResourceGroup', resourceGroupNameProblem(text(values, 'newResourceGroup')));
  } else if (!text(values, 'resourceGroup')) {
    put(errors, 'resourceGroup', l10n.t('Choose a resource group.'));
  } else {
    // Typed when the list could not be read: ".." would send the request somewhere else.
    put(errors, 'resourceGroup', resourceGroupNameProblem(text(values, 'resourceGroup')));
  }
}

const holdsResourceId = (key: string): boolean => key !== 'subscriptionId' && key.endsWith('Id');

/**
 * Resource IDs in the form (fields and table cells named `…Id`: the gallery, the source, encryption sets …) that
 * must never be sent: malformed %-escapes, "." or ".." segments (see armIdProblem). Only visible fields count.
 */
export function validateResourceIds(fields: readonly FieldSpec[], values: FormValues, mode: FormMode, errors: Record<string, string>): void {
  for (const field of fields) {
    if (!isFieldShown(field, mode, values)) {
      continue;
    }
    const value = values[field.id];
    if (typeof value === 'string' && value && holdsResourceId(field.id)) {
      put(errors, field.id, armIdProblem(value));
    } else if (field.type === 'table' && isRows(value)) {
      value.forEach((row, r) => {
        for (const column of field.columns) {
          const cellValue = row[column.id] ?? '';
          if (cellValue && holdsResourceId(column.id)) {
            put(errors, `${field.id}[${r}].${column.id}`, armIdProblem(cellValue));
          }
        }
      });
    }
  }
}

export function validateLocationAndTags(values: FormValues, errors: Record<string, string>): void {
  if (!text(values, 'location')) {
    put(errors, 'location', l10n.t('Choose a location.'));
  }
  Object.assign(errors, tagProblems(values));
}

/** The location as a picker option label ("East US") when known, for messages. */
export function regionLabel(name: string, context: ValidationContext): string {
  return context.options?.locations?.find((o) => o.value.toLowerCase() === name.toLowerCase())?.label ?? name;
}

/** An ARM template resource: `name` is the full nested name ("gallery/definition/1.0.0"). */
export function templateResource(type: string, apiVersion: string, name: string, body: JsonObject): JsonObject {
  return { type, apiVersion, name, ...body };
}

/** End of life: of image definitions and versions, VM applications and their versions. */
export const endOfLifeField = (): FieldSpec => ({ id: 'endOfLifeDate', label: l10n.t('End-of-life date'), section: 'publishing', type: 'date', help: l10n.t('Informational: VMs can still be created after it.') });

/** An end-of-life date: in the future when set or changed; once set, Azure cannot remove it. */
export function validateEndOfLife(values: FormValues, mode: FormMode, errors: Record<string, string>, context: ValidationContext): void {
  const eol = text(values, 'endOfLifeDate');
  const originalEol = context.original ? text(context.original, 'endOfLifeDate') : '';
  if (mode === 'update' && originalEol && !eol) {
    put(errors, 'endOfLifeDate', l10n.t('Azure cannot remove an end-of-life date: set another date instead.'));
  } else if (mode === 'create' || eol !== originalEol) {
    put(errors, 'endOfLifeDate', futureDateProblem(eol, context.now));
  }
}

/** The EULA, privacy statement and release-note links of an image definition or a VM application ('publishing'). */
export const publishingLinkFields = (): readonly FieldSpec[] => [
  { id: 'eula', label: l10n.t('EULA'), section: 'publishing', type: 'textarea' },
  { id: 'privacyStatementUri', label: l10n.t('Privacy statement URI'), section: 'publishing', type: 'text', placeholder: 'https://' },
  { id: 'releaseNoteUri', label: l10n.t('Release notes URI'), section: 'publishing', type: 'text', placeholder: 'https://' },
];

/** Their request body properties: an empty field is left out. */
export function publishingLinksBody(values: FormValues): { eula?: string; privacyStatementUri?: string; releaseNoteUri?: string } {
  return {
    eula: text(values, 'eula') || undefined,
    privacyStatementUri: text(values, 'privacyStatementUri') || undefined,
    releaseNoteUri: text(values, 'releaseNoteUri') || undefined,
  };
}

export function validatePublishingLinks(values: FormValues, errors: Record<string, string>): void {
  put(errors, 'privacyStatementUri', urlProblem(text(values, 'privacyStatementUri')));
  put(errors, 'releaseNoteUri', urlProblem(text(values, 'releaseNoteUri')));
}

/** ARM error targets that name them. */
export const PUBLISHING_LINK_TARGETS: ReadonlyArray<[RegExp, string]> = [
  [/privacyStatementUri/i, 'privacyStatementUri'],
  [/releaseNoteUri/i, 'releaseNoteUri'],
];

/** Their form values from the resource's `properties`. */
export function publishingLinkValues(properties: unknown): { eula: string; privacyStatementUri: string; releaseNoteUri: string } {
  return {
    eula: stringAt(properties, 'eula'),
    privacyStatementUri: stringAt(properties, 'privacyStatementUri'),
    releaseNoteUri: stringAt(properties, 'releaseNoteUri'),
  };
}
