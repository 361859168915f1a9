/**
 * Messages between a form webview and the extension host: discriminated unions, each direction with a
 * type guard. The host treats everything from the webview as untrusted input: anything that does not
 * pass {@link parseWebviewMessage} is ignored (and logged). No `vscode` import: the webview bundles this.
 */
import * as l10n from '@vscode/l10n';
import { armIdProblem, kindLabel, parseComputeResourceId } from '../azure/armId';
import { FORM_KINDS, PICKER_SOURCES, formResourceKind } from './forms/formTypes';
import type {
  FieldErrors,
  FormKind,
  FormMode,
  FormValues,
  PickerSource,
  PickerState,
  TableRow,
  ValidationContext,
} from './forms/formTypes';

// ---- webview → host ---------------------------------------------------------------------------

/** The webview's script runs and listens: the host answers with `init`. */
export interface ReadyMessage {
  readonly type: 'ready';
}
/** The user changed something: the host keeps the values and reloads pickers whose scope changed. */
export interface ChangeMessage {
  readonly type: 'change';
  readonly values: FormValues;
}
export interface SubmitMessage {
  readonly type: 'submit';
  readonly values: FormValues;
}
export interface CopyTemplateMessage {
  readonly type: 'copyTemplate';
  readonly values: FormValues;
}
export interface CancelMessage {
  readonly type: 'cancel';
}
export type WebviewMessage = ReadyMessage | ChangeMessage | SubmitMessage | CopyTemplateMessage | CancelMessage;

// ---- host → webview ---------------------------------------------------------------------------

export interface InitMessage {
  readonly type: 'init';
  readonly kind: FormKind;
  readonly mode: FormMode;
  readonly values: FormValues;
  readonly context: ValidationContext;
  /** Update mode while the resource is being read: the form waits before taking input. */
  readonly loading: boolean;
  /** What the form acts on, for the heading ("contosoImages/ubuntu"). */
  readonly subject?: string;
  /** Kept by the webview with setState, so the form can be rebuilt after a reload. */
  readonly targetId?: string;
  readonly tenantId?: string;
}
export interface OptionsMessage {
  readonly type: 'options';
  readonly source: PickerSource;
  readonly state: PickerState;
}
export interface ContextMessage {
  readonly type: 'context';
  readonly context: ValidationContext;
}
/** Replaces the form's values (update mode, once the resource was read). */
export interface ValuesMessage {
  readonly type: 'values';
  readonly values: FormValues;
}
/** Problems the host found; nothing was sent. */
export interface ValidationMessage {
  readonly type: 'validation';
  readonly errors: FieldErrors;
}
export interface BusyMessage {
  readonly type: 'busy';
  readonly busy: boolean;
  readonly message?: string;
}
/** The outcome of a submit. On failure the form keeps every value and shows ARM's message. */
export interface ResultMessage {
  readonly type: 'result';
  readonly ok: boolean;
  readonly message: string;
  /** ARM's error code, when it failed in Azure. */
  readonly code?: string;
  /** The field ARM's error points at, when known. */
  readonly field?: string;
  /** Update mode, submitted before the resource was read: the form waits for the values. */
  readonly stillReading?: boolean;
}
export interface NoticeMessage {
  readonly type: 'notice';
  readonly message: string;
}
export type HostMessage =
  | InitMessage
  | OptionsMessage
  | ContextMessage
  | ValuesMessage
  | ValidationMessage
  | BusyMessage
  | ResultMessage
  | NoticeMessage;

/** What the webview keeps with setState (and VS Code hands back to the serializer after a reload). */
export interface PersistedFormState {
  readonly v: 1;
  readonly kind: FormKind;
  readonly mode: FormMode;
  /** Update mode: the ARM id of the resource being changed. */
  readonly targetId?: string;
  /** The tenant of the subscription, when known. */
  readonly tenantId?: string;
  readonly values: FormValues;
  readonly showJson?: boolean;
}

// ---- the page's translations ---------------------------------------------------------------

/**
 * The attribute of the page's `<main id="app">` that carries the host's translations (`vscode.l10n.bundle`, as
 * JSON; absent for English). Data, not script: the page's CSP stays as it is, and the page has its strings before
 * it renders anything.
 */
export const L10N_BUNDLE_ATTRIBUTE = 'data-l10n-bundle';

/** The translations in the attribute's value: an object of strings, or undefined (absent, or not that). */
export function parseL10nBundle(raw: string | null): Record<string, string> | undefined {
  if (!raw) {
    return undefined;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return undefined;
  }
  return isRecord(parsed) && Object.values(parsed).every((v) => typeof v === 'string') ? (parsed as Record<string, string>) : undefined;
}

