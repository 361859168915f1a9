/**
 * What every field renderer shares: the state it reads, the label / help / error elements and their ids, so that
 * each control is described by its help and its error (aria-describedby) the same way.
 */
import * as l10n from '@vscode/l10n';
import { isFieldLocked } from '../../../domain/fieldVisibility';
import type { Choice, FieldSpec } from '../../forms/formTypes';
import { text } from '../../forms/values';
import { domId, h } from '../dom';
import type { FormState } from '../formState';

/** What a renderer gets: the state (read only) and the errors to show, by field id or cell key. */
export interface FieldRenderContext {
  readonly state: FormState;
  readonly errors: Readonly<Record<string, string>>;
  /** What the user should know though Azure accepts it, by field id (FormDefinition.warnings). */
  readonly warnings?: Readonly<Record<string, string>>;
}

export function describedBy(key: string, help: boolean, error: boolean, warning = false): string | undefined {
  const ids = [help ? `${domId(key)}-help` : '', warning ? `${domId(key)}-warning` : '', error ? `${domId(key)}-error` : ''].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

/** Everything a single-control field needs around its control. */
export interface FieldParts {
  readonly id: string;
  readonly locked: boolean;
  readonly error: string | undefined;
  readonly helpText: string;
  /** Attributes of the control: id, data-field, aria-invalid / -describedby / -required. */
  readonly common: {
    readonly id: string;
    readonly 'data-field': string;
    readonly 'aria-invalid': 'true' | undefined;
    readonly 'aria-describedby': string | undefined;
    readonly 'aria-required': 'true' | undefined;
  };
  readonly label: HTMLElement;
  readonly helpEl: HTMLElement | null;
  /** The field's warning (present only when there is one). */
  readonly warningEl: HTMLElement | null;
  readonly errorEl: HTMLElement;
}

export function fieldParts(field: FieldSpec, ctx: FieldRenderContext): FieldParts {
  const { state, errors } = ctx;
  const id = domId(field.id);
  const locked = isFieldLocked(field, state.mode);
  const error = errors[field.id];
  const warning = ctx.warnings?.[field.id];
  const help = locked ? [field.help, l10n.t('Azure does not let this change.')].filter(Boolean).join(' ') : field.help;
  const selectedChoice = field.type === 'select' ? field.choices.find((c) => c.value === text(state.values, field.id)) : undefined;
  const helpText = [help, selectedChoice?.description].filter(Boolean).join(' ');
  const common = {
    id,
    'data-field': field.id,
    'aria-invalid': error ? ('true' as const) : undefined,
    'aria-describedby': describedBy(field.id, !!helpText, true, !!warning),
    'aria-required': field.required ? ('true' as const) : undefined,
  };
  // The required mark stays outside the label, so that the field's accessible name is just its label.
  const label = h('div', { className: 'label-row' }, h('label', { for: id }, field.label), field.required && !locked ? h('span', { className: 'required', 'aria-hidden': 'true' }, '*') : null);
  const helpEl = helpText ? h('div', { id: `${id}-help`, className: 'help' }, helpText) : null;
  const warningEl = warning ? h('div', { id: `${id}-warning`, className: 'field-warning' }, warning) : null;
  const errorEl = h('div', { id: `${id}-error`, className: 'field-error', 'aria-live': 'polite' }, error ?? '');
  return { id, locked, error, helpText, common, label, helpEl, warningEl, errorEl };
}

/** The usual frame of a field: label, control, help, error. */
export function fieldFrame(parts: FieldParts, control: HTMLElement, extra: HTMLElement | null = null): HTMLElement {
  return h('div', { className: parts.locked ? 'field locked' : 'field' }, parts.label, control, extra, parts.helpEl, parts.warningEl, parts.errorEl);
}

/** The options of a select; a value that is not one of the choices stays, first. */
export function choiceOptions(choices: readonly Choice[], value: string): HTMLOptionElement[] {
  const options = choices.map((c) => h('option', { value: c.value, selected: c.value === value }, c.label));
  if (value && !choices.some((c) => c.value === value)) {
    options.unshift(h('option', { value, selected: true }, value));
  }
  return options;
}
