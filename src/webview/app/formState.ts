/**
 * Everything the form webview knows: the values typed, what the host sent (pickers, context, status), and what
 * the user has been to. No DOM: the renderers read it, the event handlers and host messages change it, and the
 * unit tests drive it in plain Node.
 */
import * as l10n from '@vscode/l10n';
import { isFieldShown } from '../../domain/fieldVisibility';
import { redactLink } from '../../domain/applications';
import type { FieldSpec, FieldValue, FormDefinition, FormKind, FormMode, FormValues, MultiField, PickerOption, PickerSource, PickerState, TableField, TableRow, ValidationContext } from '../forms/formTypes';
import { isRows, text } from '../forms/values';
import type { PersistedFormState } from '../protocol';

export interface FormResult {
  readonly ok: boolean;
  readonly message: string;
  readonly code?: string;
}

/** One edit of a control: its value, whether it is checked (checkboxes), and its cell in a table. */
export interface FieldInput {
  readonly value: string;
  readonly checked?: boolean;
  readonly row?: number;
  readonly column?: string;
  /** A choice made (select, radio, checkbox) or a change committed: the field counts as visited. */
  readonly settled: boolean;
}

export type SubmitOutcome = 'ignored' | 'busy' | 'invalid' | 'send';

/** The field part of an error key: "tags" of "tags[0].key". */
export const fieldOfKey = (key: string): string => /^[^[.]+/.exec(key)?.[0] ?? key;

export class FormState {
  definition: FormDefinition | undefined;
  kind: FormKind | undefined;
  mode: FormMode = 'create';
  values: Record<string, FieldValue> = {};
  hostContext: ValidationContext;
  readonly pickers: Partial<Record<PickerSource, PickerState>> = {};
  /** What is typed in each picker's search box, by the DOM id of the picker's select. */
  readonly pickerQueries = new Map<string, string>();
  readonly touched = new Set<string>();
  submitted = false;
  hostErrors: Record<string, string> = {};
  busy = false;
  busyMessage = '';
  loading = false;
  result: FormResult | undefined;
  notice = '';
  showJson: boolean;
  subject = '';
  targetId: string | undefined;
  tenantId: string | undefined;

  constructor(
    /** What setState kept from before a reload, already checked with isPersistedFormState. */
    readonly saved: PersistedFormState | undefined,
    private readonly clock: () => number = Date.now,
  ) {
    this.showJson = saved?.showJson === true;
    this.hostContext = { now: clock() };
  }

  /** The host's context, with the lists of the pickers as they are now. */
  context(): ValidationContext {
    const options: Partial<Record<PickerSource, readonly PickerOption[]>> = {};
    for (const [source, state] of Object.entries(this.pickers) as Array<[PickerSource, PickerState]>) {
      options[source] = state.options;
    }
    return { ...this.hostContext, now: this.clock(), options };
  }

  isShown(field: FieldSpec): boolean {
    return isFieldShown(field, this.mode, this.values);
  }

  shownFields(): FieldSpec[] {
    return this.definition?.fields.filter((f) => this.isShown(f)) ?? [];
  }

  /** Errors to show: of shown fields the user has been to (all after a submit), and the host's. */
  errors(): Record<string, string> {
    const def = this.definition;
    if (!def) {
      return {};
    }
    const all = def.validate(this.values, this.mode, this.context());
    const shown: Record<string, string> = {};
    const shownIds = new Set(this.shownFields().map((f) => f.id));
    for (const [key, message] of Object.entries(all)) {
      const field = fieldOfKey(key);
      if ((shownIds.has(field) || key === '_form') && (this.submitted || this.touched.has(field) || this.touched.has(key))) {
        shown[key] = message;
      }
    }
    for (const [key, message] of Object.entries(this.hostErrors)) {
      shown[key] ??= message;
    }
    return shown;
  }

  rows(field: string): readonly TableRow[] {
    const v = this.values[field];
    return isRows(v) ? v : [];
  }

  /** What setState keeps, so that nothing typed is lost when the panel is hidden or reloaded. */
  persisted(): PersistedFormState | undefined {
    if (!this.kind) {
      return undefined;
    }
    return {
      v: 1,
      kind: this.kind,
      mode: this.mode,
      // VS Code writes this state to disk: a package link's SAS token is not kept (after a reload it is pasted again).
      values: this.definition ? withSecretsHidden(this.definition.fields, this.values) : this.values,
      showJson: this.showJson,
      ...(this.targetId ? { targetId: this.targetId } : {}),
      ...(this.tenantId ? { tenantId: this.tenantId } : {}),
    };
  }

  /** Every picker has its list (or failed): for the forms benchmark. */
  pickersSettled(): boolean {
    return Object.values(this.pickers).every((p) => p.status !== 'loading');
  }

  /** A control of a field changed. False when nothing changed (no form yet, still loading, unknown field). */
  applyInput(fieldId: string, input: FieldInput): boolean {
    const spec = this.definition?.fields.find((f) => f.id === fieldId);
    if (!spec || this.loading) {
      return false;
    }
    const before = JSON.stringify(this.values[fieldId] ?? null);
    if (spec.type === 'table' && input.row !== undefined && input.column) {
      this.setCell(fieldId, input.row, input.column, input.value);
    } else if (spec.type === 'checkbox') {
      this.values[fieldId] = input.checked === true;
    } else if (spec.type === 'multi') {
      this.values[fieldId] = this.toggledChoice(spec, input.value, input.checked === true);
    } else {
      this.values[fieldId] = input.value;
    }
    if (input.settled) {
      this.touched.add(fieldId);
    }
    if (JSON.stringify(this.values[fieldId] ?? null) !== before) {
      this.untickConfirmations(fieldId);
    }
    this.afterEdit(fieldId);
    return true;
  }

  /** A picker (a field, or a table cell) set as if `value` had been chosen in its list. */
  choose(fieldId: string, cellOf: { row: number; column: string } | undefined, value: string, controlId: string): boolean {
    if (!this.definition || this.loading) {
      return false;
    }
    if (cellOf) {
      this.setCell(fieldId, cellOf.row, cellOf.column, value);
    } else {
      this.values[fieldId] = value;
      this.touched.add(fieldId);
    }
    this.untickConfirmations(fieldId);
    this.afterEdit(fieldId);
    this.pickerQueries.delete(controlId);
    return true;
  }

  /** Adds a row to a table; the index of the new row, or undefined when there is no such table. */
  addRow(fieldId: string): number | undefined {
    const spec = this.definition?.fields.find((f): f is TableField => f.id === fieldId && f.type === 'table');
    if (!spec) {
      return undefined;
    }
    const blank = Object.fromEntries(spec.columns.map((c) => [c.id, '']));
    const rows = [...this.rows(fieldId), { ...blank, ...(spec.newRow?.(this.values) ?? {}) }];
    this.values[fieldId] = rows;
    return rows.length - 1;
  }

  removeRow(fieldId: string, index: number): void {
    this.values[fieldId] = this.rows(fieldId).filter((_, i) => i !== index);
    this.touched.add(fieldId);
    this.untickConfirmations(fieldId);
  }

  /** A confirmation (`confirmsOthers`) is of the form as it was: another edit unticks it. */
  private untickConfirmations(changed: string): void {
    for (const field of this.definition?.fields ?? []) {
      if (field.type === 'checkbox' && field.confirmsOthers === true && field.id !== changed && this.values[field.id] === true) {
        this.values[field.id] = false;
      }
    }
  }

  /** The user asked to send: 'send' when the values pass the form's checks and nothing is running. */
  submit(): SubmitOutcome {
    const def = this.definition;
    if (!def || this.loading) {
      return 'ignored';
    }
    if (this.busy) {
      // Ignored, visibly: the first request is still running (the host refuses a second one as well).
      this.notice =
        this.mode === 'create'
          ? l10n.t('Already creating: the request was not sent again. Wait for the first one to finish.')
          : l10n.t('Already saving: the request was not sent again. Wait for the first one to finish.');
      return 'busy';
    }
    this.submitted = true;
    this.result = undefined;
    this.hostErrors = {};
    const errors = def.validate(this.values, this.mode, this.context());
    return Object.keys(errors).length > 0 ? 'invalid' : 'send';
  }

  private setCell(fieldId: string, index: number, column: string, value: string): void {
    const rows = [...this.rows(fieldId)];
    rows[index] = { ...rows[index], [column]: value };
    this.values[fieldId] = rows;
    this.touched.add(`${fieldId}[${index}].${column}`);
  }

  private toggledChoice(spec: MultiField, value: string, checked: boolean): string {
    const chosen = new Set(text(this.values, spec.id).split(',').filter(Boolean));
    if (checked) {
      chosen.add(value);
    } else {
      chosen.delete(value);
    }
    return spec.choices.map((c) => c.value).filter((v) => chosen.has(v)).join(',');
  }

  /** What follows any edit: values that depend on it, the host's error about it and a notice are gone. */
  private afterEdit(fieldId: string): void {
    const def = this.definition;
    if (def?.adjust) {
      this.values = { ...def.adjust(this.values, fieldId, this.context()) };
    }
    const hostErrors = { ...this.hostErrors };
    delete hostErrors[fieldId];
    this.hostErrors = hostErrors;
    this.notice = '';
  }
}

/** The values with each secret link's query hidden (domain/applications.ts redactLink). */
export function withSecretsHidden(fields: readonly FieldSpec[], values: FormValues): FormValues {
  const secret = fields.filter((f) => f.type === 'text' && f.secret && typeof values[f.id] === 'string');
  if (secret.length === 0) {
    return values;
  }
  const out: Record<string, FieldValue> = { ...values };
  for (const f of secret) {
    out[f.id] = redactLink(values[f.id] as string);
  }
  return out;
}

/**
 * The saved values over the host's, except a secret link saved hidden: the host's whole link comes back when it is the
 * same link (the panel was only hidden and shown again).
 */
export function restoreSecrets(fields: readonly FieldSpec[], host: FormValues, merged: FormValues): FormValues {
  const out: Record<string, FieldValue> = { ...merged };
  for (const f of fields) {
    const full = host[f.id];
    const kept = merged[f.id];
    if (f.type === 'text' && f.secret && typeof full === 'string' && typeof kept === 'string' && kept !== full && redactLink(full) === kept) {
      out[f.id] = full;
    }
  }
  return out;
}
