import * as assert from 'node:assert/strict';
import { FakeAzure, SUB, TENANT, page, testContext } from './treeTestSupport';
import { galleryId, imageDefinitionId, imageVersionId, managedImageId, parseComputeResourceId } from '../../../src/azure/armId';
import type { ComputeResourceId } from '../../../src/azure/armId';
import { listNodeIdOf, resourceNodeId } from '../../../src/tree/nodeIds';
import { resourceContext } from '../../../src/tree/resourceContext';
import { SubscriptionNode } from '../../../src/tree/SubscriptionNode';
import type { TreeNode } from '../../../src/tree/TreeNode';

const signal = new AbortController().signal;
const root = { id: 'account/test', parent: undefined, getTreeItem: () => { throw new Error('unused'); } } as TreeNode;
const GALLERY = galleryId(SUB, 'Images-RG', 'Gal');
const DEFINITION = imageDefinitionId(GALLERY, 'Ubuntu');
const VERSION = imageVersionId(DEFINITION, '1.2.0');
const IMAGE = managedImageId(SUB, 'Images-RG', 'golden');

/** The tree as a user expands it: subscription → gallery → definition → version, and "Managed images" → image. */
async function expandedTree() {
  const azure = new FakeAzure();
  azure.galleries = () => page([{ id: GALLERY.id, name: 'Gal', location: 'westeurope' }]);
  azure.definitions = () => page([{ id: DEFINITION.id, name: 'Ubuntu', location: 'northeurope', osType: 'Linux' }]);
  azure.versions = () => page([{ id: VERSION.id, name: '1.2.0', location: 'northeurope', provisioningState: 'Succeeded' }]);
  azure.managedImages = () => page([{ id: IMAGE.id, name: 'golden', location: 'westeurope' }]);
  const subscription = new SubscriptionNode(testContext(azure), root, { subscriptionId: SUB, displayName: 'Sub', tenantId: TENANT, state: 'Enabled' });
  const [gallery, managedImages] = await subscription.getChildren(signal);
  const [definition] = await gallery.getChildren!(signal);
  const [version] = await definition.getChildren!(signal);
  const [image] = await managedImages.getChildren!(signal);
  return { subscription, managedImages, gallery, definition, version, image };
}

describe('tree: what a node tells commands and forms (resourceContext) and the one id function', () => {
  it('every node says its subscription and tenant; resources say what they are and where a child goes', async () => {
    const t = await expandedTree();
    assert.deepEqual(resourceContext(t.subscription), { subscriptionId: SUB, tenantId: TENANT });
    assert.deepEqual(resourceContext(t.managedImages), { subscriptionId: SUB, tenantId: TENANT });
    assert.deepEqual(resourceContext(t.gallery), { subscriptionId: SUB, tenantId: TENANT, resource: GALLERY, galleryId: GALLERY.id, location: 'westeurope' });
    assert.deepEqual(resourceContext(t.definition), {
      subscriptionId: SUB,
      tenantId: TENANT,
      resource: DEFINITION,
      galleryId: GALLERY.id,
      definitionId: DEFINITION.id,
      location: 'northeurope',
    });
    assert.deepEqual(resourceContext(t.version), { subscriptionId: SUB, tenantId: TENANT, resource: VERSION, galleryId: GALLERY.id, definitionId: DEFINITION.id, location: 'northeurope' });
    assert.deepEqual(resourceContext(t.image), { subscriptionId: SUB, tenantId: TENANT, resource: IMAGE });
    assert.equal(resourceContext(undefined), undefined, 'nothing from the palette');
  });

  it('a message row ("No image versions — create one") is no resource', async () => {
    const azure = new FakeAzure();
    const subscription = new SubscriptionNode(testContext(azure), root, { subscriptionId: SUB, displayName: 'Sub', tenantId: TENANT, state: 'Enabled' });
    const [empty] = await subscription.getChildren(signal);
    assert.equal(resourceContext(empty)?.resource, undefined);
  });

  it('listNodeIdOf(resource) is the id of the row the tree lists it under, whatever the casing of the id typed', async () => {
    const t = await expandedTree();
    const shouting = (id: ComputeResourceId): ComputeResourceId => parseComputeResourceId(id.id.toUpperCase().replace('/SUBSCRIPTIONS/', '/subscriptions/'))!;
    assert.equal(listNodeIdOf(shouting(GALLERY)), t.subscription.id);
    assert.equal(listNodeIdOf(shouting(DEFINITION)), t.gallery.id);
    assert.equal(listNodeIdOf(shouting(VERSION)), t.definition.id);
    assert.equal(listNodeIdOf(shouting(IMAGE)), t.managedImages.id);
    for (const node of [t.gallery, t.definition, t.version, t.image]) {
      assert.equal(resourceNodeId(resourceContext(node)!.resource!.id.toUpperCase()), node.id);
    }
  });
});
