import * as assert from 'node:assert/strict';
import { FakeAzure, SUB, TENANT, ids, labels, page, testContext } from './treeTestSupport';
import { galleryId, imageDefinitionId } from '../../../src/azure/armId';
import { GalleryNode } from '../../../src/tree/GalleryNode';
import { ImageDefinitionNode } from '../../../src/tree/ImageDefinitionNode';
import { ImageVersionNode } from '../../../src/tree/ImageVersionNode';
import { ManagedImageNode } from '../../../src/tree/ManagedImageNode';
import { ManagedImagesNode } from '../../../src/tree/ManagedImagesNode';
import { SubscriptionNode } from '../../../src/tree/SubscriptionNode';
import type { GalleryImage, GalleryImageVersion } from '../../../src/azure/services';
import type { TreeNode } from '../../../src/tree/TreeNode';

const GALLERY = galleryId(SUB, 'myResourceGroup', 'myGalleryName');
const DEFINITION = imageDefinitionId(GALLERY, 'myGalleryImageName');
const signal = new AbortController().signal;
const subscription = { subscriptionId: SUB, displayName: 'Sub', tenantId: TENANT, state: 'Enabled' };
const root = { id: 'account/test', parent: undefined, getTreeItem: () => { throw new Error('unused'); } } as TreeNode;

/** Items exactly as Microsoft's GalleryRP examples list them (non-canonical ids under locations/westus). */
const exampleDefinition: GalleryImage = {
  id: `/subscriptions/${SUB}/resourceGroups/myResourceGroup/providers/Microsoft.Compute/locations/westus/Galleries/myGalleryName/Images/myGalleryImageName`,
  name: 'myGalleryImageName',
  location: 'West US',
  osType: 'Windows',
  osState: 'Generalized',
  hyperVGeneration: 'V1',
  identifier: { publisher: 'myPublisherName', offer: 'myOfferName', sku: 'mySkuName' },
  provisioningState: 'Succeeded',
};
const exampleVersion: GalleryImageVersion = {
  id: `/subscriptions/${SUB}/resourceGroups/myResourceGroup/providers/Microsoft.Compute/locations/westus/Galleries/myGalleryName/Images/myGalleryImageName/Versions/1.0.0`,
  name: '1.0.0',
  location: 'West US',
  provisioningState: 'Succeeded',
};

function galleryNode(azure: FakeAzure) {
  const ctx = testContext(azure);
  const subNode = new SubscriptionNode(ctx, root, subscription);
  return { ctx, node: new GalleryNode(ctx, subNode, { id: GALLERY.id, name: 'myGalleryName', location: 'westus' }, TENANT) };
}

