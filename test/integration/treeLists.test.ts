import * as assert from 'node:assert/strict';
import { labels, recordingLog } from '../unit/tree/treeTestSupport';
import '../emulator/trustCa';
import { startEmulator } from '../emulator/ArmEmulator';
import type { RunningEmulator } from '../emulator/ArmEmulator';
import { makeTestToken } from '../emulator/tokens';
import { createArmServices } from '../../src/azure/armServices';
import type { AzureAccount } from '../../src/azure/AzureAccount';
import type { ArmServices, Page } from '../../src/azure/services';
import { resolveCloud } from '../../src/azure/cloud';
import { GalleryNode } from '../../src/tree/GalleryNode';
import { ImageDefinitionNode } from '../../src/tree/ImageDefinitionNode';
import { SubscriptionNode } from '../../src/tree/SubscriptionNode';
import type { TreeContext } from '../../src/tree/TreeContext';
import type { TreeNode } from '../../src/tree/TreeNode';
import type { VersionWatcher } from '../../src/tree/VersionWatcher';

const TENANT = 'aaaaaaaa-0000-4000-8000-000000000001';
const SUB = '11111111-0000-4000-8000-000000000001';

/** A gallery, a definition and versions stored with mixed casing of names and regions. */
function seed() {
  return {
    tenants: [{ tenantId: TENANT, displayName: 'Contoso', defaultDomain: 'contoso.example' }],
    subscriptions: [{ subscriptionId: SUB, displayName: 'Contoso Images', tenantId: TENANT, state: 'Enabled' }],
    resourceGroups: [{ subscriptionId: SUB, name: 'clitest.rg42', location: 'eastus2' }],
    resources: [
      { id: `/subscriptions/${SUB}/resourceGroups/CLITEST.RG42/providers/Microsoft.Compute/galleries/MixedGallery`, location: 'EastUS2', properties: {} },
      {
        id: `/subscriptions/${SUB}/resourceGroups/clitest.rg42/providers/Microsoft.Compute/galleries/mixedgallery/images/Ubuntu`,
        location: 'eastus2',
        properties: { osType: 'Linux', osState: 'Generalized', identifier: { publisher: 'p', offer: 'o', sku: 's' } },
      },
      ...['1.0.0', '1.10.0', '1.9.0'].map((v) => ({
        id: `/subscriptions/${SUB}/resourceGroups/CliTest.Rg42/providers/Microsoft.Compute/galleries/MixedGallery/images/UBUNTU/versions/${v}`,
        location: 'EastUS2',
        properties: { publishingProfile: { targetRegions: [{ name: 'East US 2', regionalReplicaCount: 1 }] } },
      })),
    ],
  };
}

describe('explorer lists over the real SDK: ids in any casing (ARM_BEHAVIOUR §7)', function () {
  this.timeout(60_000);
  let emulator: RunningEmulator;
  let ctx: TreeContext & { log: ReturnType<typeof recordingLog> };
  const signal = new AbortController().signal;

  before(async () => {
    emulator = await startEmulator({ seed: seed(), pageSize: 2, lroDelayMs: 100, replicationMsPerRegion: 100 });
    const cloud = resolveCloud('custom', { name: 'Emulator', resourceManagerEndpointUrl: emulator.url, managementEndpointUrl: emulator.url });
    const services = createArmServices({
      cloud,
      credentials: {
        credential: (tenantId) => ({
          getToken: () => Promise.resolve({ token: makeTestToken({ aud: emulator.url, tid: tenantId ?? TENANT }), expiresOnTimestamp: Date.now() + 3_600_000 }),
        }),
      },
    });
    // Live Azure lists ids with the resource group in upper case and other casings (recorded traffic, §7);
    // the emulator keeps the stored casing, so the lists' answers are re-cased here the way Azure's are.
    const recase = <T extends { id?: string }>(page: Page<T>): Page<T> => ({
      ...page,
      items: page.items.map((item) => ({ ...item, id: item.id?.replace(/\/resourceGroups\/([^/]+)\/providers\/Microsoft\.Compute\//i, (_m, rg: string) => `/resourceGroups/${rg.toUpperCase()}/providers/microsoft.compute/`) })),
    });
    const liveCasing: ArmServices = {
      ...services,
      galleryService: (subscriptionId, tenantId) => {
        const real = services.galleryService(subscriptionId, tenantId);
        return {
          ...real,
          listGalleries: async (o) => recase(await real.listGalleries(o)),
          listImageDefinitions: async (g, o) => recase(await real.listImageDefinitions(g, o)),
          listImageVersions: async (d, o) => recase(await real.listImageVersions(d, o)),
        };
      },
    };
    const noop = (): void => undefined;
    ctx = {
      account: { services: () => Promise.resolve(liveCasing) } as unknown as AzureAccount,
      log: recordingLog(),
      refresh: noop,
      pending: new Map(),
      versions: { current: (): undefined => undefined, watch: noop, record: noop, stoppedReason: (): undefined => undefined } as unknown as VersionWatcher,
      registerVersionNode: noop,
    } as unknown as TreeContext & { log: ReturnType<typeof recordingLog> };
  });
  after(() => emulator.close());

  it('subscription → gallery → definition → versions, each child addressed from its parent, nothing logged', async () => {
    const root = { id: 'account/test', parent: undefined, getTreeItem: () => { throw new Error('unused'); } } as TreeNode;
    const subscription = new SubscriptionNode(ctx, root, { subscriptionId: SUB, displayName: 'Contoso Images', tenantId: TENANT, state: 'Enabled' });
    const galleries = await subscription.getChildren(signal);
    assert.deepEqual(labels(galleries), ['MixedGallery', 'Managed images', 'Shared with me']);
    const gallery = galleries[0];
    assert.ok(gallery instanceof GalleryNode);
    assert.equal(gallery.armId.resourceGroup, 'CLITEST.RG42', 'the resource group as the list gave it');

    const definitions = await gallery.getChildren(signal);
    // The gallery's image definitions, then its "VM applications" folder (issue 12), always last.
    assert.deepEqual(labels(definitions), ['Ubuntu', 'VM applications']);
    const definition = definitions[0];
    assert.ok(definition instanceof ImageDefinitionNode);
    assert.equal(definition.id, `${gallery.id}/images/ubuntu`);

    let versions = await definition.getChildren(signal);
    while (versions[versions.length - 1]?.id.endsWith('#loadmore')) {
      await definition.loadMore(signal);
      versions = await definition.getChildren(signal);
    }
    assert.deepEqual(labels(versions), ['1.10.0', '1.9.0', '1.0.0']);
    assert.ok(versions.every((v) => v.id.startsWith(`${definition.id}/versions/`)));
    assert.deepEqual(ctx.log.lines, [], 'ids that differ only in casing are not odd');
    // The lists really answered with other casings than the ids the tree built.
    const listed = await (await ctx.account.services()).galleryService(SUB, TENANT).listImageVersions(definition.armId);
    const treeIds = new Set(versions.map((n) => n.id));
    assert.ok(listed.items.length > 0);
    for (const v of listed.items) {
      assert.match(v.id ?? '', /\/resourceGroups\/CLITEST\.RG42\/providers\/microsoft\.compute\//);
      assert.ok(treeIds.has((v.id ?? '').toLowerCase()), `${v.id} is in the tree under the id built from its parent`);
    }

  });
});
