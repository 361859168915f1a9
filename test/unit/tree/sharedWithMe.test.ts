import * as assert from 'node:assert/strict';
import { Deferred, FakeAzure, SUB, TENANT, labels, page, settle, testContext, testSharing } from './treeTestSupport';
import { answers, clipboardWrites, inputAnswers, inputBoxes, openedDocuments, openedExternal, progressCalls, ProgressLocation, quickPickAnswers, resetFakes, shownDetails, shownMessages } from './fakeVscode';
import type { Page } from '../../../src/azure/services';
import type { SharedVersionNode } from '../../../src/tree/SharedGalleryNodes';
import { CommunityInfoNode, SharedGalleryNode, SharedImageNode } from '../../../src/tree/SharedGalleryNodes';
import { SharedWithMeNode } from '../../../src/tree/SharedWithMeNode';
import { REGION_CONCURRENCY, regionsFromSetting, regionsToSearch, settleWithConcurrency } from '../../../src/tree/sharedRegions';
import { SubscriptionNode } from '../../../src/tree/SubscriptionNode';
import type { TreeNode } from '../../../src/tree/TreeNode';
import { commandHarness } from '../commands/commandTestSupport';

const signal = new AbortController().signal;
const root = { id: 'account/test', parent: undefined, getTreeItem: () => { throw new Error('unused'); } } as TreeNode;
const SHARER = '0d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6';
const UNIQUE = `${SHARER}-NORTHWINDSHARED`;
const PUBLIC = 'northwind-6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b';
const DAY = 24 * 60 * 60 * 1000;

function subscriptionNode(azure: FakeAzure, sharing = testSharing()) {
  const ctx = testContext(azure, sharing.memory);
  const sub = new SubscriptionNode(ctx, root, { subscriptionId: SUB, displayName: 'Contoso', tenantId: TENANT, state: 'Enabled' });
  return { ctx, sub, sharing, node: sub.sharedWithMe };
}

const description = (node: TreeNode): string => String(node.getTreeItem().description ?? '');
const galleryAt = (location: string) => ({ id: `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Compute/galleries/g${location}`, name: `g${location}`, location });

describe('Shared with me: which regions it looks in', () => {
  it('looks where the own galleries are, then the setting, then the remembered regions, each once, normalised', () => {
    const regions = regionsToSearch({ galleries: ['westeurope', 'West Europe', 'eastus'], resourceGroups: ['japaneast'], setting: ['North Europe', 'eastus'], remembered: ['brazilsouth'] });
    assert.deepEqual(regions, ['westeurope', 'eastus', 'northeurope', 'brazilsouth']);
  });

  it('uses the resource groups\' regions only when the subscription has no gallery', () => {
    assert.deepEqual(regionsToSearch({ galleries: [], resourceGroups: ['japaneast', 'japaneast', 'uksouth'], setting: [], remembered: [] }), ['japaneast', 'uksouth']);
  });

  it('takes only region names from the setting (untrusted text) and says which entries it left out', () => {
    const { regions, rejected } = regionsFromSetting(['westeurope', 'East US 2', '../../evil', 42, 'a', 'x'.repeat(60), 'westeurope']);
    assert.deepEqual(regions, ['westeurope', 'eastus2']);
    assert.deepEqual(rejected, ['../../evil', '42', 'a', `${'x'.repeat(40)}…`]);
    assert.deepEqual(regionsFromSetting('westeurope'), { regions: [], rejected: ['westeurope'] });
    assert.deepEqual(regionsFromSetting(undefined), { regions: [], rejected: [] });
  });

  it('runs at most the bound at once, keeps the order, and one failure does not fail the others', async () => {
    let running = 0;
    let most = 0;
    const gates = Array.from({ length: 10 }, () => new Deferred<number>());
    const done = settleWithConcurrency([...gates.keys()], 4, async (i) => {
      running++;
      most = Math.max(most, running);
      try {
        return await gates[i].promise;
      } finally {
        running--;
      }
    });
    await settle();
    assert.equal(running, 4);
    gates.forEach((g, i) => (i === 3 ? g.reject(new Error('region down')) : g.resolve(i * 10)));
    const results = await done;
    assert.equal(most, 4);
    assert.deepEqual(results.map((r) => (r.status === 'fulfilled' ? r.value : 'failed')), [0, 10, 20, 'failed', 40, 50, 60, 70, 80, 90]);
  });
});

