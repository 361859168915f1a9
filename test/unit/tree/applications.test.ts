import * as assert from 'node:assert/strict';
import { FakeAzure, SUB, TENANT, ids, labels, page, recordingLog, settle, testContext } from './treeTestSupport';
import { answers, clipboardWrites, shownDetails, quickPickAnswers, resetFakes, shownMessages, shownQuickPicks } from './fakeVscode';
import { applicationId, applicationVersionId, galleryId } from '../../../src/azure/armId';
import type { GalleryApplicationVersion } from '../../../src/azure/services';
import { ApplicationNode, ApplicationsNode, ApplicationVersionNode } from '../../../src/tree/ApplicationNodes';
import { GalleryNode } from '../../../src/tree/GalleryNode';
import { GalleryTreeDataProvider } from '../../../src/tree/GalleryTreeDataProvider';
import { ImageDefinitionNode } from '../../../src/tree/ImageDefinitionNode';
import { listNodeIdOf } from '../../../src/tree/nodeIds';
import type { TreeNode } from '../../../src/tree/TreeNode';
import { commandHarness } from '../commands/commandTestSupport';
import { ResourceDocumentProvider, resourceUri } from '../../../src/properties/ResourceDocumentProvider';

const GALLERY = galleryId(SUB, 'rg', 'gal');
const APP = applicationId(GALLERY, 'agent');
const signal = new AbortController().signal;
const root = { id: 'account/test', parent: undefined, getTreeItem: () => { throw new Error('unused'); } } as TreeNode;
const DAY = 24 * 60 * 60 * 1000;

const appVersion = (name: string, extra: Partial<GalleryApplicationVersion> = {}): GalleryApplicationVersion => ({
  id: applicationVersionId(APP, name).id,
  name,
  location: 'westeurope',
  provisioningState: 'Succeeded',
  ...extra,
});

function galleryWithBoth(azure: FakeAzure) {
  azure.definitions = () => page([{ id: `${GALLERY.id}/images/ubuntu`, name: 'ubuntu', location: 'westeurope', osType: 'Linux' }]);
  azure.applications = () =>
    page([
      { id: APP.id, name: 'agent', location: 'westeurope', supportedOSType: 'Linux', endOfLifeDate: new Date(Date.now() + 10 * DAY) },
      { id: `${GALLERY.id}/applications/tools`, name: 'tools', location: 'westeurope', supportedOSType: 'Windows' },
    ]);
  const ctx = testContext(azure);
  return { ctx, gallery: new GalleryNode(ctx, root, { id: GALLERY.id, name: 'gal', location: 'westeurope' }, TENANT, GALLERY) };
}

