import * as assert from 'node:assert/strict';
import { isHostMessage, isPersistedFormState, LIMITS, parseWebviewMessage, restoreProblem } from '../../../src/webview/protocol';

describe('form protocol: what the host accepts from a webview', () => {
  it('accepts the five message types in their exact shape', () => {
    assert.deepEqual(parseWebviewMessage({ type: 'ready' }), { type: 'ready' });
    assert.deepEqual(parseWebviewMessage({ type: 'cancel' }), { type: 'cancel' });
    const values = { name: 'g', tags: [{ key: 'a', value: 'b' }], excludeFromLatest: true };
    assert.deepEqual(parseWebviewMessage({ type: 'change', values }), { type: 'change', values });
    assert.deepEqual(parseWebviewMessage({ type: 'submit', values }), { type: 'submit', values });
    assert.deepEqual(parseWebviewMessage({ type: 'copyTemplate', values }), { type: 'copyTemplate', values });
  });

  it('rejects unknown types, extra members, wrong value shapes and oversized input', () => {
    const bad: unknown[] = [
      undefined,
      null,
      42,
      'ready',
      [],
      [{ type: 'ready' }],
      {},
      { type: 'READY' },
      { type: 'ready', extra: 1 },
      { type: 'submit' },
      { type: 'submit', values: null },
      { type: 'submit', values: [] },
      { type: 'submit', values: { name: 1 } },
      { type: 'submit', values: { name: null } },
      { type: 'submit', values: { tags: [1] } },
      { type: 'submit', values: { tags: [{ key: 1 }] } },
      { type: 'submit', values: { nested: { a: 'b' } } },
      { type: 'submit', values: { name: 'x'.repeat(LIMITS.text + 1) } },
      { type: 'submit', values: Object.fromEntries(Array.from({ length: LIMITS.fields + 1 }, (_, i) => [`f${i}`, ''])) },
      { type: 'submit', values: { rows: Array.from({ length: LIMITS.rows + 1 }, () => ({})) } },
      { type: 'submit', values: { name: 'a' }, extra: true },
      { type: 'submit', values: new Map() },
      { type: 'submit', values: Object.create({ name: 'inherited' }) as unknown },
      JSON.parse('{"type":"submit","values":{"__proto__":{"polluted":"yes"}}}'),
    ];
    for (const message of bad) {
      assert.equal(parseWebviewMessage(message), undefined, `accepted ${JSON.stringify(message)}`);
    }
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });

  it('checks what the webview gets from the host and what it persists', () => {
    assert.ok(isHostMessage({ type: 'busy', busy: true }));
    assert.ok(!isHostMessage({ type: 'busy', busy: 'yes' }));
    assert.ok(!isHostMessage({ type: 'init', kind: 'vm', mode: 'create', values: {}, context: {}, loading: false }));
    assert.ok(isHostMessage({ type: 'options', source: 'locations', state: { status: 'ready', options: [] } }));
    assert.ok(!isHostMessage({ type: 'options', source: 'everything', state: { status: 'ready', options: [] } }));
    assert.ok(isPersistedFormState({ v: 1, kind: 'gallery', mode: 'create', values: { name: 'x' } }));
    assert.ok(!isPersistedFormState({ v: 2, kind: 'gallery', mode: 'create', values: {} }));
    assert.ok(!isPersistedFormState({ v: 1, kind: 'gallery', mode: 'delete', values: {} }));
  });
});

describe('restoring a saved form (issue 9)', () => {
  const good = '/subscriptions/8f3b1c2d-4e5f-4a6b-9c7d-0e1f2a3b4c5d/resourceGroups/rg/providers/Microsoft.Compute/galleries/g1';
  it('refuses saved IDs with malformed escapes or ".." segments with a readable reason, without throwing', () => {
    for (const targetId of [`${good}%E0%A4%A`, `${good}/images/..`.replace('/images/..', '/../g2')]) {
      const state = { v: 1, kind: 'gallery', mode: 'update', targetId, values: {} } as const;
      assert.ok(isPersistedFormState(state));
      let problem: string | undefined;
      assert.doesNotThrow(() => {
        problem = restoreProblem(state);
      });
      assert.match(problem ?? '', /malformed %-escape|"\." or "\.\." segments/);
    }
    assert.equal(restoreProblem({ v: 1, kind: 'gallery', mode: 'update', targetId: good, values: {} }), undefined);
    assert.match(restoreProblem({ v: 1, kind: 'imageVersion', mode: 'update', targetId: good, values: {} }) ?? '', /does not match the form \(image version\)/);
  });
});