describe('Shared with me in the tree', () => {
  beforeEach(() => resetFakes());

  it('comes after the galleries and managed images of a subscription', async () => {
    const { sub } = subscriptionNode(new FakeAzure());
    const children = await sub.getChildren(signal);
    assert.deepEqual(labels(children).slice(-2), ['Managed images', 'Shared with me']);
    assert.ok(children[children.length - 1] instanceof SharedWithMeNode);
  });

  it('lists the subscription\'s and the tenant\'s shares in the own galleries\' regions plus the setting\'s and remembered ones, and says which it searched', async () => {
    const azure = new FakeAzure();
    azure.galleries = () => page([galleryAt('westeurope'), galleryAt('eastus')]);
    const sharing = testSharing({ value: ['northeurope', 'not a region!'] });
    await sharing.memory.addRegion(SUB, 'Brazil South');
    const { node, ctx } = subscriptionNode(azure, sharing);
    assert.equal(node.getTreeItem().description, undefined, 'no regions are named before it is listed');
    const children = await node.getChildren(signal);
    const lists = azure.calls.filter((c) => c.startsWith('sharedGalleries')).sort();
    assert.deepEqual(lists, [
      'sharedGalleries brazilsouth subscription',
      'sharedGalleries brazilsouth tenant',
      'sharedGalleries eastus subscription',
      'sharedGalleries eastus tenant',
      'sharedGalleries northeurope subscription',
      'sharedGalleries northeurope tenant',
      'sharedGalleries westeurope subscription',
      'sharedGalleries westeurope tenant',
    ]);
    assert.equal(azure.calls.includes('resourceGroups'), false, 'resource groups are not read when there are galleries');
    assert.equal(labels(children)[0], 'Ignored in the setting "Shared With Me: Regions" (not region names): not a region!');
    assert.equal(labels(children)[1], 'Nothing shared with this subscription or its tenant in westeurope, eastus, northeurope, brazilsouth — Look in Region…');
    assert.equal(children[1].getTreeItem().command?.command, 'azureComputeGallery.lookInRegion');
    assert.equal(description(node), 'westeurope, eastus, northeurope, brazilsouth');
    assert.ok(ctx.refreshed.includes(node), 'the row is redrawn to name the regions');
  });

  it('uses the galleries the subscription row listed already: no second gallery list when expanded under it', async () => {
    const azure = new FakeAzure();
    azure.galleries = () => page([galleryAt('westeurope'), galleryAt('eastus')]);
    const { sub, node } = subscriptionNode(azure);
    await sub.getChildren(signal);
    azure.calls.length = 0;
    await node.getChildren(signal);
    assert.deepEqual(azure.calls.filter((c) => !c.startsWith('sharedGalleries')), [], 'only the shared lists are asked');
    assert.equal(description(node), 'westeurope, eastus');
    // After a refresh of the subscription, its new list counts (a gallery moved away from westeurope).
    azure.galleries = () => page([galleryAt('uksouth')]);
    sub.reset();
    await sub.getChildren(signal);
    await node.getChildren(signal);
    assert.equal(description(node), 'uksouth');
  });

  it('asks at most four regions at once', async () => {
    const azure = new FakeAzure();
    azure.galleries = () => page(['westeurope', 'eastus', 'northeurope', 'uksouth', 'japaneast'].map(galleryAt));
    let running = 0;
    let most = 0;
    const gates: Array<Deferred<Page<unknown>>> = [];
    azure.sharedGalleries = async () => {
      running++;
      most = Math.max(most, running);
      const gate = new Deferred<Page<unknown>>();
      gates.push(gate);
      try {
        return await gate.promise;
      } finally {
        running--;
      }
    };
    const { node } = subscriptionNode(azure);
    const listing = node.getChildren(signal);
    for (let i = 0; i < 10; i++) {
      await settle();
      gates[i]?.resolve({ items: [], continuationToken: undefined });
    }
    await listing;
    assert.equal(gates.length, 10, 'five regions, two lists each');
    assert.equal(most, REGION_CONCURRENCY);
  });

  it('shows a gallery shared with both the subscription and the tenant once, and a failing region as its own row with retry', async () => {
    const azure = new FakeAzure();
    azure.galleries = () => page([galleryAt('eastus'), galleryAt('westeurope')]);
    azure.sharedGalleries = (location, sharedTo) => {
      if (location === 'westeurope' && sharedTo === 'tenant') {
        return Promise.reject(Object.assign(new Error('The service is unavailable.'), { statusCode: 503, code: 'ServiceUnavailable' }));
      }
      return location === 'eastus' ? page([{ name: UNIQUE, location: 'eastus', uniqueId: `/SharedGalleries/${UNIQUE}` }]) : page([]);
    };
    const { node } = subscriptionNode(azure);
    const children = await node.getChildren(signal);
    assert.deepEqual(labels(children), ['NORTHWINDSHARED', "Couldn't list galleries shared with your tenant in westeurope — click to retry"]);
    const gallery = children[0];
    assert.ok(gallery instanceof SharedGalleryNode);
    assert.equal(description(gallery), 'eastus · shared with this subscription');
    assert.equal(gallery.getTreeItem().contextValue, 'sharedGallery');
    assert.equal(children[1].getTreeItem().command?.command, 'azureComputeGallery.retry');
  });

  it('when nothing can be asked (no token), one error row with retry; a retry lists again', async () => {
    const azure = new FakeAzure();
    const { node, ctx } = subscriptionNode(azure);
    let fail = true;
    const services = azure.services();
    (ctx as { account: unknown }).account = { services: () => (fail ? Promise.reject(Object.assign(new Error('Sign in again.'), { code: 'NotSignedIn' })) : Promise.resolve(services)) };
    const children = await node.getChildren(signal);
    assert.deepEqual(labels(children), ["Couldn't list what is shared with me — click to retry"]);
    assert.equal(children[0].getTreeItem().command?.command, 'azureComputeGallery.retry');
    fail = false;
    node.reset();
    assert.deepEqual(labels(await node.getChildren(signal)), ['No regions to look in yet — Look in Region…']);
  });

  it('a shared gallery lists its images with OS, generation, architecture and end of life, and versions newest first with latest, excluded and end of life', async () => {
    const azure = new FakeAzure();
    azure.galleries = () => page([galleryAt('eastus')]);
    azure.sharedGalleries = (location, sharedTo) => (sharedTo === 'subscription' ? page([{ name: UNIQUE, location }]) : page([]));
    azure.sharedImages = () =>
      page([
        { name: 'nw-ubuntu-2404', location: 'eastus', osType: 'Linux', osState: 'Generalized', hyperVGeneration: 'V2', architecture: 'x64', endOfLifeDate: new Date(Date.now() + 10 * DAY) },
        { name: 'nw-base-arm64', location: 'eastus', osType: 'Linux', osState: 'Generalized', hyperVGeneration: 'V2', architecture: 'Arm64' },
      ]);
    azure.sharedVersions = () =>
      page([
        { name: '1.0.0', location: 'eastus', publishedDate: new Date(Date.now() - 40 * DAY), excludeFromLatest: false },
        { name: '2.0.0', location: 'eastus', excludeFromLatest: true },
        { name: '1.10.0', location: 'eastus', excludeFromLatest: false, endOfLifeDate: new Date(Date.now() - DAY) },
      ]);
    const { node } = subscriptionNode(azure);
    const [gallery] = await node.getChildren(signal);
    assert.ok(gallery instanceof SharedGalleryNode);
    const images = await gallery.getChildren(signal);
    assert.deepEqual(labels(images), ['nw-ubuntu-2404', 'nw-base-arm64']);
    assert.equal(description(images[0]), 'Linux · Generalized · Gen2 · x64 · end of life in 10 days');
    assert.equal(description(images[1]), 'Linux · Generalized · Gen2 · Arm64');
    assert.equal(images[0].getTreeItem().contextValue, 'sharedImage');
    const versions = await (images[0] as SharedImageNode).getChildren(signal);
    assert.deepEqual(labels(versions), ['2.0.0', '1.10.0', '1.0.0']);
    assert.deepEqual(versions.map(description), ['excluded from latest · end of life in 10 days', 'latest · end of life passed', 'end of life in 10 days']);
    assert.deepEqual(versions.map((v) => v.getTreeItem().contextValue), ['sharedImageVersion;excluded', 'sharedImageVersion;latest', 'sharedImageVersion']);
    assert.ok(azure.calls.includes(`sharedVersions eastus ${UNIQUE}/nw-ubuntu-2404 subscription`));
  });

  it('a community gallery shows its publisher, contact and https links as rows (a link only opens when clicked), then its images', async () => {
    const azure = new FakeAzure();
    const sharing = testSharing();
    await sharing.memory.addCommunityGallery(SUB, { location: 'eastus', publicGalleryName: PUBLIC });
    azure.communityGallery = () =>
      Promise.resolve({
        name: PUBLIC,
        location: 'eastus',
        disclaimer: 'javascript:alert(1)',
        communityMetadata: { publisherUri: 'https://northwind.example.com', publisherContact: 'images@northwind.example.com', eula: 'https://northwind.example.com/eula', publicNames: [PUBLIC] },
      });
    azure.sharedImages = () => page([{ name: 'nw-community-ubuntu', location: 'eastus', osType: 'Linux' }]);
    const { node } = subscriptionNode(azure, sharing);
    const children = await node.getChildren(signal);
    const community = children[children.length - 1];
    assert.ok(community instanceof SharedGalleryNode);
    assert.equal(community.getTreeItem().contextValue, 'communityGallery');
    assert.equal(description(community), 'eastus');
    const rows = await community.getChildren(signal);
    assert.deepEqual(labels(rows), ['Publisher', 'Contact', 'EULA', 'Disclaimer', 'nw-community-ubuntu']);
    assert.equal(description(community), 'publisher northwind.example.com · eastus');
    const [publisher, contact, eula, disclaimer] = rows.map((r) => r.getTreeItem());
    assert.equal(publisher.description, 'https://northwind.example.com/');
    assert.equal(eula.command?.command, 'azureComputeGallery.openCommunityLink');
    assert.equal(contact.command, undefined);
    assert.equal(disclaimer.command, undefined, 'a link that is not https is shown, never offered to open');
    assert.equal(openedExternal.length, 0, 'nothing is opened by listing');
  });
});