describe('VM applications in the tree', () => {
  beforeEach(() => resetFakes());

  it('a gallery shows its image definitions, then a "VM applications" folder holding its applications with OS and end of life', async () => {
    const { gallery } = galleryWithBoth(new FakeAzure());
    const children = await gallery.getChildren(signal);
    assert.deepEqual(labels(children), ['ubuntu', 'VM applications']);
    assert.ok(children[0] instanceof ImageDefinitionNode);
    const folder = children[1];
    assert.ok(folder instanceof ApplicationsNode);
    assert.equal(folder.id, `${GALLERY.id.toLowerCase()}/applications`);
    assert.equal(folder.getTreeItem().contextValue, 'applications');
    const apps = await folder.getChildren(signal);
    assert.deepEqual(labels(apps), ['agent', 'tools']);
    const agent = apps[0].getTreeItem();
    assert.equal(agent.contextValue, 'application');
    assert.equal(agent.description, 'Linux · end of life in 10 days');
    assert.equal((agent.iconPath as { id: string }).id, 'warning');
    assert.equal(agent.accessibilityInformation?.label, 'VM application agent, Linux, end of life in 10 days');
    const tools = apps[1].getTreeItem();
    assert.equal(tools.description, 'Windows');
    assert.equal((tools.iconPath as { id: string }).id, 'package');
    // Where a new application's row (and a delete's refresh) goes: the folder.
    assert.equal(listNodeIdOf(APP), folder.id);
    assert.deepEqual(apps[0].resourceContext?.(), { subscriptionId: SUB, tenantId: TENANT, resource: APP, galleryId: GALLERY.id, location: 'westeurope' });
  });

  it('an empty folder says so and offers to create a VM application there; refreshing the gallery lists the applications again', async () => {
    const azure = new FakeAzure();
    const { gallery } = galleryWithBoth(azure);
    azure.applications = () => page([]);
    const [, folder] = await gallery.getChildren(signal);
    const [empty] = await folder.getChildren!(signal);
    const item = empty.getTreeItem();
    assert.equal(labels([empty])[0], 'No VM applications — create one');
    assert.equal(item.command?.command, 'azureComputeGallery.createApplication');
    assert.deepEqual(item.command?.arguments, [folder]);
    azure.applications = () => page([{ id: APP.id, name: 'agent', location: 'westeurope', supportedOSType: 'Linux' }]);
    gallery.reset();
    const [, again] = await gallery.getChildren(signal);
    assert.deepEqual(labels(await again.getChildren!(signal)), ['agent']);
  });

  it('versions are listed newest first in numeric order across pages, with latest (excluded ones skipped), end of life and progress', async () => {
    const azure = new FakeAzure();
    azure.applicationVersions = (o) =>
      o?.continuationToken
        ? page([appVersion('1.10.0', { publishingProfile: { source: { mediaLink: 'x' }, excludeFromLatest: true } }), appVersion('1.2.0')])
        : page(
            [
              appVersion('1.9.0'),
              appVersion('1.0.0', { publishingProfile: { source: { mediaLink: 'x' }, endOfLifeDate: new Date(Date.now() - DAY) } }),
              appVersion('2.0.0', {
                provisioningState: 'Creating',
                replicationStatus: { aggregatedState: 'InProgress', summary: [{ region: 'westeurope', state: 'Completed', progress: 100 }, { region: 'eastus', state: 'Replicating', progress: 20 }] },
              }),
            ],
            'page2',
          );
    const ctx = testContext(azure);
    const app = new ApplicationNode(ctx, root, { id: APP.id, name: 'agent', location: 'westeurope', supportedOSType: 'Linux' }, TENANT, APP);
    const first = await app.getChildren(signal);
    assert.deepEqual(labels(first), ['2.0.0', '1.9.0', '1.0.0', 'Load more VM application versions…']);
    assert.ok(first.every((n) => !(n instanceof ApplicationVersionNode) || !n.isLatest), 'latest is named only once every page is known');
    await app.loadMore(signal);
    const rows = (await app.getChildren(signal)).filter((n): n is ApplicationVersionNode => n instanceof ApplicationVersionNode);
    assert.deepEqual(labels(rows), ['2.0.0', '1.10.0', '1.9.0', '1.2.0', '1.0.0']);
    const byName = (name: string) => rows.find((n) => n.armId.version === name)!.getTreeItem();
    // 2.0.0 is still being created and 1.10.0 is excluded: latest is 1.9.0.
    assert.equal(byName('1.9.0').contextValue, 'applicationVersion;latest');
    assert.equal(byName('1.9.0').accessibilityInformation?.label, 'VM application version 1.9.0, latest');
    assert.equal(byName('1.10.0').contextValue, 'applicationVersion;excluded');
    assert.equal(byName('1.0.0').description, 'end of life passed');
    assert.equal(byName('2.0.0').description, 'Replicating 60% · 1 of 2 regions');
    assert.equal((byName('2.0.0').iconPath as { id: string }).id, 'sync~spin');
    assert.deepEqual(ids(rows).slice(0, 1), [applicationVersionId(APP, '2.0.0').id.toLowerCase()]);
  });

  it('a version with no end of life of its own shows the application\'s', async () => {
    const azure = new FakeAzure();
    azure.applicationVersions = () => page([appVersion('1.0.0')]);
    const app = new ApplicationNode(testContext(azure), root, { id: APP.id, name: 'agent', location: 'westeurope', supportedOSType: 'Linux', endOfLifeDate: new Date(Date.now() - DAY) }, TENANT, APP);
    const [row] = await app.getChildren(signal);
    assert.match(String(row.getTreeItem().description), /end of life passed/);
  });

  it('a replicating version is followed with getApplicationVersion until done, and hovering shows replication per region', async () => {
    const azure = new FakeAzure();
    const replicating = appVersion('1.0.0', {
      provisioningState: 'Creating',
      replicationStatus: { aggregatedState: 'InProgress', summary: [{ region: 'westeurope', state: 'Replicating', progress: 40 }] },
    });
    const done = appVersion('1.0.0', { replicationStatus: { aggregatedState: 'Completed', summary: [{ region: 'westeurope', state: 'Completed', progress: 100 }] } });
    const answers = [replicating, done];
    azure.getApplicationVersion = () => Promise.resolve(answers.shift() ?? done);
    azure.applicationVersions = () => page([replicating]);
    const scheduled: Array<() => void> = [];
    const account = Object.assign(azure.account(), { onDidChange: () => ({ dispose: () => undefined }) });
    const tree = new GalleryTreeDataProvider(account, recordingLog() as never, { schedule: (run) => (scheduled.push(run), { cancel: () => undefined }) });
    try {
      const app = new ApplicationNode(tree, root, { id: APP.id, name: 'agent', location: 'westeurope', supportedOSType: 'Linux' }, TENANT, APP);
      const [row] = await tree.getChildren(app);
      assert.ok(row instanceof ApplicationVersionNode);
      const item = tree.getTreeItem(row);
      assert.equal(item.description, 'Replicating 40% · 0 of 1 region');
      const token = { isCancellationRequested: false, onCancellationRequested: () => ({ dispose: () => undefined }) };
      const hovered = await tree.resolveTreeItem(item, row, token);
      const tooltip = (hovered.tooltip as { value: string }).value.replace(/\\/g, '');
      assert.match(tooltip, /VM application version 1\.0\.0/);
      assert.match(tooltip, /westeurope: Replicating 40%/);
      assert.equal(scheduled.length, 1, 'the watcher follows the replicating version');
      scheduled.shift()!();
      for (let i = 0; i < 5; i++) await settle();
      assert.equal(tree.getTreeItem(row).description, '');
      // The parent redraws (VS Code asks for its children again): the settled version becomes latest.
      await tree.getChildren(app);
      assert.equal((tree.getTreeItem(row).iconPath as { id: string }).id, 'star-full');
      assert.deepEqual(shownMessages, ['info: VM application version gal/agent/1.0.0 is ready and replicated to 1 region.']);
      assert.ok(azure.calls.includes(`getApplicationVersion ${applicationVersionId(APP, '1.0.0').id}`));
    } finally {
      tree.dispose();
    }
  });
});

