/** Radio buttons (one choice) and checkboxes of several choices, in a fieldset named by its legend. */
import type { MultiField, SelectField } from '../../forms/formTypes';
import { text } from '../../forms/values';
import { domId, h } from '../dom';
import { describedBy, fieldParts } from './fieldParts';
import type { FieldRenderContext } from './fieldParts';

/** `field` is a radio field, or a multi field (several choices, stored comma-separated). */
export function renderChoiceGroupField(field: SelectField | MultiField, ctx: FieldRenderContext): HTMLElement {
  const radio = field.type !== 'multi';
  const { locked, error, helpText, warningEl } = fieldParts(field, ctx);
  const id = domId(field.id);
  const value = text(ctx.state.values, field.id);
  const chosen = new Set(value.split(',').filter(Boolean));
  return h(
    'fieldset',
    { className: 'field group', id, 'aria-describedby': describedBy(field.id, !!helpText, true, warningEl !== null), 'aria-invalid': error ? 'true' : undefined },
    h('legend', {}, field.label),
    ...field.choices.map((c, i) => {
      const optionId = `${id}-${i}`;
      const checked = radio ? c.value === value || (value === '' && i === 0) : chosen.has(c.value);
      return h(
        'div',
        { className: 'choice' },
        h('input', { id: optionId, type: radio ? 'radio' : 'checkbox', name: id, value: c.value, checked, disabled: locked, 'data-field': field.id }),
        h('label', { for: optionId }, c.label, c.description ? h('span', { className: 'help' }, ` — ${c.description}`) : null),
      );
    }),
    helpText ? h('div', { id: `${id}-help`, className: 'help' }, helpText) : null,
    // What the choice means for the request, when the form says it (the Share form: who gains and loses access).
    warningEl,
    h('div', { id: `${id}-error`, className: 'field-error', 'aria-live': 'polite' }, error ?? ''),
  );
}
