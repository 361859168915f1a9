import * as assert from 'node:assert/strict';
import { FakeAzure, SUB, TENANT, page, testContext } from './treeTestSupport';
import type { TestContext } from './treeTestSupport';
import { galleryId, imageDefinitionId, imageVersionId, managedImageId } from '../../../src/azure/armId';
import type { GalleryImageVersion } from '../../../src/azure/services';
import { AccountNode } from '../../../src/tree/AccountNode';
import { CreatingNode } from '../../../src/tree/CreatingNode';
import { ErrorNode, LoadMoreNode, MessageNode } from '../../../src/tree/MessageNodes';
import { SubscriptionNode } from '../../../src/tree/SubscriptionNode';
import type { TreeNode } from '../../../src/tree/TreeNode';

const signal = new AbortController().signal;
const DAY = 24 * 60 * 60 * 1000;
const root = { id: 'account/test', parent: undefined, getTreeItem: () => { throw new Error('unused'); } } as TreeNode;
const GALLERY = galleryId(SUB, 'images-rg', 'gal');
const DEFINITION = imageDefinitionId(GALLERY, 'ubuntu');
const IMAGE = managedImageId(SUB, 'images-rg', 'golden');
const version = (name: string, extra: Partial<GalleryImageVersion> = {}): GalleryImageVersion => ({
  id: imageVersionId(DEFINITION, name).id,
  name,
  location: 'westeurope',
  provisioningState: 'Succeeded',
  ...extra,
});

/** What a screen reader reads for a row. */
function spoken(node: TreeNode): string {
  const label = node.getTreeItem().accessibilityInformation?.label;
  assert.ok(label, `${node.id} has an accessibility label`);
  return label;
}

async function rows(versions: GalleryImageVersion[], definitionEol?: Date) {
  const azure = new FakeAzure();
  azure.galleries = () => page([{ id: GALLERY.id, name: 'gal', location: 'westeurope' }]);
  azure.definitions = () => page([{ id: DEFINITION.id, name: 'ubuntu', location: 'westeurope', osType: 'Linux', osState: 'Generalized', ...(definitionEol ? { endOfLifeDate: definitionEol } : {}) }]);
  azure.versions = () => page(versions);
  azure.managedImages = () => page([{ id: IMAGE.id, name: 'golden', location: 'westeurope', storageProfile: { osDisk: { osType: 'Linux', osState: 'Generalized' } } }]);
  const ctx = testContext(azure);
  const subscription = new SubscriptionNode(ctx, root, { subscriptionId: SUB, displayName: 'Contoso Dev', tenantId: TENANT, state: 'Disabled' });
  const [gallery, managedImages] = await subscription.getChildren(signal);
  const [definition] = await gallery.getChildren!(signal);
  const shownVersions = await definition.getChildren!(signal);
  const [image] = await managedImages.getChildren!(signal);
  return { ctx: ctx as TestContext & { pending: Map<string, string> }, subscription, gallery, managedImages, definition, versions: shownVersions, image };
}

describe('tree accessibility: each row says in words what its description and icon show', () => {
  it('an image version: latest, replication progress and end of life (the star, spinner and warning icons)', async () => {
    const t = await rows([
      version('1.2.0', {
        provisioningState: 'Updating',
        publishingProfile: { endOfLifeDate: new Date(Date.now() + 9.5 * DAY) },
        replicationStatus: { aggregatedState: 'InProgress', summary: [{ region: 'westeurope', state: 'Replicating', progress: 40 }] },
      }),
    ]);
    assert.equal(spoken(t.versions[0]), 'Image version 1.2.0, latest, end of life in 10 days, Replicating 40%, 0 of 1 region');
  });

  it('a version that failed says so (the error icon); one excluded from latest says that (no star)', async () => {
    const t = await rows([version('2.0.0', { provisioningState: 'Failed' }), version('1.0.0', { publishingProfile: { excludeFromLatest: true } })]);
    assert.equal(spoken(t.versions[0]), 'Image version 2.0.0, Failed');
    assert.equal(spoken(t.versions[1]), 'Image version 1.0.0, excluded from latest');
  });

  it('a row with an action in flight reads it first ("Deleting…", the spinner), then what it still is', async () => {
    const t = await rows([version('1.0.0')]);
    t.ctx.pending.set(t.versions[0].id, 'Deleting…');
    t.ctx.pending.set(t.gallery.id, 'Deleting…');
    assert.equal(spoken(t.versions[0]), 'Image version 1.0.0, Deleting…, latest');
    assert.equal(spoken(t.gallery), 'Gallery gal, Deleting…, westeurope, images-rg');
  });

  it('galleries, definitions (end of life passed: the warning icon), subscriptions and managed images', async () => {
    const t = await rows([], new Date(Date.now() - 2 * DAY));
    assert.equal(spoken(t.gallery), 'Gallery gal, westeurope, images-rg, Private');
    assert.equal(spoken(t.definition), 'Image definition ubuntu, Linux, Generalized, end of life passed');
    assert.equal(spoken(t.subscription), 'Subscription Contoso Dev, Disabled');
    assert.equal(spoken(t.managedImages), 'Managed images');
    assert.equal(spoken(t.image), 'Managed image golden, Linux, Generalized');
  });

  it('message rows: an error says it is one and how to retry; empty lists, load more and creating rows read their text', () => {
    const error = new ErrorNode(root, "Couldn't list image definitions", Object.assign(new Error('No access.'), { code: 'AuthorizationFailed', statusCode: 403 }));
    assert.match(spoken(error), /^Error: Couldn't list image definitions, AuthorizationFailed: No access\.?, press Enter to retry$/);
    const empty = new MessageNode(root, 'empty', 'No galleries — create one', 'info');
    assert.equal(spoken(empty), 'No galleries — create one');
    const broken = new MessageNode(undefined, 'cloud', 'The cloud setting is not valid', 'error');
    assert.equal(spoken(broken), 'Error: The cloud setting is not valid');
    assert.equal(spoken(new LoadMoreNode(root, 'image versions')), 'Load more image versions');
    assert.equal(spoken(new CreatingNode(root, { id: 'x', label: 'gal2', description: 'Creating…' })), 'gal2, Creating…');
    const ctx = testContext(new FakeAzure());
    assert.equal(spoken(new AccountNode(ctx, 'dev@contoso.example', 'AzureChinaCloud')), 'Azure account dev@contoso.example, AzureChinaCloud');
  });
});