describe('redraws while a version replicates', () => {
  beforeEach(() => resetFakes());

  it('each progress read redraws the version\'s row alone; once it has settled its list redraws (latest may move)', async () => {
    const azure = new FakeAzure();
    const at = (progress: number) =>
      appVersion('1.0.0', { provisioningState: 'Creating', replicationStatus: { aggregatedState: 'InProgress', summary: [{ region: 'westeurope', state: 'Replicating', progress }] } });
    const done = appVersion('1.0.0', { replicationStatus: { aggregatedState: 'Completed', summary: [{ region: 'westeurope', state: 'Completed', progress: 100 }] } });
    const answers = [at(70), done];
    azure.getApplicationVersion = () => Promise.resolve(answers.shift() ?? done);
    azure.applicationVersions = () => page([at(40)]);
    const scheduled: Array<() => void> = [];
    const account = Object.assign(azure.account(), { onDidChange: () => ({ dispose: () => undefined }) });
    const tree = new GalleryTreeDataProvider(account, recordingLog() as never, { schedule: (run) => (scheduled.push(run), { cancel: () => undefined }) });
    const redrawn: unknown[] = [];
    const listening = tree.onDidChangeTreeData((node) => redrawn.push(node));
    try {
      const app = new ApplicationNode(tree, root, { id: APP.id, name: 'agent', location: 'westeurope', supportedOSType: 'Linux' }, TENANT, APP);
      const [row] = await tree.getChildren(app);
      tree.getTreeItem(row);
      scheduled.shift()!();
      for (let i = 0; i < 5; i++) await settle();
      assert.deepEqual(redrawn, [row], 'a progress read (70%) redraws the row only');
      assert.equal(tree.getTreeItem(row).description, 'Replicating 70% · 0 of 1 region');
      scheduled.shift()!();
      for (let i = 0; i < 5; i++) await settle();
      assert.deepEqual(redrawn, [row, app], 'once settled, its list');
    } finally {
      listening.dispose();
      tree.dispose();
    }
  });
});

