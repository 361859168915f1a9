/** A single checkbox, its label after it. */
import type { CheckboxField } from '../../forms/formTypes';
import { h } from '../dom';
import { fieldParts } from './fieldParts';
import type { FieldRenderContext } from './fieldParts';

export function renderCheckboxField(field: CheckboxField, ctx: FieldRenderContext): HTMLElement {
  const parts = fieldParts(field, ctx);
  return h(
    'div',
    { className: 'field checkbox' },
    h('input', { ...parts.common, type: 'checkbox', checked: ctx.state.values[field.id] === true, disabled: parts.locked }),
    parts.label,
    parts.helpEl,
    parts.warningEl,
    parts.errorEl,
  );
}
