import * as assert from 'node:assert/strict';
import { answers, clipboardWrites, progressToken, quickPicks, resetFakes, shownMessages } from '../tree/fakeVscode';
import { Deferred, SUB, TENANT, page, settle } from '../tree/treeTestSupport';
import { galleryId, imageDefinitionId, imageVersionId, managedImageId } from '../../../src/azure/armId';
import { SubscriptionNode } from '../../../src/tree/SubscriptionNode';
import type { TreeNode } from '../../../src/tree/TreeNode';
import { commandHarness } from './commandTestSupport';
import type { CommandHarness } from './commandTestSupport';

const root = { id: 'account/test', parent: undefined, getTreeItem: () => { throw new Error('unused'); } } as TreeNode;
const GALLERY = galleryId(SUB, 'images-rg', 'gal');
const DEFINITION = imageDefinitionId(GALLERY, 'ubuntu');
const VERSION = imageVersionId(DEFINITION, '1.2.0');
const IMAGE = managedImageId(SUB, 'images-rg', 'golden');

/** The rows a user right-clicks, listed by the real nodes through the provider the commands use. */
async function rows(h: CommandHarness) {
  h.azure.galleries = () => page([{ id: GALLERY.id, name: 'gal', location: 'westeurope' }]);
  h.azure.definitions = () => page([{ id: DEFINITION.id, name: 'ubuntu', location: 'northeurope' }]);
  h.azure.versions = () => page([{ id: VERSION.id, name: '1.2.0', location: 'northeurope', provisioningState: 'Succeeded' }]);
  h.azure.managedImages = () => page([{ id: IMAGE.id, name: 'golden', location: 'westeurope' }]);
  const subscription = new SubscriptionNode(h.tree, root, { subscriptionId: SUB, displayName: 'Sub', tenantId: TENANT, state: 'Enabled' });
  const [gallery, managedImages] = await h.tree.getChildren(subscription);
  const [definition] = await h.tree.getChildren(gallery);
  const [version] = await h.tree.getChildren(definition);
  const [image] = await h.tree.getChildren(managedImages);
  return { subscription, managedImages, gallery, definition, version, image };
}

describe('commands started on a tree row', () => {
  let h: CommandHarness;
  beforeEach(() => {
    resetFakes();
    h = commandHarness();
  });
  afterEach(() => h.dispose());

  it('Create Image Version on a version fills in its definition, gallery and region, in its tenant', async () => {
    const { version } = await rows(h);
    await h.run('azureComputeGallery.createImageVersion', version);
    assert.deepEqual(h.formsShown, [
      { kind: 'imageVersion', mode: 'create', values: { subscriptionId: SUB, galleryId: GALLERY.id, location: 'northeurope', definitionId: DEFINITION.id }, tenantId: TENANT },
    ]);
  });

  it('Create Image Definition on a gallery fills in the gallery and its region; Create Gallery on a subscription its subscription', async () => {
    const { gallery, subscription } = await rows(h);
    await h.run('azureComputeGallery.createImageDefinition', gallery);
    await h.run('azureComputeGallery.createGallery', subscription);
    await h.run('azureComputeGallery.createManagedImage', undefined);
    assert.deepEqual(h.formsShown, [
      { kind: 'imageDefinition', mode: 'create', values: { subscriptionId: SUB, galleryId: GALLERY.id, location: 'westeurope' }, tenantId: TENANT },
      { kind: 'gallery', mode: 'create', values: { subscriptionId: SUB, resourceGroupMode: 'existing' }, tenantId: TENANT },
      { kind: 'managedImage', mode: 'create', values: { subscriptionId: '', resourceGroupMode: 'existing' } },
    ]);
  });

  it('Copy Resource ID on a managed image copies its id without asking anything', async () => {
    const { image } = await rows(h);
    await h.run('azureComputeGallery.copyResourceId', image);
    assert.deepEqual(clipboardWrites, [IMAGE.id]);
    assert.deepEqual(shownMessages, []);
  });

  it('Edit on a definition opens its form in update mode, in its tenant', async () => {
    const { definition } = await rows(h);
    await h.run('azureComputeGallery.edit', definition);
    assert.deepEqual(h.formsShown, [{ kind: 'imageDefinition', mode: 'update', targetId: DEFINITION.id, tenantId: TENANT }]);
  });

  it('Delete on a version asks, deletes it in its own tenant, says so, and lists its definition again', async () => {
    const { version } = await rows(h);
    answers.push('Delete');
    await h.run('azureComputeGallery.delete', version);
    // The command itself lists the definition's versions (to say where `latest` goes); the tree then lists them again.
    const listedBefore = h.azure.calls.filter((c) => c === 'versions').length;
    assert.ok(h.azure.calls.includes(`deleteImageVersion ${VERSION.id}`), h.azure.calls.join('\n'));
    assert.ok(h.azure.servicesFor.every((s) => s === `${SUB} ${TENANT}`), h.azure.servicesFor.join('\n'));
    assert.deepEqual(shownMessages, ['warning: Delete image version "gal/ubuntu/1.2.0"?', 'info: Deleted image version "gal/ubuntu/1.2.0".']);
    await h.tree.getChildren(version.parent);
    assert.equal(h.azure.calls.filter((c) => c === 'versions').length, listedBefore + 1, 'the definition is listed again');
  });

  it('Delete cancelled from its notification aborts the request and claims nothing', async () => {
    const { version } = await rows(h);
    const deleting = new Deferred<void>();
    let sent: AbortSignal | undefined;
    h.azure.delete = (_id, s) => {
      sent = s;
      s?.addEventListener('abort', () => deleting.reject(Object.assign(new Error('The operation was aborted.'), { name: 'AbortError' })));
      return deleting.promise;
    };
    answers.push('Delete');
    const run = h.run('azureComputeGallery.delete', version);
    await settle();
    progressToken.cancel();
    await run;
    assert.equal(sent?.aborted, true);
    assert.deepEqual(shownMessages, ['warning: Delete image version "gal/ubuntu/1.2.0"?'], 'no "Deleted", no error: the user cancelled');
  });

  it('Delete from a message row (no resource) asks which resource instead of guessing; closing the picker stays silent', async () => {
    const subscription = new SubscriptionNode(h.tree, root, { subscriptionId: SUB, displayName: 'Sub', tenantId: TENANT, state: 'Enabled' });
    const [empty] = await h.tree.getChildren(subscription);
    const run = h.run('azureComputeGallery.delete', empty);
    await settle();
    assert.equal(quickPicks.length, 1);
    assert.equal(quickPicks[0].title, 'Choose a gallery or image definition or image version or VM application or VM application version or managed image');
    quickPicks[0].hide();
    await run;
    assert.ok(!h.azure.calls.some((c) => c.startsWith('delete')), 'nothing deleted');
    assert.deepEqual(shownMessages, []);
  });
});