describe('Copy Application Reference', () => {
  beforeEach(() => resetFakes());

  it('on a version copies the galleryApplications entry ARM takes, and says how to add a configuration', async () => {
    const h = commandHarness();
    try {
      const node = new ApplicationVersionNode(testContext(h.azure), root, appVersion('1.2.0'), undefined, TENANT, applicationVersionId(APP, '1.2.0'));
      await h.run('azureComputeGallery.copyApplicationReference', node);
      assert.equal(clipboardWrites.length, 1);
      assert.deepEqual(JSON.parse(clipboardWrites[0]), {
        packageReferenceId: `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Compute/galleries/gal/applications/agent/versions/1.2.0`,
        order: 1,
        treatFailureAsDeploymentFailure: false,
      });
      assert.match(shownMessages[0], /^info: Copied the application reference for agent 1\.2\.0: paste it into applicationProfile\.galleryApplications/);
      assert.match(shownMessages[0], /configurationReference/);
    } finally {
      h.dispose();
    }
  });

  it('on an application offers its versions, latest first, and copies the one chosen', async () => {
    const h = commandHarness();
    try {
      h.azure.applicationVersions = () => page([appVersion('1.0.0'), appVersion('2.0.0', { publishingProfile: { source: { mediaLink: 'x' }, excludeFromLatest: true } }), appVersion('1.5.0')]);
      const app = new ApplicationNode(testContext(h.azure), root, { id: APP.id, name: 'agent', location: 'westeurope', supportedOSType: 'Linux' }, TENANT, APP);
      quickPickAnswers.push((items) => items[0]);
      await h.run('azureComputeGallery.copyApplicationReference', app);
      const offered = shownQuickPicks[0].items as Array<{ label: string; description: string }>;
      assert.deepEqual(offered.map((i) => i.label), ['1.5.0', '2.0.0', '1.0.0']);
      assert.equal(offered[0].description, 'latest · Succeeded');
      assert.equal(offered[1].description, 'excluded from latest · Succeeded');
      assert.equal((JSON.parse(clipboardWrites[0]) as { packageReferenceId: string }).packageReferenceId, applicationVersionId(APP, '1.5.0').id);
    } finally {
      h.dispose();
    }
  });

  it('on an application without versions says what to do and copies nothing', async () => {
    const h = commandHarness();
    try {
      const app = new ApplicationNode(testContext(h.azure), root, { id: APP.id, name: 'agent', location: 'westeurope', supportedOSType: 'Linux' }, TENANT, APP);
      await h.run('azureComputeGallery.copyApplicationReference', app);
      assert.deepEqual(clipboardWrites, []);
      assert.equal(shownMessages.length, 1);
      assert.match(shownMessages[0], /^error: .*agent has no versions yet.*Create a version first/);
    } finally {
      h.dispose();
    }
  });
});

describe('Delete on VM applications', () => {
  beforeEach(() => resetFakes());

  it('a version: one modal naming it, then the delete, and its application lists again', async () => {
    const h = commandHarness();
    try {
      h.azure.applicationVersions = () => page([appVersion('1.0.0')]);
      const app = new ApplicationNode(h.tree, root, { id: APP.id, name: 'agent', location: 'westeurope', supportedOSType: 'Linux' }, TENANT, APP);
      const [row] = await h.tree.getChildren(app);
      answers.push('Delete');
      await h.run('azureComputeGallery.delete', row);
      assert.equal(shownMessages[0], 'warning: Delete VM application version "gal/agent/1.0.0"?');
      assert.ok(h.azure.calls.includes(`deleteApplicationVersion ${applicationVersionId(APP, '1.0.0').id}`), h.azure.calls.join('\n'));
      assert.equal(shownMessages[1], 'info: Deleted VM application version "gal/agent/1.0.0".');
      h.azure.applicationVersions = () => page([]);
      assert.deepEqual(labels(await h.tree.getChildren(app)), ['No application versions — create one']);
    } finally {
      h.dispose();
    }
  });

  it('an application with versions: the cascade names its versions, deletes them, then the application', async () => {
    const h = commandHarness();
    try {
      h.azure.applicationVersions = () => page([appVersion('1.0.0'), appVersion('2.0.0')]);
      const { gallery } = galleryWithBoth(h.azure);
      const [, folder] = await gallery.getChildren(signal);
      const [app] = await folder.getChildren!(signal);
      answers.push('Delete All');
      await h.run('azureComputeGallery.delete', app);
      assert.equal(shownMessages[0], 'warning: The VM application "gal/agent" contains 2 VM application versions. Delete them all, then the VM application?');
      assert.equal(shownMessages[1], 'info: Deleted VM application "gal/agent" and everything in it. Deleted 3 items.');
      assert.deepEqual(shownDetails, ['warning: Versions are deleted first, then the VM application. This cannot be undone.']);
      const deletes = h.azure.calls.filter((c) => c.startsWith('delete'));
      const versionDeletes = ['1.0.0', '2.0.0'].map((v) => `deleteApplicationVersion ${applicationVersionId(APP, v).id}`);
      assert.deepEqual([...deletes.slice(0, 2)].sort(), versionDeletes, 'the versions first');
      assert.deepEqual(deletes.slice(2), [`deleteApplication ${APP.id}`], 'then the application');
    } finally {
      h.dispose();
    }
  });
});

