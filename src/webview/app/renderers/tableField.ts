/**
 * A table of rows (target regions, data disks, tags): one control per visible column, a Remove button per row,
 * an Add button, and the errors of its cells listed under it ("Row 2, Region: …"). In update mode, the
 * immutable cells of rows that existed are locked.
 */
import * as l10n from '@vscode/l10n';
import { isFieldLocked } from '../../../domain/fieldVisibility';
import type { TableColumn, TableField, TableRow } from '../../forms/formTypes';
import { isRows } from '../../forms/values';
import { domId, h } from '../dom';
import { choiceOptions, fieldParts } from './fieldParts';
import type { FieldRenderContext } from './fieldParts';
import { renderPicker } from './pickerField';

export function renderTableField(field: TableField, ctx: FieldRenderContext): HTMLElement {
  const { state, errors } = ctx;
  const { helpText } = fieldParts(field, ctx);
  const id = domId(field.id);
  const rows = state.rows(field.id);
  const locked = isFieldLocked(field, state.mode);
  const original = state.hostContext.original?.[field.id];
  const originalRows = isRows(original) ? original : [];
  const cellErrors = Object.entries(errors).filter(([k]) => k.startsWith(`${field.id}[`));
  const columns = field.columns.filter((c) => !c.hidden);
  const headers = h('tr', {}, ...columns.map((c) => h('th', { scope: 'col' }, c.label)), h('th', { scope: 'col' }, h('span', { className: 'visually-hidden' }, l10n.t('Actions'))));
  const body = rows.map((row, r) => {
    const key = field.columns[0].id;
    const existed = state.mode === 'update' && (row[key] ?? '') !== '' && originalRows.some((o) => (o[key] ?? '').toLowerCase() === (row[key] ?? '').toLowerCase());
    return h(
      'tr',
      {},
      ...columns.map((c) => h('td', {}, renderCell(field, c, row, r, ctx, locked || (existed && c.immutable === true)))),
      h('td', {}, locked ? null : h('button', { type: 'button', className: 'icon', 'data-action': 'remove-row', 'data-field': field.id, 'data-row': r, 'aria-label': l10n.t('Remove row {0} of {1}', r + 1, field.label) }, l10n.t('Remove'))),
    );
  });
  const canAdd = !locked && rows.length < (field.maxRows ?? 200);
  return h(
    'div',
    { className: 'field table-field', role: 'group', 'aria-labelledby': `${id}-label`, id },
    h('div', { className: 'table-label', id: `${id}-label` }, field.label),
    helpText ? h('div', { id: `${id}-help`, className: 'help' }, helpText) : null,
    rows.length > 0 ? h('table', { 'aria-labelledby': `${id}-label` }, h('thead', {}, headers), h('tbody', {}, ...body)) : h('div', { className: 'help' }, l10n.t('None.')),
    canAdd ? h('button', { type: 'button', 'data-action': 'add-row', 'data-field': field.id }, field.addLabel) : null,
    h(
      'div',
      { id: `${id}-error`, className: 'field-error', 'aria-live': 'polite' },
      errors[field.id] ?? '',
      cellErrors.length > 0
        ? h(
            'ul',
            {},
            ...cellErrors.map(([errorKey, message]) => {
              const m = /\[(\d+)\]\.(\w+)$/.exec(errorKey);
              const column = field.columns.find((c) => c.id === m?.[2]);
              return h('li', {}, m ? (column ? l10n.t('Row {0}, {1}: {2}', Number(m[1]) + 1, column.label, message) : l10n.t('Row {0}: {1}', Number(m[1]) + 1, message)) : message);
            }),
          )
        : null,
    ),
  );
}

function renderCell(field: TableField, column: TableColumn, row: TableRow, r: number, ctx: FieldRenderContext, locked: boolean): HTMLElement {
  const key = `${field.id}[${r}].${column.id}`;
  const id = domId(key);
  const value = row[column.id] ?? '';
  const error = ctx.errors[key];
  const attrs = {
    id,
    'data-field': field.id,
    'data-row': r,
    'data-col': column.id,
    'aria-invalid': error ? 'true' : undefined,
    'aria-describedby': `${domId(field.id)}-error`,
  };
  const label = h('label', { for: id, className: 'visually-hidden' }, l10n.t('{0}, row {1}', column.label, r + 1));
  let control: HTMLElement;
  if (column.type === 'select') {
    control = h('select', { ...attrs, disabled: locked }, ...choiceOptions(column.choices ?? [], value));
  } else if (column.type === 'picker' && column.source) {
    control = renderPicker(ctx.state, column.source, value, { ...attrs, disabled: locked }, column.emptyLabel, l10n.t('{0}, row {1}', column.label, r + 1), true);
  } else {
    control = h('input', { ...attrs, type: column.type === 'number' ? 'number' : 'text', value, readonly: locked, placeholder: column.placeholder, spellcheck: 'false', autocomplete: 'off' });
  }
  return h('div', { className: 'cell' }, label, control);
}
