/**
 * "Shared with me" (issue 13) over the real SDK against the emulator with seeds/sharing.json: the tree's nodes list
 * what Northwind shared with Contoso Production (subscription and tenant shares, one row each), down to versions with
 * `latest`; a community gallery by public name with its publisher; Accept makes the pending share appear; Reject on
 * a shared gallery removes Contoso from Northwind's groups. Copied references are the ids ARM gives (`uniqueId`).
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { labels, testContext, testSharing } from '../unit/tree/treeTestSupport';
import { answers, clipboardWrites, inputAnswers, quickPickAnswers, resetFakes } from '../unit/tree/fakeVscode';
import '../emulator/trustCa';
import { startEmulator, type RunningEmulator } from '../emulator/ArmEmulator';
import type { AzureAccount } from '../../src/azure/AzureAccount';
import type { ArmServices } from '../../src/azure/services';
import { parseIdOfKind } from '../../src/azure/armId';
import { LoadMoreNode } from '../../src/tree/MessageNodes';
import { PagedListNode } from '../../src/tree/PagedListNode';
import type { SharedVersionNode } from '../../src/tree/SharedGalleryNodes';
import { SharedGalleryNode, SharedImageNode } from '../../src/tree/SharedGalleryNodes';
import type { SharedWithMeNode } from '../../src/tree/SharedWithMeNode';
import { SubscriptionNode } from '../../src/tree/SubscriptionNode';
import type { TreeNode } from '../../src/tree/TreeNode';
import { commandHarness } from '../unit/commands/commandTestSupport';
import { FakeAzure } from '../unit/tree/treeTestSupport';
import { armServicesFor } from './emulatorServices';
import { formDefinition } from '../../src/webview/forms/formRegistry';

const SEED = path.join(__dirname, '..', 'emulator', 'seeds', 'sharing.json');
const CONTOSO_TENANT = '7c1f4b2e-3d5a-4e8f-9b6c-2a1d0e9f8c7b';
const CONTOSO_SUB = '8f3b1c2d-4e5f-4a6b-9c7d-0e1f2a3b4c5d';
const NORTHWIND_SUB = '0d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6';
const PUBLIC_NAME = 'northwind-6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b';
const root = { id: 'account/test', parent: undefined, getTreeItem: () => { throw new Error('unused'); } } as TreeNode;
const signal = new AbortController().signal;

/** Every page of a list node (pageSize 1: each list here takes several), as "Load more" would fetch them. */
async function allChildren(node: TreeNode): Promise<TreeNode[]> {
  assert.ok(node instanceof PagedListNode);
  let children = await node.getChildren(signal);
  while (children[children.length - 1] instanceof LoadMoreNode) {
    await node.loadMore(signal);
    children = await node.getChildren(signal);
  }
  return children;
}

/** The command table over the real Azure layer: FakeAzure only hands out `services`. */
function realAzure(services: ArmServices): FakeAzure {
  const azure = new FakeAzure();
  azure.services = () => services;
  azure.account = () => ({ services: () => Promise.resolve(services) }) as unknown as AzureAccount;
  return azure;
}

