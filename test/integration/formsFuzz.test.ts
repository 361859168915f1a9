/**
 * Fuzzes the forms' host-side message dispatcher (FormSession.handle) with thousands of malformed
 * messages while the real Azure layer points at the ARM emulator: nothing may throw, nothing may be
 * answered, and the emulator must record no request at all.
 */
import * as assert from 'node:assert/strict';
import '../emulator/trustCa';
import { startEmulator } from '../emulator/ArmEmulator';
import type { RunningEmulator } from '../emulator/ArmEmulator';
import { DEFAULT_SEED_PATH } from '../emulator/testSupport';
import { armServicesFor } from './emulatorServices';
import type { ArmServices } from '../../src/azure/services';
import { ArmFormBackend } from '../../src/webview/FormBackend';
import { FormSession } from '../../src/webview/FormSession';
import { formDefinition } from '../../src/webview/forms/formRegistry';
import { FORM_KINDS } from '../../src/webview/forms/formTypes';
import type { FormMode } from '../../src/webview/forms/formTypes';
import type { HostMessage } from '../../src/webview/protocol';

const SUB = '8f3b1c2d-4e5f-4a6b-9c7d-0e1f2a3b4c5d';
const GALLERY = `/subscriptions/${SUB}/resourceGroups/rg-gallery-prod/providers/Microsoft.Compute/galleries/contosoImages`;
const TARGETS = {
  gallery: GALLERY,
  imageDefinition: `${GALLERY}/images/ubuntu-2404-arm64-g2`,
  imageVersion: `${GALLERY}/images/ubuntu-2404-arm64-g2/versions/1.0.0`,
  application: `${GALLERY}/applications/agent`,
  applicationVersion: `${GALLERY}/applications/agent/versions/1.0.0`,
  managedImage: `/subscriptions/${SUB}/resourceGroups/rg-image-build/providers/Microsoft.Compute/images/img-legacy-vhd-20250110`,
  gallerySharing: GALLERY,
} as const;


/** A small deterministic PRNG (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function fuzzer(seed: number): () => unknown {
  const rnd = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)];
  const strings = ['', 'ready', 'submit', 'change', 'copyTemplate', 'cancel', 'init', '__proto__', 'constructor', 'x'.repeat(20_000), '<script>alert(1)</script>', '\u0000', 'name', 'values'];
  const scalar = (): unknown => pick([null, undefined, 0, -1, 1e308, NaN, true, false, pick(strings), Symbol('s'), 10n, () => 1]);
  const value = (depth: number): unknown => {
    if (depth > 3 || rnd() < 0.4) {
      return scalar();
    }
    if (rnd() < 0.3) {
      return Array.from({ length: Math.floor(rnd() * 4) }, () => value(depth + 1));
    }
    if (rnd() < 0.1) {
      return pick([new Date(), new Map([['a', 1]]), new Uint8Array(3), Object.create(null) as unknown, new (class Values {})(), new Error('x')]);
    }
    const out: Record<string, unknown> = {};
    for (let i = Math.floor(rnd() * 4); i > 0; i--) {
      // Own properties even for "__proto__" / "constructor", as JSON.parse makes them.
      Object.defineProperty(out, pick(strings), { value: value(depth + 1), enumerable: true, writable: true, configurable: true });
    }
    return out;
  };
  /** A valid-looking envelope with something wrong inside. */
  const nearMiss = (): unknown => {
    const type = pick(['ready', 'cancel', 'change', 'submit', 'copyTemplate']);
    switch (Math.floor(rnd() * 7)) {
      case 0:
        return { type, values: value(0), extra: scalar() };
      case 1:
        return { type: type === 'ready' || type === 'cancel' ? type : 'ready', values: {} };
      case 2:
        return { type: type.toUpperCase() };
      case 3:
        return { type, values: { name: pick([1, null, {}, ['a'], [null], 2n]) } };
      case 4:
        return { type, values: { tags: [{ key: 1, value: 'v' }] } };
      case 5:
        return { type, values: { name: 'x'.repeat(10_001) } };
      default:
        return JSON.parse(`{"type":"${type === 'ready' ? 'submit' : type}","values":{"__proto__":{"subscriptionId":"${SUB}"}},"x":1}`) as unknown;
    }
  };
  /** A well-formed submit whose values can never pass the form's checks (empty name). */
  const invalidSubmit = (): unknown => ({ type: 'submit', values: { subscriptionId: pick(['', SUB]), name: '', location: pick(['', 'eastus']), tags: [] } });
  return () => {
    const r = rnd();
    return r < 0.45 ? value(0) : r < 0.9 ? nearMiss() : invalidSubmit();
  };
}

describe('forms: fuzzing the host message dispatcher against the emulator', function () {
  this.timeout(120_000);
  let emulator: RunningEmulator;
  let services: ArmServices;
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown): void => {
    unhandled.push(reason);
  };

  before(async () => {
    emulator = await startEmulator({ seed: DEFAULT_SEED_PATH });
    services = armServicesFor(emulator);
    process.on('unhandledRejection', onUnhandled);
  });
  after(async () => {
    process.off('unhandledRejection', onUnhandled);
    await emulator.close();
  });

  for (const mode of ['create', 'update'] as FormMode[]) {
    it(`${mode} forms: ${FORM_KINDS.length} × 1,500 malformed messages, no crash, no answer, no request`, async () => {
      emulator.requests.length = 0;
      const next = fuzzer(mode === 'create' ? 20261122 : 11222026);
      let sent = 0;
      for (const kind of FORM_KINDS) {
        const posted: HostMessage[] = [];
        const warnings: string[] = [];
        const session = new FormSession({
          definition: formDefinition(kind),
          mode,
          ...(mode === 'update' ? { targetId: TARGETS[kind] } : { values: { subscriptionId: SUB } }),
          backend: new ArmFormBackend(() => Promise.resolve(services)),
          post: (m) => posted.push(m),
          log: { info: () => undefined, warn: (m) => warnings.push(m), error: (m) => warnings.push(m) },
          copyText: () => Promise.resolve(),
        });
        for (let i = 0; i < 1500; i++) {
          const message = next();
          assert.doesNotThrow(() => session.handle(message));
          sent++;
        }
        await new Promise((r) => setTimeout(r, 50));
        // Only the well-formed (but invalid) submits get an answer: their errors, never a request.
        const answers = posted.filter((m) => m.type !== 'validation' && !(m.type === 'result' && !m.ok));
        assert.deepEqual(answers, [], `${kind}: the session answered malformed input`);
        assert.ok(warnings.length > 1000, `${kind}: malformed messages are logged (${warnings.length})`);
        session.dispose();
      }
      await new Promise((r) => setTimeout(r, 200));
      assert.equal(sent, FORM_KINDS.length * 1500);
      assert.deepEqual(emulator.requests, [], 'the emulator received requests');
      assert.deepEqual(unhandled, []);
    });
  }
});
