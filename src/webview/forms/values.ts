/**
 * Reading form values and ARM JSON safely. Pure, shared by host and webview.
 */
import type { FieldSpec, FieldValue, FormValues, Json, JsonObject, TableRow } from './formTypes';

/** The trimmed text of a field ('' when missing or not text). */
export function text(values: FormValues, id: string): string {
  const v = values[id];
  return typeof v === 'string' ? v.trim() : '';
}

export function flag(values: FormValues, id: string): boolean {
  return values[id] === true;
}

export function isRows(value: FieldValue | undefined): value is readonly TableRow[] {
  return value !== undefined && typeof value !== 'string' && typeof value !== 'boolean';
}

export function rows(values: FormValues, id: string): readonly TableRow[] {
  const v = values[id];
  return isRows(v) ? v : [];
}

export function cell(row: TableRow, column: string): string {
  const v = row[column];
  return typeof v === 'string' ? v.trim() : '';
}

/** The rows of a table that have anything typed in them (an empty trailing row is ignored). */
export function filledRows(values: FormValues, id: string): Array<{ row: TableRow; index: number }> {
  return rows(values, id)
    .map((row, index) => ({ row, index }))
    .filter(({ row }) => Object.values(row).some((v) => typeof v === 'string' && v.trim() !== ''));
}

/** "Standard_LRS,Premium_LRS" → ['Standard_LRS', 'Premium_LRS']. */
export function list(values: FormValues, id: string): string[] {
  return text(values, id)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function objectAt(value: unknown, ...path: string[]): JsonObject | undefined {
  let current: unknown = value;
  for (const key of path) {
    if (!isJsonObject(current)) {
      return undefined;
    }
    current = current[key];
  }
  return isJsonObject(current) ? current : undefined;
}

export function stringAt(value: unknown, ...path: string[]): string {
  const parent = objectAt(value, ...path.slice(0, -1));
  const v = path.length === 0 ? value : parent?.[path[path.length - 1]];
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';
}

export function arrayAt(value: unknown, ...path: string[]): Json[] {
  const parent = objectAt(value, ...path.slice(0, -1));
  const v = parent?.[path[path.length - 1]];
  return Array.isArray(v) ? v : [];
}

export function boolAt(value: unknown, ...path: string[]): boolean {
  const parent = objectAt(value, ...path.slice(0, -1));
  return parent?.[path[path.length - 1]] === true;
}

/** Tags of a resource as table rows. */
export function tagRows(resource: JsonObject): TableRow[] {
  const tags = objectAt(resource, 'tags');
  return tags ? Object.entries(tags).map(([key, value]) => ({ key, value: typeof value === 'string' ? value : JSON.stringify(value) })) : [];
}

/** Table rows of tags → ARM's tags object (undefined when there are none). */
export function tagsObject(values: FormValues, id = 'tags'): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  for (const { row } of filledRows(values, id)) {
    const key = cell(row, 'key');
    if (key) {
      out[key] = cell(row, 'value');
    }
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** Drops undefined members so that the JSON shown is exactly the JSON sent. */
export function compact(entries: Record<string, Json | undefined>): JsonObject {
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(entries)) {
    if (value !== undefined) {
      out[key] = value;
    }
  }
  return out;
}

/** compact(), or undefined when nothing is left. */
export function compactOrUndefined(entries: Record<string, Json | undefined>): JsonObject | undefined {
  const out = compact(entries);
  return Object.keys(out).length > 0 ? out : undefined;
}

/** A date typed as YYYY-MM-DD → the ISO timestamp ARM gets (midnight UTC), as the SDK serialises it. */
export function isoDate(day: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) {
    return undefined;
  }
  const d = new Date(`${day}T00:00:00.000Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== day ? undefined : d.toISOString();
}

/** ARM's date-time → YYYY-MM-DD for a date field. */
export function dayOf(value: string): string {
  const d = new Date(value);
  return value && !Number.isNaN(d.getTime()) ? d.toISOString().slice(0, 10) : '';
}

export function intOrUndefined(value: string): number | undefined {
  return /^-?\d+$/.test(value) ? Number(value) : undefined;
}

/** The last segment of an ARM id ("…/virtualMachines/vm1" → "vm1"). */
export function lastSegment(id: string): string {
  return id.split('/').filter(Boolean).pop() ?? id;
}

/** Region names compare without spaces and case ("East US" = "eastus"). */
export { sameRegion } from '../../domain/regions';

/** Every field of a form, empty: no rows in tables, unticked checkboxes, '' elsewhere. */
export function emptyValues(fields: readonly FieldSpec[]): Record<string, FieldValue> {
  const values: Record<string, FieldValue> = {};
  for (const f of fields) {
    values[f.id] = f.type === 'table' ? [] : f.type === 'checkbox' ? false : '';
  }
  return values;
}
