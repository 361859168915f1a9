/** A drop-down of fixed choices; the chosen choice's description joins the help. */
import type { SelectField } from '../../forms/formTypes';
import { text } from '../../forms/values';
import { h } from '../dom';
import { choiceOptions, fieldFrame, fieldParts } from './fieldParts';
import type { FieldRenderContext } from './fieldParts';

export function renderSelectField(field: SelectField, ctx: FieldRenderContext): HTMLElement {
  const parts = fieldParts(field, ctx);
  const control = h('select', { ...parts.common, disabled: parts.locked }, ...choiceOptions(field.choices, text(ctx.state.values, field.id)));
  return fieldFrame(parts, control);
}
