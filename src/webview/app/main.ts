/**
 * The browser side of the resource forms (bundled to dist/webview-<kind>.js, one bundle per form kind: esbuild.mjs): wires the page's events and the host's
 * messages to the form's state (formState.ts, hostMessages.ts) and renders it (renderForm.ts, renderers/). It
 * validates as the user types with the same module the host uses, keeps everything typed in the webview state,
 * and talks to the host only through the typed protocol.
 */
import * as l10n from '@vscode/l10n';
import type { PickerSource } from '../forms/formTypes';
import { acceptsTypedId, listedOption, looksLikeResourceId, pickerIdProblem, searchOptions } from '../forms/pickerSearch';
import { isHostMessage, isPersistedFormState, L10N_BUNDLE_ATTRIBUTE, parseL10nBundle } from '../protocol';
import type { PersistedFormState, WebviewMessage } from '../protocol';
import { h, morphChildren } from './dom';
import { FormState } from './formState';
import { applyHostMessage } from './hostMessages';
import { renderForm } from './renderForm';

interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
  getState(): unknown;
  setState(state: PersistedFormState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

class FormApp {
  private readonly state: FormState;
  private changeTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly api: VsCodeApi,
    private readonly root: HTMLElement,
  ) {
    const saved = api.getState();
    this.state = new FormState(isPersistedFormState(saved) ? saved : undefined);
    window.addEventListener('message', (e: MessageEvent<unknown>) => this.onMessage(e.data));
    root.addEventListener('input', (e) => this.onInput(e, false));
    root.addEventListener('change', (e) => this.onInput(e, true));
    root.addEventListener('focusout', (e) => this.onBlur(e));
    root.addEventListener('focusin', (e) => this.onFocus(e));
    root.addEventListener('click', (e) => this.onClick(e));
    root.addEventListener('keydown', (e) => this.onKeyDown(e));
    // Webviews run without allow-forms: the form never submits by itself; the Create button does.
    root.addEventListener('submit', (e) => e.preventDefault());
    this.root.replaceChildren(h('p', { className: 'loading', role: 'status' }, l10n.t('Loading the form…')));
    this.post({ type: 'ready' });
  }

  // ---- messages ---------------------------------------------------------------------------------

  private onMessage(raw: unknown): void {
    const type = isHostMessage(raw) ? raw.type : undefined;
    if (type === 'init') {
      performance.mark('acg-form-init');
    }
    const effect = applyHostMessage(this.state, raw);
    if (effect.render === 'first') {
      this.render(true);
      if (!this.state.loading) {
        // For the forms benchmark (test/bench/formsBench.ts): when the form first takes input.
        performance.mark('acg-form-interactive');
      }
    } else if (effect.render === 'again') {
      this.rerender();
    }
    if (effect.persist) {
      this.persist();
    }
    if (effect.postChange) {
      this.post({ type: 'change', values: this.state.values });
    }
    if (effect.focus === 'firstError') {
      this.focusFirstError();
    } else if (effect.focus === 'result') {
      this.root.querySelector<HTMLElement>('#result')?.focus();
    } else if (effect.focus === 'firstField') {
      if (!this.root.contains(document.activeElement) || document.activeElement === document.body) {
        this.focusFirstField();
      }
      if (performance.getEntriesByName('acg-form-interactive').length === 0) {
        performance.mark('acg-form-interactive');
      }
    }
    if (type === 'options' && this.state.pickersSettled() && performance.getEntriesByName('acg-form-pickers-filled').length === 0) {
      performance.mark('acg-form-pickers-filled');
    }
  }

  private post(message: WebviewMessage): void {
    this.api.postMessage(message);
  }

  private persist(): void {
    const persisted = this.state.persisted();
    if (persisted) {
      this.api.setState(persisted);
    }
  }

  /** Tells the host (debounced): it reloads pickers whose scope changed. */
  private changed(): void {
    this.persist();
    clearTimeout(this.changeTimer);
    this.changeTimer = setTimeout(() => this.post({ type: 'change', values: this.state.values }), 200);
  }

  // ---- events -----------------------------------------------------------------------------------

  private onInput(event: Event, structural: boolean): void {
    const el = event.target;
    if (!(el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement)) {
      return;
    }
    if (el instanceof HTMLInputElement && el.dataset.pickerSearch) {
      this.state.pickerQueries.set(el.dataset.pickerSearch, el.value);
      this.rerender();
      return;
    }
    const field = el.dataset.field;
    if (!field) {
      return;
    }
    // A choice made, or a change committed: re-rendered at once; typing only updates what it shows.
    const settled = structural || el instanceof HTMLSelectElement || el.type === 'radio' || el.type === 'checkbox';
    const applied = this.state.applyInput(field, {
      value: el.value,
      ...(el instanceof HTMLInputElement ? { checked: el.checked } : {}),
      ...(el.dataset.row !== undefined && el.dataset.col ? { row: Number(el.dataset.row), column: el.dataset.col } : {}),
      settled,
    });
    if (!applied) {
      return;
    }
    this.changed();
    this.rerender();
  }

  private onBlur(event: FocusEvent): void {
    const el = event.target;
    if (el instanceof HTMLElement && el.dataset.field && !this.state.loading) {
      const key = el.dataset.row !== undefined ? `${el.dataset.field}[${el.dataset.row}].${el.dataset.col ?? ''}` : el.dataset.field;
      if (!this.state.touched.has(key)) {
        this.state.touched.add(key);
        this.rerender();
      }
      if (el.dataset.secret) {
        // Leaving a package link hides its SAS token again (renderers/textField.ts), once focus has moved on.
        setTimeout(() => this.rerender(), 0);
      }
    }
  }

  /** Entering a package link whose SAS token is hidden selects it all: a paste replaces the whole link. */
  private onFocus(event: FocusEvent): void {
    const el = event.target;
    if (el instanceof HTMLInputElement && el.dataset.secret && el.value !== this.state.values[el.dataset.field ?? '']) {
      el.select();
    }
  }

  private onClick(event: MouseEvent): void {
    const target = event.target instanceof Element ? event.target.closest<HTMLElement>('[data-action]') : null;
    if (!target || !this.state.definition) {
      return;
    }
    const field = target.dataset.field ?? '';
    switch (target.dataset.action) {
      case 'submit':
        this.submit();
        return;
      case 'toggle-json':
        this.state.showJson = !this.state.showJson;
        this.persist();
        this.rerender();
        return;
      case 'copy-template':
        this.post({ type: 'copyTemplate', values: this.state.values });
        return;
      case 'cancel':
        this.post({ type: 'cancel' });
        return;
      case 'use-typed-id':
        this.useTypedId(target.dataset.target ?? '');
        return;
      case 'add-row': {
        const added = this.state.addRow(field);
        if (added === undefined) {
          return;
        }
        this.changed();
        this.rerender();
        this.root.querySelector<HTMLElement>(`[data-field="${field}"][data-row="${added}"]`)?.focus();
        return;
      }
      case 'remove-row':
        this.state.removeRow(field, Number(target.dataset.row));
        this.changed();
        this.rerender();
        this.root.querySelector<HTMLElement>(`[data-action="add-row"][data-field="${field}"]`)?.focus();
        return;
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
      const options = this.state.pickers[source]?.options ?? [];
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
      this.state.pickerQueries.delete(controlId);
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
    const typed = (this.state.pickerQueries.get(controlId) ?? '').trim();
    if (!source || !acceptsTypedId(source) || !looksLikeResourceId(typed)) {
      return;
    }
    const listed = listedOption(this.state.pickers[source]?.options ?? [], typed);
    // A refused ID stays in the search box with the reason under it; the form's validation holds the same rule.
    if (!listed && pickerIdProblem(source, typed)) {
      return;
    }
    this.choose(controlId, listed?.value ?? typed);
  }

  /** Sets a picker (a field, or a table cell) as if the user had chosen `value` in its list. */
  private choose(controlId: string, value: string): void {
    const control = this.root.querySelector<HTMLSelectElement>(`#${controlId}`);
    const field = control?.dataset.field;
    if (!control || !field || control.disabled) {
      return;
    }
    const row = control.dataset.row;
    const column = control.dataset.col;
    if (!this.state.choose(field, row !== undefined && column ? { row: Number(row), column } : undefined, value, controlId)) {
      return;
    }
    this.changed();
    this.rerender();
    this.root.querySelector<HTMLElement>(`#${controlId}`)?.focus();
  }

  private submit(): void {
    const outcome = this.state.submit();
    if (outcome === 'ignored') {
      return;
    }
    this.rerender();
    if (outcome === 'invalid') {
      this.focusFirstError();
    } else if (outcome === 'send') {
      clearTimeout(this.changeTimer);
      this.post({ type: 'submit', values: this.state.values });
    }
  }

  private focusFirstError(): void {
    this.root.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }

  // ---- rendering --------------------------------------------------------------------------------

  /** Renders again; elements that stay are kept (see morph), so focus and caret stay put. */
  private rendering = false;
  private renderAgain = false;

  private rerender(): void {
    if (this.state.definition) {
      this.render(false);
    }
  }

  private render(first: boolean): void {
    if (!this.state.definition) {
      return;
    }
    // Replacing the focused element fires focusout, whose handler renders again: that nested render would
    // change the DOM under the running morph ("replaceChild: the node to be removed is no longer a child").
    // A render asked for while one runs is done right after it instead.
    if (this.rendering) {
      this.renderAgain = true;
      return;
    }
    const focusedId = this.root.contains(document.activeElement) ? document.activeElement?.id : undefined;
    this.rendering = true;
    try {
      do {
        this.renderAgain = false;
        morphChildren(this.root, renderForm(this.state) as ChildNode[]);
      } while (this.renderAgain);
    } finally {
      this.rendering = false;
    }
    // An element the morph had to replace takes its focus back (same id), so typing and keyboard users go on.
    if (focusedId && !this.root.contains(document.activeElement)) {
      document.getElementById(focusedId)?.focus();
    }
    if (first && !this.state.loading) {
      this.focusFirstField();
    }
  }

  /** The first empty field; with none (an edit, the Share form), the first control that takes input. */
  private focusFirstField(): void {
    const firstEmpty = [...this.root.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input:not([readonly]):not([type=radio]):not([type=checkbox]):not([type=search]), select:not([disabled])')].find(
      (el) => el.value === '',
    );
    const firstControl = this.root.querySelector<HTMLElement>(
      'input:not([readonly]):not([disabled]):not([type=search]):not([type=radio]), input[type=radio]:checked:not([disabled]), select:not([disabled]), textarea:not([readonly]):not([disabled])',
    );
    (firstEmpty ?? firstControl ?? undefined)?.focus();
  }
}

const root = document.getElementById('app');
if (root) {
  // The host's translations (none for English) before the first string is rendered.
  const contents = parseL10nBundle(root.getAttribute(L10N_BUNDLE_ATTRIBUTE));
  if (contents) {
    l10n.config({ contents });
  }
  new FormApp(acquireVsCodeApi(), root);
}
