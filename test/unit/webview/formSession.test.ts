import * as assert from 'node:assert/strict';
import type { FormBackend, SiblingFacts, SubmitRequest } from '../../../src/webview/FormBackend';
import { FormSession } from '../../../src/webview/FormSession';
import { formDefinition } from '../../../src/webview/forms/formRegistry';
import type { FormKind, FormMode, FormValues, JsonObject, PickerOption, PickerSource } from '../../../src/webview/forms/formTypes';
import type { HostMessage } from '../../../src/webview/protocol';
import { createNonce, escapeHtml, formHtml } from '../../../src/webview/formHtml';

const SUB = '11111111-0000-4000-8000-000000000001';
const GALLERY_ID = `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Compute/galleries/g1`;

class FakeBackend implements FormBackend {
  readonly calls: string[] = [];
  readonly submitted: SubmitRequest[] = [];
  failWith: Error | undefined;
  siblings: SiblingFacts = { siblingNames: ['taken'] };
  resource: JsonObject = { id: GALLERY_ID, name: 'g1', location: 'eastus', properties: { description: 'old' } };

  loadOptions(source: PickerSource): Promise<PickerOption[]> {
    this.calls.push(`options:${source}`);
    return Promise.resolve(source === 'locations' ? [{ value: 'eastus', label: 'East US' }] : []);
  }
  siblingScope(_kind: FormKind, _mode: FormMode, values: FormValues): string | undefined {
    return typeof values.subscriptionId === 'string' && values.subscriptionId ? values.subscriptionId : undefined;
  }
  loadSiblings(): Promise<SiblingFacts> {
    this.calls.push('siblings');
    return Promise.resolve(this.siblings);
  }
  loadResource(id: string): Promise<JsonObject> {
    this.calls.push(`resource:${id}`);
    return Promise.resolve(this.resource);
  }
  submit(request: SubmitRequest): Promise<void> {
    this.calls.push(`submit:${request.target.method}`);
    this.submitted.push(request);
    return this.failWith === undefined ? Promise.resolve() : Promise.reject(this.failWith);
  }
}

function session(mode: FormMode = 'create', values?: FormValues, copied: string[] = []) {
  const backend = new FakeBackend();
  const posted: HostMessage[] = [];
  const warnings: string[] = [];
  let submittedCount = 0;
  const s = new FormSession({
    definition: formDefinition('gallery'),
    mode,
    ...(values ? { values } : {}),
    ...(mode === 'update' ? { targetId: GALLERY_ID } : {}),
    backend,
    post: (m) => posted.push(m),
    log: { info: () => undefined, warn: (m) => warnings.push(m), error: () => undefined },
    onSubmitted: () => submittedCount++,
    copyText: (text) => {
      copied.push(text);
      return Promise.resolve();
    },
  });
  return { s, backend, posted, warnings, submitted: () => submittedCount };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 10));
const good: FormValues = { subscriptionId: SUB, resourceGroupMode: 'existing', resourceGroup: 'rg', name: 'newGallery', location: 'eastus', description: '', tags: [] };

