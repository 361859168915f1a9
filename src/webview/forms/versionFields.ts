/**
 * The parts every gallery version form shares (image versions, VM application versions): target regions with replica
 * count and storage type, the default replica count, exclude from latest, "allow removing replicated regions", and the
 * checks and body pieces that go with them (end of life, which definitions have too, is in commonFields.ts). A form
 * adds its own columns and checks around them.
 */
import * as l10n from '@vscode/l10n';
import { refusedRegionRemovals } from '../../domain/deletionSafety';
import { normalizeRegion, sameRegion } from '../../domain/regions';
import type { Choice, FieldSpec, FormMode, FormValues, Json, JsonObject, TableColumn, TableField, TableRow, ValidationContext } from './formTypes';
import { regionLabel } from './commonFields';
import { intProblem, put } from './fieldRules';
import { arrayAt, boolAt, cell, compact, dayOf, filledRows, flag, intOrUndefined, isJsonObject, isoDate, stringAt, text } from './values';

export const STORAGE_TYPES: readonly Choice[] = [
  { value: 'Standard_LRS', label: 'Standard_LRS' },
  { value: 'Standard_ZRS', label: 'Standard_ZRS' },
  { value: 'Premium_LRS', label: 'Premium_LRS' },
  { value: 'PremiumV2_LRS', label: 'PremiumV2_LRS' },
];

/** What a version form may change after it was created (the rest is locked). */
export const VERSION_UPDATABLE: readonly string[] = ['targetRegions', 'replicaCount', 'excludeFromLatest', 'endOfLifeDate', 'allowDeletionOfReplicatedLocations', 'tags'];

/** Target regions: region, replicas, storage type, then the form's own columns. */
export function targetRegionsField(help: string, extraColumns: readonly TableColumn[] = []): TableField {
  return {
    id: 'targetRegions',
    label: l10n.t('Target regions'),
    section: 'replication',
    type: 'table',
    addLabel: l10n.t('Add region'),
    maxRows: 100,
    help,
    columns: [
      { id: 'name', label: l10n.t('Region'), type: 'picker', source: 'locations', emptyLabel: l10n.t('Choose'), immutable: true },
      { id: 'replicas', label: l10n.t('Replicas'), type: 'number' },
      { id: 'storageAccountType', label: l10n.t('Storage'), type: 'select', choices: STORAGE_TYPES, immutable: true },
      ...extraColumns,
    ],
    newRow: () => ({ replicas: '1', storageAccountType: 'Standard_LRS' }),
  };
}

export const replicaCountField = (): FieldSpec => ({
  id: 'replicaCount',
  label: l10n.t('Default replica count'),
  section: 'replication',
  type: 'number',
  help: l10n.t('For target regions without their own count.'),
});

export const storageAccountTypeField = (): FieldSpec => ({ id: 'storageAccountType', label: l10n.t('Default storage account type'), section: 'replication', type: 'select', choices: STORAGE_TYPES });

export const excludeFromLatestField = (): FieldSpec => ({
  id: 'excludeFromLatest',
  label: l10n.t('Exclude from latest'),
  section: 'publishing',
  type: 'checkbox',
  help: l10n.t('VMs deployed from "latest" will not use this version.'),
});

export const allowDeletionOfReplicatedLocationsField = (): FieldSpec => ({
  id: 'allowDeletionOfReplicatedLocations',
  label: l10n.t('Allow removing replicated regions'),
  section: 'safety',
  type: 'checkbox',
  help: l10n.t('Without it Azure refuses an update that drops a region the version is already replicated to. Ticking it in the same edit that removes a region is enough.'),
});

/**
 * The target regions every version needs: at least one, each named once, 1–100 replicas, the version's location among
 * them, no replicated region dropped without "Allow removing replicated regions"; and the default replica count.
 * `row` adds a form's own checks of each row.
 */
