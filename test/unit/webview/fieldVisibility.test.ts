/**
 * "Is this field shown" has one answer (issue 10): the webview's state (what it renders and checks), the host's
 * session (which picker lists it loads) and the host's sanitizer (what it takes from the webview) must agree for
 * every form, in both modes, whatever the values.
 */
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { isFieldLocked } from '../../../src/domain/fieldVisibility';
import { FormState } from '../../../src/webview/app/formState';
import { applyHostMessage } from '../../../src/webview/app/hostMessages';
import { fieldsInUse, sourcesInUse } from '../../../src/webview/FormSession';
import { formDefinition } from '../../../src/webview/forms/formRegistry';
import type { FieldSpec, FieldValue, FormDefinition, FormKind, FormMode, FormValues, PickerSource } from '../../../src/webview/forms/formTypes';
import { FORM_KINDS } from '../../../src/webview/forms/formTypes';
import { sanitizeValues } from '../../../src/webview/forms/sanitize';

const MODES: readonly FormMode[] = ['create', 'update'];
const TARGET = '/subscriptions/11111111-0000-4000-8000-000000000001/resourceGroups/rg/providers/Microsoft.Compute/galleries/g1';

/** The defaults, and each choice of every radio field (resource group: existing / new; the source type …). */
function valueSets(definition: FormDefinition): Array<{ name: string; values: FormValues }> {
  const base = definition.defaults();
  const sets = [{ name: 'defaults', values: base }];
  for (const field of definition.fields) {
    if (field.type === 'radio') {
      for (const choice of field.choices) {
        sets.push({ name: `${field.id}=${choice.value}`, values: { ...base, [field.id]: choice.value } });
      }
    }
  }
  return sets;
}

/** The webview's answer: the fields its state shows after the host's `init` with these values. */
function webviewState(kind: FormKind, mode: FormMode, values: FormValues): FormState {
  const state = new FormState(undefined, () => 0);
  const effect = applyHostMessage(state, { type: 'init', kind, mode, values, context: { now: 0, ...(mode === 'update' ? { original: values } : {}) }, loading: false, ...(mode === 'update' ? { targetId: TARGET } : {}) });
  assert.equal(effect.render, 'first');
  return state;
}

/** A value for the field that differs from `current`, of the shape the field holds. */
function changedValue(field: FieldSpec, current: FieldValue | undefined): FieldValue {
  if (field.type === 'checkbox') {
    return current !== true;
  }
  if (field.type === 'table') {
    return [Object.fromEntries(field.columns.map((c) => [c.id, `probe-${c.id}`]))];
  }
  return `${typeof current === 'string' ? current : ''}probe`;
}

/** The sanitizer's answer: the host takes what the webview sent for this field. */
function takenFromWebview(definition: FormDefinition, mode: FormMode, values: FormValues, field: FieldSpec): boolean {
  const sent = { ...values, [field.id]: changedValue(field, values[field.id]) };
  const kept = sanitizeValues(definition, mode, sent, mode === 'update' ? values : undefined);
  return JSON.stringify(kept[field.id]) === JSON.stringify(sent[field.id]);
}

function pickerSources(fields: readonly FieldSpec[]): PickerSource[] {
  const sources = new Set<PickerSource>();
  for (const field of fields) {
    if (field.type === 'picker') {
      sources.add(field.source);
    } else if (field.type === 'table') {
      field.columns.forEach((c) => c.source && sources.add(c.source));
    }
  }
  return [...sources].sort();
}

describe('Field visibility: the webview, the host session and the sanitizer agree (issue 10)', () => {
  for (const kind of FORM_KINDS) {
    const definition = formDefinition(kind);
    for (const mode of MODES) {
      for (const { name, values: start } of valueSets(definition)) {
        it(`${kind}, ${mode}, ${name}`, () => {
          const state = webviewState(kind, mode, start);
          // The webview's values after init (defaults, adjustments) are what the host is told.
          const values: FormValues = state.values;
          const shownByWebview = state.shownFields().map((f) => f.id);
          const shownByHost = fieldsInUse(definition, values, mode).map((f) => f.id);
          assert.deepEqual(shownByHost, shownByWebview, 'the host session shows the same fields as the webview');
          assert.deepEqual(sourcesInUse(definition, values, mode).sort(), pickerSources(state.shownFields()), 'the host loads the lists of exactly the pickers shown');

          for (const field of definition.fields) {
            const shown = shownByWebview.includes(field.id);
            const editable = shown && !isFieldLocked(field, mode);
            const taken = takenFromWebview(definition, mode, values, field);
            if (mode === 'update') {
              assert.equal(taken, editable, `${field.id}: the host takes an edit exactly when the user could make it (shown ${shown})`);
            } else if (shown) {
              assert.equal(taken, true, `${field.id}: a shown field's value is taken`);
            } else if (field.onlyIn === 'update') {
              assert.equal(taken, false, `${field.id}: a field only for editing is not taken by a create form`);
            }
          }
        });
      }
    }
  }

  describe('where the answers used to differ: fields only for creating, in an edit form', () => {
    for (const kind of ['gallery', 'managedImage'] as const) {
      it(`${kind}: "Resource group: Use existing / Create new" and the new group's name are not shown, not counted by the host, not taken`, () => {
        const definition = formDefinition(kind);
        const values: FormValues = { ...definition.defaults(), resourceGroupMode: 'new', newResourceGroup: 'rg-new', resourceGroup: 'rg' };
        const state = webviewState(kind, 'update', values);
        const hostFields = fieldsInUse(definition, values, 'update').map((f) => f.id);
        for (const id of ['resourceGroupMode', 'newResourceGroup']) {
          const field = definition.fields.find((f) => f.id === id);
          assert.ok(field);
          assert.equal(state.isShown(field), false, `${id}: the webview does not show it`);
          // Before: the session counted create-only fields as shown in update mode.
          assert.equal(hostFields.includes(id), false, `${id}: the host session does not count it`);
          if (field.immutable !== true) {
            // Before: isLocked said "shown, locked" (help: "Azure does not let this change") for a create-only field.
            assert.equal(isFieldLocked(field, 'update'), false, `${id}: it is hidden, not locked`);
          }
          assert.equal(takenFromWebview(definition, 'update', values, field), false, `${id}: the host keeps Azure's value`);
        }
        // The group the resource is in is shown, locked.
        const group = definition.fields.find((f) => f.id === 'resourceGroup');
        assert.ok(group);
        assert.equal(state.isShown(group), true);
        assert.equal(isFieldLocked(group, 'update'), true);
      });
    }
  });

  it('no code under src/ but the visibility module reads a field\'s visibleWhen or onlyIn to decide', () => {
    const root = path.resolve(__dirname, '../../../src');
    const offenders: string[] = [];
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const file = path.join(dir, name);
        if (statSync(file).isDirectory()) {
          walk(file);
        } else if (file.endsWith('.ts') && !file.endsWith(path.join('domain', 'fieldVisibility.ts'))) {
          const source = readFileSync(file, 'utf8');
          if (/\.visibleWhen\b|\.onlyIn\b/.test(source)) {
            offenders.push(path.relative(root, file));
          }
        }
      }
    };
    walk(root);
    assert.deepEqual(offenders, []);
  });
});
