/**
 * Whether a form field is shown, and whether it can be changed: decided here only (issue 10). The webview
 * renders and checks exactly the fields this says are shown, the host loads picker lists only for them, and
 * the host's sanitizer takes from the webview only what the user could have changed.
 *
 * Pure: no `vscode`, no DOM, no Node. The field shape is structural, so the forms' types fit without this
 * module depending on them.
 */

export type FieldMode = 'create' | 'update';

/** What a field says about where it appears. */
export interface FieldVisibilityRules<Values> {
  /** Only in this mode: the other mode has no such field at all (neither shown nor sent). */
  readonly onlyIn?: FieldMode;
  /** Shown only when this holds for the current values (e.g. the VHD fields when the source is a VHD). */
  readonly visibleWhen?: (values: Values, mode: FieldMode) => boolean;
  /** Azure does not let it change: shown, but locked, in update mode. */
  readonly immutable?: boolean;
}

/** The field exists in this mode (it may still be hidden by the values). */
export function isFieldInMode<V>(field: FieldVisibilityRules<V>, mode: FieldMode): boolean {
  return field.onlyIn === undefined || field.onlyIn === mode;
}

/**
 * The field is on the form. A field made only for creating (the "Create new" resource group) is not shown
 * when editing: the resource has its group already, and the form shows that one, locked.
 */
export function isFieldShown<V>(field: FieldVisibilityRules<V>, mode: FieldMode, values: V): boolean {
  return isFieldInMode(field, mode) && (field.visibleWhen === undefined || field.visibleWhen(values, mode));
}

/** Shown but locked: Azure does not let it change on an existing resource. Says nothing about hidden fields. */
export function isFieldLocked<V>(field: FieldVisibilityRules<V>, mode: FieldMode): boolean {
  return mode === 'update' && field.immutable === true;
}

/** The user can change it now: shown and not locked. */
export function isFieldEditable<V>(field: FieldVisibilityRules<V>, mode: FieldMode, values: V): boolean {
  return isFieldShown(field, mode, values) && !isFieldLocked(field, mode);
}

/** The fields shown, in their order. */
export function shownFields<F extends FieldVisibilityRules<V>, V>(fields: readonly F[], mode: FieldMode, values: V): F[] {
  return fields.filter((f) => isFieldShown(f, mode, values));
}
