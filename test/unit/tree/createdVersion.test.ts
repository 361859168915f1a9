/**
 * A version created from a form (image version or VM application version, the same code): once Azure accepted the
 * create, the tree shows the version's own row with its live replication progress instead of the "Creating…"
 * placeholder, followed by the watcher; the form's notification stays the one outcome.
 */
import * as assert from 'node:assert/strict';
import { FakeAzure, SUB, TENANT, page, recordingLog, settle } from './treeTestSupport';
import { resetFakes, shownMessages } from './fakeVscode';
import { applicationId, applicationVersionId, galleryId, imageDefinitionId, imageVersionId } from '../../../src/azure/armId';
import type { GalleryApplicationVersion } from '../../../src/azure/services';
import { ApplicationNode, ApplicationVersionNode } from '../../../src/tree/ApplicationNodes';
import { CreatingNode } from '../../../src/tree/CreatingNode';
import { GalleryTreeDataProvider } from '../../../src/tree/GalleryTreeDataProvider';
import { ImageDefinitionNode } from '../../../src/tree/ImageDefinitionNode';
import { ImageVersionNode } from '../../../src/tree/ImageVersionNode';
import type { TreeNode } from '../../../src/tree/TreeNode';
import type { GalleryVersionId } from '../../../src/tree/VersionNode';

const GALLERY = galleryId(SUB, 'rg', 'gal');
const APP = applicationId(GALLERY, 'agent');
const DEFINITION = imageDefinitionId(GALLERY, 'ubuntu');

/** What a version looks like to the list (no replication status, as in Azure) and to a GET with $expand. */
const listed = (id: GalleryVersionId, provisioningState: string): GalleryApplicationVersion => ({ id: id.id, name: id.version, location: 'westeurope', provisioningState });
const replicating = (id: GalleryVersionId, percent: number): GalleryApplicationVersion => ({
  ...listed(id, 'Creating'),
  replicationStatus: {
    aggregatedState: 'InProgress',
    summary: [
      { region: 'westeurope', state: 'Completed', progress: 100 },
      { region: 'eastus', state: 'Replicating', progress: percent },
    ],
  },
});
const replicated = (id: GalleryVersionId): GalleryApplicationVersion => ({
  ...listed(id, 'Succeeded'),
  replicationStatus: { aggregatedState: 'Completed', summary: [{ region: 'westeurope', state: 'Completed', progress: 100 }, { region: 'eastus', state: 'Completed', progress: 100 }] },
});

interface Kind {
  readonly name: string;
  readonly id: GalleryVersionId;
  /** Sets what the version list answers. */
  list(azure: FakeAzure, items: unknown[]): void;
  /** Sets what a GET of the version answers, one answer per read. */
  reads(azure: FakeAzure, answers: Array<() => Promise<unknown>>): void;
  parent(tree: GalleryTreeDataProvider, holder: TreeNode): TreeNode;
  readonly row: new (...args: never[]) => TreeNode;
  readonly ready: string;
}

const next = (answers: Array<() => Promise<unknown>>) => (): Promise<unknown> => (answers.shift() ?? (() => Promise.reject(new Error('no more answers'))))();

const KINDS: Kind[] = [
  {
    name: 'VM application version',
    id: applicationVersionId(APP, '1.0.0'),
    list: (azure, items) => void (azure.applicationVersions = () => page(items)),
    reads: (azure, answers) => void (azure.getApplicationVersion = next(answers)),
    parent: (tree, holder) => new ApplicationNode(tree, holder, { id: APP.id, name: 'agent', location: 'westeurope', supportedOSType: 'Linux' }, TENANT, APP),
    row: ApplicationVersionNode,
    ready: 'info: VM application version gal/agent/1.0.0 is ready and replicated to 2 regions.',
  },
  {
    name: 'image version',
    id: imageVersionId(DEFINITION, '1.0.0'),
    list: (azure, items) => void (azure.versions = () => page(items)),
    reads: (azure, answers) => void (azure.getVersion = next(answers)),
    parent: (tree, holder) => new ImageDefinitionNode(tree, holder, { id: DEFINITION.id, name: 'ubuntu', location: 'westeurope', osType: 'Linux', osState: 'Generalized', identifier: { publisher: 'p', offer: 'o', sku: 's' } }, TENANT, DEFINITION),
    row: ImageVersionNode,
    ready: 'info: Image version gal/ubuntu/1.0.0 is ready and replicated to 2 regions.',
  },
];

