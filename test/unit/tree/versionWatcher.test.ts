import * as assert from 'node:assert/strict';
import { FakeAzure, SUB, TENANT, recordingLog, settle } from './treeTestSupport';
import { resetFakes, shownMessages } from './fakeVscode';
import { galleryId, imageDefinitionId, imageVersionId } from '../../../src/azure/armId';
import type { GalleryImageVersion } from '../../../src/azure/services';
import { GalleryTreeDataProvider } from '../../../src/tree/GalleryTreeDataProvider';
import { ImageVersionNode } from '../../../src/tree/ImageVersionNode';
import { VersionWatcher } from '../../../src/tree/VersionWatcher';
import type { TreeNode } from '../../../src/tree/TreeNode';
import { testContext } from './treeTestSupport';

const VERSION = imageVersionId(imageDefinitionId(galleryId(SUB, 'rg', 'g'), 'ubuntu'), '1.0.0');
const HOUR = 60 * 60 * 1000;

const replicating = (percent: number): GalleryImageVersion => ({
  id: VERSION.id,
  name: '1.0.0',
  location: 'eastus',
  provisioningState: 'Creating',
  replicationStatus: { aggregatedState: 'InProgress', summary: [{ region: 'eastus', state: 'Completed', progress: 100 }, { region: 'westus', state: 'Replicating', progress: percent }] },
});

function armError(statusCode: number, code: string, message: string): Error {
  return Object.assign(new Error(message), { statusCode, code });
}

/** Timers and clock the test moves by hand: each re-check runs when the test says so. */
class ManualTime {
  now = 0;
  private queue: Array<{ at: number; run: () => void; cancelled: boolean }> = [];
  readonly schedule = (run: () => void, ms: number): { cancel(): void } => {
    const entry = { at: this.now + ms, run, cancelled: false };
    this.queue.push(entry);
    return { cancel: () => void (entry.cancelled = true) };
  };
  get pending(): number {
    return this.queue.filter((e) => !e.cancelled).length;
  }
  /** Runs the next re-check (moving the clock to it, or `advanceMs` further) and lets it finish. */
  async next(advanceMs = 0): Promise<void> {
    const live = this.queue.filter((e) => !e.cancelled).sort((a, b) => a.at - b.at);
    const entry = live[0];
    assert.ok(entry, 'a re-check is scheduled');
    this.queue = this.queue.filter((e) => e !== entry);
    this.now = Math.max(this.now + advanceMs, entry.at);
    entry.run();
    for (let i = 0; i < 5; i++) await settle();
  }
}

function setup(answer: () => Promise<GalleryImageVersion>) {
  const azure = new FakeAzure();
  azure.getVersion = answer;
  const time = new ManualTime();
  const log = recordingLog();
  const watcher = new VersionWatcher(azure.account(), log as never, { baseDelayMs: 1000, stallLimitMs: 2 * HOUR, now: () => time.now, schedule: time.schedule });
  return { azure, time, log, watcher };
}

