/**
 * Keeps only what a form can hold: known fields with values of the right shape. A field that does not exist
 * in the mode keeps its default (or the resource's value); in update mode, every field the user cannot change
 * (locked, or not shown: src/domain/fieldVisibility.ts decides) is put back to the resource's value, whatever
 * the webview sent. Pure, shared.
 */
import { isFieldEditable, isFieldInMode, isFieldLocked } from '../../domain/fieldVisibility';
import type { FormDefinition, FormMode, FormValues, TableField, TableRow } from './formTypes';
import { cell, isRows } from './values';

function sanitizeRows(field: TableField, value: unknown): TableRow[] {
  if (!Array.isArray(value)) {
    return [];
  }
  const rows: TableRow[] = [];
  for (const raw of value.slice(0, field.maxRows ?? 200)) {
    if (typeof raw !== 'object' || raw === null) {
      continue;
    }
    const row: Record<string, string> = {};
    for (const column of field.columns) {
      const v = (raw as Record<string, unknown>)[column.id];
      row[column.id] = typeof v === 'string' ? v : '';
    }
    rows.push(row);
  }
  return rows;
}

/** The first column is the row's key ("name" of a region, "lun" of a disk). */
function keepImmutableCells(field: TableField, rows: TableRow[], original: readonly TableRow[]): TableRow[] {
  const immutable = field.columns.filter((c) => c.immutable);
  if (immutable.length === 0) {
    return rows;
  }
  const key = field.columns[0].id;
  return rows.map((row) => {
    const before = original.find((o) => cell(o, key).toLowerCase() === cell(row, key).toLowerCase() && cell(row, key) !== '');
    if (!before) {
      return row;
    }
    const fixed: Record<string, string> = { ...row };
    for (const c of immutable) {
      fixed[c.id] = cell(before, c.id);
    }
    return fixed;
  });
}

export function sanitizeValues(definition: FormDefinition, mode: FormMode, values: FormValues, original?: FormValues): FormValues {
  const base = definition.defaults();
  const out: Record<string, FormValues[string]> = {};
  for (const field of definition.fields) {
    if (!isFieldInMode(field, mode)) {
      out[field.id] = original?.[field.id] ?? base[field.id] ?? '';
      continue;
    }
    if (original !== undefined && isFieldLocked(field, mode)) {
      out[field.id] = original[field.id] ?? base[field.id] ?? '';
      continue;
    }
    const v = values[field.id];
    switch (field.type) {
      case 'checkbox':
        out[field.id] = v === true;
        break;
      case 'table': {
        const rows = sanitizeRows(field, v);
        const before = original?.[field.id];
        out[field.id] = mode === 'update' && isRows(before) ? keepImmutableCells(field, rows, before) : rows;
        break;
      }
      default:
        out[field.id] = typeof v === 'string' ? v : typeof base[field.id] === 'string' ? base[field.id] : '';
        break;
    }
  }
  if (mode === 'update' && original !== undefined) {
    // Shown or not is judged on the values held so far (locked fields are Azure's already), never on what the
    // webview claims: a hidden field cannot be revealed by sending the value that would show it.
    const held: FormValues = { ...out };
    for (const field of definition.fields) {
      if (!isFieldEditable(field, mode, held)) {
        out[field.id] = original[field.id] ?? base[field.id] ?? '';
      }
    }
  }
  return out;
}
