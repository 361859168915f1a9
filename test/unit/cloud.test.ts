import * as assert from 'node:assert/strict';
import { AzureCloud, CloudConfigurationError, portalUrlForResource, resolveCloud } from '../../src/azure/cloud';

describe('resolveCloud (which Azure the user signs in to)', () => {
  it('uses Azure public cloud and the "microsoft" provider when nothing is set', () => {
    const cloud = resolveCloud(undefined, undefined);
    assert.equal(cloud, AzureCloud);
    assert.equal(cloud.authProviderId, 'microsoft');
    assert.equal(cloud.resourceManagerEndpointUrl, 'https://management.azure.com/');
    assert.equal(cloud.portalUrl, 'https://portal.azure.com');
  });

  it('switches ARM, portal, scope and provider together for US Government and China', () => {
    const gov = resolveCloud('USGovernment', undefined);
    assert.equal(gov.authProviderId, 'microsoft-sovereign-cloud');
    assert.equal(gov.resourceManagerEndpointUrl, 'https://management.usgovcloudapi.net/');
    assert.equal(gov.portalUrl, 'https://portal.azure.us');
    assert.equal(gov.armScope, 'https://management.core.usgovcloudapi.net/.default');
    const china = resolveCloud('ChinaCloud', undefined);
    assert.equal(china.resourceManagerEndpointUrl, 'https://management.chinacloudapi.cn/');
    assert.equal(china.portalUrl, 'https://portal.azure.cn');
  });

  it('takes every endpoint of a custom cloud (Azure Stack Hub) from the setting', () => {
    const cloud = resolveCloud('custom', {
      name: 'Stack Hub',
      resourceManagerEndpointUrl: 'https://management.local.azurestack.external',
      managementEndpointUrl: 'https://management.adfs.azurestack.local/4de154de-f8a8-4017-af41-df619da68155',
      portalUrl: 'https://portal.local.azurestack.external/',
    });
    assert.equal(cloud.name, 'Stack Hub');
    assert.equal(cloud.isCustomCloud, true);
    assert.equal(cloud.resourceManagerEndpointUrl, 'https://management.local.azurestack.external/');
    assert.equal(cloud.armScope, 'https://management.adfs.azurestack.local/4de154de-f8a8-4017-af41-df619da68155/.default');
    assert.equal(cloud.portalUrl, 'https://portal.local.azurestack.external');
  });

  it('explains how to fix a custom cloud with missing or insecure endpoints', () => {
    assert.throws(() => resolveCloud('custom', undefined), (e: unknown) => e instanceof CloudConfigurationError && /customEnvironment/.test(e.message));
    assert.throws(
      () => resolveCloud('custom', { resourceManagerEndpointUrl: 'http://arm.example', managementEndpointUrl: 'https://x' }),
      /must use https/,
    );
    assert.throws(() => resolveCloud('custom', { managementEndpointUrl: 'https://x' }), /resourceManagerEndpointUrl/);
    assert.throws(() => resolveCloud('Mars', undefined), /unknown value "Mars"/);
  });

  it('builds tenant-qualified portal links in the configured cloud', () => {
    const id = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/galleries/g';
    assert.equal(portalUrlForResource(resolveCloud('ChinaCloud', undefined), id, 't1'), `https://portal.azure.cn/#@t1/resource${id}/overview`);
    assert.equal(portalUrlForResource(AzureCloud, id), `https://portal.azure.com/#resource${id}/overview`);
  });
});
