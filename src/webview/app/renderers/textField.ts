/** Text, date and number fields (an input) and the multi-line text field (a textarea). */
import { hasHiddenPart, redactLink } from '../../../domain/applications';
import type { TextField } from '../../forms/formTypes';
import { text } from '../../forms/values';
import { h } from '../dom';
import { fieldFrame, fieldParts } from './fieldParts';
import type { FieldRenderContext } from './fieldParts';

export function renderTextField(field: TextField, ctx: FieldRenderContext): HTMLElement {
  const parts = fieldParts(field, ctx);
  const value = field.secret ? secretShown(parts.id, text(ctx.state.values, field.id)) : text(ctx.state.values, field.id);
  const control =
    field.type === 'textarea'
      ? h('textarea', { ...parts.common, rows: 3, readonly: parts.locked, value })
      : h('input', {
          ...parts.common,
          type: field.type,
          value,
          placeholder: field.placeholder,
          readonly: parts.locked,
          spellcheck: 'false',
          autocomplete: 'off',
          ...(field.secret ? { 'data-secret': 'true' } : {}),
        });
  return fieldFrame(parts, control);
}

/**
 * A secret link (a package URL with its SAS token) as the field shows it: with its query hidden, except while the user
 * types in it (then what they typed stays as it is). Pasting over the hidden form replaces the link.
 */
function secretShown(controlId: string, value: string): string {
  const control = document.getElementById(controlId);
  if (control instanceof HTMLInputElement && control === document.activeElement) {
    return control.value;
  }
  return hasHiddenPart(value) ? redactLink(value) : value;
}
