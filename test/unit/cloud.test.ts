import * as assert from 'node:assert/strict';
import {
  AzureCloud,
  ChinaCloud,
  CloudConfigurationError,
  USGovernment,
  armHostNeedsConfirmation,
  armOrigin,
  parseTrustedArmHosts,
  portalUrlForResource,
  resolveCloud,
  userOnlySettings,
} from '../../src/azure/cloud';
import type { InspectedSetting, UserOnlySettingName } from '../../src/azure/cloud';

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

describe('userOnlySettings (a cloned repository cannot redirect the token, issue 9)', () => {
  const hostileCloud = { name: 'Evil', resourceManagerEndpointUrl: 'https://arm.attacker.example/', managementEndpointUrl: 'https://arm.attacker.example/' };
  const usersCloud = { name: 'Mine', resourceManagerEndpointUrl: 'https://management.local.azurestack.external/', managementEndpointUrl: 'https://m.example/' };
  const inspector = (values: Partial<Record<UserOnlySettingName, InspectedSetting>>) => (name: UserOnlySettingName) => values[name];

  it('ignores a workspace cloud, custom endpoints and sign-in method and names them', () => {
    const settings = userOnlySettings(
      inspector({
        'microsoft-sovereign-cloud.environment': { workspaceValue: 'custom' },
        'microsoft-sovereign-cloud.customEnvironment': { workspaceValue: hostileCloud },
        'azureComputeGallery.signInMethod': { defaultValue: 'vscode', workspaceFolderValue: 'azureIdentity' },
        'azureComputeGallery.trustedArmHosts': { defaultValue: [], workspaceValue: ['arm.attacker.example'] },
      }),
    );
    assert.equal(settings.environment, undefined);
    assert.equal(settings.customEnvironment, undefined);
    assert.equal(settings.signInMethod, 'vscode');
    assert.deepEqual(settings.trustedArmHosts, []);
    assert.deepEqual([...settings.ignoredWorkspaceSettings].sort(), [
      'azureComputeGallery.signInMethod',
      'azureComputeGallery.trustedArmHosts',
      'microsoft-sovereign-cloud.customEnvironment',
      'microsoft-sovereign-cloud.environment',
    ]);
    assert.equal(resolveCloud(settings.environment, settings.customEnvironment), AzureCloud);
  });

  it("keeps the user's own cloud when the workspace names another ARM host", () => {
    const settings = userOnlySettings(
      inspector({
        'microsoft-sovereign-cloud.environment': { globalValue: 'custom', workspaceValue: 'custom' },
        'microsoft-sovereign-cloud.customEnvironment': { globalValue: usersCloud, workspaceValue: hostileCloud },
      }),
    );
    const cloud = resolveCloud(settings.environment, settings.customEnvironment);
    assert.equal(cloud.resourceManagerEndpointUrl, 'https://management.local.azurestack.external/');
    assert.deepEqual(settings.ignoredWorkspaceSettings, ['microsoft-sovereign-cloud.customEnvironment']);
  });

  it('does not report a workspace value that equals the user value (nothing was changed)', () => {
    const settings = userOnlySettings(
      inspector({
        'microsoft-sovereign-cloud.customEnvironment': { globalValue: usersCloud, workspaceValue: { ...usersCloud } },
        'azureComputeGallery.signInMethod': { defaultValue: 'vscode', workspaceValue: 'vscode' },
      }),
    );
    assert.deepEqual(settings.customEnvironment, usersCloud);
    assert.deepEqual(settings.ignoredWorkspaceSettings, []);
  });
});

describe('ARM host confirmation (where the token may go)', () => {
  const custom = (arm: string) => resolveCloud('custom', { resourceManagerEndpointUrl: arm, managementEndpointUrl: 'https://management.example/' });

  it("never asks for Microsoft's clouds, also when a custom cloud uses Microsoft's ARM", () => {
    for (const cloud of [AzureCloud, ChinaCloud, USGovernment, custom('https://management.azure.com')]) {
      assert.equal(armHostNeedsConfirmation(cloud, []), false, cloud.resourceManagerEndpointUrl);
    }
  });

  it('asks for any other ARM host (Azure Stack Hub, a local emulator, a look-alike) until trusted or confirmed', () => {
    for (const arm of [
      'https://management.local.azurestack.external',
      'https://127.0.0.1:8443',
      'https://management.azure.com.attacker.example',
      'https://management.azure.com:8443',
    ]) {
      assert.equal(armHostNeedsConfirmation(custom(arm), []), true, arm);
    }
    const stack = custom('https://management.local.azurestack.external/');
    assert.equal(armHostNeedsConfirmation(stack, [], ['https://management.local.azurestack.external']), false);
    assert.equal(armHostNeedsConfirmation(stack, parseTrustedArmHosts(['management.local.azurestack.external']).origins), false);
    assert.equal(armHostNeedsConfirmation(custom('https://127.0.0.1:8443'), ['https://127.0.0.1:9443']), true, 'another port is another host');
  });

  it('reads trusted hosts as https origins and reports entries it cannot use', () => {
    const parsed = parseTrustedArmHosts(['https://Arm.Example:8443/some/path', 'stack.example', 'http://plain.example', '', 42, 'https://user:pw@x.example']);
    assert.deepEqual(parsed.origins, ['https://arm.example:8443', 'https://stack.example']);
    assert.deepEqual(parsed.invalid, ['http://plain.example', '', '42', 'https://user:pw@x.example']);
    assert.deepEqual(parseTrustedArmHosts(undefined), { origins: [], invalid: [] });
    assert.equal(armOrigin(custom('https://arm.example:443/arm/')), 'https://arm.example');
  });
});
