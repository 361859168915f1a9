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