describe('Shared with me: listed again', () => {
  beforeEach(() => resetFakes());

  it('a refresh keeps the regions on the row and the community gallery\'s publisher while it lists again, and keeps the rows', async () => {
    const azure = new FakeAzure();
    azure.galleries = () => page([galleryAt('eastus')]);
    const sharing = testSharing();
    await sharing.memory.addCommunityGallery(SUB, { location: 'eastus', publicGalleryName: PUBLIC });
    azure.communityGallery = () => Promise.resolve({ name: PUBLIC, communityMetadata: { publisherUri: 'https://northwind.example.com', publisherContact: 'a@b.c', publicNames: [PUBLIC] } });
    const { node } = subscriptionNode(azure, sharing);
    const first = await node.getChildren(signal);
    const community = first[first.length - 1] as SharedGalleryNode;
    await community.getChildren(signal);
    assert.equal(description(community), 'publisher northwind.example.com · eastus');
    node.reset();
    assert.equal(description(node), 'eastus', 'the regions stay on the row while it lists again');
    const again = await node.getChildren(signal);
    assert.equal(again[again.length - 1], community, 'the same row, listed again');
    assert.equal(description(community), 'publisher northwind.example.com · eastus');
    azure.calls.length = 0;
    await community.getChildren(signal);
    assert.deepEqual(azure.calls.filter((c) => c.startsWith('community')), [`communityGallery eastus ${PUBLIC}`, `communityImages eastus ${PUBLIC}`], 'its images are read again');
  });
});