// ---- guards -----------------------------------------------------------------------------------

/** Limits that keep a hostile or buggy webview from making the host do unbounded work. */
export const LIMITS = { fields: 100, text: 10_000, rows: 200, columns: 20 } as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;
}

function isTableRow(value: unknown): value is TableRow {
  if (!isRecord(value)) {
    return false;
  }
  const entries = Object.entries(value);
  return entries.length <= LIMITS.columns && entries.every(([k, v]) => k.length <= 100 && typeof v === 'string' && v.length <= LIMITS.text);
}

export function isFormValues(value: unknown): value is FormValues {
  if (!isRecord(value)) {
    return false;
  }
  const entries = Object.entries(value);
  if (entries.length > LIMITS.fields) {
    return false;
  }
  return entries.every(([key, v]) => {
    if (key.length > 100 || key === '__proto__') {
      return false;
    }
    if (typeof v === 'string') {
      return v.length <= LIMITS.text;
    }
    if (typeof v === 'boolean') {
      return true;
    }
    return Array.isArray(v) && v.length <= LIMITS.rows && v.every(isTableRow);
  });
}

export function isFormKind(value: unknown): value is FormKind {
  return typeof value === 'string' && (FORM_KINDS as readonly string[]).includes(value);
}

export function isFormMode(value: unknown): value is FormMode {
  return value === 'create' || value === 'update';
}

export function isPickerSource(value: unknown): value is PickerSource {
  return typeof value === 'string' && (PICKER_SOURCES as readonly string[]).includes(value);
}

/** The message, if it is one the webview may send; undefined for anything else. */
export function parseWebviewMessage(raw: unknown): WebviewMessage | undefined {
  if (!isRecord(raw) || typeof raw.type !== 'string') {
    return undefined;
  }
  const keys = Object.keys(raw);
  switch (raw.type) {
    case 'ready':
    case 'cancel':
      return keys.length === 1 ? { type: raw.type } : undefined;
    case 'change':
    case 'submit':
    case 'copyTemplate':
      return keys.length === 2 && isFormValues(raw.values) ? { type: raw.type, values: raw.values } : undefined;
    default:
      return undefined;
  }
}

/** Guards what the host sends, on the webview side (a stale or foreign message is dropped). */
export function isHostMessage(raw: unknown): raw is HostMessage {
  if (!isRecord(raw) || typeof raw.type !== 'string') {
    return false;
  }
  switch (raw.type) {
    case 'init':
      return isFormKind(raw.kind) && isFormMode(raw.mode) && isFormValues(raw.values) && isRecord(raw.context) && typeof raw.loading === 'boolean';
    case 'options':
      return isPickerSource(raw.source) && isRecord(raw.state) && Array.isArray(raw.state.options);
    case 'context':
      return isRecord(raw.context);
    case 'values':
      return isFormValues(raw.values);
    case 'validation':
      return isRecord(raw.errors);
    case 'busy':
      return typeof raw.busy === 'boolean';
    case 'result':
      return typeof raw.ok === 'boolean' && typeof raw.message === 'string' && (raw.stillReading === undefined || typeof raw.stillReading === 'boolean');
    case 'notice':
      return typeof raw.message === 'string';
    default:
      return false;
  }
}

export function isPersistedFormState(raw: unknown): raw is PersistedFormState {
  return (
    isRecord(raw) &&
    raw.v === 1 &&
    isFormKind(raw.kind) &&
    isFormMode(raw.mode) &&
    isFormValues(raw.values) &&
    (raw.targetId === undefined || (typeof raw.targetId === 'string' && raw.targetId.length <= 1000)) &&
    (raw.tenantId === undefined || (typeof raw.tenantId === 'string' && raw.tenantId.length <= 100)) &&
    (raw.showJson === undefined || typeof raw.showJson === 'boolean')
  );
}

/**
 * Why a saved form cannot be brought back after a reload (its resource ID is not one that may be sent to
 * Azure, or not of the form's kind); undefined when it can. The saved state is untrusted input.
 */
export function restoreProblem(state: PersistedFormState): string | undefined {
  if (state.mode === 'update' && state.targetId === undefined) {
    return l10n.t('The saved form has no resource to edit.');
  }
  if (state.targetId === undefined) {
    return undefined;
  }
  const problem = armIdProblem(state.targetId);
  if (problem) {
    return problem;
  }
  const kind = formResourceKind(state.kind);
  return parseComputeResourceId(state.targetId)?.kind === kind ? undefined : l10n.t('The saved form\'s resource "{0}" does not match the form ({1}).', state.targetId, kindLabel(kind));
}