describe('FormSession: the host side of a form', () => {
  it('ignores and logs malformed messages without touching Azure', async () => {
    const { s, backend, posted, warnings } = session();
    for (const m of [null, 'submit', { type: 'submit' }, { type: 'submit', values: { name: 5 } }, { type: 'nope' }]) {
      s.handle(m);
    }
    await settle();
    assert.deepEqual(backend.calls, []);
    assert.deepEqual(posted, []);
    assert.equal(warnings.length, 5);
  });

  it('answers ready with init, then fills the pickers the form uses', async () => {
    const { s, backend, posted } = session('create', { subscriptionId: SUB });
    s.handle({ type: 'ready' });
    await settle();
    assert.equal(posted[0]?.type, 'init');
    assert.deepEqual(backend.calls.filter((c) => c.startsWith('options')).sort(), ['options:locations', 'options:resourceGroups', 'options:subscriptions']);
    assert.ok(posted.some((m) => m.type === 'options' && m.source === 'locations' && m.state.status === 'ready' && m.state.options.length === 1));
  });

  it('sends nothing for invalid values: the errors go back to the form', async () => {
    const { s, backend, posted } = session();
    s.handle({ type: 'submit', values: { ...good, name: 'bad-name' } });
    await settle();
    assert.ok(!backend.calls.includes('siblings') && !backend.calls.some((c) => c.startsWith('submit')));
    const validation = posted.find((m) => m.type === 'validation');
    assert.ok(validation && validation.type === 'validation' && /dash/.test(validation.errors.name ?? ''));
  });

  it('checks the name against a fresh list before sending', async () => {
    const { s, backend, posted } = session();
    s.handle({ type: 'submit', values: { ...good, name: 'Taken' } });
    await settle();
    assert.ok(backend.calls.includes('siblings'));
    assert.equal(backend.submitted.length, 0);
    assert.ok(posted.some((m) => m.type === 'validation' && /already has a gallery/.test(m.errors.name ?? '')));
  });

  it('sends exactly the body the form shows, reports success, and closes', async () => {
    const { s, backend, posted, submitted } = session();
    s.handle({ type: 'submit', values: good });
    await settle();
    assert.equal(backend.submitted.length, 1);
    assert.deepEqual(backend.submitted[0].body, formDefinition('gallery').requestBody(good, 'create', { now: Date.now() }));
    assert.ok(posted.some((m) => m.type === 'result' && m.ok));
    assert.equal(submitted(), 1);
  });

  it('shows ARM\'s message next to the field it names, and keeps the form open', async () => {
    const { s, backend, posted, submitted } = session();
    backend.failWith = Object.assign(new Error('The entity name is invalid.'), {
      code: 'InvalidParameter',
      statusCode: 400,
      response: { bodyAsText: JSON.stringify({ error: { code: 'InvalidParameter', message: 'The entity name is invalid.', target: 'galleryName' } }) },
    });
    s.handle({ type: 'submit', values: good });
    await settle();
    const result = posted.find((m) => m.type === 'result');
    assert.ok(result && result.type === 'result');
    assert.equal(result.ok, false);
    assert.equal(result.code, 'InvalidParameter');
    assert.equal(result.field, 'name');
    assert.match(result.message, /entity name is invalid/);
    assert.equal(submitted(), 0);
  });

  it('copies the ARM template resource of what is typed', async () => {
    const copied: string[] = [];
    const { s, posted } = session('create', undefined, copied);
    s.handle({ type: 'copyTemplate', values: { ...good, tags: [{ key: 'env', value: 'prod' }] } });
    await settle();
    assert.deepEqual(JSON.parse(copied[0]), {
      type: 'Microsoft.Compute/galleries',
      apiVersion: '2025-12-03',
      name: 'newGallery',
      location: 'eastus',
      tags: { env: 'prod' },
    });
    assert.ok(posted.some((m) => m.type === 'notice' && /Copied/.test(m.message)));
  });

  it('a cancelled wait says Azure may still finish, and keeps the form', async () => {
    const { s, backend, posted } = session();
    backend.failWith = Object.assign(new Error('The operation was aborted.'), { name: 'AbortError' });
    s.handle({ type: 'submit', values: good });
    await settle();
    const result = posted.find((m) => m.type === 'result');
    assert.ok(result && result.type === 'result' && !result.ok && /may still finish/.test(result.message));
    assert.equal(s.currentValues.name, 'newGallery');
  });

  it('update mode: reads the resource first and keeps locked fields as Azure has them', async () => {
    const { s, backend, posted } = session('update');
    s.handle({ type: 'ready' });
    await settle();
    assert.ok(backend.calls.includes(`resource:${GALLERY_ID}`));
    assert.ok(posted.some((m) => m.type === 'values' && m.values.description === 'old'));
    s.handle({ type: 'submit', values: { ...good, name: 'renamed', location: 'westus', description: 'new' } });
    await settle();
    assert.equal(backend.submitted.length, 1);
    assert.equal(backend.submitted[0].target.id, GALLERY_ID);
    assert.equal(backend.submitted[0].target.method, 'PATCH');
    assert.deepEqual(backend.submitted[0].body, { properties: { description: 'new' }, tags: {} });
  });
});

