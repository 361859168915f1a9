/**
 * Custom actions of a VM application and of its versions (`customActions`: name, script, description, typed
 * parameters), one part both application forms use. The form's tables are flat, so the parameters are a second table
 * whose rows name the action they belong to.
 */
import * as l10n from '@vscode/l10n';
import { CUSTOM_ACTION_PARAMETER_TYPES, customActionRefusals } from '../../domain/applications';
import type { FieldSpec, FormValues, Json, JsonObject, TableRow } from './formTypes';
import { put } from './fieldRules';
import { arrayAt, boolAt, cell, compact, filledRows, isJsonObject, stringAt } from './values';

export const customActionFields = (section: string): readonly FieldSpec[] => [
  {
    id: 'customActions',
    label: l10n.t('Custom actions'),
    section,
    type: 'table',
    addLabel: l10n.t('Add custom action'),
    maxRows: 50,
    help: l10n.t('Scripts users can run on a VM that has the application. Names are unique.'),
    columns: [
      { id: 'name', label: l10n.t('Name'), type: 'text' },
      { id: 'script', label: l10n.t('Script'), type: 'text' },
      { id: 'description', label: l10n.t('Description'), type: 'text' },
    ],
  },
  {
    id: 'customActionParameters',
    label: l10n.t('Custom action parameters'),
    section,
    type: 'table',
    addLabel: l10n.t('Add parameter'),
    maxRows: 200,
    help: l10n.t('Each parameter names the custom action it belongs to. A default value applies to String parameters only.'),
    columns: [
      { id: 'action', label: l10n.t('Custom action'), type: 'text' },
      { id: 'name', label: l10n.t('Parameter'), type: 'text' },
      {
        id: 'required',
        label: l10n.t('Required'),
        type: 'select',
        choices: [
          { value: 'false', label: l10n.t('No') },
          { value: 'true', label: l10n.t('Yes') },
        ],
      },
      { id: 'type', label: l10n.t('Type'), type: 'select', choices: CUSTOM_ACTION_PARAMETER_TYPES.map((t) => ({ value: t, label: t })) },
      { id: 'defaultValue', label: l10n.t('Default value'), type: 'text' },
      { id: 'description', label: l10n.t('Description'), type: 'text' },
    ],
    newRow: (values) => ({ action: cell(filledRows(values, 'customActions').at(-1)?.row ?? {}, 'name'), required: 'false', type: 'String' }),
  },
];

/** Every problem with the custom actions and their parameters, by cell. */
export function validateCustomActions(values: FormValues, errors: Record<string, string>): void {
  const actions = filledRows(values, 'customActions');
  const refusals = customActionRefusals(actions.map(({ row }) => ({ name: cell(row, 'name').trim(), script: cell(row, 'script') })));
  actions.forEach(({ row, index }, i) => {
    const at = `customActions[${index}]`;
    switch (refusals[i]) {
      case 'nameMissing':
        put(errors, `${at}.name`, l10n.t('Name the custom action.'));
        break;
      case 'duplicateName':
        put(errors, `${at}.name`, l10n.t('Custom action "{0}" is listed twice: names are unique.', cell(row, 'name').trim()));
        break;
      case 'scriptMissing':
        put(errors, `${at}.script`, l10n.t('Enter the script the custom action runs.'));
        break;
      default:
        break;
    }
  });
  const names = new Set(actions.map(({ row }) => cell(row, 'name').trim().toLowerCase()).filter(Boolean));
  const seen = new Set<string>();
  for (const { row, index } of filledRows(values, 'customActionParameters')) {
    const at = `customActionParameters[${index}]`;
    const action = cell(row, 'action').trim();
    const name = cell(row, 'name').trim();
    if (!names.has(action.toLowerCase())) {
      put(errors, `${at}.action`, action ? l10n.t('There is no custom action "{0}" above.', action) : l10n.t('Name the custom action this parameter belongs to.'));
    }
    if (!name) {
      put(errors, `${at}.name`, l10n.t('Name the parameter.'));
    } else {
      const key = `${action.toLowerCase()}\u0000${name.toLowerCase()}`;
      if (seen.has(key)) {
        put(errors, `${at}.name`, l10n.t('Custom action "{0}" has two parameters named "{1}".', action, name));
      }
      seen.add(key);
    }
    if (cell(row, 'defaultValue') && (cell(row, 'type') || 'String') !== 'String') {
      put(errors, `${at}.defaultValue`, l10n.t('A default value applies to String parameters only.'));
    }
  }
}

function parameterBody(row: TableRow): JsonObject {
  return compact({
    name: cell(row, 'name').trim(),
    required: cell(row, 'required') === 'true' ? true : undefined,
    type: cell(row, 'type') || undefined,
    defaultValue: cell(row, 'defaultValue') || undefined,
    description: cell(row, 'description') || undefined,
  });
}

/** `customActions` as sent; undefined when there are none. */
export function customActionsBody(values: FormValues): Json[] | undefined {
  const parameters = filledRows(values, 'customActionParameters').map(({ row }) => row);
  const actions = filledRows(values, 'customActions').map(({ row }): Json => {
    const name = cell(row, 'name').trim();
    const own = parameters.filter((p) => cell(p, 'action').trim().toLowerCase() === name.toLowerCase()).map(parameterBody);
    return compact({ name, script: cell(row, 'script'), description: cell(row, 'description') || undefined, parameters: own.length > 0 ? own : undefined });
  });
  return actions.length > 0 ? actions : undefined;
}

/** The two tables' rows from `customActions` as ARM returns them (in `holder`). */
export function customActionValues(holder: JsonObject): { customActions: TableRow[]; customActionParameters: TableRow[] } {
  const actions = arrayAt(holder, 'customActions').filter(isJsonObject);
  return {
    customActions: actions.map((a) => ({ name: stringAt(a, 'name'), script: stringAt(a, 'script'), description: stringAt(a, 'description') })),
    customActionParameters: actions.flatMap((a) =>
      arrayAt(a, 'parameters')
        .filter(isJsonObject)
        .map((p) => ({
          action: stringAt(a, 'name'),
          name: stringAt(p, 'name'),
          required: boolAt(p, 'required') ? 'true' : 'false',
          type: stringAt(p, 'type') || 'String',
          defaultValue: stringAt(p, 'defaultValue'),
          description: stringAt(p, 'description'),
        })),
    ),
  };
}
