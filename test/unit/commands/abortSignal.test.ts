import * as assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import { withAbortSignal } from '../../../src/azure/abortSignal';

/** A CancellationToken as VS Code hands one to a progress task or a provider. */
class FakeToken implements vscode.CancellationToken {
  isCancellationRequested = false;
  private readonly listeners = new Set<(e: unknown) => unknown>();
  get listenerCount(): number {
    return this.listeners.size;
  }
  readonly onCancellationRequested = ((listener: (e: unknown) => unknown) => {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }) as unknown as vscode.Event<unknown>;
  cancel(): void {
    this.isCancellationRequested = true;
    [...this.listeners].forEach((l) => l(undefined));
  }
}

describe('withAbortSignal (a CancellationToken bridged to the SDK abortSignal)', () => {
  it('aborts the signal when the user cancels while the work runs', async () => {
    const token = new FakeToken();
    let seen: AbortSignal | undefined;
    const work = withAbortSignal(token, async (signal) => {
      seen = signal;
      await new Promise((resolve) => setImmediate(resolve));
      return signal.aborted;
    });
    token.cancel();
    assert.equal(await work, true);
    assert.equal(seen?.aborted, true);
  });

  it('starts aborted when the token was already cancelled (VS Code does not fire the event again)', async () => {
    const token = new FakeToken();
    token.cancel();
    const abortedAtStart = await withAbortSignal(token, (signal) => Promise.resolve(signal.aborted));
    assert.equal(abortedAtStart, true, 'a request started for a cancelled token must not go out');
  });

  it('stops listening once the work is over, whether it succeeded or failed', async () => {
    const token = new FakeToken();
    assert.equal(await withAbortSignal(token, () => Promise.resolve('done')), 'done');
    assert.equal(token.listenerCount, 0);
    await assert.rejects(withAbortSignal(token, () => Promise.reject(new Error('Conflict'))), /Conflict/);
    assert.equal(token.listenerCount, 0);
  });
});
