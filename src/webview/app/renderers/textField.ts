/** Text, date and number fields (an input) and the multi-line text field (a textarea). */
import type { TextField } from '../../forms/formTypes';
import { text } from '../../forms/values';
import { h } from '../dom';
import { fieldFrame, fieldParts } from './fieldParts';
import type { FieldRenderContext } from './fieldParts';

export function renderTextField(field: TextField, ctx: FieldRenderContext): HTMLElement {
  const parts = fieldParts(field, ctx);
  const value = text(ctx.state.values, field.id);
  const control =
    field.type === 'textarea'
      ? h('textarea', { ...parts.common, rows: 3, readonly: parts.locked, value })
      : h('input', { ...parts.common, type: field.type, value, placeholder: field.placeholder, readonly: parts.locked, spellcheck: 'false', autocomplete: 'off' });
  return fieldFrame(parts, control);
}
