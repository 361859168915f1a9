/**
 * Issue 13 §1: a gallery row shows who it is shared with at a glance. The gallery list has `permissions` (and a
 * community gallery's public names) but not the groups: only a gallery shared with groups is read again, once, with
 * `$expand=SharingProfile/Groups`; its row says "Shared with subscriptions or tenants" until that answers.
 */
import * as assert from 'node:assert/strict';
import { FakeAzure, SUB, TENANT, page, settle, testContext } from './treeTestSupport';
import { galleryId } from '../../../src/azure/armId';
import { GalleryNode } from '../../../src/tree/GalleryNode';
import { SubscriptionNode } from '../../../src/tree/SubscriptionNode';
import type { TreeNode } from '../../../src/tree/TreeNode';
import type { MarkdownString } from 'vscode';
import { commandHarness } from '../commands/commandTestSupport';
import { answers, quickPickAnswers, resetFakes, shownDetails, shownMessages, shownQuickPicks } from './fakeVscode';

const signal = new AbortController().signal;
const root = { id: 'account/test', parent: undefined, getTreeItem: () => { throw new Error('unused'); } } as TreeNode;
const OTHER_SUB = '0d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6';
const OTHER_TENANT = '4b5c6d7e-8f90-4a1b-9c2d-3e4f5a6b7c8d';
const id = (name: string): string => galleryId(SUB, 'rg', name).id;

async function galleries(azure: FakeAzure): Promise<{ nodes: GalleryNode[]; refreshed: Array<TreeNode | undefined> }> {
  const ctx = testContext(azure);
  const subscription = new SubscriptionNode(ctx, root, { subscriptionId: SUB, displayName: 'Contoso', tenantId: TENANT, state: 'Enabled' });
  const children = await subscription.getChildren(signal);
  return { nodes: children.filter((c): c is GalleryNode => c instanceof GalleryNode), refreshed: ctx.refreshed };
}

describe('tree: the sharing state of a gallery (issue 13)', () => {
  it('Private and Community come from the list; no more requests', async () => {
    const azure = new FakeAzure();
    azure.galleries = () =>
      page([
        { id: id('privateOne'), name: 'privateOne', location: 'eastus' },
        { id: id('publicOne'), name: 'publicOne', location: 'eastus', sharingProfile: { permissions: 'Community', communityGalleryInfo: { communityGalleryEnabled: true, publicNames: ['contoso-1234'] } } },
      ]);
    const { nodes } = await galleries(azure);
    assert.deepEqual(nodes.map((n) => n.getTreeItem().description), ['eastus · rg · Private', 'eastus · rg · Community: contoso-1234']);
    assert.match(nodes[1].getTreeItem().contextValue ?? '', /^gallery;sharing-community$/);
    await settle();
    assert.deepEqual(azure.calls.filter((c) => c.startsWith('getGalleryWithSharing')), []);
  });

  it('a gallery shared with groups is read once with its groups; the row then counts them and the tooltip lists them', async () => {
    const azure = new FakeAzure();
    azure.galleries = () => page([{ id: id('shared'), name: 'shared', location: 'eastus', sharingProfile: { permissions: 'Groups' } }]);
    azure.galleryWithSharing = () =>
      Promise.resolve({ name: 'shared', location: 'eastus', sharingProfile: { permissions: 'Groups', groups: [{ type: 'Subscriptions', ids: [OTHER_SUB] }, { type: 'AADTenants', ids: [OTHER_TENANT] }] } });
    const { nodes, refreshed } = await galleries(azure);
    const [node] = nodes;
    assert.equal(node.getTreeItem().description, 'eastus · rg · Shared with subscriptions or tenants');
    node.getTreeItem();
    await settle();
    await settle();
    assert.deepEqual(azure.calls.filter((c) => c.startsWith('getGalleryWithSharing')), [`getGalleryWithSharing ${id('shared')}`], 'one read, however often the row is drawn');
    assert.ok(refreshed.includes(node), 'the row is redrawn when the groups are known');
    const item = node.getTreeItem();
    assert.equal(item.description, 'eastus · rg · Shared with 1 subscription and 1 tenant');
    assert.equal(item.contextValue, 'gallery;sharing-groups');
    const tooltip = (item.tooltip as MarkdownString).value;
    const escaped = (text: string): string => text.replace(/-/g, '\\-'); // appendText escapes markdown
    assert.ok(tooltip.includes(`Shared with subscriptions: ${escaped(OTHER_SUB)}`), tooltip);
    assert.ok(tooltip.includes(`Shared with tenants: ${escaped(OTHER_TENANT)}`), tooltip);
  });

  it('when the groups cannot be read, the row says so and the tooltip says why (escaped)', async () => {
    const azure = new FakeAzure();
    azure.galleries = () => page([{ id: id('shared'), name: 'shared', location: 'eastus', sharingProfile: { permissions: 'Groups' } }]);
    azure.galleryWithSharing = () => Promise.reject(new Error('AuthorizationFailed: no *read* [access](https://evil.example)'));
    const { nodes } = await galleries(azure);
    nodes[0].getTreeItem();
    await settle();
    await settle();
    const item = nodes[0].getTreeItem();
    assert.equal(item.description, "eastus · rg · Shared (couldn't read with whom)");
    const tooltip = (item.tooltip as MarkdownString).value;
    assert.ok(!tooltip.includes('[access](https://evil.example)'), `markdown from Azure is escaped: ${tooltip}`);
  });

  it('the reason in the tooltip and the log has no token in it', async () => {
    const azure = new FakeAzure();
    azure.galleries = () => page([{ id: id('shared'), name: 'shared', location: 'eastus', sharingProfile: { permissions: 'Groups' } }]);
    const token = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1c2VyIn0.c2lnbmF0dXJl';
    azure.galleryWithSharing = () => Promise.reject(new Error(`The request with header Authorization: Bearer ${token} was refused.`));
    const { nodes } = await galleries(azure);
    nodes[0].getTreeItem();
    await settle();
    await settle();
    const tooltip = (nodes[0].getTreeItem().tooltip as MarkdownString).value;
    assert.match(tooltip, /was refused/);
    assert.ok(!tooltip.includes('c2lnbmF0dXJl'), `the token is not shown: ${tooltip}`);
  });
});