/** Re-checks the test runs by hand, with the delay each was scheduled at. */
class Checks {
  private queue: Array<{ run: () => void; ms: number; cancelled: boolean }> = [];
  readonly schedule = (run: () => void, ms: number): { cancel(): void } => {
    const entry = { run, ms, cancelled: false };
    this.queue.push(entry);
    return { cancel: () => void (entry.cancelled = true) };
  };
  /** Delays of the re-checks waiting to run. */
  get waiting(): number[] {
    return this.queue.filter((e) => !e.cancelled).map((e) => e.ms);
  }
  async runNext(): Promise<void> {
    const entry = this.queue.find((e) => !e.cancelled);
    assert.ok(entry, 'a re-check is scheduled');
    this.queue = this.queue.filter((e) => e !== entry);
    entry.run();
    for (let i = 0; i < 6; i++) await settle();
  }
}

function setup(kind: Kind) {
  const azure = new FakeAzure();
  kind.list(azure, []);
  const checks = new Checks();
  const account = Object.assign(azure.account(), { onDidChange: () => ({ dispose: () => undefined }) });
  const tree = new GalleryTreeDataProvider(account, recordingLog() as never, { baseDelayMs: 1000, schedule: checks.schedule });
  const holder: TreeNode = { id: 'holder', parent: undefined, getTreeItem: () => { throw new Error('unused'); }, getChildren: () => Promise.resolve([shownParent]) };
  const shownParent = kind.parent(tree, holder);
  /** The parent's rows as VS Code draws them: label, description, icon. */
  const rows = async (): Promise<string[]> => {
    const children = await tree.getChildren(shownParent);
    return children
      .filter((n: TreeNode) => n instanceof CreatingNode || n.constructor === kind.row)
      .map((n) => {
        const item = tree.getTreeItem(n);
        return `${typeof item.label === 'string' ? item.label : (item.label?.label ?? '')} | ${String(item.description)} | ${(item.iconPath as { id: string }).id}${n instanceof CreatingNode ? ' (placeholder)' : ''}`;
      });
  };
  return { azure, checks, tree, holder, parent: shownParent, rows };
}

