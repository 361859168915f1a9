/**
 * The forms' webview state and host-message handling, in plain Node (no DOM): what the user would see change
 * when the host answers, and what an edit does to the values that are sent.
 */
import * as assert from 'node:assert/strict';
import { FormState } from '../../../src/webview/app/formState';
import { applyHostMessage } from '../../../src/webview/app/hostMessages';
import type { FormKind, FormMode, FormValues } from '../../../src/webview/forms/formTypes';
import type { HostMessage, PersistedFormState } from '../../../src/webview/protocol';

const SUB = '11111111-0000-4000-8000-000000000001';
const GALLERY_ID = `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Compute/galleries/g1`;

function init(state: FormState, kind: FormKind, mode: FormMode, values: FormValues = {}, extra: Partial<Extract<HostMessage, { type: 'init' }>> = {}) {
  return applyHostMessage(state, { type: 'init', kind, mode, values, context: { now: 0 }, loading: false, ...(mode === 'update' ? { targetId: GALLERY_ID } : {}), ...extra });
}

describe('forms webview: state and host messages (no DOM)', () => {
  it('ignores what is not a host message', () => {
    const state = new FormState(undefined);
    assert.deepEqual(applyHostMessage(state, { type: 'init', kind: 'nope' }), { render: 'none', persist: false, postChange: false });
    assert.deepEqual(applyHostMessage(state, '<img src=x onerror=alert(1)>'), { render: 'none', persist: false, postChange: false });
    assert.equal(state.definition, undefined);
    assert.equal(state.persisted(), undefined);
  });

  it('init: the form of the kind, its defaults under the host\'s values, kept with setState', () => {
    const state = new FormState(undefined);
    const effect = init(state, 'gallery', 'create', { subscriptionId: SUB });
    assert.deepEqual(effect, { render: 'first', persist: true, postChange: false });
    assert.equal(state.definition?.noun, 'gallery');
    assert.equal(state.values.subscriptionId, SUB);
    assert.equal(state.values.resourceGroupMode, 'existing');
    assert.deepEqual(state.persisted(), { v: 1, kind: 'gallery', mode: 'create', values: state.values, showJson: false });
  });

  it('a reload brings back what was typed into the same form, and tells the host at once; another form starts clean', () => {
    const saved: PersistedFormState = { v: 1, kind: 'gallery', mode: 'update', targetId: GALLERY_ID, values: { description: 'typed before the reload' }, showJson: true };
    const same = new FormState(saved);
    assert.equal(init(same, 'gallery', 'update', { description: 'from Azure' }).postChange, true);
    assert.equal(same.values.description, 'typed before the reload');
    assert.equal(same.showJson, true);

    const other = new FormState(saved);
    const effect = init(other, 'gallery', 'update', { description: 'from Azure' }, { targetId: `${GALLERY_ID}2` });
    assert.equal(effect.postChange, false);
    assert.equal(other.values.description, 'from Azure');
  });

  it('busy: the status line says what runs; a second Create is refused visibly, and the notice goes when the request ends', () => {
    const state = new FormState(undefined);
    init(state, 'gallery', 'create');
    applyHostMessage(state, { type: 'busy', busy: true, message: 'Creating the gallery…' });
    assert.equal(state.busyMessage, 'Creating the gallery…');
    assert.equal(state.submit(), 'busy');
    assert.match(state.notice, /^Already creating: the request was not sent again/);
    applyHostMessage(state, { type: 'busy', busy: false });
    assert.equal(state.notice, '');
    assert.equal(state.busyMessage, '');
  });

  it('a failed result is shown and focused; "still being read" holds the form until the values come', () => {
    const state = new FormState(undefined);
    init(state, 'gallery', 'update');
    const effect = applyHostMessage(state, { type: 'result', ok: false, message: 'The gallery is still being read; try again in a moment.', stillReading: true });
    assert.equal(effect.focus, 'result');
    assert.equal(state.loading, true);
    assert.equal(state.submit(), 'ignored');
    assert.equal(state.applyInput('description', { value: 'x', settled: false }), false, 'nothing can be typed while loading');
    assert.equal(applyHostMessage(state, { type: 'values', values: { description: 'old' } }).persist, true);
    assert.equal(state.loading, false);
    assert.equal(state.applyInput('description', { value: 'new', settled: false }), true);
  });

  it('an edit\'s values coming in (the form was still being read) move the focus to its first field; later values do not', () => {
    const state = new FormState(undefined);
    init(state, 'gallery', 'update');
    state.loading = true;
    assert.equal(applyHostMessage(state, { type: 'values', values: { description: 'old' } }).focus, 'firstField');
    assert.equal(applyHostMessage(state, { type: 'values', values: { description: 'newer' } }).focus, undefined, 'the user may be typing by then');
  });

  it('the Share form\'s confirmation is of the form as it was: another change (a row removed, an ID typed, the mode) unticks it', () => {
    const SUB2 = '11111111-2222-4333-8444-555555555555';
    const TENANT2 = '66666666-7777-4888-8999-aaaaaaaaaaaa';
    const state = new FormState(undefined);
    init(state, 'gallerySharing', 'update', {
      subscriptionId: SUB, resourceGroup: 'rg', name: 'g1', location: 'eastus',
      currentPermission: 'Groups', currentSubscriptions: SUB2, currentTenants: TENANT2,
      permission: 'Groups', subscriptions: [{ id: SUB2 }], tenants: [{ id: TENANT2 }],
    });
    const ticked = (): boolean => state.values.confirm === true;
    state.removeRow('tenants', 0);
    state.applyInput('confirm', { value: 'on', checked: true, settled: true });
    assert.equal(ticked(), true, 'removing the tenant is confirmed');
    state.applyInput('subscriptions', { value: SUB2, row: 0, column: 'id', settled: true });
    assert.equal(ticked(), true, 'leaving a cell unchanged changes nothing');
    state.removeRow('subscriptions', 0);
    assert.equal(ticked(), false, 'removing the subscription too needs its own confirmation');
    state.applyInput('confirm', { value: 'on', checked: true, settled: true });
    state.applyInput('permission', { value: 'Private', settled: true });
    assert.equal(ticked(), false, 'another mode: unticked');
  });

  it('the host\'s error about a field is shown until that field is edited', () => {
    const state = new FormState(undefined);
    init(state, 'gallery', 'create', { subscriptionId: SUB, resourceGroup: 'rg', name: 'g1', location: 'eastus' });
    const effect = applyHostMessage(state, { type: 'validation', errors: { name: 'A gallery named g1 exists already.' } });
    assert.equal(effect.focus, 'firstError');
    assert.equal(state.errors().name, 'A gallery named g1 exists already.');
    state.applyInput('name', { value: 'g2', settled: false });
    assert.equal(state.errors().name, undefined);
  });

  it('errors show only for fields the user has been to (all after Create), never for hidden fields', () => {
    const state = new FormState(undefined);
    init(state, 'gallery', 'create');
    assert.deepEqual(state.errors(), {});
    state.touched.add('name');
    assert.deepEqual(Object.keys(state.errors()), ['name']);
    assert.equal(state.submit(), 'invalid');
    const shown = Object.keys(state.errors());
    assert.ok(shown.includes('resourceGroup'));
    assert.ok(!shown.includes('newResourceGroup'), 'the new group name is hidden while "Use existing" is chosen');
    state.applyInput('resourceGroupMode', { value: 'new', settled: true });
    assert.ok(Object.keys(state.errors()).includes('newResourceGroup'));
    assert.ok(!Object.keys(state.errors()).includes('resourceGroup'));
  });

  it('a table cell, a row added and removed, and a multi choice change the values that are sent', () => {
    const state = new FormState(undefined);
    init(state, 'gallery', 'create');
    assert.equal(state.addRow('tags'), 0);
    state.applyInput('tags', { value: 'env', row: 0, column: 'key', settled: false });
    assert.deepEqual(state.values.tags, [{ key: 'env', value: '' }]);
    assert.ok(state.touched.has('tags[0].key'));
    state.removeRow('tags', 0);
    assert.deepEqual(state.values.tags, []);
    assert.equal(state.addRow('name'), undefined, 'only tables have rows');

    const definitions = new FormState(undefined);
    init(definitions, 'imageDefinition', 'create');
    const multi = definitions.definition?.fields.find((f) => f.type === 'multi');
    assert.ok(multi && multi.type === 'multi');
    const [first, second] = multi.choices;
    definitions.applyInput(multi.id, { value: second.value, checked: true, settled: true });
    definitions.applyInput(multi.id, { value: first.value, checked: true, settled: true });
    assert.equal(definitions.values[multi.id], `${first.value},${second.value}`, 'in the order of the choices');
    definitions.applyInput(multi.id, { value: first.value, checked: false, settled: true });
    assert.equal(definitions.values[multi.id], second.value);
  });

  it('choosing in a picker sets it, clears its search and counts it as visited', () => {
    const state = new FormState(undefined);
    init(state, 'gallery', 'create');
    state.pickerQueries.set('f-subscriptionId', 'prod');
    assert.equal(state.choose('subscriptionId', undefined, SUB, 'f-subscriptionId'), true);
    assert.equal(state.values.subscriptionId, SUB);
    assert.equal(state.pickerQueries.has('f-subscriptionId'), false);
    assert.ok(state.touched.has('subscriptionId'));
  });

  it('the pickers are settled for the benchmark only when no list is loading', () => {
    const state = new FormState(undefined);
    init(state, 'gallery', 'create');
    applyHostMessage(state, { type: 'options', source: 'subscriptions', state: { status: 'loading', options: [] } });
    assert.equal(state.pickersSettled(), false);
    applyHostMessage(state, { type: 'options', source: 'subscriptions', state: { status: 'ready', options: [{ value: SUB, label: 'Prod' }] } });
    assert.equal(state.pickersSettled(), true);
    assert.deepEqual(state.context().options?.subscriptions, [{ value: SUB, label: 'Prod' }]);
  });
});