describe('integration: Shared with me over the real SDK (issue 13)', function () {
  this.timeout(30_000);
  let emulator: RunningEmulator;
  let services: ArmServices;

  beforeEach(async () => {
    resetFakes();
    emulator = await startEmulator({ seed: SEED, lroDelayMs: 50, retryAfterSeconds: 0, pageSize: 1 });
    services = armServicesFor(emulator);
  });
  afterEach(async () => {
    await emulator.close();
  });

  function sharedWithMe(sharing = testSharing()): SharedWithMeNode {
    const ctx = testContext(realAzure(services), sharing.memory);
    return new SubscriptionNode(ctx, root, { subscriptionId: CONTOSO_SUB, displayName: 'Contoso Production', tenantId: CONTOSO_TENANT, state: 'Enabled' }).sharedWithMe;
  }

  it('lists the subscription\'s and the tenant\'s shares in the region of the own gallery, down to versions with latest; copies the reference ARM gives', async () => {
    const node = sharedWithMe();
    const galleries = await node.getChildren(signal);
    assert.deepEqual(labels(galleries), ['northwindShared', 'northwindTenantWide'], 'the pending share stays hidden');
    assert.deepEqual(node.searchedRegions, ['eastus'], 'the region of contosoToShare');
    assert.deepEqual(galleries.map((g) => g.getTreeItem().description), ['eastus · shared with this subscription', 'eastus · shared with your tenant']);
    const images = await allChildren(galleries[0]);
    assert.deepEqual(labels(images), ['nw-ubuntu-2404', 'nw-ws2022']);
    assert.match(String(images[0].getTreeItem().description), /^Linux · Generalized · Gen2 · x64$/);
    const versions = await allChildren(images[0]);
    assert.deepEqual(labels(versions), ['2.0.0', '1.1.0', '1.0.0']);
    assert.deepEqual(versions.map((v) => v.getTreeItem().description), ['excluded from latest', 'latest', '']);
    const version = versions[1] as SharedVersionNode;
    const h = commandHarness(realAzure(services));
    quickPickAnswers.push((items) => items[0]);
    await h.run('azureComputeGallery.copyImageReference', version);
    const arm = await services.galleryService(CONTOSO_SUB, CONTOSO_TENANT).getSharedImageVersion({ location: 'eastus', galleryUniqueName: version.source.name }, 'nw-ubuntu-2404', '1.1.0');
    assert.deepEqual(JSON.parse(clipboardWrites[0]), { imageReference: { sharedGalleryImageId: arm.uniqueId } });
    h.dispose();
  });

  it('a community gallery added by public name shows its publisher and links, then images and versions; its reference is ARM\'s', async () => {
    const sharing = testSharing();
    const h = commandHarness(realAzure(services), sharing.memory);
    inputAnswers.push(PUBLIC_NAME);
    quickPickAnswers.push((items) => (items as Array<{ region: string }>).find((i) => i.region === 'eastus'));
    await h.run('azureComputeGallery.addCommunityGallery', sharedWithMe(sharing));
    assert.deepEqual(sharing.memory.communityGalleries(CONTOSO_SUB), [{ location: 'eastus', publicGalleryName: PUBLIC_NAME }]);
    const children = await sharedWithMe(sharing).getChildren(signal);
    const community = children[children.length - 1];
    assert.ok(community instanceof SharedGalleryNode);
    const rows = await allChildren(community);
    assert.deepEqual(
      rows.filter((r) => !(r instanceof SharedImageNode)).map((r) => `${labels([r])[0]}: ${String(r.getTreeItem().description)}`),
      [
        'Publisher: https://northwind.example.com/',
        'Contact: images@northwind.example.com',
        'EULA: https://northwind.example.com/eula',
        'Privacy statement: https://northwind.example.com/privacy',
        'Disclaimer: https://northwind.example.com/eula',
      ],
    );
    assert.equal(community.getTreeItem().description, 'publisher northwind.example.com · eastus');
    const image = rows.find((r): r is SharedImageNode => r instanceof SharedImageNode);
    assert.ok(image);
    const versions = await allChildren(image);
    assert.deepEqual(labels(versions), ['1.0.1', '1.0.0']);
    quickPickAnswers.push((items) => items[0]);
    await h.run('azureComputeGallery.copyImageReference', versions[0]);
    const arm = await services.galleryService(CONTOSO_SUB, CONTOSO_TENANT).getCommunityImageVersion({ location: 'eastus', publicGalleryName: PUBLIC_NAME }, 'nw-community-ubuntu', '1.0.1');
    assert.deepEqual(JSON.parse(clipboardWrites[0]), { imageReference: { communityGalleryImageId: arm.uniqueId } });
    h.dispose();
  });

  it('the version form\'s body for a community source creates a version through the real SDK (storageProfile.source.communityGalleryImageId)', async () => {
    const form = formDefinition('imageVersion');
    const definition = `/subscriptions/${CONTOSO_SUB}/resourceGroups/rg-sharing/providers/Microsoft.Compute/galleries/contosoToShare/images/share-me`;
    const communityId = `/CommunityGalleries/${PUBLIC_NAME}/Images/nw-community-ubuntu/Versions/1.0.1`;
    const values = {
      ...form.defaults(),
      subscriptionId: CONTOSO_SUB,
      galleryId: definition.replace(/\/images\/.*$/, ''),
      definitionId: definition,
      name: '2.0.0',
      location: 'eastus',
      sourceType: 'communityImageVersion',
      communityVersionId: communityId,
      targetRegions: [{ name: 'eastus', replicas: '1', storageAccountType: 'Standard_LRS', osDiskEncryptionSetId: '', dataDiskEncryptionSetId: '' }],
    };
    const context = { now: Date.now(), siblingNames: ['1.0.0'], definition: { osType: 'Linux', osState: 'Generalized', hyperVGeneration: 'V2' } };
    assert.deepEqual(form.validate(values, 'create', context), {});
    const id = parseIdOfKind(`${definition}/versions/2.0.0`, 'imageVersion');
    const contoso = services.galleryService(CONTOSO_SUB, CONTOSO_TENANT);
    const created = await contoso.createOrUpdateImageVersion(id, form.requestBody(values, 'create', context));
    assert.equal(created.provisioningState, 'Succeeded');
    const json = await contoso.getResourceJson(id);
    assert.deepEqual((json.properties as { storageProfile?: { source?: unknown } }).storageProfile?.source, { communityGalleryImageId: communityId });
  });

  it('Accept Shared Gallery… makes the pending share show; Reject on a shared gallery removes Contoso from Northwind\'s groups', async () => {
    const sharing = testSharing();
    const h = commandHarness(realAzure(services), sharing.memory);
    inputAnswers.push(NORTHWIND_SUB, 'northwindPending');
    quickPickAnswers.push((items) => (items as Array<{ region: string }>).find((i) => i.region === 'eastus'), (items) => items[0]);
    answers.push('Accept');
    await h.run('azureComputeGallery.acceptSharedGallery', sharedWithMe(sharing));
    const after = await sharedWithMe(sharing).getChildren(signal);
    assert.deepEqual(labels(after), ['northwindPending', 'northwindShared', 'northwindTenantWide']);

    answers.push('Reject');
    await h.run('azureComputeGallery.rejectSharedGallery', after[1]);
    assert.deepEqual(labels(await sharedWithMe(sharing).getChildren(signal)), ['northwindPending', 'northwindTenantWide']);
    const northwind = services.galleryService(NORTHWIND_SUB, '4b5c6d7e-8f90-4a1b-9c2d-3e4f5a6b7c8d');
    const gallery = await northwind.getGalleryWithSharing(parseIdOfKind(`/subscriptions/${NORTHWIND_SUB}/resourceGroups/rg-northwind-images/providers/Microsoft.Compute/galleries/northwindShared`, 'gallery'));
    assert.equal(gallery.sharingProfile?.permissions, 'Private', 'no group is left after Contoso rejected');
    h.dispose();
  });
});