describe('tree lists: a child is known by its parent and its name', () => {
  it("shows the image definition of Microsoft's GalleryImage_ListByGallery example (non-canonical id) under its gallery", async () => {
    const azure = new FakeAzure();
    azure.definitions = () => page([exampleDefinition]);
    const { ctx, node } = galleryNode(azure);
    const children = await node.getChildren(signal);
    assert.deepEqual(labels(children), ['myGalleryImageName', 'VM applications']);
    const child = children[0];
    assert.ok(child instanceof ImageDefinitionNode);
    assert.equal(child.armId.id, DEFINITION.id);
    assert.equal(child.id, DEFINITION.id.toLowerCase());
    // The odd id is logged once, as a warning, not shown as a failed list.
    assert.equal(ctx.log.lines.filter((l) => l.includes('locations/westus')).length, 1, ctx.log.lines.join('\n'));
    await node.getChildren(signal);
    node.reset();
    await node.getChildren(signal);
    assert.equal(ctx.log.lines.filter((l) => l.includes('locations/westus')).length, 1, 'logged once, not on every listing');
  });

  it("shows the version of Microsoft's GalleryImageVersion_ListByGalleryImage example under its definition", async () => {
    const azure = new FakeAzure();
    azure.versions = () => page([exampleVersion]);
    const { ctx, node: gallery } = galleryNode(azure);
    const node = new ImageDefinitionNode(ctx, gallery, { ...exampleDefinition, id: DEFINITION.id }, TENANT);
    const children = await node.getChildren(signal);
    assert.deepEqual(labels(children), ['1.0.0']);
    assert.ok(children[0] instanceof ImageVersionNode);
    assert.equal(children[0].id, `${DEFINITION.id}/versions/1.0.0`.toLowerCase());
  });

  it('logs nothing for ids that differ from the built one only by escaping (resource group "rg-café", as Azure writes it)', async () => {
    const azure = new FakeAzure();
    const gallery = galleryId(SUB, 'rg-café', 'myGalleryName');
    azure.definitions = () => page([{ ...exampleDefinition, id: `/subscriptions/${SUB}/resourceGroups/RG-Café/providers/Microsoft.Compute/galleries/myGalleryName/images/myGalleryImageName` }]);
    const ctx = testContext(azure);
    const subNode = new SubscriptionNode(ctx, root, subscription);
    const node = new GalleryNode(ctx, subNode, { id: gallery.id, name: 'myGalleryName', location: 'westus' }, TENANT);
    assert.deepEqual(labels(await node.getChildren(signal)), ['myGalleryImageName', 'VM applications']);
    assert.deepEqual(ctx.log.lines.filter((l) => l.includes('listed with the id')), [], 'an id Azure wrote unescaped is the same resource');
  });

  it('skips (and logs once) items with no name or an unusable name; the rest of the list shows', async () => {
    const azure = new FakeAzure();
    azure.definitions = () => page([
      { ...exampleDefinition, name: undefined },
      { ...exampleDefinition, name: '..' },
      { ...exampleDefinition, name: 'a/b' },
      { ...exampleDefinition, id: `${GALLERY.id}/images/good`, name: 'good' },
    ]);
    const { ctx, node } = galleryNode(azure);
    const children = await node.getChildren(signal);
    assert.deepEqual(labels(children), ['good', 'VM applications']);
    assert.equal(ctx.log.lines.filter((l) => /^warn: .*Skipped/.test(l)).length, 3, ctx.log.lines.join('\n'));
    node.reset();
    await node.getChildren(signal);
    assert.equal(ctx.log.lines.filter((l) => /^warn: .*Skipped/.test(l)).length, 3, 'each skipped item is logged once');
    assert.ok(!ctx.log.lines.some((l) => l.startsWith('error:')), 'no failed list');
  });

  it('versions with no name are skipped, not a failed list', async () => {
    const azure = new FakeAzure();
    azure.versions = () => page([{ ...exampleVersion, name: undefined }, { ...exampleVersion, id: undefined, name: '2.0.0' }]);
    const { ctx, node: gallery } = galleryNode(azure);
    const node = new ImageDefinitionNode(ctx, gallery, { ...exampleDefinition, id: DEFINITION.id }, TENANT);
    assert.deepEqual(labels(await node.getChildren(signal)), ['2.0.0']);
  });

  it('galleries take their resource group from their own id, whatever its casing; an unaddressable one is skipped', async () => {
    const azure = new FakeAzure();
    azure.galleries = () => page([
      { id: `/subscriptions/${SUB}/resourceGroups/CLITEST.RG42/providers/Microsoft.Compute/galleries/g1`, name: 'g1', location: 'EastUS2' },
      { id: `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Compute/locations/westus/Galleries/g2`, name: 'g2', location: 'westus' },
      { id: undefined, name: 'g3', location: 'westus' },
      { id: `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Compute/galleries/g4`, name: undefined, location: 'westus' },
    ]);
    const ctx = testContext(azure);
    const node = new SubscriptionNode(ctx, root, subscription);
    const children = await node.getChildren(signal);
    assert.deepEqual(labels(children), ['g1', 'Managed images', 'Shared with me']);
    const g1 = children[0];
    assert.ok(g1 instanceof GalleryNode);
    assert.equal(g1.armId.resourceGroup, 'CLITEST.RG42');
    assert.equal(g1.id, `/subscriptions/${SUB}/resourcegroups/clitest.rg42/providers/microsoft.compute/galleries/g1`);
    assert.equal(ctx.log.lines.filter((l) => /^warn: .*Skipped/.test(l)).length, 3, ctx.log.lines.join('\n'));
  });

  it('managed images: the same rules', async () => {
    const azure = new FakeAzure();
    azure.managedImages = () => page([
      { id: `/subscriptions/${SUB}/resourceGroups/MYRESOURCEGROUP/providers/Microsoft.Compute/images/myImage`, name: 'myImage', location: 'westus' },
      { id: 'subscriptions/x/resourceGroups/rg/providers/Microsoft.Compute/images/noSlash', name: 'noSlash', location: 'westus' },
    ]);
    const ctx = testContext(azure);
    const node = new ManagedImagesNode(ctx, new SubscriptionNode(ctx, root, subscription));
    const children = await node.getChildren(signal);
    assert.deepEqual(labels(children), ['myImage']);
    assert.ok(children[0] instanceof ManagedImageNode);
    assert.equal(children[0].armId.resourceGroup, 'MYRESOURCEGROUP');
    assert.equal(ctx.log.lines.filter((l) => /^warn: .*Skipped/.test(l)).length, 1, ctx.log.lines.join('\n'));
  });

  it('an item listed twice (same name in other casing) shows once: tree ids stay unique', async () => {
    const azure = new FakeAzure();
    azure.definitions = () => page([
      { ...exampleDefinition, id: `${GALLERY.id}/images/Ubuntu`, name: 'Ubuntu' },
      { ...exampleDefinition, id: `${GALLERY.id.toUpperCase()}/IMAGES/UBUNTU`, name: 'UBUNTU' },
    ]);
    const { node } = galleryNode(azure);
    const children = await node.getChildren(signal);
    assert.equal(new Set(ids(children)).size, children.length);
    assert.deepEqual(labels(children), ['Ubuntu', 'VM applications']);
  });
});