describe('version watcher: stops, and says why', () => {
  beforeEach(resetFakes);

  it('stops on 403 and tells the user once', async () => {
    const { time, watcher, azure } = setup(() => Promise.reject(armError(403, 'AuthorizationFailed', "The client 'x' does not have authorization to perform action 'Microsoft.Compute/galleries/images/versions/read'.")));
    watcher.watch(VERSION, TENANT, replicating(10));
    await time.next();
    assert.equal(time.pending, 0, 'no further re-checks');
    assert.equal(shownMessages.length, 1, shownMessages.join('\n'));
    assert.match(shownMessages[0], /^warning: Stopped following image version g\/ubuntu\/1\.0\.0: .*permission/i);
    // The tree redraws the row and asks to watch again: no new polling, no second message.
    watcher.watch(VERSION, TENANT, replicating(10));
    assert.equal(time.pending, 0);
    assert.equal(shownMessages.length, 1);
    assert.equal(azure.calls.length, 1);
    assert.match(watcher.stoppedReason(VERSION.id) ?? '', /permission/);
  });

  it('stops when the version is gone (404) and says so', async () => {
    const { time, watcher } = setup(() => Promise.reject(armError(404, 'ResourceNotFound', "The Resource 'Microsoft.Compute/galleries/g/images/ubuntu/versions/1.0.0' under resource group 'rg' was not found.")));
    watcher.watch(VERSION, TENANT, replicating(10));
    await time.next();
    assert.equal(time.pending, 0);
    assert.equal(shownMessages.length, 1, shownMessages.join('\n'));
    assert.match(shownMessages[0], /Stopped following image version g\/ubuntu\/1\.0\.0: it no longer exists/);
  });

  it('stops when its parent is gone (404 ParentResourceNotFound) and says so', async () => {
    const { time, watcher } = setup(() => Promise.reject(armError(404, 'ParentResourceNotFound', "Can not perform requested operation on nested resource. Parent resource 'g/ubuntu' not found.")));
    watcher.watch(VERSION, TENANT, replicating(10));
    await time.next();
    assert.equal(time.pending, 0);
    assert.equal(shownMessages.length, 1, shownMessages.join('\n'));
    assert.match(shownMessages[0], /Stopped following image version g\/ubuntu\/1\.0\.0: its image definition or gallery no longer exists/);
  });

  it('stops after 2 hours without progress, and says where it was stuck', async () => {
    const { time, watcher } = setup(() => Promise.resolve(replicating(40)));
    watcher.watch(VERSION, TENANT, replicating(40));
    let checks = 0;
    while (time.pending > 0 && checks < 500) {
      await time.next(10 * 60 * 1000);
      checks++;
    }
    assert.equal(time.pending, 0, 'the watcher stopped');
    assert.ok(time.now >= 2 * HOUR && time.now < 2.5 * HOUR, `stopped after about 2 hours (${time.now / HOUR} h)`);
    assert.equal(shownMessages.length, 1, shownMessages.join('\n'));
    assert.match(shownMessages[0], /^warning: Image version g\/ubuntu\/1\.0\.0 has made no progress for 2 hours \(Replicating 70% · 1 of 2 regions\)/);
  });

  it('keeps following while progress moves, however long it takes', async () => {
    let percent = 0;
    const { time, watcher } = setup(() => Promise.resolve(replicating(Math.min(99, ++percent))));
    watcher.watch(VERSION, TENANT, replicating(0));
    for (let i = 0; i < 30; i++) {
      await time.next(10 * 60 * 1000);
    }
    assert.ok(time.now > 4 * HOUR);
    assert.equal(time.pending, 1, 'still following');
    assert.deepEqual(shownMessages, []);
  });

  it('stops when Azure keeps failing for 2 hours (errors are not progress)', async () => {
    const { time, watcher, log } = setup(() => Promise.reject(armError(503, 'ServiceUnavailable', 'Try later.')));
    watcher.watch(VERSION, TENANT, replicating(40));
    let checks = 0;
    while (time.pending > 0 && checks < 500) {
      await time.next(10 * 60 * 1000);
      checks++;
    }
    assert.equal(time.pending, 0);
    assert.ok(time.now >= 2 * HOUR && time.now < 2.5 * HOUR, `stopped after about 2 hours (${time.now / HOUR} h)`);
    assert.equal(shownMessages.length, 1, shownMessages.join('\n'));
    assert.match(shownMessages[0], /couldn't be re-checked for 2 hours.*Try later/);
    assert.ok(log.lines.some((l) => l.startsWith('warn:') && l.includes('will try again')));
  });

  it('a state read elsewhere (a hover) is recorded under the tree id, whatever id text Azure returned', () => {
    const { watcher } = setup(() => Promise.resolve(replicating(40)));
    const odd = { ...replicating(80), id: `/subscriptions/${SUB}/resourceGroups/RG/providers/Microsoft.Compute/locations/eastus/Galleries/g/Images/ubuntu/Versions/1.0.0` };
    watcher.record(VERSION.id, odd);
    assert.equal(watcher.current(VERSION.id.toLowerCase())?.replicationStatus?.summary?.[1].progress, 80);
  });

  it('stopping after a delete started from the tree is silent', () => {
    const { time, watcher } = setup(() => Promise.reject(armError(404, 'ResourceNotFound', 'gone')));
    watcher.watch(VERSION, TENANT, replicating(10));
    watcher.unwatch(imageDefinitionId(galleryId(SUB, 'rg', 'g'), 'ubuntu').id);
    assert.equal(time.pending, 0);
    assert.deepEqual(shownMessages, []);
  });

  it("a stopped version's row says it is not updating instead of spinning", async () => {
    const { time, watcher, azure } = setup(() => Promise.reject(armError(403, 'AuthorizationFailed', 'denied')));
    const ctx = { ...testContext(azure), versions: watcher };
    const parent = { id: 'definition', parent: undefined, getTreeItem: () => { throw new Error('unused'); } } as TreeNode;
    const node = new ImageVersionNode(ctx, parent, replicating(10), undefined, TENANT, VERSION);
    assert.equal((node.getTreeItem().iconPath as { id: string }).id, 'sync~spin');
    await time.next();
    const item = node.getTreeItem();
    assert.equal((item.iconPath as { id: string }).id, 'warning');
    assert.match(String(item.description), /not updating — refresh to check/);
  });

  it('deleting from the tree stops following the versions under it, without a "no longer exists" message', () => {
    const azure = new FakeAzure();
    azure.getVersion = () => Promise.reject(armError(404, 'ResourceNotFound', 'gone'));
    const time = new ManualTime();
    const account = Object.assign(azure.account(), { onDidChange: () => ({ dispose: () => undefined }) });
    const tree = new GalleryTreeDataProvider(account, recordingLog() as never, { now: () => time.now, schedule: time.schedule });
    try {
      tree.versions.watch(VERSION, TENANT, replicating(10));
      assert.equal(time.pending, 1);
      tree.markPending(imageDefinitionId(galleryId(SUB, 'rg', 'g'), 'ubuntu').id, 'Deleting…');
      assert.equal(time.pending, 0);
      assert.deepEqual(shownMessages, []);
    } finally {
      tree.dispose();
    }
  });

  it('refreshing the definition lets a stopped version be followed again', async () => {
    const azure = new FakeAzure();
    azure.getVersion = () => Promise.reject(armError(403, 'AuthorizationFailed', 'denied'));
    const time = new ManualTime();
    const account = Object.assign(azure.account(), { onDidChange: () => ({ dispose: () => undefined }) });
    const tree = new GalleryTreeDataProvider(account, recordingLog() as never, { now: () => time.now, schedule: time.schedule });
    try {
      tree.versions.watch(VERSION, TENANT, replicating(10));
      await time.next();
      assert.equal(time.pending, 0);
      tree.versions.watch(VERSION, TENANT, replicating(10));
      assert.equal(time.pending, 0, 'stopped: a redraw does not restart it');
      const definition = { id: VERSION.id.slice(0, VERSION.id.indexOf('/versions/')).toLowerCase(), parent: undefined, reset: () => undefined, getTreeItem: () => { throw new Error('unused'); } } as TreeNode;
      tree.reload(definition);
      tree.versions.watch(VERSION, TENANT, replicating(10));
      assert.equal(time.pending, 1, 'followed again after the user refreshed its definition');
    } finally {
      tree.dispose();
    }
  });
});