describe('FormSession: an image version\'s replicated regions (issue 11)', () => {
  const VERSION_ID = `${GALLERY_ID}/images/ubuntu/versions/1.0.0`;
  function versionSession(allowDeletionOfReplicatedLocations: boolean) {
    const backend = new FakeBackend();
    backend.resource = {
      id: VERSION_ID,
      name: '1.0.0',
      location: 'eastus',
      properties: {
        publishingProfile: { targetRegions: [{ name: 'East US', regionalReplicaCount: 1 }, { name: 'West Europe', regionalReplicaCount: 1 }], replicaCount: 1 },
        storageProfile: { source: { id: `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Compute/images/img1` } },
        safetyProfile: { allowDeletionOfReplicatedLocations, blockDeletionBeforeEndOfLife: false },
      },
    };
    const posted: HostMessage[] = [];
    const s = new FormSession({
      definition: formDefinition('imageVersion'),
      mode: 'update',
      targetId: VERSION_ID,
      backend,
      post: (m) => posted.push(m),
      log: { info: () => undefined, warn: () => undefined, error: () => undefined },
    });
    return { s, backend, posted };
  }
  const shown = (posted: HostMessage[]): FormValues => {
    const values = posted.filter((m): m is Extract<HostMessage, { type: 'values' }> => m.type === 'values').pop()?.values;
    assert.ok(values, 'the form got the version\'s values');
    return values;
  };
  const withoutWestEurope = (values: FormValues): FormValues => ({ ...values, targetRegions: (values.targetRegions as readonly Record<string, string>[]).slice(0, 1) });

  it('refuses, before sending, an update that drops a replicated region while the version does not allow it', async () => {
    const { s, backend, posted } = versionSession(false);
    s.handle({ type: 'ready' });
    await settle();
    const values = shown(posted);
    assert.equal(values.allowDeletionOfReplicatedLocations, false);
    s.handle({ type: 'submit', values: withoutWestEurope(values) });
    await settle();
    assert.equal(backend.submitted.length, 0);
    const validation = posted.filter((m): m is Extract<HostMessage, { type: 'validation' }> => m.type === 'validation').pop();
    assert.match(validation?.errors.targetRegions ?? '', /^West Europe is already replicated and this version does not allow removing replicated regions/);
  });

  it('sends the update when the same edit allows it: the flag and the smaller region set in one PATCH', async () => {
    const { s, backend, posted } = versionSession(false);
    s.handle({ type: 'ready' });
    await settle();
    s.handle({ type: 'submit', values: { ...withoutWestEurope(shown(posted)), allowDeletionOfReplicatedLocations: true } });
    await settle();
    assert.equal(backend.submitted.length, 1);
    const properties = backend.submitted[0].body.properties as { safetyProfile?: unknown; publishingProfile: { targetRegions: unknown } };
    assert.deepEqual(properties.safetyProfile, { allowDeletionOfReplicatedLocations: true });
    assert.deepEqual(properties.publishingProfile.targetRegions, [{ name: 'East US', regionalReplicaCount: 1 }]);
  });
});