describe('Stop Sharing and Remove from Sharing: who loses access, by name where the account knows it', () => {
  beforeEach(() => resetFakes());

  function sharedAzure(): FakeAzure {
    const azure = new FakeAzure();
    azure.galleries = () => page([{ id: id('shared'), name: 'shared', location: 'eastus', sharingProfile: { permissions: 'Groups' } }]);
    azure.galleryWithSharing = () =>
      Promise.resolve({ name: 'shared', location: 'eastus', sharingProfile: { permissions: 'Groups', groups: [{ type: 'Subscriptions', ids: [OTHER_SUB, SUB] }, { type: 'AADTenants', ids: [OTHER_TENANT] }] } });
    azure.tenants = () => Promise.resolve([{ tenantId: OTHER_TENANT, displayName: 'Northwind Traders', defaultDomain: undefined }]);
    azure.subscriptions = (tenantId) => Promise.resolve(tenantId === OTHER_TENANT ? [{ subscriptionId: OTHER_SUB, displayName: 'Northwind Images', tenantId: OTHER_TENANT, state: 'Enabled' }] : []);
    return azure;
  }

  it('the Stop Sharing modal says "Name (GUID)" for what the account knows and the GUID alone for the rest; dismissed, nothing is sent', async () => {
    const azure = sharedAzure();
    const h = commandHarness(azure);
    const { nodes } = await galleries(azure);
    answers.push(undefined);
    await h.run('azureComputeGallery.stopSharing', nodes[0]);
    const detail = shownDetails.at(-1) ?? '';
    assert.ok(detail.includes(`Northwind Images (${OTHER_SUB}), ${SUB}.`), detail);
    assert.ok(detail.includes(`Northwind Traders (${OTHER_TENANT}).`), detail);
    assert.deepEqual(azure.calls.filter((c) => c.startsWith('share ')), []);
    h.dispose();
  });

  it('when the account\'s lists fail, the modal still names everyone by GUID and the log says why', async () => {
    const azure = sharedAzure();
    azure.tenants = () => Promise.reject(new Error('tenants unavailable'));
    const h = commandHarness(azure);
    const { nodes } = await galleries(azure);
    answers.push('Stop Sharing');
    await h.run('azureComputeGallery.stopSharing', nodes[0]);
    const detail = shownDetails.at(-1) ?? '';
    assert.ok(detail.includes(`${OTHER_SUB}, ${SUB}.`) && detail.includes(`${OTHER_TENANT}.`), detail);
    assert.deepEqual(azure.calls.filter((c) => c.startsWith('share ')), [`share ${id('shared')} {"operationType":"Reset"}`]);
    assert.match(shownMessages.at(-1) ?? '', /is private now/);
    assert.ok(h.log.lines.some((l) => /^warn: .*tenants unavailable/.test(l)), h.log.lines.join('\n'));
    h.dispose();
  });

  it('Remove from Sharing… describes each row by name, and its modal and notice name the one picked', async () => {
    const azure = sharedAzure();
    const h = commandHarness(azure);
    const { nodes } = await galleries(azure);
    quickPickAnswers.push((items) => items.filter((i) => (i as { label: string }).label === OTHER_SUB));
    answers.push('Remove');
    await h.run('azureComputeGallery.removeFromSharing', nodes[0]);
    const offered = (shownQuickPicks.at(-1)?.items ?? []) as Array<{ label: string; description?: string }>;
    assert.deepEqual(offered.map((i) => [i.label, i.description]), [
      [OTHER_SUB, 'Northwind Images · subscription'],
      [SUB, 'subscription'],
      [OTHER_TENANT, 'Northwind Traders · tenant (every subscription in it)'],
    ]);
    const detail = shownDetails.at(-1) ?? '';
    assert.ok(detail.includes(`lose access to the images of gallery "shared" at once: Northwind Images (${OTHER_SUB}).`), detail);
    assert.match(shownMessages.at(-1) ?? '', new RegExp(`no longer shared with Northwind Images \\(${OTHER_SUB}\\)`));
    h.dispose();
  });
});
