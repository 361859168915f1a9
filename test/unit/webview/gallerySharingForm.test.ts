/**
 * The Share form (issue 13 §1): from a gallery read with its groups to the list of requests shown and sent, the
 * field checks, and the host refusing a consequential change (Reset, Community) without the confirmation.
 */
import * as assert from 'node:assert/strict';
import type { FormBackend, SiblingFacts, SubmitRequest } from '../../../src/webview/FormBackend';
import { FormSession } from '../../../src/webview/FormSession';
import { formDefinition } from '../../../src/webview/forms/formRegistry';
import type { FormValues, JsonObject, PickerOption } from '../../../src/webview/forms/formTypes';
import { plannedSteps } from '../../../src/webview/forms/gallerySharingForm';
import { sanitizeValues } from '../../../src/webview/forms/sanitize';
import { restoreProblem, type HostMessage } from '../../../src/webview/protocol';

const SUB = '8f3b1c2d-4e5f-4a6b-9c7d-0e1f2a3b4c5d';
const OTHER_SUB = '0d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6';
const TENANT = '4b5c6d7e-8f90-4a1b-9c2d-3e4f5a6b7c8d';
const GALLERY_ID = `/subscriptions/${SUB}/resourceGroups/rg-sharing/providers/Microsoft.Compute/galleries/contosoToShare`;
const form = formDefinition('gallerySharing');

function galleryJson(sharingProfile?: JsonObject): JsonObject {
  return { id: GALLERY_ID, name: 'contosoToShare', location: 'eastus', properties: sharingProfile ? { sharingProfile } : {} };
}
const PRIVATE = galleryJson();
const SHARED = galleryJson({ permissions: 'Groups', groups: [{ type: 'Subscriptions', ids: [OTHER_SUB] }, { type: 'AADTenants', ids: [TENANT] }] });

function edit(resource: JsonObject, change: FormValues): { values: FormValues; original: FormValues } {
  const original = form.fromResource(resource);
  return { original, values: sanitizeValues(form, 'update', { ...original, ...change }, original) };
}

