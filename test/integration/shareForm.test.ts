/**
 * Issue 13 §1 end to end below the UI: the Share form's host (FormSession + ArmFormBackend, the real SDK) against the
 * emulator with seeds/sharing.json. Share a private gallery with a subscription and a tenant (the other tenant sees it),
 * Stop sharing (Reset) only once confirmed, go Community (PATCH + EnableCommunity: a public name), and the gallery's
 * state as the tree words it after each.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import '../emulator/trustCa';
import { startEmulator, type RunningEmulator } from '../emulator/ArmEmulator';
import { parseIdOfKind } from '../../src/azure/armId';
import type { ArmServices } from '../../src/azure/services';
import { sharingStateLabel, sharingStateOf } from '../../src/domain/sharing';
import { ArmFormBackend } from '../../src/webview/FormBackend';
import { FormSession } from '../../src/webview/FormSession';
import { formDefinition } from '../../src/webview/forms/formRegistry';
import type { FormValues } from '../../src/webview/forms/formTypes';
import type { HostMessage } from '../../src/webview/protocol';
import { armServicesFor } from './emulatorServices';

const SEED = path.join(__dirname, '..', 'emulator', 'seeds', 'sharing.json');
const CONTOSO_TENANT = '7c1f4b2e-3d5a-4e8f-9b6c-2a1d0e9f8c7b';
const CONTOSO_SUB = '8f3b1c2d-4e5f-4a6b-9c7d-0e1f2a3b4c5d';
const NORTHWIND_TENANT = '4b5c6d7e-8f90-4a1b-9c2d-3e4f5a6b7c8d';
const NORTHWIND_SUB = '0d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6';
const GALLERY_ID = `/subscriptions/${CONTOSO_SUB}/resourceGroups/rg-sharing/providers/Microsoft.Compute/galleries/contosoToShare`;
const GALLERY = parseIdOfKind(GALLERY_ID, 'gallery');

describe('integration: the Share form against the emulator (issue 13)', function () {
  this.timeout(30000);
  let emulator: RunningEmulator;
  let services: ArmServices;

  beforeEach(async () => {
    emulator = await startEmulator({ seed: SEED, lroDelayMs: 50, retryAfterSeconds: 0 });
    services = armServicesFor(emulator);
  });
  afterEach(async () => {
    await emulator.close();
  });

  /** Opens the form on the gallery, waits for it to be read, submits `change`; the messages the page would get. */
  async function submit(change: FormValues, meanwhile?: () => Promise<void>): Promise<{ posted: HostMessage[]; submitted: number }> {
    const posted: HostMessage[] = [];
    let submitted = 0;
    const session = new FormSession({
      definition: formDefinition('gallerySharing'),
      mode: 'update',
      targetId: GALLERY_ID,
      tenantId: CONTOSO_TENANT,
      backend: new ArmFormBackend(() => Promise.resolve(services), { subscriptionId: CONTOSO_SUB, tenantId: CONTOSO_TENANT }),
      post: (m) => posted.push(m),
      log: { info: () => undefined, warn: () => undefined, error: () => undefined },
      onSubmitted: () => submitted++,
    });
    session.handle({ type: 'ready' });
    for (let i = 0; i < 100 && !posted.some((m) => m.type === 'values'); i++) {
      await new Promise((r) => setTimeout(r, 20));
    }
    await meanwhile?.();
    session.handle({ type: 'submit', values: { ...session.currentValues, ...change } });
    for (let i = 0; i < 250 && !posted.some((m) => m.type === 'result' || m.type === 'validation'); i++) {
      await new Promise((r) => setTimeout(r, 20));
    }
    session.dispose();
    return { posted, submitted };
  }

  async function label(): Promise<string> {
    const gallery = await services.galleryService(CONTOSO_SUB, CONTOSO_TENANT).getGalleryWithSharing(GALLERY);
    return sharingStateLabel(sharingStateOf(gallery.sharingProfile));
  }

  const shareRequests = (): string[] => emulator.requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path.replace(/\?.*$/, '')}`);

  it('shares a private gallery with a subscription and a tenant; the other tenant sees it; nothing else is sent', async () => {
    assert.equal(await label(), 'Private');
    emulator.requests.length = 0;
    const { posted, submitted } = await submit({ permission: 'Groups', subscriptions: [{ id: NORTHWIND_SUB }], tenants: [{ id: NORTHWIND_TENANT }] });
    const result = posted.find((m) => m.type === 'result');
    assert.ok(result?.type === 'result' && result.ok, JSON.stringify(result));
    assert.equal(submitted, 1);
    assert.deepEqual(shareRequests(), [`POST ${GALLERY_ID}/share`]);
    assert.equal(await label(), 'Shared with 1 subscription and 1 tenant');
    // Show Properties reads the gallery with its groups
    const properties = (await services.galleryService(CONTOSO_SUB, CONTOSO_TENANT).getResourceJson(GALLERY)) as { properties?: { sharingProfile?: { groups?: unknown } } };
    assert.deepEqual(properties.properties?.sharingProfile?.groups, [
      { type: 'Subscriptions', ids: [NORTHWIND_SUB] },
      { type: 'AADTenants', ids: [NORTHWIND_TENANT] },
    ]);
    const northwind = services.galleryService(NORTHWIND_SUB, NORTHWIND_TENANT);
    const seen = await northwind.listSharedGalleries('eastus', 'subscription');
    assert.ok(seen.items.some((g) => g.name === 'contosoToShare'), 'Northwind sees the gallery shared with its subscription');
  });

  it('the form names who loses access by the names the account lists ("Northwind Images (GUID)")', async () => {
    await submit({ permission: 'Groups', subscriptions: [{ id: NORTHWIND_SUB }], tenants: [] });
    const backend = new ArmFormBackend(() => Promise.resolve(services), { subscriptionId: CONTOSO_SUB, tenantId: CONTOSO_TENANT });
    const form = formDefinition('gallerySharing');
    const values = { ...form.fromResource(await backend.loadResource(GALLERY_ID, new AbortController().signal, 'gallerySharing')), permission: 'Private' };
    const says = form.warnings?.(values, 'update', { now: 0 }).confirm ?? '';
    assert.ok(says.includes(`at once: Northwind Images (${NORTHWIND_SUB}).`), says);
  });

  it('sends nothing when the gallery\'s sharing changed after the form read it (the confirmation named others)', async () => {
    await submit({ permission: 'Groups', subscriptions: [{ id: NORTHWIND_SUB }], tenants: [] });
    const { posted, submitted } = await submit({ permission: 'Private', confirm: true }, async () => {
      // Someone else shares it with Northwind's tenant while the form is open.
      await services.galleryService(CONTOSO_SUB, CONTOSO_TENANT).updateSharingProfile(GALLERY, { operationType: 'Add', groups: [{ type: 'AADTenants', ids: [NORTHWIND_TENANT] }] });
      emulator.requests.length = 0;
    });
    const result = posted.find((m) => m.type === 'result');
    assert.ok(result?.type === 'result' && !result.ok && /shared differently than when this form read it/.test(result.message), JSON.stringify(result));
    assert.equal(submitted, 0);
    assert.deepEqual(shareRequests(), [], 'no Reset sent');
    assert.equal(await label(), 'Shared with 1 subscription and 1 tenant');
  });

  it('stops sharing only once confirmed: without it nothing is sent', async () => {
    await services.galleryService(CONTOSO_SUB, CONTOSO_TENANT).updateSharingProfile(GALLERY, { operationType: 'Add', groups: [{ type: 'Subscriptions', ids: [NORTHWIND_SUB] }] });
    emulator.requests.length = 0;
    const refused = await submit({ permission: 'Private', confirm: false });
    assert.ok(refused.posted.some((m) => m.type === 'validation' && m.errors.confirm));
    assert.deepEqual(shareRequests(), []);
    assert.equal(await label(), 'Shared with 1 subscription');
    const done = await submit({ permission: 'Private', confirm: true });
    assert.ok(done.posted.some((m) => m.type === 'result' && m.ok));
    assert.equal(await label(), 'Private');
  });

  it('goes Community: PATCH of the publisher information, then EnableCommunity; the gallery gets its public name', async () => {
    emulator.requests.length = 0;
    const { posted } = await submit({
      permission: 'Community',
      publisherUri: 'https://contoso.example.com',
      publisherContact: 'images@contoso.example.com',
      eula: 'https://contoso.example.com/eula',
      publicNamePrefix: 'contoso',
      confirm: true,
    });
    assert.ok(posted.some((m) => m.type === 'result' && m.ok), JSON.stringify(posted.filter((m) => m.type === 'result' || m.type === 'validation')));
    assert.deepEqual(shareRequests(), [`PATCH ${GALLERY_ID}`, `POST ${GALLERY_ID}/share`]);
    assert.match(await label(), /^Community: contoso-[0-9a-f-]{36}$/);
  });

  it('from Community back to a subscription: Reset, then Add', async () => {
    await submit({ permission: 'Community', publisherUri: 'https://c.example.com', publisherContact: 'a@c.example.com', eula: 'https://c.example.com/e', publicNamePrefix: 'contoso', confirm: true });
    emulator.requests.length = 0;
    const { posted } = await submit({ permission: 'Groups', subscriptions: [{ id: NORTHWIND_SUB }], confirm: true });
    assert.ok(posted.some((m) => m.type === 'result' && m.ok));
    assert.deepEqual(shareRequests(), [`POST ${GALLERY_ID}/share`, `POST ${GALLERY_ID}/share`]);
    assert.equal(await label(), 'Shared with 1 subscription');
  });

  it('a request that fails after the first: the form says which, and that the ones before it took effect', async () => {
    // ARM refuses the second request (EnableCommunity) after the PATCH went through.
    emulator.setFaults([{ kind: 'unauthorized', method: 'POST', path: '/share$', times: 5 }]);
    const { posted, submitted } = await submit({ permission: 'Community', publisherUri: 'https://c.example.com', publisherContact: 'a@c.example.com', eula: 'https://c.example.com/e', publicNamePrefix: 'contoso', confirm: true });
    const result = posted.find((m) => m.type === 'result');
    assert.ok(result?.type === 'result' && !result.ok, JSON.stringify(result));
    assert.match(result.message, /^Request 2 of 2 failed: .+ The requests before it took effect/);
    assert.equal(submitted, 0, 'the form stays open');
    assert.equal(await label(), 'Community (not yet enabled)');
  });
});