describe('Show Properties on a VM application version (issue 12)', () => {
  beforeEach(() => resetFakes());

  it('shows the version as ARM returns it, with the package links\' SAS tokens hidden', async () => {
    const azure = new FakeAzure();
    const version = applicationVersionId(APP, '1.0.0');
    const sas = 'sv=2024-08-04&sp=r&sig=c2VjcmV0';
    azure.getResourceJson = () =>
      Promise.resolve({
        id: version.id,
        name: '1.0.0',
        properties: {
          publishingProfile: {
            source: { mediaLink: `https://stpkg.blob.core.windows.net/p/agent.zip?${sas}`, defaultConfigurationLink: `https://stpkg.blob.core.windows.net/p/agent.cfg?${sas}` },
            manageActions: { install: 'install.sh', remove: 'remove.sh' },
          },
        },
      });
    const provider = new ResourceDocumentProvider(testContext(azure).account);
    const text = await provider.provideTextDocumentContent(resourceUri(version, TENANT), { isCancellationRequested: false, onCancellationRequested: () => ({ dispose: () => undefined }) });
    assert.doesNotMatch(text, /sig=|c2VjcmV0/);
    assert.match(text, /"mediaLink": "https:\/\/stpkg\.blob\.core\.windows\.net\/p\/agent\.zip\?<SAS hidden>"/);
    assert.match(text, /"install": "install\.sh"/);
  });
});

describe('Create and Edit on VM applications (issue 12)', () => {
  beforeEach(() => resetFakes());

  it('Create VM Application on the folder fills in the gallery and its region; Create Application Version on an application or one of its versions fills in the application', async () => {
    const h = commandHarness();
    try {
      const { gallery } = galleryWithBoth(h.azure);
      const [, folder] = await gallery.getChildren(signal);
      await h.run('azureComputeGallery.createApplication', folder);
      await h.run('azureComputeGallery.createApplication', gallery);
      const app = new ApplicationNode(testContext(h.azure), root, { id: APP.id, name: 'agent', location: 'westeurope', supportedOSType: 'Linux' }, TENANT, APP);
      await h.run('azureComputeGallery.createApplicationVersion', app);
      h.azure.applicationVersions = () => page([appVersion('1.0.0')]);
      const [version] = await app.getChildren(signal);
      await h.run('azureComputeGallery.createApplicationVersion', version);
      const galleryValues = { subscriptionId: SUB, galleryId: GALLERY.id, location: 'westeurope' };
      assert.deepEqual(h.formsShown, [
        { kind: 'application', mode: 'create', values: galleryValues, tenantId: TENANT },
        { kind: 'application', mode: 'create', values: galleryValues, tenantId: TENANT },
        { kind: 'applicationVersion', mode: 'create', values: { ...galleryValues, applicationId: APP.id }, tenantId: TENANT },
        { kind: 'applicationVersion', mode: 'create', values: { ...galleryValues, applicationId: APP.id }, tenantId: TENANT },
      ]);
    } finally {
      h.dispose();
    }
  });

  it('Edit on an application and on a version opens their forms in update mode', async () => {
    const h = commandHarness();
    try {
      const app = new ApplicationNode(testContext(h.azure), root, { id: APP.id, name: 'agent', location: 'westeurope', supportedOSType: 'Linux' }, TENANT, APP);
      h.azure.applicationVersions = () => page([appVersion('1.0.0')]);
      const [version] = await app.getChildren(signal);
      await h.run('azureComputeGallery.edit', app);
      await h.run('azureComputeGallery.edit', version);
      assert.deepEqual(h.formsShown, [
        { kind: 'application', mode: 'update', targetId: APP.id, tenantId: TENANT },
        { kind: 'applicationVersion', mode: 'update', targetId: applicationVersionId(APP, '1.0.0').id, tenantId: TENANT },
      ]);
    } finally {
      h.dispose();
    }
  });
});