describe('Share form (issue 13)', () => {
  it('says who gains and loses access as "Name (GUID)" where the account knows the name; a page cannot supply other names', () => {
    const resource = { ...SHARED, knownNames: { subscriptions: { [OTHER_SUB.toUpperCase()]: 'Northwind Images' }, tenants: { [TENANT]: 'Northwind Traders' }, problems: [] } };
    const { values } = edit(resource, { permission: 'Private', knownNames: JSON.stringify({ subscriptions: { [OTHER_SUB]: 'Someone else' } }) });
    const says = form.warnings?.(values, 'update', { now: 0 }).confirm ?? '';
    assert.ok(says.includes(`at once: Northwind Images (${OTHER_SUB}).`), says);
    assert.ok(says.includes(`at once: Northwind Traders (${TENANT}).`), says);
    const unnamed = edit({ ...SHARED, knownNames: { subscriptions: {}, tenants: {}, problems: ['AuthorizationFailed.'] } }, { permission: 'Private' }).values;
    const plain = form.warnings?.(unnamed, 'update', { now: 0 }).confirm ?? '';
    assert.ok(plain.includes(`at once: ${OTHER_SUB}.`), plain);
    assert.match(plain, /named by ID only where your account could not list them \(AuthorizationFailed\.\)/);
  });

  it('reads where the gallery stands: mode, subscriptions and tenants as rows', () => {
    const values = form.fromResource(SHARED);
    assert.equal(values.permission, 'Groups');
    assert.deepEqual(values.subscriptions, [{ id: OTHER_SUB }]);
    assert.deepEqual(values.tenants, [{ id: TENANT }]);
    assert.equal(form.fromResource(PRIVATE).permission, 'Private');
  });

  it('shows exactly the requests it sends: one POST …/share Add with the subscription and the tenant', () => {
    const { values, original } = edit(PRIVATE, { permission: 'Groups', subscriptions: [{ id: OTHER_SUB }, { id: '' }], tenants: [{ id: ` ${TENANT} ` }] });
    const context = { now: 0, original };
    assert.deepEqual(form.validate(values, 'update', context), {});
    assert.deepEqual(form.requests?.(values, 'update', context), [
      {
        method: 'POST',
        path: `${GALLERY_ID}/share?api-version=2025-12-03`,
        body: { operationType: 'Add', groups: [{ type: 'Subscriptions', ids: [OTHER_SUB] }, { type: 'AADTenants', ids: [TENANT] }] },
      },
    ]);
    assert.deepEqual(form.requestBody(values, 'update', context), { requests: form.requests?.(values, 'update', context) });
  });

  it('flags a row that is not a GUID, a duplicate, and Groups with nobody', () => {
    const { values } = edit(PRIVATE, { permission: 'Groups', subscriptions: [{ id: 'Contoso Production' }, { id: OTHER_SUB }, { id: OTHER_SUB.toUpperCase() }], tenants: [{ id: 'contoso.com' }] });
    const errors = form.validate(values, 'update', { now: 0 });
    assert.match(errors['subscriptions[0].id'] ?? '', /"Contoso Production" is not a subscription ID/);
    assert.equal(errors['subscriptions[2].id'], 'Listed twice.');
    assert.match(errors['tenants[0].id'] ?? '', /"contoso.com" is not a tenant ID/);
    const empty = edit(SHARED, { permission: 'Groups', subscriptions: [], tenants: [] }).values;
    assert.match(form.validate(empty, 'update', { now: 0 }).subscriptions ?? '', /at least one subscription or tenant/);
  });

  it('Community: each publisher field checked; the plan is PATCH then EnableCommunity; confirmation required', () => {
    const bad = edit(PRIVATE, { permission: 'Community', publisherUri: 'http://contoso.com', publisherContact: 'nobody', eula: '', publicNamePrefix: 'co' }).values;
    const errors = form.validate(bad, 'update', { now: 0 });
    assert.match(errors.publisherUri ?? '', /https:\/\//);
    assert.match(errors.publisherContact ?? '', /e-mail address/);
    assert.match(errors.eula ?? '', /EULA/);
    assert.match(errors.publicNamePrefix ?? '', /5 to 16 characters/);
    const good = edit(PRIVATE, { permission: 'Community', publisherUri: 'https://contoso.com', publisherContact: 'images@contoso.com', eula: 'https://contoso.com/eula', publicNamePrefix: 'contoso' }).values;
    assert.deepEqual(Object.keys(form.validate(good, 'update', { now: 0 })), ['confirm']);
    assert.match(form.warnings?.(good, 'update', { now: 0 }).confirm ?? '', /every Azure user/);
    const requests = form.requests?.(good, 'update', { now: 0 }) ?? [];
    assert.deepEqual(requests.map((r) => `${r.method} ${r.path.replace(GALLERY_ID, '{g}')}`), ['PATCH {g}?api-version=2025-12-03', 'POST {g}/share?api-version=2025-12-03']);
    assert.deepEqual(requests[0].body, {
      properties: { sharingProfile: { permissions: 'Community', communityGalleryInfo: { publisherUri: 'https://contoso.com', publisherContact: 'images@contoso.com', eula: 'https://contoso.com/eula', publicNamePrefix: 'contoso' } } },
    });
    assert.deepEqual(requests[1].body, { operationType: 'EnableCommunity' });
  });

  it('a webview cannot claim another starting point: the current state always comes back from Azure', () => {
    const original = form.fromResource(SHARED);
    const forged = sanitizeValues(form, 'update', { ...original, currentPermission: 'Private', currentSubscriptions: '', currentTenants: '', permission: 'Private' }, original);
    assert.equal(forged.currentSubscriptions, OTHER_SUB);
    assert.deepEqual(plannedSteps(forged), [{ kind: 'share', update: { operationType: 'Reset' } }]);
  });
});

class SharingBackend implements FormBackend {
  readonly submitted: SubmitRequest[] = [];
  constructor(private readonly resource: JsonObject) {}
  loadOptions(): Promise<PickerOption[]> {
    return Promise.resolve([]);
  }
  siblingScope(): string | undefined {
    return undefined;
  }
  loadSiblings(): Promise<SiblingFacts> {
    return Promise.resolve({});
  }
  loadResource(): Promise<JsonObject> {
    return Promise.resolve(this.resource);
  }
  submit(request: SubmitRequest): Promise<void> {
    this.submitted.push(request);
    return Promise.resolve();
  }
}

const tick = (): Promise<void> => new Promise((r) => setTimeout(r, 10));

describe('Share form on the host (issue 13)', () => {
  it('comes back after a window reload only for a gallery', () => {
    assert.equal(restoreProblem({ v: 1, kind: 'gallerySharing', mode: 'update', targetId: GALLERY_ID, values: {} }), undefined);
    assert.match(restoreProblem({ v: 1, kind: 'gallerySharing', mode: 'update', targetId: `${GALLERY_ID}/images/ubuntu`, values: {} }) ?? '', /does not match the form \(gallery\)/);
  });

  async function session(resource: JsonObject): Promise<{ s: FormSession; backend: SharingBackend; posted: HostMessage[] }> {
    const backend = new SharingBackend(resource);
    const posted: HostMessage[] = [];
    const s = new FormSession({ definition: form, mode: 'update', targetId: GALLERY_ID, backend, post: (m) => posted.push(m), log: { info: () => undefined, warn: () => undefined, error: () => undefined } });
    s.handle({ type: 'ready' });
    await tick();
    return { s, backend, posted };
  }

  it('refuses Stop sharing (Reset) without the confirmation, whatever the page did, and sends it with it', async () => {
    const { s, backend, posted } = await session(SHARED);
    s.handle({ type: 'submit', values: { ...s.currentValues, permission: 'Private', confirm: false } });
    await tick();
    assert.equal(backend.submitted.length, 0, 'nothing sent');
    const validation = posted.filter((m) => m.type === 'validation').at(-1);
    assert.ok(validation?.type === 'validation' && validation.errors.confirm);
    s.handle({ type: 'submit', values: { ...s.currentValues, permission: 'Private', confirm: true } });
    await tick();
    assert.equal(backend.submitted.length, 1);
    assert.deepEqual(plannedSteps(backend.submitted[0].values), [{ kind: 'share', update: { operationType: 'Reset' } }]);
    assert.equal(backend.submitted[0].target.id, GALLERY_ID);
  });

  it('refuses removing a tenant (it loses access) without the confirmation, and names it next to the checkbox', async () => {
    const { s, backend, posted } = await session(SHARED);
    const values = { ...s.currentValues, permission: 'Groups', subscriptions: [{ id: OTHER_SUB }], tenants: [], confirm: false };
    assert.match(form.warnings?.(values, 'update', { now: 0 }).confirm ?? '', new RegExp(`lose access .*${TENANT}`));
    s.handle({ type: 'submit', values });
    await tick();
    assert.equal(backend.submitted.length, 0, 'nothing sent');
    const validation = posted.filter((m) => m.type === 'validation').at(-1);
    assert.ok(validation?.type === 'validation' && validation.errors.confirm);
    s.handle({ type: 'submit', values: { ...values, confirm: true } });
    await tick();
    assert.deepEqual(plannedSteps(backend.submitted[0].values), [{ kind: 'share', update: { operationType: 'Remove', groups: [{ type: 'AADTenants', ids: [TENANT] }] } }]);
  });

  it('sends an Add without asking for a confirmation (nobody loses access)', async () => {
    const { s, backend } = await session(PRIVATE);
    s.handle({ type: 'submit', values: { ...s.currentValues, permission: 'Groups', subscriptions: [{ id: OTHER_SUB }] } });
    await tick();
    assert.equal(backend.submitted.length, 1);
  });
});
