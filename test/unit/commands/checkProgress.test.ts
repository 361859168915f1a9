/**
 * The reading before Delete's modal question: shown in the status bar, and as a cancellable notification only once it
 * is slow. A notification that ended just before the modal stayed on screen beside it, offering a Cancel that no
 * longer did anything (seen in the VM applications UI runner's delete screenshot).
 */
import * as assert from 'node:assert/strict';
import '../tree/treeTestSupport';
import { withCheckProgress } from '../../../src/commands/checkProgress';
import { progressCalls, ProgressLocation, resetFakes } from '../tree/fakeVscode';

const later = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('progress of the checks before a modal', () => {
  beforeEach(() => resetFakes());

  it('a quick check shows in the status bar only: no notification is left beside the modal', async () => {
    const answer = await withCheckProgress('Listing everything in gal…', async () => {
      await later(5);
      return 'plan';
    }, 50);
    await later(80);
    assert.equal(answer, 'plan');
    assert.deepEqual(progressCalls.map((c) => [c.title, c.location]), [['Listing everything in gal…', ProgressLocation.Window]]);
  });

  it('a slow check is also a notification with Cancel; Cancel stops the reading and the command ends without asking', async () => {
    let aborted = false;
    const run = withCheckProgress('Listing everything in big…', (signal) =>
      new Promise<string>((_resolve, reject) => {
        signal.addEventListener('abort', () => {
          aborted = true;
          reject(Object.assign(new Error('The operation was aborted.'), { name: 'AbortError' }));
        });
      }), 20);
    await later(60);
    assert.deepEqual(progressCalls.map((c) => [c.location, c.cancellable]), [[ProgressLocation.Window, false], [ProgressLocation.Notification, true]]);
    progressCalls[1].token.cancel();
    await assert.rejects(run, /aborted/);
    assert.equal(aborted, true);
  });

  it('a check that fails is reported once, by the command (the error passes through unchanged)', async () => {
    await assert.rejects(withCheckProgress('Checking gal…', () => Promise.reject(new Error('AuthorizationFailed: no access')), 20), /AuthorizationFailed: no access/);
    await later(40);
    assert.equal(progressCalls.filter((c) => c.location === ProgressLocation.Notification).length, 0, 'no notification after it ended');
  });
});