describe('FormSession: nothing reported is lost, nothing is sent twice (issue 9)', () => {
  /** A backend whose write waits until the test says how it ends. */
  class HeldBackend extends FakeBackend {
    private release: ((err?: Error) => void) | undefined;
    override submit(request: SubmitRequest): Promise<void> {
      this.calls.push(`submit:${request.target.method}`);
      this.submitted.push(request);
      return new Promise<void>((resolve, reject) => {
        this.release = (err) => (err ? reject(err) : resolve());
      });
    }
    finish(err?: Error): void {
      this.release?.(err);
    }
  }

  /** A panel that can be hidden: like a webview without retainContextWhenHidden, it misses what is posted meanwhile. */
  function hiddenPanelSession(mode: FormMode = 'create', targetId?: string, resource?: JsonObject) {
    const backend = new HeldBackend();
    if (resource) {
      backend.resource = resource;
    }
    const seen: HostMessage[] = [];
    let visible = true;
    const s = new FormSession({
      definition: formDefinition('gallery'),
      mode,
      ...(targetId ? { targetId } : {}),
      backend,
      post: (m) => {
        if (visible) {
          seen.push(m);
        }
      },
      log: { info: () => undefined, warn: () => undefined, error: () => undefined },
    });
    return { s, backend, seen, hide: () => (visible = false), show: () => (visible = true) };
  }

  it('a form hidden while its request runs shows the error when it is shown again', async () => {
    const { s, backend, seen, hide, show } = hiddenPanelSession();
    s.handle({ type: 'ready' });
    s.handle({ type: 'submit', values: good });
    await settle();
    assert.ok(seen.some((m) => m.type === 'busy' && m.busy));
    hide();
    backend.finish(Object.assign(new Error('Quota exceeded for galleries.'), { code: 'QuotaExceeded', statusCode: 409 }));
    await settle();
    show();
    const since = seen.length;
    // The webview was destroyed while hidden: it loads again and says it is ready.
    s.handle({ type: 'ready' });
    await settle();
    const after = seen.slice(since);
    assert.equal(after[0]?.type, 'init');
    const result = after.find((m) => m.type === 'result');
    assert.ok(result && result.type === 'result' && !result.ok && /Quota exceeded/.test(result.message), JSON.stringify(after));
    assert.ok(!after.some((m) => m.type === 'busy' && m.busy), 'the form is no longer busy');
  });

  it('a form shown again while its request still runs is busy, and then gets the success', async () => {
    const { s, backend, seen, hide, show } = hiddenPanelSession();
    s.handle({ type: 'ready' });
    s.handle({ type: 'submit', values: good });
    await settle();
    hide();
    show();
    const since = seen.length;
    s.handle({ type: 'ready' });
    await settle();
    const busy = seen.slice(since).find((m) => m.type === 'busy');
    assert.ok(busy && busy.type === 'busy' && busy.busy && /Creating the gallery/.test(busy.message ?? ''));
    backend.finish();
    await settle();
    assert.ok(seen.some((m) => m.type === 'result' && m.ok && m.message === 'Created the gallery.'));
  });

  it('a second submit while the first runs is not sent, and the form says so', async () => {
    const { s, backend, seen } = hiddenPanelSession();
    s.handle({ type: 'ready' });
    s.handle({ type: 'submit', values: good });
    s.handle({ type: 'submit', values: good });
    await settle();
    s.handle({ type: 'submit', values: good });
    await settle();
    assert.equal(backend.submitted.length, 1);
    const notices = seen.filter((m) => m.type === 'notice');
    assert.equal(notices.length, 2);
    assert.match(notices[0].type === 'notice' ? notices[0].message : '', /Already creating the gallery: the second request was not sent/);
    backend.finish();
    await settle();
    s.handle({ type: 'submit', values: { ...good, name: 'anotherGallery' } });
    await settle();
    assert.equal(backend.submitted.length, 2, 'once the first finished, a new submit is sent');
  });

  it('edits a resource whose resource group has non-ASCII letters (Azure\'s id and the form\'s compared decoded)', async () => {
    // Azure returns ids with names as they are; the form builds its target with the names escaped.
    const azureId = `/subscriptions/${SUB}/resourceGroups/RG-Café/providers/Microsoft.Compute/galleries/g1`;
    const { s, backend, seen } = hiddenPanelSession('update', azureId, { id: azureId, name: 'g1', location: 'eastus', properties: { description: 'old' } });
    s.handle({ type: 'ready' });
    await settle();
    const loaded = seen.find((m) => m.type === 'values');
    assert.ok(loaded && loaded.type === 'values');
    s.handle({ type: 'submit', values: { ...loaded.values, description: 'new' } });
    await settle();
    assert.ok(!seen.some((m) => m.type === 'validation'), JSON.stringify(seen.filter((m) => m.type === 'validation')));
    assert.equal(backend.submitted.length, 1);
    assert.equal(backend.submitted[0].target.method, 'PATCH');
    assert.equal(backend.submitted[0].target.id, azureId, 'the request goes to the resource the form loaded');
    backend.finish();
  });
});

describe('form webview HTML', () => {
  it('allows only our script (with a fresh nonce) and stylesheet, and no form posts', () => {
    const nonce = createNonce();
    assert.notEqual(nonce, createNonce());
    assert.equal(Buffer.from(nonce, 'base64').length, 16);
    const html = formHtml({ cspSource: 'https://x.vscode-cdn.net', nonce, scriptUri: 'https://x/dist/webview.js', styleUri: 'https://x/media/forms.css', title: '<b>"x"</b>' });
    const csp = (/Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '').replace(/&#39;/g, "'");
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, new RegExp(`script-src 'nonce-${nonce.replace(/[+/=]/g, '\\$&')}'`));
    assert.match(csp, /form-action 'none'/);
    assert.doesNotMatch(csp, /unsafe/);
    assert.match(html, /<title>&lt;b&gt;&quot;x&quot;&lt;\/b&gt;<\/title>/);
    assert.equal(escapeHtml(`<img src=x onerror="a">'`), '&lt;img src=x onerror=&quot;a&quot;&gt;&#39;');
  });
});