describe('Shared with me: commands', () => {
  beforeEach(() => resetFakes());

  async function sharedVersion(azure: FakeAzure) {
    azure.galleries = () => page([galleryAt('eastus')]);
    azure.sharedGalleries = (location, sharedTo) => (sharedTo === 'tenant' ? page([{ name: UNIQUE, location }]) : page([]));
    azure.sharedImages = () => page([{ name: 'nw-ubuntu-2404', location: 'eastus', osType: 'Linux' }]);
    azure.sharedVersions = () => page([{ name: '1.1.0', location: 'eastus' }]);
    const { node } = subscriptionNode(azure);
    const [gallery] = await node.getChildren(signal);
    const [image] = await (gallery as SharedGalleryNode).getChildren(signal);
    const [version] = await (image as SharedImageNode).getChildren(signal);
    return { node, gallery: gallery as SharedGalleryNode, image: image as SharedImageNode, version: version as SharedVersionNode };
  }

  it('Copy Image Reference on a shared version copies the sharedGalleryImageId a VM takes; on an image, its latest', async () => {
    const azure = new FakeAzure();
    const h = commandHarness(azure);
    const { image, version } = await sharedVersion(azure);
    quickPickAnswers.push((items) => items[0]);
    await h.run('azureComputeGallery.copyImageReference', version);
    assert.deepEqual(JSON.parse(clipboardWrites[0]), { imageReference: { sharedGalleryImageId: `/SharedGalleries/${UNIQUE}/Images/nw-ubuntu-2404/Versions/1.1.0` } });
    quickPickAnswers.push((items) => items[0]);
    await h.run('azureComputeGallery.copyImageReference', image);
    assert.deepEqual(JSON.parse(clipboardWrites[1]), { imageReference: { sharedGalleryImageId: `/SharedGalleries/${UNIQUE}/Images/nw-ubuntu-2404` } });
    h.dispose();
  });

  it('Copy Image Reference on a community version copies its communityGalleryImageId', async () => {
    const azure = new FakeAzure();
    const sharing = testSharing();
    await sharing.memory.addCommunityGallery(SUB, { location: 'eastus', publicGalleryName: PUBLIC });
    azure.communityGallery = () => Promise.resolve({ name: PUBLIC, communityMetadata: { publisherContact: 'a@b.c', publicNames: [PUBLIC] } });
    azure.sharedImages = () => page([{ name: 'img', location: 'eastus' }]);
    azure.sharedVersions = () => page([{ name: '1.0.1', location: 'eastus' }]);
    const h = commandHarness(azure);
    const { node } = subscriptionNode(azure, sharing);
    const children = await node.getChildren(signal);
    const community = children[children.length - 1] as SharedGalleryNode;
    const rows = await community.getChildren(signal);
    const image = rows.find((r): r is SharedImageNode => r instanceof SharedImageNode);
    assert.ok(image);
    const [version] = await image.getChildren(signal);
    assert.equal(version.getTreeItem().contextValue, 'communityImageVersion;latest');
    quickPickAnswers.push((items) => items[0]);
    await h.run('azureComputeGallery.copyImageReference', version);
    assert.deepEqual(JSON.parse(clipboardWrites[0]), { imageReference: { communityGalleryImageId: `/CommunityGalleries/${PUBLIC}/Images/img/Versions/1.0.1` } });
    h.dispose();
  });

  it('Create Image Version from This… on a community version opens the version form with it as the source; a shared version is refused', async () => {
    const azure = new FakeAzure();
    const sharing = testSharing();
    await sharing.memory.addCommunityGallery(SUB, { location: 'eastus', publicGalleryName: PUBLIC });
    azure.communityGallery = () => Promise.resolve({ name: PUBLIC, communityMetadata: { publisherContact: 'a@b.c', publicNames: [PUBLIC] } });
    azure.sharedImages = () => page([{ name: 'img', location: 'eastus' }]);
    azure.sharedVersions = () => page([{ name: '1.0.1', location: 'eastus' }]);
    const h = commandHarness(azure, sharing.memory);
    const { node } = subscriptionNode(azure, sharing);
    const children = await node.getChildren(signal);
    const rows = await (children[children.length - 1] as SharedGalleryNode).getChildren(signal);
    const image = rows.find((r): r is SharedImageNode => r instanceof SharedImageNode);
    assert.ok(image);
    const [version] = await image.getChildren(signal);
    await h.run('azureComputeGallery.createImageVersionFrom', version);
    assert.deepEqual(h.formsShown, [
      {
        kind: 'imageVersion',
        mode: 'create',
        values: { subscriptionId: SUB, location: 'eastus', sourceType: 'communityImageVersion', communityVersionId: `/CommunityGalleries/${PUBLIC}/Images/img/Versions/1.0.1` },
        tenantId: TENANT,
      },
    ]);
    const shared = await sharedVersion(azure);
    await h.run('azureComputeGallery.createImageVersionFrom', shared.version);
    assert.equal(h.formsShown.length, 1);
    assert.match(shownMessages[shownMessages.length - 1], /^error: .*works on a community image version/);
    h.dispose();
  });

  it('Look in Region… remembers the region for the subscription and lists Shared with me again', async () => {
    const azure = new FakeAzure();
    azure.locations = () => Promise.resolve([{ name: 'eastus', displayName: 'East US' }, { name: 'japaneast', displayName: 'Japan East' }]);
    const sharing = testSharing();
    const h = commandHarness(azure, sharing.memory);
    const { node } = subscriptionNode(azure, sharing);
    await node.getChildren(signal);
    quickPickAnswers.push((items) => (items as Array<{ region: string }>).find((i) => i.region === 'japaneast'));
    await h.run('azureComputeGallery.lookInRegion', node);
    assert.deepEqual(sharing.memory.rememberedRegions(SUB), ['japaneast']);
    assert.deepEqual(sharing.memory.rememberedRegions('22222222-0000-4000-8000-000000000002'), [], 'remembered per subscription');
    node.reset();
    azure.calls.length = 0;
    await node.getChildren(signal);
    assert.deepEqual(azure.calls.filter((c) => c.startsWith('sharedGalleries')), ['sharedGalleries japaneast subscription', 'sharedGalleries japaneast tenant']);
    h.dispose();
  });

  it('Add Community Gallery… checks the name exists before remembering it; a 404 adds nothing', async () => {
    const azure = new FakeAzure();
    azure.locations = () => Promise.resolve([{ name: 'eastus', displayName: 'East US' }]);
    const sharing = testSharing();
    const h = commandHarness(azure, sharing.memory);
    const { node } = subscriptionNode(azure, sharing);
    azure.communityGallery = () => Promise.reject(Object.assign(new Error('not found'), { statusCode: 404, code: 'ResourceNotFound' }));
    inputAnswers.push('nope-00000000-0000-0000-0000-000000000000');
    quickPickAnswers.push((items) => items[0]);
    await h.run('azureComputeGallery.addCommunityGallery', node);
    assert.equal(inputBoxes[0].validateInput?.('bad name/../x'), 'A public gallery name has letters, digits, periods, dashes and underscores only (at most 128).');
    assert.deepEqual(sharing.memory.communityGalleries(SUB), []);
    assert.match(shownMessages[0], /^warning: No community gallery "nope-00000000-0000-0000-0000-000000000000" in eastus/);
    azure.communityGallery = () => Promise.resolve({ name: PUBLIC });
    inputAnswers.push(` ${PUBLIC} `);
    quickPickAnswers.push((items) => items[0]);
    progressCalls.length = 0;
    await h.run('azureComputeGallery.addCommunityGallery', node);
    assert.deepEqual(sharing.memory.communityGalleries(SUB), [{ location: 'eastus', publicGalleryName: PUBLIC }]);
    // A quick look-up is shown in the status bar only: no notification is left on screen once the gallery is added.
    assert.deepEqual(progressCalls.map((c) => [c.title, c.location]), [[`Looking for community gallery ${PUBLIC} in eastus…`, ProgressLocation.Window]]);
    h.dispose();
  });

  it('Accept Shared Gallery… checks what the sharer gave before sending, confirms, then accepts and looks in that region', async () => {
    const azure = new FakeAzure();
    azure.locations = () => Promise.resolve([{ name: 'eastus', displayName: 'East US' }]);
    const sent: unknown[] = [];
    azure.invite = (action, invite) => (sent.push({ action, invite }), Promise.resolve());
    const sharing = testSharing();
    const h = commandHarness(azure, sharing.memory);
    const { node } = subscriptionNode(azure, sharing);
    // Dismissed at the confirmation: nothing sent.
    inputAnswers.push(SHARER, 'northwindPending');
    quickPickAnswers.push((items) => items[0], (items) => items[0]);
    answers.push(undefined);
    await h.run('azureComputeGallery.acceptSharedGallery', node);
    assert.equal(inputBoxes[0].validateInput?.('not-a-guid'), "Enter the subscription ID of the gallery's owner: a GUID such as 00000000-0000-0000-0000-000000000000.");
    assert.equal(inputBoxes[1].validateInput?.('bad-name'), 'Gallery names cannot contain dashes (-): use letters, digits, underscores and periods.');
    assert.deepEqual(sent, []);
    assert.match(shownDetails[0], /^warning: Gallery "northwindPending" of subscription 0d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6 in eastus, shared with subscription/);
    inputAnswers.push(SHARER, 'northwindPending');
    quickPickAnswers.push((items) => items[0], (items) => items[1]);
    answers.push('Accept');
    await h.run('azureComputeGallery.acceptSharedGallery', node);
    assert.deepEqual(sent, [{ action: 'accept', invite: { level: 'tenant', location: 'eastus', sharerSubscriptionId: SHARER, galleryName: 'northwindPending' } }]);
    assert.deepEqual(sharing.memory.rememberedRegions(SUB), ['eastus']);
    h.dispose();
  });

  it('Reject on a shared gallery says it removes you from the sharer\'s groups, and sends nothing unless confirmed', async () => {
    const azure = new FakeAzure();
    const sent: unknown[] = [];
    azure.invite = (action, invite) => (sent.push({ action, invite }), Promise.resolve());
    const h = commandHarness(azure);
    const { gallery } = await sharedVersion(azure);
    answers.push(undefined);
    await h.run('azureComputeGallery.rejectSharedGallery', gallery);
    assert.deepEqual(sent, []);
    assert.match(shownDetails[0], /Rejecting removes your tenant from the gallery's sharing groups/);
    answers.push('Reject');
    await h.run('azureComputeGallery.rejectSharedGallery', gallery);
    assert.deepEqual(sent, [{ action: 'reject', invite: { level: 'tenant', location: 'eastus', sharerSubscriptionId: SHARER, galleryName: 'NORTHWINDSHARED' } }]);
    h.dispose();
  });

  it('Show Properties on a shared version reads it again from Azure and shows its JSON read-only', async () => {
    const azure = new FakeAzure();
    const h = commandHarness(azure);
    const { version } = await sharedVersion(azure);
    const asked: string[] = [];
    azure.sharedItem = (what) => (asked.push(what), Promise.resolve({ name: '1.1.0', uniqueId: `/SharedGalleries/${UNIQUE}/Images/nw-ubuntu-2404/Versions/1.1.0` }));
    await h.run('azureComputeGallery.showProperties', version);
    assert.deepEqual(asked, [`shared eastus ${UNIQUE}/nw-ubuntu-2404/1.1.0`]);
    assert.equal(openedDocuments.length, 1);
    assert.match(openedDocuments[0].uri, /NORTHWINDSHARED-nw-ubuntu-2404-1\.1\.0\.json/);
    assert.deepEqual(JSON.parse(openedDocuments[0].text), { name: '1.1.0', uniqueId: `/SharedGalleries/${UNIQUE}/Images/nw-ubuntu-2404/Versions/1.1.0` });
    h.dispose();
  });

  it('Remove Community Gallery forgets it (nothing sent to Azure) and lists Shared with me again without it', async () => {
    const azure = new FakeAzure();
    const sharing = testSharing();
    await sharing.memory.addCommunityGallery(SUB, { location: 'eastus', publicGalleryName: PUBLIC });
    await sharing.memory.addCommunityGallery(SUB, { location: 'westeurope', publicGalleryName: 'other-1' });
    const h = commandHarness(azure, sharing.memory);
    const { node } = subscriptionNode(azure, sharing);
    const children = await node.getChildren(signal);
    const community = children.find((c) => labels([c])[0] === PUBLIC);
    assert.ok(community);
    azure.calls.length = 0;
    await h.run('azureComputeGallery.removeCommunityGallery', community);
    assert.deepEqual(sharing.memory.communityGalleries(SUB), [{ location: 'westeurope', publicGalleryName: 'other-1' }]);
    assert.deepEqual(azure.calls, []);
    node.reset();
    assert.deepEqual(labels(await node.getChildren(signal)).slice(-1), ['other-1']);
    h.dispose();
  });

  it('a publisher\'s link opens only after the user saw it and said Open', async () => {
    const azure = new FakeAzure();
    const sharing = testSharing();
    await sharing.memory.addCommunityGallery(SUB, { location: 'eastus', publicGalleryName: PUBLIC });
    azure.communityGallery = () => Promise.resolve({ name: PUBLIC, communityMetadata: { publisherContact: 'a@b.c', eula: 'https://northwind.example.com/eula', publicNames: [PUBLIC] } });
    const h = commandHarness(azure, sharing.memory);
    const { node } = subscriptionNode(azure, sharing);
    const children = await node.getChildren(signal);
    const rows = await (children[children.length - 1] as SharedGalleryNode).getChildren(signal);
    const eula = rows.find((r): r is CommunityInfoNode => r instanceof CommunityInfoNode && r.value.endsWith('/eula'));
    assert.ok(eula);
    answers.push(undefined);
    await h.run('azureComputeGallery.openCommunityLink', eula);
    assert.deepEqual(openedExternal, []);
    assert.deepEqual(shownDetails, ['warning: https://northwind.example.com/eula']);
    answers.push('Open');
    await h.run('azureComputeGallery.openCommunityLink', eula);
    assert.deepEqual(openedExternal, ['https://northwind.example.com/eula']);
    h.dispose();
  });

  it('a publisher\'s link is shown and opened as the URL parser spells it; one with a user name is never offered', async () => {
    const azure = new FakeAzure();
    const sharing = testSharing();
    await sharing.memory.addCommunityGallery(SUB, { location: 'eastus', publicGalleryName: PUBLIC });
    azure.communityGallery = () =>
      Promise.resolve({
        name: PUBLIC,
        communityMetadata: {
          // A Cyrillic "о" in the host, and a right-to-left override in the path: both read as something else.
          eula: 'https://n\u043erthwind.example.com/\u202Eftp.exe',
          publisherUri: 'https://microsoft.com@northwind.example.com/',
          publicNames: [PUBLIC],
        },
      });
    const h = commandHarness(azure, sharing.memory);
    const { node } = subscriptionNode(azure, sharing);
    const children = await node.getChildren(signal);
    const rows = await (children[children.length - 1] as SharedGalleryNode).getChildren(signal);
    const [publisher, eula] = ['Publisher', 'EULA'].map((label) => rows.find((r): r is CommunityInfoNode => r instanceof CommunityInfoNode && labels([r])[0] === label));
    assert.ok(publisher && eula);
    assert.equal(publisher.getTreeItem().command, undefined, 'a link with a user name reads as another host: not offered');
    await h.run('azureComputeGallery.openCommunityLink', publisher);
    assert.match(shownMessages.join('\n'), /^error: .*Open Link works on a link row/);
    assert.deepEqual(openedExternal, []);
    const shown = 'https://xn--nrthwind-nbh.example.com/%E2%80%AEftp.exe';
    assert.equal(eula.getTreeItem().description, shown);
    answers.push('Open');
    await h.run('azureComputeGallery.openCommunityLink', eula);
    assert.deepEqual(shownDetails.slice(-1), [`warning: ${shown}`]);
    assert.deepEqual(openedExternal, [shown]);
    h.dispose();
  });
});

describe('Shared with me: a stranger\'s text in hovers', () => {
  beforeEach(() => resetFakes());

  it('a community gallery\'s links are text in its hover and its rows\' hovers, never a link the hover would open', async () => {
    const azure = new FakeAzure();
    const sharing = testSharing();
    await sharing.memory.addCommunityGallery(SUB, { location: 'eastus', publicGalleryName: PUBLIC });
    azure.communityGallery = () =>
      Promise.resolve({ name: PUBLIC, disclaimer: 'Read www.evil.example first', communityMetadata: { publisherUri: 'http://evil.example/p', eula: 'https://evil.example/eula', publicNames: [PUBLIC] } });
    const { node } = subscriptionNode(azure, sharing);
    const children = await node.getChildren(signal);
    const community = children[children.length - 1] as SharedGalleryNode;
    const rows = await community.getChildren(signal);
    const hovers = [community, ...rows].map((r) => (r.getTreeItem().tooltip as { value: string } | undefined)?.value ?? '');
    const all = hovers.join('\n').replace(/\\/g, ''); // without appendText's escapes
    assert.match(all, /evil\.example\/p/, all);
    // GFM autolinks need "scheme://" or "www." written together.
    assert.doesNotMatch(all, /(?:https?|ftp):\/\/|www\./i, all);
  });
});

describe('Shared with me: what global state gives back', () => {
  it('a part of the wrong shape is dropped, not spread into what is written next', async () => {
    const sharing = testSharing();
    sharing.state.set('azureComputeGallery.sharedWithMe', { regions: 'eastus', community: [{ location: 'eastus', publicGalleryName: 'x' }] });
    assert.deepEqual(sharing.memory.rememberedRegions(SUB), []);
    assert.deepEqual(sharing.memory.communityGalleries(SUB), []);
    await sharing.memory.addRegion(SUB, 'West Europe');
    await sharing.memory.addCommunityGallery(SUB, { location: 'eastus', publicGalleryName: PUBLIC });
    assert.deepEqual(sharing.state.get('azureComputeGallery.sharedWithMe'), {
      regions: { [SUB.toLowerCase()]: ['westeurope'] },
      community: { [SUB.toLowerCase()]: [{ location: 'eastus', publicGalleryName: PUBLIC }] },
    });
  });
});
