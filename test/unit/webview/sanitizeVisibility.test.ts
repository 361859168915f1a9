import * as assert from 'node:assert/strict';
import { formDefinition } from '../../../src/webview/forms/formRegistry';
import type { FieldSpec, FormDefinition, FormValues } from '../../../src/webview/forms/formTypes';
import { sanitizeValues } from '../../../src/webview/forms/sanitize';

/** A form with one field of each visibility rule, to pin what the host takes from the webview. */
function probeForm(): FormDefinition {
  const base = formDefinition('gallery');
  const fields: FieldSpec[] = [
    { id: 'plain', label: 'Plain', section: 'basics', type: 'text' },
    { id: 'createOnly', label: 'Create only', section: 'basics', type: 'text', onlyIn: 'create' },
    { id: 'updateOnly', label: 'Update only', section: 'basics', type: 'checkbox', onlyIn: 'update' },
    { id: 'locked', label: 'Locked', section: 'basics', type: 'text', immutable: true },
    { id: 'switch', label: 'Switch', section: 'basics', type: 'text', immutable: true },
    { id: 'whenOn', label: 'When on', section: 'basics', type: 'text', visibleWhen: (v) => v.switch === 'on' },
  ];
  return { ...base, fields, defaults: () => ({ plain: '', createOnly: '', updateOnly: false, locked: '', switch: 'off', whenOn: '' }) };
}

describe('sanitizeValues: the host takes from the webview only what the user could change (issue 10)', () => {
  const form = probeForm();
  const original: FormValues = { plain: 'p0', createOnly: '', updateOnly: false, locked: 'l0', switch: 'off', whenOn: 'w0' };

  it('update mode: a field the form hides keeps Azure\'s value, even when its rule would show it with the values the webview sent', () => {
    const sent = sanitizeValues(form, 'update', { plain: 'p1', createOnly: 'c1', updateOnly: true, locked: 'l1', switch: 'on', whenOn: 'w1' }, original);
    assert.deepEqual(sent, { plain: 'p1', createOnly: '', updateOnly: true, locked: 'l0', switch: 'off', whenOn: 'w0' });
  });

  it('create mode: a field that exists only when editing is not taken from the webview', () => {
    const sent = sanitizeValues(form, 'create', { plain: 'p1', createOnly: 'c1', updateOnly: true, locked: 'l1', switch: 'off', whenOn: 'w1' });
    assert.equal(sent.updateOnly, false);
    // A field hidden by the values is kept: switching back shows what was typed, and no request body reads it.
    assert.equal(sent.whenOn, 'w1');
    assert.equal(sent.createOnly, 'c1');
  });

  it('create mode: the safety profile flags of a version (issue 11) are taken when creating too, and only as booleans', () => {
    const versions = formDefinition('imageVersion');
    const sent = sanitizeValues(versions, 'create', { ...versions.defaults(), allowDeletionOfReplicatedLocations: true, blockDeletionBeforeEndOfLife: 'true' });
    assert.equal(sent.allowDeletionOfReplicatedLocations, true);
    assert.equal(sent.blockDeletionBeforeEndOfLife, false);
  });

  it('update mode before the resource is read: create-only fields are their defaults', () => {
    const sent = sanitizeValues(form, 'update', { plain: 'p1', createOnly: 'c1', updateOnly: true, locked: 'l1', switch: 'off', whenOn: 'w1' });
    assert.equal(sent.createOnly, '');
  });
});
