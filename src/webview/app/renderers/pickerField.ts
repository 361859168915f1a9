/**
 * A picker: a select filled from the host; a text box when the list could not be read. A long list, and every
 * list of resource IDs outside a table, gets a search box above it: typing filters the select (and says how many
 * match of how many), and a full resource ID typed or pasted there can be used even when it is not in the list.
 */
import type { PickerField, PickerOption, PickerSource } from '../../forms/formTypes';
import { acceptsTypedId, listedOption, looksLikeResourceId, PICKER_LIST_LIMIT, pickerIdProblem, pickerIdWhat, searchOptions } from '../../forms/pickerSearch';
import { lastSegment, text } from '../../forms/values';
import { h } from '../dom';
import type { Attrs } from '../dom';
import type { FormState } from '../formState';
import { fieldFrame, fieldParts } from './fieldParts';
import type { FieldRenderContext } from './fieldParts';

/** Lists longer than this get a search box (pickers of resource IDs always have one, outside tables). */
const SEARCH_FROM = 20;
/** At most this many options are in a picker's select at once; the search narrows the rest down. */
const SHOWN_LIMIT = 200;

const count = (n: number): string => n.toLocaleString('en-US');

export function renderPickerField(field: PickerField, ctx: FieldRenderContext): HTMLElement {
  const parts = fieldParts(field, ctx);
  const value = text(ctx.state.values, field.id);
  const control = renderPicker(ctx.state, field.source, value, { ...parts.common, disabled: parts.locked }, field.emptyLabel, field.label, false);
  return fieldFrame(parts, control, pickerStatus(ctx.state, field.source));
}

/** "Loading…", "Nothing to choose from here." or why the list could not be read. */
function pickerStatus(state: FormState, source: PickerSource): HTMLElement | null {
  const picker = state.pickers[source];
  if (!picker || picker.status === 'ready') {
    return picker?.status === 'ready' && picker.options.length === 0 ? h('div', { className: 'help' }, 'Nothing to choose from here.') : null;
  }
  return h(
    'div',
    { className: picker.status === 'error' ? 'help warning' : 'help' },
    picker.status === 'loading' ? 'Loading…' : `Couldn't list these: ${(picker.message ?? 'unknown error').replace(/\.+$/, '')}. Enter the value instead.`,
  );
}

/** The control of a picker, in a field or in a table cell (`inCell`). `name` is its accessible name. */
export function renderPicker(state: FormState, source: PickerSource, value: string, attrs: Attrs, emptyLabel: string | undefined, name: string, inCell: boolean): HTMLElement {
  const picker = state.pickers[source];
  if (picker?.status === 'error') {
    return h('input', { ...attrs, type: 'text', value, readonly: attrs.disabled === true, disabled: undefined, 'data-source': source, spellcheck: 'false' });
  }
  const listed = picker?.options ?? [];
  const id = String(attrs.id);
  // In a table (one picker per row) only a list too long to show whole gets one, to keep the rows compact.
  const searchable = attrs.disabled !== true && (inCell ? listed.length > SHOWN_LIMIT : acceptsTypedId(source) || listed.length > SEARCH_FROM);
  const query = searchable ? (state.pickerQueries.get(id) ?? '') : '';
  const typed = acceptsTypedId(source) && looksLikeResourceId(query) ? query.trim() : undefined;
  const typedListed = typed !== undefined ? listedOption(listed, typed) : undefined;
  const found =
    typed !== undefined
      ? { shown: typedListed ? [typedListed] : [], matches: typedListed ? 1 : 0 }
      : searchable
        ? searchOptions(listed, query, SHOWN_LIMIT)
        : { shown: listed, matches: listed.length };

  const options: HTMLOptionElement[] = [h('option', { value: '', selected: value === '' }, picker?.status === 'loading' && value === '' ? 'Loading…' : (emptyLabel ?? '—'))];
  // ARM ids compare without case; regions also without spaces ("East US" is eastus).
  const same = (a: string, b: string): boolean => a.replace(/\s+/g, '').toLowerCase() === b.replace(/\s+/g, '').toLowerCase();
  const optionText = (o: PickerOption): string => (o.description ? `${o.label} — ${o.description}` : o.label);
  for (const o of found.shown) {
    options.push(h('option', { value: o.value, selected: same(o.value, value) }, optionText(o)));
  }
  // The chosen value stays in the select while a search hides it, and when it is not in the list at all.
  if (value && !found.shown.some((o) => same(o.value, value))) {
    const chosen = listed.find((o) => same(o.value, value));
    options.push(h('option', { value, selected: true }, chosen ? optionText(chosen) : picker?.status === 'ready' ? `${lastSegment(value)} (not listed)` : lastSegment(value)));
  }
  const countId = `${id}-count`;
  const describedBy = [attrs['aria-describedby'], searchable ? countId : undefined].filter(Boolean).join(' ') || undefined;
  const select = h('select', { ...attrs, 'aria-describedby': describedBy, 'data-source': source }, ...options);
  if (!searchable) {
    return select;
  }

  const what = pickerIdWhat(source);
  let problem: string | undefined;
  let said = '';
  if (typed !== undefined) {
    problem = typedListed ? undefined : pickerIdProblem(source, typed);
    said = typedListed
      ? `In the list: ${typedListed.label}. Press Enter or select "Use this ID".`
      : (problem ?? (picker?.status === 'loading' ? 'The list is still loading. Press Enter or select "Use this ID" to use this ID.' : 'Not in the list. Press Enter or select "Use this ID" to use it.'));
  } else if (picker?.status === 'loading') {
    said = '';
  } else if (query.trim()) {
    said =
      found.matches === 0
        ? `Nothing matches "${query.trim()}".${what ? ` To use ${what} that is not listed, paste its full resource ID here.` : ''}`
        : `${count(found.matches)} of ${count(listed.length)} match${found.matches > found.shown.length ? `; the first ${count(found.shown.length)} are in the list: type more to narrow it down` : ''}.`;
  } else if (listed.length > found.shown.length) {
    said = `${count(found.shown.length)} of ${count(listed.length)} in the list: type to search.`;
  }
  if (listed.length >= PICKER_LIST_LIMIT && picker?.status === 'ready') {
    said = `${said} Only the first ${count(PICKER_LIST_LIMIT)} are listed${what ? `: paste the full resource ID of any other` : ''}.`.trim();
  }
  const canUse = typed !== undefined && !problem;
  const search = h('input', {
    type: 'search',
    id: `${id}-search`,
    value: query,
    placeholder: what ? 'Type to search, or paste a resource ID' : 'Type to search',
    'aria-label': `Search ${name}`,
    'aria-controls': id,
    'aria-describedby': countId,
    'aria-invalid': problem ? 'true' : undefined,
    'data-picker-search': id,
    autocomplete: 'off',
    spellcheck: 'false',
  });
  return h(
    'div',
    { className: 'picker' },
    h('div', { className: 'picker-search' }, search, canUse ? h('button', { type: 'button', className: 'icon', 'data-action': 'use-typed-id', 'data-target': id }, 'Use this ID') : null),
    select,
    h('div', { id: countId, className: problem ? 'picker-count field-error' : 'picker-count help', role: 'status', 'aria-live': 'polite' }, said),
  );
}