for (const kind of KINDS) {
  describe(`a ${kind.name} created from a form shows its own progress`, () => {
    beforeEach(resetFakes);

    it('once Azure accepted the create, its own row replaces "Creating…", read at once and followed live; the watcher stays quiet, the form tells the outcome', async () => {
      const { azure, checks, tree, holder, parent, rows } = setup(kind);
      try {
        await tree.getChildren(holder); // VS Code shows the parent
        await rows();
        tree.markCreating(parent.id, kind.id.id, '1.0.0', 'Creating…');
        assert.deepEqual(await rows(), ['1.0.0 | Creating… | loading~spin (placeholder)']);

        // Azure answered the PUT (201, Creating): the version is listed and readable while it replicates.
        kind.list(azure, [listed(kind.id, 'Creating')]);
        kind.reads(azure, [() => Promise.resolve(replicating(kind.id, 50)), () => Promise.resolve(replicated(kind.id))]);
        const following = tree.showCreatedVersion(parent.id, kind.id, TENANT);
        assert.deepEqual(checks.waiting, [0], 'read at once, not after the usual wait');
        assert.deepEqual(await rows(), ['1.0.0 | Creating | sync~spin'], 'the real row (the list has no replication status yet)');

        await checks.runNext();
        assert.deepEqual(await rows(), ['1.0.0 | Replicating 75% · 1 of 2 regions | sync~spin']);
        assert.deepEqual(checks.waiting, [1000], 'followed on with the usual backoff');

        await checks.runNext();
        assert.deepEqual(await rows(), ['1.0.0 | latest | star-full'], 'settled: latest');
        assert.deepEqual(checks.waiting, []);
        assert.deepEqual(shownMessages, [], 'no "is ready" from the watcher: the form says "Created …"');

        // The form's operation ends: it stops following and forgets what it read; the list read next is what shows.
        following.dispose();
        tree.clearCreating(parent.id, kind.id.id);
        kind.list(azure, [listed(kind.id, 'Succeeded')]);
        tree.reload(parent);
        assert.deepEqual(await rows(), ['1.0.0 | latest | star-full']);
        assert.deepEqual(shownMessages, []);
      } finally {
        tree.dispose();
      }
    });

    it('while the list does not have it yet, the placeholder stays', async () => {
      const { azure, tree, holder, parent, rows } = setup(kind);
      try {
        await tree.getChildren(holder);
        tree.markCreating(parent.id, kind.id.id, '1.0.0', 'Creating…');
        kind.reads(azure, [() => Promise.resolve(replicating(kind.id, 10))]);
        const following = tree.showCreatedVersion(parent.id, kind.id, TENANT);
        assert.deepEqual(await rows(), ['1.0.0 | Creating… | loading~spin (placeholder)']);
        following.dispose();
      } finally {
        tree.dispose();
      }
    });

    it('a failed re-read while the form creates it is tried again, and nobody is told', async () => {
      const { azure, checks, tree, holder, parent, rows } = setup(kind);
      try {
        await tree.getChildren(holder);
        kind.list(azure, [listed(kind.id, 'Creating')]);
        const gone = Object.assign(new Error('not there yet'), { statusCode: 404, code: 'ResourceNotFound' });
        kind.reads(azure, [() => Promise.reject(gone), () => Promise.resolve(replicating(kind.id, 20))]);
        const following = tree.showCreatedVersion(parent.id, kind.id, TENANT);
        await checks.runNext();
        assert.deepEqual(shownMessages, []);
        assert.deepEqual(checks.waiting, [1000], 'tried again');
        await checks.runNext();
        assert.deepEqual(await rows(), ['1.0.0 | Replicating 60% · 1 of 2 regions | sync~spin']);
        following.dispose();
        assert.deepEqual(checks.waiting, [], 'the form ended: no longer followed by it');
      } finally {
        tree.dispose();
      }
    });

    it('when the user stops waiting, the version is followed from its row like any other, which tells when it is ready', async () => {
      const { azure, checks, tree, holder, parent, rows } = setup(kind);
      try {
        await tree.getChildren(holder);
        tree.markCreating(parent.id, kind.id.id, '1.0.0', 'Creating…');
        kind.list(azure, [listed(kind.id, 'Creating')]);
        kind.reads(azure, [() => Promise.resolve(replicating(kind.id, 50)), () => Promise.resolve(replicated(kind.id))]);
        const following = tree.showCreatedVersion(parent.id, kind.id, TENANT);
        await checks.runNext();
        // Cancelled: the form's operation ends while Azure still replicates.
        following.dispose();
        tree.clearCreating(parent.id, kind.id.id);
        tree.reload(parent);
        assert.deepEqual(await rows(), ['1.0.0 | Creating | sync~spin'], 'as listed (what was read for the form is forgotten)');
        assert.deepEqual(checks.waiting, [1000], 'the row follows it with the usual wait');
        await checks.runNext();
        assert.deepEqual(shownMessages, [kind.ready]);
      } finally {
        tree.dispose();
      }
    });

    it('a create that failed shows the failed version as listed, with no message from the watcher', async () => {
      const { azure, checks, tree, holder, parent, rows } = setup(kind);
      try {
        await tree.getChildren(holder);
        tree.markCreating(parent.id, kind.id.id, '1.0.0', 'Creating…');
        kind.list(azure, [listed(kind.id, 'Creating')]);
        kind.reads(azure, [() => Promise.resolve({ ...listed(kind.id, 'Failed'), replicationStatus: { aggregatedState: 'Failed', summary: [{ region: 'westeurope', state: 'Failed', progress: 40, details: 'disk error' }] } })]);
        const following = tree.showCreatedVersion(parent.id, kind.id, TENANT);
        await checks.runNext();
        following.dispose();
        tree.clearCreating(parent.id, kind.id.id);
        kind.list(azure, [listed(kind.id, 'Failed')]);
        tree.reload(parent);
        assert.deepEqual(await rows(), ['1.0.0 | Failed | error']);
        assert.deepEqual(checks.waiting, []);
        assert.deepEqual(shownMessages, [], 'the form shows the error of the create');
      } finally {
        tree.dispose();
      }
    });
  });
}
