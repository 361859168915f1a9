import * as assert from 'node:assert/strict';
import { DefaultAzureCredential } from '@azure/identity';
import { createArmServices } from '../../src/azure/armServices';
import { resolveCloud } from '../../src/azure/cloud';

/**
 * Smoke test of the service layer against real Azure. Read-only. Skipped unless credentials are in the
 * environment: AZURE_SUBSCRIPTION_ID plus either a service principal (AZURE_TENANT_ID, AZURE_CLIENT_ID,
 * AZURE_CLIENT_SECRET) or ACG_LIVE_AZURE=1 with a signed-in Azure CLI. AZURE_CLOUD picks a sovereign cloud.
 */
const subscriptionId = process.env.AZURE_SUBSCRIPTION_ID;
const hasCredentials = !!subscriptionId && (!!process.env.AZURE_CLIENT_SECRET || process.env.ACG_LIVE_AZURE === '1');

(hasCredentials ? describe : describe.skip)('live Azure smoke test (read-only)', function () {
  this.timeout(120_000);

  it('lists subscriptions and the first page of galleries and managed images', async () => {
    const cloud = resolveCloud(process.env.AZURE_CLOUD, undefined);
    const credential = new DefaultAzureCredential();
    const services = createArmServices({ cloud, credentials: { credential: () => credential } });
    const subscriptions = await services.listSubscriptions(undefined);
    assert.ok(subscriptions.some((s) => s.subscriptionId === subscriptionId), 'the subscription is visible to these credentials');
    const gs = services.galleryService(subscriptionId ?? '', undefined);
    const galleries = await gs.listGalleries();
    assert.ok(Array.isArray(galleries.items));
    const ids: string[] = galleries.items.map((g) => String(g.id));
    assert.ok(ids.every((id) => /\/providers\/Microsoft\.Compute\/galleries\//i.test(id)), ids.join('\n'));
    const images = await gs.listManagedImages();
    assert.ok(Array.isArray(images.items));
  });
});
