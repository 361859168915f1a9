/**
 * The browser side of the resource forms (bundled to dist/webview.js). Renders the form of a kind from
 * its shared definition, validates as the user types with the same module the host uses, keeps
 * everything typed in the webview state, and talks to the host only through the typed protocol.
 */
import { formDefinition } from '../forms/formRegistry';
import type {
  Choice,
  FieldErrors,
  FieldSpec,
  FieldValue,
  FormDefinition,
  FormKind,
  FormMode,
  PickerOption,
  PickerSource,
  PickerState,
  TableColumn,
  TableField,
  TableRow,
  ValidationContext,
} from '../forms/formTypes';
import { acceptsTypedId, listedOption, looksLikeResourceId, PICKER_LIST_LIMIT, pickerIdProblem, pickerIdWhat, searchOptions } from '../forms/pickerSearch';
import { isFieldLocked as isLocked, isFieldShown } from '../../domain/fieldVisibility';
import { isRows, lastSegment, text } from '../forms/values';
import { isHostMessage, isPersistedFormState } from '../protocol';
import type { HostMessage, PersistedFormState, WebviewMessage } from '../protocol';
import { domId, h, morphChildren } from './dom';
import type { Attrs, Child } from './dom';

interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
  getState(): unknown;
  setState(state: PersistedFormState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const RESOURCE_GROUPS_API_VERSION = '2022-09-01';
/** Lists longer than this get a search box (pickers of resource IDs always have one, outside tables). */
const SEARCH_FROM = 20;
/** At most this many options are in a picker's select at once; the search narrows the rest down. */
const SHOWN_LIMIT = 200;

const count = (n: number): string => n.toLocaleString('en-US');

class FormApp {
  private definition: FormDefinition | undefined;
  private kind: FormKind | undefined;
  private mode: FormMode = 'create';
  private values: Record<string, FieldValue> = {};
  private hostContext: ValidationContext = { now: Date.now() };
  private readonly pickers: Partial<Record<PickerSource, PickerState>> = {};
  /** What is typed in each picker's search box, by the DOM id of the picker's select. */
  private readonly pickerQueries = new Map<string, string>();
  private readonly touched = new Set<string>();
  private submitted = false;
  private hostErrors: FieldErrors = {};
  private busy = false;
  private busyMessage = '';
  private loading = false;
  private result: { ok: boolean; message: string; code?: string } | undefined;
  private notice = '';
  private showJson = false;
  private subject = '';
  private targetId: string | undefined;
  private tenantId: string | undefined;
  private changeTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly saved: PersistedFormState | undefined;

  constructor(
    private readonly api: VsCodeApi,
    private readonly root: HTMLElement,
  ) {
    const state = api.getState();
    this.saved = isPersistedFormState(state) ? state : undefined;
    this.showJson = this.saved?.showJson === true;
    window.addEventListener('message', (e: MessageEvent<unknown>) => this.onMessage(e.data));
    root.addEventListener('input', (e) => this.onInput(e, false));
    root.addEventListener('change', (e) => this.onInput(e, true));
    root.addEventListener('focusout', (e) => this.onBlur(e));
    root.addEventListener('click', (e) => this.onClick(e));
    root.addEventListener('keydown', (e) => this.onKeyDown(e));
    // Webviews run without allow-forms: the form never submits by itself; the Create button does.
    root.addEventListener('submit', (e) => e.preventDefault());
    this.renderWaiting();
    api.postMessage({ type: 'ready' });
  }

  // ---- messages ---------------------------------------------------------------------------------

  private onMessage(raw: unknown): void {
    if (!isHostMessage(raw)) {
      return;
    }
    const message: HostMessage = raw;
    switch (message.type) {
      case 'init': {
        performance.mark('acg-form-init');
        this.kind = message.kind;
        this.mode = message.mode;
        this.definition = formDefinition(message.kind);
        this.hostContext = message.context;
        this.loading = message.loading;
        this.subject = message.subject ?? '';
        this.targetId = message.targetId;
        this.tenantId = message.tenantId;
        const saved = this.saved;
        const mine = saved && saved.kind === message.kind && saved.mode === message.mode && saved.targetId === message.targetId;
        this.values = { ...this.definition.defaults(), ...message.values, ...(mine ? saved.values : {}) };
        if (this.definition.adjust && this.mode === 'create') {
          this.values = { ...this.definition.adjust(this.values, 'location', this.context()) };
        }
        this.render(true);
        // For the forms benchmark (test/bench/formsBench.ts): when the form first takes input.
        performance.mark('acg-form-interactive');
        this.persist();
        if (mine) {
          this.api.postMessage({ type: 'change', values: this.values });
        }
        return;
      }
      case 'options':
        this.pickers[message.source] = message.state;
        this.rerender();
        if (Object.values(this.pickers).every((p) => p.status !== 'loading') && performance.getEntriesByName('acg-form-pickers-filled').length === 0) {
          performance.mark('acg-form-pickers-filled');
        }
        return;
      case 'context':
        this.hostContext = message.context;
        this.rerender();
        return;
      case 'values':
        this.values = { ...this.values, ...message.values };
        this.loading = false;
        this.persist();
        this.rerender();
        return;
      case 'validation':
        this.hostErrors = message.errors;
        this.submitted = true;
        this.result = undefined;
        this.rerender();
        this.focusFirstError();
        return;
      case 'busy':
        if (message.busy !== this.busy) {
          // A notice shown while busy ("already creating") was about that request; a new request starts clean.
          this.notice = '';
        }
        this.busy = message.busy;
        this.busyMessage = message.message ?? '';
        this.rerender();
        return;
      case 'result':
        this.result = { ok: message.ok, message: message.message, ...(message.code ? { code: message.code } : {}) };
        this.hostErrors = message.field ? { [message.field]: message.message } : {};
        if (!message.ok && message.message.includes('still being read')) {
          this.loading = true;
        }
        this.rerender();
        this.root.querySelector<HTMLElement>('#result')?.focus();
        return;
      case 'notice':
        this.notice = message.message;
        this.rerender();
        return;
    }
  }

  private post(message: WebviewMessage): void {
    this.api.postMessage(message);
  }

  private persist(): void {
    if (!this.kind) {
      return;
    }
    this.api.setState({
      v: 1,
      kind: this.kind,
      mode: this.mode,
      values: this.values,
      showJson: this.showJson,
      ...(this.targetId ? { targetId: this.targetId } : {}),
      ...(this.tenantId ? { tenantId: this.tenantId } : {}),
    });
  }

  /** Tells the host (debounced): it reloads pickers whose scope changed. */
  private changed(): void {
    this.persist();
    clearTimeout(this.changeTimer);
    this.changeTimer = setTimeout(() => this.post({ type: 'change', values: this.values }), 200);
  }

  // ---- validation -------------------------------------------------------------------------------

  private context(): ValidationContext {
    const options: Partial<Record<PickerSource, readonly PickerOption[]>> = {};
    for (const [source, state] of Object.entries(this.pickers) as Array<[PickerSource, PickerState]>) {
      options[source] = state.options;
    }
    return { ...this.hostContext, now: Date.now(), options };
  }

  private visible(field: FieldSpec): boolean {
    return isFieldShown(field, this.mode, this.values);
  }

  /** Errors to show: of visible fields the user has been to (all after a submit), and the host's. */
  private errors(): Record<string, string> {
    const def = this.definition;
    if (!def) {
      return {};
    }
    const all = def.validate(this.values, this.mode, this.context());
    const shown: Record<string, string> = {};
    const visibleIds = def.fields.filter((f) => this.visible(f)).map((f) => f.id);
    for (const [key, message] of Object.entries(all)) {
      const field = /^[^[.]+/.exec(key)?.[0] ?? key;
      if ((visibleIds.includes(field) || key === '_form') && (this.submitted || this.touched.has(field) || this.touched.has(key))) {
        shown[key] = message;
      }
    }
    for (const [key, message] of Object.entries(this.hostErrors)) {
      shown[key] ??= message;
    }
    return shown;
  }

  // ---- events -----------------------------------------------------------------------------------

  private onInput(event: Event, structural: boolean): void {
    const el = event.target;
    if (!(el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement)) {
      return;
    }
    if (el instanceof HTMLInputElement && el.dataset.pickerSearch) {
      this.pickerQueries.set(el.dataset.pickerSearch, el.value);
      this.rerender();
      return;
    }
    const field = el.dataset.field;
    const def = this.definition;
    if (!field || !def || this.loading) {
      return;
    }
    const spec = def.fields.find((f) => f.id === field);
    if (!spec) {
      return;
    }
    const row = el.dataset.row;
    const column = el.dataset.col;
    if (spec.type === 'table' && row !== undefined && column) {
      const rows = [...this.rows(field)];
      const index = Number(row);
      rows[index] = { ...rows[index], [column]: el.value };
      this.values[field] = rows;
      this.touched.add(`${field}[${index}].${column}`);
    } else if (spec.type === 'checkbox' && el instanceof HTMLInputElement) {
      this.values[field] = el.checked;
    } else if (spec.type === 'multi' && el instanceof HTMLInputElement) {
      const chosen = new Set(text(this.values, field).split(',').filter(Boolean));
      if (el.checked) {
        chosen.add(el.value);
      } else {
        chosen.delete(el.value);
      }
      this.values[field] = spec.choices.map((c) => c.value).filter((v) => chosen.has(v)).join(',');
    } else {
      this.values[field] = el.value;
    }
    if (structural || el instanceof HTMLSelectElement || el.type === 'radio' || el.type === 'checkbox') {
      this.touched.add(field);
    }
    if (def.adjust) {
      this.values = { ...def.adjust(this.values, field, this.context()) };
    }
    delete (this.hostErrors as Record<string, string>)[field];
    this.notice = '';
    this.changed();
    if (structural || el instanceof HTMLSelectElement || el.type === 'radio' || el.type === 'checkbox') {
      this.rerender();
    } else {
      this.updateLive();
    }
  }

  private onBlur(event: FocusEvent): void {
    const el = event.target;
    if (el instanceof HTMLElement && el.dataset.field && !this.loading) {
      const key = el.dataset.row !== undefined ? `${el.dataset.field}[${el.dataset.row}].${el.dataset.col ?? ''}` : el.dataset.field;
      if (!this.touched.has(key)) {
        this.touched.add(key);
        this.updateLive();
      }
    }
  }

  private onClick(event: MouseEvent): void {
    const target = event.target instanceof Element ? event.target.closest<HTMLElement>('[data-action]') : null;
    if (!target || !this.definition) {
      return;
    }
    const action = target.dataset.action;
    const field = target.dataset.field ?? '';
    switch (action) {
      case 'submit':
        this.submit();
        return;
      case 'toggle-json':
        this.showJson = !this.showJson;
        this.persist();
        this.rerender();
        return;
      case 'copy-template':
        this.post({ type: 'copyTemplate', values: this.values });
        return;
      case 'cancel':
        this.post({ type: 'cancel' });
        return;
      case 'use-typed-id':
        this.useTypedId(target.dataset.target ?? '');
        return;
      case 'add-row': {
        const spec = this.definition.fields.find((f): f is TableField => f.id === field && f.type === 'table');
        if (!spec) {
          return;
        }
        const blank = Object.fromEntries(spec.columns.map((c) => [c.id, '']));
        const rows = [...this.rows(field), { ...blank, ...(spec.newRow?.(this.values) ?? {}) }];
        this.values[field] = rows;
        this.changed();
        this.rerender();
        this.root.querySelector<HTMLElement>(`[data-field="${field}"][data-row="${rows.length - 1}"]`)?.focus();
        return;
      }
      case 'remove-row': {
        const index = Number(target.dataset.row);
        this.values[field] = this.rows(field).filter((_, i) => i !== index);
        this.touched.add(field);
        this.changed();
        this.rerender();
        this.root.querySelector<HTMLElement>(`[data-action="add-row"][data-field="${field}"]`)?.focus();
        return;
      }
      default:
        return;
    }
  }

  /** In a picker's search box: Enter takes the typed ID or the only match, Escape clears, Down goes to the list. */
  private onKeyDown(event: KeyboardEvent): void {
    const el = event.target;
    if (!(el instanceof HTMLInputElement) || !el.dataset.pickerSearch) {
      return;
    }
    const controlId = el.dataset.pickerSearch;
    const select = this.root.querySelector<HTMLSelectElement>(`#${controlId}`);
    if (event.key === 'Enter') {
      event.preventDefault();
      const source = select?.dataset.source as PickerSource | undefined;
      const query = el.value.trim();
      if (!source || !query) {
        return;
      }
      const options = this.pickers[source]?.options ?? [];
      if (looksLikeResourceId(query)) {
        this.useTypedId(controlId);
        return;
      }
      const found = searchOptions(options, query, 2);
      if (found.matches === 1) {
        this.choose(controlId, found.shown[0].value);
      } else if (found.matches > 1) {
        select?.focus();
      }
    } else if (event.key === 'Escape' && el.value) {
      event.preventDefault();
      event.stopPropagation();
      this.pickerQueries.delete(controlId);
      this.rerender();
    } else if (event.key === 'ArrowDown' && select) {
      event.preventDefault();
      select.focus();
    }
  }

  /** The ID typed in a picker's search box becomes its value: the listed resource it names, or one not listed. */
  private useTypedId(controlId: string): void {
    const select = this.root.querySelector<HTMLSelectElement>(`#${controlId}`);
    const source = select?.dataset.source as PickerSource | undefined;
    const typed = (this.pickerQueries.get(controlId) ?? '').trim();
    if (!source || !acceptsTypedId(source) || !looksLikeResourceId(typed)) {
      return;
    }
    const listed = listedOption(this.pickers[source]?.options ?? [], typed);
    // A refused ID stays in the search box with the reason under it; the form's validation holds the same rule.
    if (!listed && pickerIdProblem(source, typed)) {
      return;
    }
    this.choose(controlId, listed?.value ?? typed);
  }

  /** Sets a picker (a field, or a table cell) as if the user had chosen `value` in its list. */
  private choose(controlId: string, value: string): void {
    const control = this.root.querySelector<HTMLSelectElement>(`#${controlId}`);
    const def = this.definition;
    const field = control?.dataset.field;
    if (!control || !def || !field || this.loading || control.disabled) {
      return;
    }
    const row = control.dataset.row;
    const column = control.dataset.col;
    if (row !== undefined && column) {
      const rows = [...this.rows(field)];
      const index = Number(row);
      rows[index] = { ...rows[index], [column]: value };
      this.values[field] = rows;
      this.touched.add(`${field}[${index}].${column}`);
    } else {
      this.values[field] = value;
      this.touched.add(field);
    }
    if (def.adjust) {
      this.values = { ...def.adjust(this.values, field, this.context()) };
    }
    delete (this.hostErrors as Record<string, string>)[field];
    this.pickerQueries.delete(controlId);
    this.notice = '';
    this.changed();
    this.rerender();
    this.root.querySelector<HTMLElement>(`#${controlId}`)?.focus();
  }

  private submit(): void {
    if (!this.definition || this.loading) {
      return;
    }
    if (this.busy) {
      // Ignored, visibly: the first request is still running (the host refuses a second one as well).
      this.notice = `Already ${this.mode === 'create' ? 'creating' : 'saving'}: the request was not sent again. Wait for the first one to finish.`;
      this.rerender();
      return;
    }
    this.submitted = true;
    this.result = undefined;
    this.hostErrors = {};
    const errors = this.definition.validate(this.values, this.mode, this.context());
    this.rerender();
    if (Object.keys(errors).length > 0) {
      this.focusFirstError();
      return;
    }
    clearTimeout(this.changeTimer);
    this.post({ type: 'submit', values: this.values });
  }

  private focusFirstError(): void {
    this.root.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }

  private rows(field: string): readonly TableRow[] {
    const v = this.values[field];
    return isRows(v) ? v : [];
  }

  // ---- rendering --------------------------------------------------------------------------------

  private renderWaiting(): void {
    this.root.replaceChildren(h('p', { className: 'loading', role: 'status' }, 'Loading the form…'));
  }

  /** Renders again; elements that stay are kept (see morph), so focus and caret stay put. */
  private rerender(): void {
    if (this.definition) {
      this.render(false);
    }
  }

  private render(first: boolean): void {
    const def = this.definition;
    if (!def) {
      return;
    }
    const errors = this.errors();
    const verb = this.mode === 'create' ? 'Create' : 'Edit';
    const heading = h('h1', {}, `${verb} ${def.noun}`, this.subject ? h('span', { className: 'subject' }, ` ${this.subject}`) : null);
    const sections = def.sections
      .map((section) => {
        const fields = def.fields.filter((f) => f.section === section.id && this.visible(f));
        if (fields.length === 0) {
          return null;
        }
        const headingId = `s-${section.id}`;
        return h('section', { 'aria-labelledby': headingId }, h('h2', { id: headingId }, section.title), ...fields.map((f) => this.renderField(f, errors)));
      })
      .filter((s): s is HTMLElement => s !== null);

    const problems = Object.entries(errors);
    const summary = h(
      'div',
      { id: 'summary', className: problems.length > 0 && this.submitted ? 'summary error' : 'summary', role: 'alert', 'aria-live': 'assertive' },
      problems.length > 0 && this.submitted ? `${problems.length === 1 ? '1 field needs' : `${problems.length} fields need`} attention before anything is sent.` : '',
    );
    // Always present (hidden when empty), so that the elements after it keep their place.
    const result = h(
      'div',
      { id: 'result', className: this.result?.ok === false ? 'result error' : 'result ok', role: 'alert', tabindex: -1, hidden: !this.result },
      this.result && !this.result.ok ? h('strong', {}, this.result.code ? `${this.result.code}: ` : 'Failed: ') : '',
      this.result?.message ?? '',
    );
    // While busy, a notice (e.g. "already creating") shows next to the progress, not instead of it.
    const statusText = this.busy ? [this.busyMessage, this.notice].filter(Boolean).join(' ') : this.loading ? 'Reading the current values from Azure…' : this.notice;
    const status = h('div', { id: 'status', className: 'status', role: 'status', 'aria-live': 'polite' }, statusText);

    const submitLabel = this.mode === 'create' ? `Create ${def.noun}` : 'Save changes';
    const buttons = h(
      'div',
      { className: 'buttons' },
      h('button', { type: 'button', id: 'submit', 'data-action': 'submit', className: 'primary', disabled: this.busy || this.loading }, this.busy ? `${this.mode === 'create' ? 'Creating' : 'Saving'}…` : submitLabel),
      h('button', { type: 'button', id: 'toggle-json', 'data-action': 'toggle-json', 'aria-expanded': this.showJson ? 'true' : 'false', 'aria-controls': 'json' }, this.showJson ? 'Hide JSON' : 'Show JSON'),
      h('button', { type: 'button', id: 'copy-template', 'data-action': 'copy-template' }, 'Copy as ARM template resource'),
      h('button', { type: 'button', id: 'cancel', 'data-action': 'cancel' }, this.busy ? 'Close' : 'Cancel'),
    );
    const json = this.showJson ? this.renderJson() : null;
    const form = h(
      'form',
      { id: 'form', novalidate: true, 'aria-labelledby': 'title', 'aria-busy': this.loading || this.busy ? 'true' : 'false' },
      h('fieldset', { className: 'all', disabled: this.loading }, ...sections),
      buttons,
    );
    heading.id = 'title';
    const next: Node[] = [heading, result, summary, status, form, ...(json ? [json] : [])];
    morphChildren(this.root, next as ChildNode[]);
    if (first) {
      const firstEmpty = [...this.root.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input:not([readonly]):not([type=radio]):not([type=checkbox]):not([type=search]), select:not([disabled])')].find(
        (el) => el.value === '',
      );
      firstEmpty?.focus();
    }
  }

  private updateLive(): void {
    this.rerender();
  }

  private describedBy(key: string, help: boolean, error: boolean): string | undefined {
    const ids = [help ? `${domId(key)}-help` : '', error ? `${domId(key)}-error` : ''].filter(Boolean);
    return ids.length > 0 ? ids.join(' ') : undefined;
  }

  private renderField(field: FieldSpec, errors: Record<string, string>): HTMLElement {
    const id = domId(field.id);
    const locked = isLocked(field, this.mode);
    const error = errors[field.id];
    const help = locked ? `${field.help ? `${field.help} ` : ''}Azure does not let this change.` : field.help;
    const selectedChoice = field.type === 'select' ? field.choices.find((c) => c.value === text(this.values, field.id)) : undefined;
    const helpText = [help, selectedChoice?.description].filter(Boolean).join(' ');
    const common = {
      id,
      'data-field': field.id,
      'aria-invalid': error ? 'true' : undefined,
      'aria-describedby': this.describedBy(field.id, !!helpText, true),
      'aria-required': field.required ? 'true' : undefined,
    };
    // The required mark stays outside the label, so that the field's accessible name is just its label.
    const label = h('div', { className: 'label-row' }, h('label', { for: id }, field.label), field.required && !locked ? h('span', { className: 'required', 'aria-hidden': 'true' }, '*') : null);
    const helpEl = helpText ? h('div', { id: `${id}-help`, className: 'help' }, helpText) : null;
    const errorEl = h('div', { id: `${id}-error`, className: 'field-error', 'aria-live': 'polite' }, error ?? '');
    const value = text(this.values, field.id);
    let control: Child;
    switch (field.type) {
      case 'text':
      case 'date':
      case 'number':
        control = h('input', { ...common, type: field.type, value, placeholder: field.placeholder, readonly: locked, spellcheck: 'false', autocomplete: 'off' });
        break;
      case 'textarea':
        control = h('textarea', { ...common, rows: 3, readonly: locked, value });
        break;
      case 'select':
        control = h('select', { ...common, disabled: locked }, ...this.choiceOptions(field.choices, value));
        break;
      case 'checkbox':
        return h(
          'div',
          { className: 'field checkbox' },
          h('input', { ...common, type: 'checkbox', checked: this.values[field.id] === true, disabled: locked }),
          label,
          helpEl,
          errorEl,
        );
      case 'radio':
      case 'multi':
        return this.renderChoiceGroup(field.id, field.label, field.type, field.choices, locked, error, helpText);
      case 'picker':
        control = this.renderPicker(field.source, value, { ...common, disabled: locked }, field.emptyLabel, field.label, false);
        break;
      case 'table':
        return this.renderTable(field, errors, helpText);
    }
    return h('div', { className: locked ? 'field locked' : 'field' }, label, control, this.pickerStatus(field), helpEl, errorEl);
  }

  private choiceOptions(choices: readonly Choice[], value: string): HTMLOptionElement[] {
    const options = choices.map((c) => h('option', { value: c.value, selected: c.value === value }, c.label));
    if (value && !choices.some((c) => c.value === value)) {
      options.unshift(h('option', { value, selected: true }, value));
    }
    return options;
  }

  private pickerStatus(field: FieldSpec): HTMLElement | null {
    if (field.type !== 'picker') {
      return null;
    }
    const state = this.pickers[field.source];
    if (!state || state.status === 'ready') {
      return state?.status === 'ready' && state.options.length === 0 ? h('div', { className: 'help' }, 'Nothing to choose from here.') : null;
    }
    return h('div', { className: state.status === 'error' ? 'help warning' : 'help' }, state.status === 'loading' ? 'Loading…' : `Couldn't list these: ${(state.message ?? 'unknown error').replace(/\.+$/, '')}. Enter the value instead.`);
  }

  /**
   * A select filled from the host; a text box when the list could not be read. A long list, and every list of
   * resource IDs outside a table, gets a search box above it: typing filters the select (and says how many match
   * of how many), and a full resource ID typed or pasted there can be used even when it is not in the list.
   */
  private renderPicker(source: PickerSource, value: string, attrs: Attrs, emptyLabel: string | undefined, name: string, inCell: boolean): HTMLElement {
    const state = this.pickers[source];
    if (state?.status === 'error') {
      return h('input', { ...attrs, type: 'text', value, readonly: attrs.disabled === true, disabled: undefined, 'data-source': source, spellcheck: 'false' });
    }
    const listed = state?.options ?? [];
    const id = String(attrs.id);
    // In a table (one picker per row) only a list too long to show whole gets one, to keep the rows compact.
    const searchable = attrs.disabled !== true && (inCell ? listed.length > SHOWN_LIMIT : acceptsTypedId(source) || listed.length > SEARCH_FROM);
    const query = searchable ? (this.pickerQueries.get(id) ?? '') : '';
    const typed = acceptsTypedId(source) && looksLikeResourceId(query) ? query.trim() : undefined;
    const typedListed = typed !== undefined ? listedOption(listed, typed) : undefined;
    const found = typed !== undefined ? { shown: typedListed ? [typedListed] : [], matches: typedListed ? 1 : 0 } : searchable ? searchOptions(listed, query, SHOWN_LIMIT) : { shown: listed, matches: listed.length };

    const options: HTMLOptionElement[] = [h('option', { value: '', selected: value === '' }, state?.status === 'loading' && value === '' ? 'Loading…' : (emptyLabel ?? '—'))];
    // ARM ids compare without case; regions also without spaces ("East US" is eastus).
    const same = (a: string, b: string): boolean => a.replace(/\s+/g, '').toLowerCase() === b.replace(/\s+/g, '').toLowerCase();
    const optionText = (o: PickerOption): string => (o.description ? `${o.label} — ${o.description}` : o.label);
    for (const o of found.shown) {
      options.push(h('option', { value: o.value, selected: same(o.value, value) }, optionText(o)));
    }
    // The chosen value stays in the select while a search hides it, and when it is not in the list at all.
    if (value && !found.shown.some((o) => same(o.value, value))) {
      const chosen = listed.find((o) => same(o.value, value));
      options.push(h('option', { value, selected: true }, chosen ? optionText(chosen) : state?.status === 'ready' ? `${lastSegment(value)} (not listed)` : lastSegment(value)));
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
        : (problem ?? (state?.status === 'loading' ? 'The list is still loading. Press Enter or select "Use this ID" to use this ID.' : 'Not in the list. Press Enter or select "Use this ID" to use it.'));
    } else if (state?.status === 'loading') {
      said = '';
    } else if (query.trim()) {
      said =
        found.matches === 0
          ? `Nothing matches "${query.trim()}".${what ? ` To use ${what} that is not listed, paste its full resource ID here.` : ''}`
          : `${count(found.matches)} of ${count(listed.length)} match${found.matches > found.shown.length ? `; the first ${count(found.shown.length)} are in the list: type more to narrow it down` : ''}.`;
    } else if (listed.length > found.shown.length) {
      said = `${count(found.shown.length)} of ${count(listed.length)} in the list: type to search.`;
    }
    if (listed.length >= PICKER_LIST_LIMIT && state?.status === 'ready') {
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

  private renderChoiceGroup(fieldId: string, label: string, type: 'radio' | 'multi', choices: readonly Choice[], locked: boolean, error: string | undefined, helpText: string): HTMLElement {
    const id = domId(fieldId);
    const value = text(this.values, fieldId);
    const chosen = new Set(value.split(',').filter(Boolean));
    return h(
      'fieldset',
      { className: 'field group', id, 'aria-describedby': this.describedBy(fieldId, !!helpText, true), 'aria-invalid': error ? 'true' : undefined },
      h('legend', {}, label),
      ...choices.map((c, i) => {
        const optionId = `${id}-${i}`;
        const checked = type === 'radio' ? c.value === value || (value === '' && i === 0) : chosen.has(c.value);
        return h(
          'div',
          { className: 'choice' },
          h('input', { id: optionId, type: type === 'radio' ? 'radio' : 'checkbox', name: id, value: c.value, checked, disabled: locked, 'data-field': fieldId }),
          h('label', { for: optionId }, c.label, c.description ? h('span', { className: 'help' }, ` — ${c.description}`) : null),
        );
      }),
      helpText ? h('div', { id: `${id}-help`, className: 'help' }, helpText) : null,
      h('div', { id: `${id}-error`, className: 'field-error', 'aria-live': 'polite' }, error ?? ''),
    );
  }

  private renderTable(field: TableField, errors: Record<string, string>, helpText: string): HTMLElement {
    const id = domId(field.id);
    const rows = this.rows(field.id);
    const locked = isLocked(field, this.mode);
    const original = this.hostContext.original?.[field.id];
    const originalRows = isRows(original) ? original : [];
    const cellErrors = Object.entries(errors).filter(([k]) => k.startsWith(`${field.id}[`));
    const columns = field.columns.filter((c) => !c.hidden);
    const headers = h('tr', {}, ...columns.map((c) => h('th', { scope: 'col' }, c.label)), h('th', { scope: 'col' }, h('span', { className: 'visually-hidden' }, 'Actions')));
    const body = rows.map((row, r) => {
      const key = field.columns[0].id;
      const existed = this.mode === 'update' && (row[key] ?? '') !== '' && originalRows.some((o) => (o[key] ?? '').toLowerCase() === (row[key] ?? '').toLowerCase());
      return h(
        'tr',
        {},
        ...columns.map((c) => h('td', {}, this.renderCell(field, c, row, r, errors, locked || (existed && c.immutable === true)))),
        h('td', {}, locked ? null : h('button', { type: 'button', className: 'icon', 'data-action': 'remove-row', 'data-field': field.id, 'data-row': r, 'aria-label': `Remove row ${r + 1} of ${field.label}` }, 'Remove')),
      );
    });
    const canAdd = !locked && rows.length < (field.maxRows ?? 200);
    return h(
      'div',
      { className: 'field table-field', role: 'group', 'aria-labelledby': `${id}-label`, id },
      h('div', { className: 'table-label', id: `${id}-label` }, field.label),
      helpText ? h('div', { id: `${id}-help`, className: 'help' }, helpText) : null,
      rows.length > 0 ? h('table', { 'aria-labelledby': `${id}-label` }, h('thead', {}, headers), h('tbody', {}, ...body)) : h('div', { className: 'help' }, 'None.'),
      canAdd ? h('button', { type: 'button', 'data-action': 'add-row', 'data-field': field.id }, field.addLabel) : null,
      h(
        'div',
        { id: `${id}-error`, className: 'field-error', 'aria-live': 'polite' },
        errors[field.id] ?? '',
        cellErrors.length > 0
          ? h(
              'ul',
              {},
              ...cellErrors.map(([key, message]) => {
                const m = /\[(\d+)\]\.(\w+)$/.exec(key);
                const column = field.columns.find((c) => c.id === m?.[2]);
                return h('li', {}, m ? `Row ${Number(m[1]) + 1}${column ? `, ${column.label}` : ''}: ${message}` : message);
              }),
            )
          : null,
      ),
    );
  }

  private renderCell(field: TableField, column: TableColumn, row: TableRow, r: number, errors: Record<string, string>, locked: boolean): HTMLElement {
    const key = `${field.id}[${r}].${column.id}`;
    const id = domId(key);
    const value = row[column.id] ?? '';
    const error = errors[key];
    const attrs = {
      id,
      'data-field': field.id,
      'data-row': r,
      'data-col': column.id,
      'aria-invalid': error ? 'true' : undefined,
      'aria-describedby': `${domId(field.id)}-error`,
    };
    const label = h('label', { for: id, className: 'visually-hidden' }, `${column.label}, row ${r + 1}`);
    let control: HTMLElement;
    if (column.type === 'select') {
      control = h('select', { ...attrs, disabled: locked }, ...this.choiceOptions(column.choices ?? [], value));
    } else if (column.type === 'picker' && column.source) {
      control = this.renderPicker(column.source, value, { ...attrs, disabled: locked }, column.emptyLabel, `${column.label}, row ${r + 1}`, true);
    } else {
      control = h('input', { ...attrs, type: column.type === 'number' ? 'number' : 'text', value, readonly: locked, placeholder: column.placeholder, spellcheck: 'false', autocomplete: 'off' });
    }
    return h('div', { className: 'cell' }, label, control);
  }

  private renderJson(): HTMLElement {
    const def = this.definition;
    if (!def) {
      return h('div');
    }
    const context = this.context();
    const target = def.target(this.values, this.mode);
    const lines: string[] = [];
    const rg = this.mode === 'create' && text(this.values, 'resourceGroupMode') === 'new' ? text(this.values, 'newResourceGroup') : '';
    if (rg && target) {
      lines.push(`PUT /subscriptions/${target.subscriptionId}/resourcegroups/${rg}?api-version=${RESOURCE_GROUPS_API_VERSION}`);
      lines.push(JSON.stringify({ location: text(this.values, 'location') }, null, 2), '');
    }
    lines.push(target ? `${target.method} ${target.id}?api-version=${target.apiVersion}` : `${this.mode === 'create' ? 'PUT' : 'PATCH'} (the URL needs a valid name and parent)`);
    let body: string;
    try {
      body = JSON.stringify(def.requestBody(this.values, this.mode, context), null, 2);
    } catch (err) {
      body = `Cannot build the body yet: ${err instanceof Error ? err.message : String(err)}`;
    }
    lines.push(body);
    return h(
      'section',
      { id: 'json', 'aria-labelledby': 'json-title' },
      h('h2', { id: 'json-title' }, 'Request'),
      h('p', { className: 'help' }, 'Exactly what is sent to Azure Resource Manager when you select ', h('strong', {}, this.mode === 'create' ? `Create ${def.noun}` : 'Save changes'), '.'),
      h('pre', { tabindex: 0, 'aria-label': 'Request JSON' }, h('code', {}, lines.join('\n'))),
    );
  }
}

const root = document.getElementById('app');
if (root) {
  new FormApp(acquireVsCodeApi(), root);
}
