import * as assert from 'node:assert/strict';
import { lazyImport } from '../../src/azure/lazyImport';
import { loadArmServices } from '../../src/azure/loadArm';

describe('Lazily loaded bundles (Azure SDK, forms, templates, sign-in)', () => {
  it('try again on the next use after a failed load, instead of failing forever', async () => {
    let attempts = 0;
    const load = lazyImport(() => {
      attempts += 1;
      return attempts === 1 ? Promise.reject(new Error('Cannot find module ./azure.js')) : Promise.resolve('loaded');
    });
    await assert.rejects(load(), /Cannot find module/);
    assert.equal(await load(), 'loaded');
    assert.equal(attempts, 2);
  });

  it('load once while it works: concurrent and later uses share the first load', async () => {
    let attempts = 0;
    const load = lazyImport(async () => {
      attempts += 1;
      await new Promise((resolve) => setImmediate(resolve));
      return { attempt: attempts };
    });
    const [a, b] = await Promise.all([load(), load()]);
    assert.equal(a, b);
    assert.equal(await load(), a);
    assert.equal(attempts, 1);
  });

  it('a loader that throws instead of rejecting is retried too', async () => {
    let attempts = 0;
    const load = lazyImport((): Promise<number> => {
      attempts += 1;
      if (attempts === 1) {
        throw new Error('boom');
      }
      return Promise.resolve(attempts);
    });
    await assert.rejects(load(), /boom/);
    assert.equal(await load(), 2);
  });

  it('the Azure layer loads (the real module behind loadArmServices)', async () => {
    assert.equal(typeof (await loadArmServices()), 'function');
  });
});
