/**
 * A picker: a select filled from the host; a text box when the list could not be read. A long list, and every
 * list of resource IDs outside a table, gets a search box above it: typing filters the select (and says how many
 * match of how many), and a full resource ID typed or pasted there can be used even when it is not in the list.
 */
import * as l10n from '@vscode/l10n';
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
    return picker?.status === 'ready' && picker.options.length === 0 ? h('div', { className: 'help' }, l10n.t('Nothing to choose from here.')) : null;
  }
  return h(
    'div',
    { className: picker.status === 'error' ? 'help warning' : 'help' },
    picker.status === 'loading' ? l10n.t('Loading…') : l10n.t("Couldn't list these: {0}. Enter the value instead.", (picker.message ?? l10n.t('unknown error')).replace(/\.+$/, '')),
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

  const options: HTMLOptionElement[] = [h('option', { value: '', selected: value === '' }, picker?.status === 'loading' && value === '' ? l10n.t('Loading…') : (emptyLabel ?? '—'))];
  // ARM ids compare without case; regions also without spaces ("East US" is eastus).
  const same = (a: string, b: string): boolean => a.replace(/\s+/g, '').toLowerCase() === b.replace(/\s+/g, '').toLowerCase();
  const optionText = (o: PickerOption): string => (o.description ? `${o.label} — ${o.description}` : o.label);
  for (const o of found.shown) {
    options.push(h('option', { value: o.value, selected: same(o.value, value) }, optionText(o)));
  }
  // The chosen value stays in the select while a search hides it, and when it is not in the list at all.
  if (value && !found.shown.some((o) => same(o.value, value))) {
    const chosen = listed.find((o) => same(o.value, value));
    options.push(h('option', { value, selected: true }, chosen ? optionText(chosen) : picker?.status === 'ready' ? l10n.t('{0} (not listed)', lastSegment(value)) : lastSegment(value)));
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
      ? l10n.t('In the list: {0}. Press Enter or select "Use this ID".', typedListed.label)
      : (problem ?? (picker?.status === 'loading' ? l10n.t('The list is still loading. Press Enter or select "Use this ID" to use this ID.') : l10n.t('Not in the list. Press Enter or select "Use this ID" to use it.')));
  } else if (picker?.status === 'loading') {
    said = '';
  } else if (query.trim()) {
    said =
      found.matches === 0
        ? what
          ? l10n.t('Nothing matches "{0}". To use {1} that is not listed, paste its full resource ID here.', query.trim(), what)
          : l10n.t('Nothing matches "{0}".', query.trim())
        : found.matches > found.shown.length
          ? l10n.t('{0} of {1} match; the first {2} are in the list: type more to narrow it down.', count(found.matches), count(listed.length), count(found.shown.length))
          : l10n.t('{0} of {1} match.', count(found.matches), count(listed.length));
  } else if (listed.length > found.shown.length) {
    said = l10n.t('{0} of {1} in the list: type to search.', count(found.shown.length), count(listed.length));
  }
  if (listed.length >= PICKER_LIST_LIMIT && picker?.status === 'ready') {
    said = `${said} ${what ? l10n.t('Only the first {0} are listed: paste the full resource ID of any other.', count(PICKER_LIST_LIMIT)) : l10n.t('Only the first {0} are listed.', count(PICKER_LIST_LIMIT))}`.trim();
  }
  const canUse = typed !== undefined && !problem;
  const search = h('input', {
    type: 'search',
    id: `${id}-search`,
    value: query,
    placeholder: what ? l10n.t('Type to search, or paste a resource ID') : l10n.t('Type to search'),
    'aria-label': l10n.t('Search {0}', name),
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
    h('div', { className: 'picker-search' }, search, canUse ? h('button', { type: 'button', className: 'icon', 'data-action': 'use-typed-id', 'data-target': id }, l10n.t('Use this ID')) : null),
    select,
    h('div', { id: countId, className: problem ? 'picker-count field-error' : 'picker-count help', role: 'status', 'aria-live': 'polite' }, said),
  );
}