export function validateTargetRegions(
  values: FormValues,
  mode: FormMode,
  errors: Record<string, string>,
  context: ValidationContext,
  row?: (row: TableRow, at: string, name: string) => void,
): void {
  const regions = filledRows(values, 'targetRegions');
  const location = text(values, 'location');
  if (regions.length === 0) {
    put(errors, 'targetRegions', l10n.t('Add at least one target region (the source region).'));
  }
  const seen = new Set<string>();
  for (const { row: r, index } of regions) {
    const at = `targetRegions[${index}]`;
    const name = cell(r, 'name');
    if (!name) {
      put(errors, `${at}.name`, l10n.t('Choose the region.'));
    } else if (seen.has(normalizeRegion(name))) {
      put(errors, `${at}.name`, l10n.t('{0} is listed twice.', regionLabel(name, context)));
    }
    seen.add(normalizeRegion(name));
    put(errors, `${at}.replicas`, intProblem(cell(r, 'replicas'), 1, 100));
    row?.(r, at, name);
  }
  if (location && regions.length > 0 && !regions.some(({ row: r }) => sameRegion(cell(r, 'name'), location))) {
    put(errors, 'targetRegions', l10n.t('The target regions must include the version\'s location, {0}.', regionLabel(location, context)));
  }
  if (mode === 'update' && context.original) {
    // The checkbox starts as the version's value; a change is sent with this update, and ARM applies it to it.
    const before = filledRows(context.original, 'targetRegions').map(({ row: r }) => cell(r, 'name'));
    const refused = refusedRegionRemovals(before, regions.map(({ row: r }) => cell(r, 'name')), flag(values, 'allowDeletionOfReplicatedLocations'));
    if (refused.length > 0) {
      const names = refused.map((d) => regionLabel(d, context)).join(', ');
      put(
        errors,
        'targetRegions',
        refused.length === 1
          ? l10n.t('{0} is already replicated and this version does not allow removing replicated regions, so Azure would refuse the update. Tick "Allow removing replicated regions" to remove it in this edit, or add it back.', names)
          : l10n.t('{0} are already replicated and this version does not allow removing replicated regions, so Azure would refuse the update. Tick "Allow removing replicated regions" to remove them in this edit, or add them back.', names),
      );
    }
  }
  put(errors, 'replicaCount', intProblem(text(values, 'replicaCount'), 1, 100));
}

/** A target region as sent: name, replicas, storage type, and what the form adds (e.g. encryption). */
export function targetRegionBody(row: TableRow, extra: Record<string, Json | undefined> = {}): JsonObject {
  return compact({
    name: cell(row, 'name'),
    regionalReplicaCount: intOrUndefined(cell(row, 'replicas')),
    storageAccountType: cell(row, 'storageAccountType') || undefined,
    ...extra,
  });
}

/** The publishing profile's shared part. Updating target regions sends the complete set: every row of the table. */
export function publishingCommon(values: FormValues, regions: readonly Json[]): Record<string, Json | undefined> {
  return {
    targetRegions: [...regions],
    replicaCount: intOrUndefined(text(values, 'replicaCount')),
    excludeFromLatest: flag(values, 'excludeFromLatest'),
    endOfLifeDate: isoDate(text(values, 'endOfLifeDate')),
  };
}

/** A safety flag for an update: sent when it differs from the resource's (or when that is unknown), else left out. */
export function changedFlag(values: FormValues, id: string, context: ValidationContext | undefined): boolean | undefined {
  const value = flag(values, id);
  return context?.original === undefined || flag(context.original, id) !== value ? value : undefined;
}

/** The target region rows of a version as ARM returns it; `extra` reads the form's own columns. */
export function targetRegionRows(properties: JsonObject, extra: (region: JsonObject) => Record<string, string> = () => ({})): TableRow[] {
  return arrayAt(properties, 'publishingProfile', 'targetRegions')
    .filter(isJsonObject)
    .map((r) => ({
      name: stringAt(r, 'name'),
      replicas: stringAt(r, 'regionalReplicaCount'),
      storageAccountType: stringAt(r, 'storageAccountType'),
      ...extra(r),
    }));
}

/** The shared values of a version as ARM returns it. */
export function versionValues(properties: JsonObject): Record<string, FormValues[string]> {
  return {
    replicaCount: stringAt(properties, 'publishingProfile', 'replicaCount'),
    storageAccountType: stringAt(properties, 'publishingProfile', 'storageAccountType'),
    excludeFromLatest: boolAt(properties, 'publishingProfile', 'excludeFromLatest'),
    endOfLifeDate: dayOf(stringAt(properties, 'publishingProfile', 'endOfLifeDate')),
    allowDeletionOfReplicatedLocations: boolAt(properties, 'safetyProfile', 'allowDeletionOfReplicatedLocations'),
  };
}

/** The version's location is always one of its target regions: fills the first empty row with it. */
export function locationAsFirstRegion(values: FormValues): FormValues {
  const location = text(values, 'location');
  const all = values.targetRegions;
  if (!location || !Array.isArray(all) || filledRows(values, 'targetRegions').some(({ row }) => cell(row, 'name') !== '')) {
    return values;
  }
  const existing = all as readonly TableRow[];
  const first = existing[0] ?? { replicas: '1', storageAccountType: 'Standard_LRS' };
  return { ...values, targetRegions: [{ ...first, name: location }, ...existing.slice(1)] };
}

/** ARM error targets every version form maps the same way. */
export const VERSION_TARGETS: ReadonlyArray<[RegExp, string]> = [
  [/targetRegions|publishing regions/i, 'targetRegions'],
  [/replicaCount/i, 'replicaCount'],
  [/endOfLifeDate/i, 'endOfLifeDate'],
  [/allowDeletionOfReplicatedLocations/i, 'allowDeletionOfReplicatedLocations'],
];
