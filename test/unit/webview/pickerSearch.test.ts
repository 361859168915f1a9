import * as assert from 'node:assert/strict';
import { formDefinition } from '../../../src/webview/forms/formRegistry';
import { FORM_KINDS } from '../../../src/webview/forms/formTypes';
import type { FieldSpec, FormDefinition, FormValues, PickerOption, PickerSource, TableRow } from '../../../src/webview/forms/formTypes';
import { acceptsTypedId, listedOption, looksLikeResourceId, pickerIdProblem, searchOptions } from '../../../src/webview/forms/pickerSearch';

const SUB = '8f3b1c2d-4e5f-4a6b-9c7d-0e1f2a3b4c5d';
const RG = `/subscriptions/${SUB}/resourceGroups/rg-build`;
const VM = (name: string): string => `${RG}/providers/Microsoft.Compute/virtualMachines/${name}`;
const ACCOUNT = `${RG}/providers/Microsoft.Storage/storageAccounts/acct`;
const VERSION = `${RG}/providers/Microsoft.Compute/galleries/g1/images/ubuntu/versions/1.0.0`;

/** 2,500 VMs, as a large subscription lists them. */
const manyVms: PickerOption[] = Array.from({ length: 2500 }, (_, i) => ({
  value: VM(`vm-${String(i).padStart(4, '0')}`),
  label: `vm-${String(i).padStart(4, '0')}`,
  description: `${i % 2 === 0 ? 'westeurope' : 'eastus'} · Linux · rg-build`,
}));

describe('Picker search and typed resource IDs', () => {
  it('finds a VM among thousands by any words of its name, region or ID, and counts the matches', () => {
    const all = searchOptions(manyVms, '', 200);
    assert.equal(all.matches, 2500);
    assert.equal(all.shown.length, 200);
    const one = searchOptions(manyVms, 'VM-2049', 200);
    assert.deepEqual(one.shown.map((o) => o.label), ['vm-2049']);
    assert.equal(one.matches, 1);
    const words = searchOptions(manyVms, 'eastus vm-20', 200);
    assert.equal(words.matches, 50);
    assert.ok(words.shown.every((o) => o.description?.includes('eastus') && o.label.startsWith('vm-20')));
    assert.equal(searchOptions(manyVms, 'nothing-like-this', 200).matches, 0);
  });

  it('takes a pasted ID of the right kind, and says why another is refused', () => {
    assert.ok(looksLikeResourceId(`  ${VM('elsewhere')}`));
    assert.ok(!looksLikeResourceId('vm-0001'));
    assert.equal(pickerIdProblem('virtualMachines', VM('not-listed')), undefined);
    assert.equal(pickerIdProblem('imageVersions', VERSION), undefined);
    assert.equal(pickerIdProblem('diskSources', `${RG}/providers/Microsoft.Compute/snapshots/s1`), undefined);
    assert.match(pickerIdProblem('virtualMachines', ACCOUNT) ?? '', /names a Microsoft\.Storage\/storageAccounts resource, not a virtual machine/);
    assert.match(pickerIdProblem('imageVersions', `${RG}/providers/Microsoft.Compute/galleries/g1/images/ubuntu`) ?? '', /not an image version/);
    assert.match(pickerIdProblem('virtualMachines', '/subscriptions/x/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines') ?? '', /not a full resource ID/);
    assert.match(pickerIdProblem('virtualMachines', `${RG}/providers/Microsoft.Compute/virtualMachines/%2E%2E`) ?? '', /"\.\." as a name|"%2E%2E"/);
    assert.equal(listedOption(manyVms, VM('VM-0007').toUpperCase())?.label, 'vm-0007');
  });

  it('pickers of subscriptions, regions and resource groups take no typed ID', () => {
    for (const source of ['subscriptions', 'locations', 'resourceGroups'] as const) {
      assert.equal(acceptsTypedId(source), false);
      assert.equal(pickerIdProblem(source, 'anything'), undefined);
    }
  });
});

// ---- the host holds the same rule ----------------------------------------------------------------

/** Values that make `field` visible: the defaults, or one select / radio choice changed. */
function valuesShowing(def: FormDefinition, field: FieldSpec): FormValues | undefined {
  const defaults = def.defaults();
  const shows = (values: FormValues): boolean => !field.visibleWhen || field.visibleWhen(values, 'create');
  if (shows(defaults)) {
    return defaults;
  }
  for (const other of def.fields) {
    if (other.type === 'select' || other.type === 'radio') {
      for (const choice of other.choices) {
        const values = { ...defaults, [other.id]: choice.value };
        if (shows(values)) {
          return values;
        }
      }
    }
  }
  return undefined;
}

function wrongKindFor(source: PickerSource): string {
  return source === 'storageAccounts' ? VM('vm1') : ACCOUNT;
}

describe('Typed IDs on the host: the forms refuse what the picker refuses', () => {
  for (const kind of FORM_KINDS) {
    const def = formDefinition(kind);
    for (const field of def.fields.filter((f) => f.onlyIn !== 'update')) {
      const cells = field.type === 'table' ? field.columns.filter((c) => c.type === 'picker' && c.source && acceptsTypedId(c.source)) : [];
      const isIdPicker = field.type === 'picker' && acceptsTypedId(field.source);
      if (!isIdPicker && cells.length === 0) {
        continue;
      }
      it(`${kind}: ${field.label}`, () => {
        const values = valuesShowing(def, field);
        assert.ok(values, `no values show ${field.id}`);
        if (field.type === 'picker') {
          const errors = def.validate({ ...values, [field.id]: wrongKindFor(field.source) }, 'create', { now: Date.now() });
          assert.ok(errors[field.id], `a ${wrongKindFor(field.source)} was accepted as ${field.label}`);
        }
        for (const column of cells) {
          const row: TableRow = { ...Object.fromEntries(field.type === 'table' ? field.columns.map((c) => [c.id, '']) : []), [column.id]: wrongKindFor(column.source ?? 'galleries') };
          if (field.type === 'table' && field.newRow) {
            Object.assign(row, field.newRow(values), { [column.id]: row[column.id] });
          }
          const errors = def.validate({ ...values, [field.id]: [row] }, 'create', { now: Date.now() });
          assert.ok(errors[`${field.id}[0].${column.id}`], `a ${row[column.id]} was accepted as ${column.label} of ${field.label}: ${JSON.stringify(errors)}`);
        }
      });
    }
  }
});
