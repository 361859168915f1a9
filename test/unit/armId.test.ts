import * as assert from 'node:assert/strict';
import {
  applicationId,
  applicationVersionId,
  armIdProblem,
  displayName,
  galleryId,
  imageDefinitionId,
  imageVersionId,
  kindLabel,
  parseComputeResourceId,
  parseIdOfKind,
  sameArmId,
  sameResource,
} from '../../src/azure/armId';

const base = '/subscriptions/1111/resourceGroups/my-rg/providers/Microsoft.Compute';

describe('ARM ids', () => {
  it('recognises each of the four kinds, whatever the casing Azure used', () => {
    assert.deepEqual(parseComputeResourceId(`${base}/galleries/g1`), { kind: 'gallery', id: `${base}/galleries/g1`, subscriptionId: '1111', resourceGroup: 'my-rg', gallery: 'g1' });
    const v = parseComputeResourceId(`/SUBSCRIPTIONS/1111/resourcegroups/my-rg/providers/microsoft.compute/Galleries/g1/Images/ubuntu/Versions/1.2.3`);
    assert.equal(v?.kind, 'imageVersion');
    assert.equal(v?.kind === 'imageVersion' ? v.version : '', '1.2.3');
    assert.equal(parseComputeResourceId(`${base}/images/img`)?.kind, 'managedImage');
    assert.equal(parseComputeResourceId(`${base}/galleries/g1/images/def`)?.kind, 'imageDefinition');
  });

  it('rejects ids of other resource types with a readable error', () => {
    assert.equal(parseComputeResourceId(`${base}/virtualMachines/vm`), undefined);
    assert.throws(() => parseIdOfKind(`${base}/images/img`, 'gallery'), /is not the resource id of a gallery/);
  });

  it('builds child ids from parents and names them the way users know them', () => {
    const g = galleryId('1111', 'my-rg', 'g1');
    const d = imageDefinitionId(g, 'ubuntu');
    const v = imageVersionId(d, '1.0.0');
    assert.equal(v.id, `${base}/galleries/g1/images/ubuntu/versions/1.0.0`);
    assert.equal(displayName(v), 'g1/ubuntu/1.0.0');
    assert.ok(sameArmId(v.id.toUpperCase(), v.id + '/'));
  });
});

describe('ARM ids of VM applications (issue 12)', () => {
  it('parses application and application-version ids, whatever the casing, and not as image kinds', () => {
    assert.deepEqual(parseComputeResourceId(`${base}/galleries/g1/applications/agent`), {
      kind: 'application',
      id: `${base}/galleries/g1/applications/agent`,
      subscriptionId: '1111',
      resourceGroup: 'my-rg',
      gallery: 'g1',
      application: 'agent',
    });
    const v = parseComputeResourceId('/SUBSCRIPTIONS/1111/resourcegroups/my-rg/providers/microsoft.compute/Galleries/g1/Applications/agent/Versions/1.2.3/');
    assert.equal(v?.kind, 'applicationVersion');
    assert.deepEqual(v?.kind === 'applicationVersion' ? [v.gallery, v.application, v.version] : [], ['g1', 'agent', '1.2.3']);
    assert.equal(parseComputeResourceId(`${base}/galleries/g1/applications/agent/versions`), undefined);
    assert.equal(parseComputeResourceId(`${base}/galleries/g1/applications/agent/images/1.0.0`), undefined);
    assert.throws(() => parseIdOfKind(`${base}/galleries/g1/applications/agent`, 'imageDefinition'), /is not the resource id of a image definition/);
    assert.equal(parseIdOfKind(`${base}/galleries/g1/applications/agent/versions/1.0.0`, 'applicationVersion').version, '1.0.0');
  });

  it('builds application ids from the gallery (names escaped) and names them the way users know them', () => {
    const a = applicationId(galleryId('1111', 'my-rg', 'g1'), 'my app');
    const v = applicationVersionId(a, '1.0.0');
    assert.equal(v.id, `${base}/galleries/g1/applications/my%20app/versions/1.0.0`);
    assert.deepEqual(parseComputeResourceId(v.id), v);
    assert.equal(displayName(a), 'g1/my app');
    assert.equal(displayName(v), 'g1/my app/1.0.0');
    assert.equal(kindLabel(a.kind), 'VM application');
    assert.equal(kindLabel(v.kind), 'VM application version');
    assert.ok(sameResource(v.id, `${base}/galleries/G1/applications/MY APP/versions/1.0.0`));
    assert.ok(!sameResource(v.id, imageVersionId(imageDefinitionId(galleryId('1111', 'my-rg', 'g1'), 'my app'), '1.0.0').id), 'an image version is another resource');
  });
});

describe('ARM ids that must never be sent (issue 9)', () => {
  it('rejects malformed %-escapes with a readable message instead of throwing URIError', () => {
    for (const bad of [`${base}/galleries/g%E0%A4%A`, `${base}/galleries/g%zz`, `/subscriptions/1111/resourceGroups/rg%/providers/Microsoft.Compute/images/i`]) {
      assert.doesNotThrow(() => parseComputeResourceId(bad));
      assert.equal(parseComputeResourceId(bad), undefined, bad);
      assert.match(armIdProblem(bad) ?? '', /malformed %-escape/);
      assert.throws(() => parseIdOfKind(bad, bad.includes('/images/i') ? 'managedImage' : 'gallery'), /malformed %-escape/);
    }
  });

  it('rejects "." and ".." segments, also when escaped, because they would reach another resource', () => {
    for (const bad of [
      `${base}/galleries/g/images/..`,
      `${base}/galleries/g/images/%2E%2E`,
      `${base}/galleries/./images/def`,
      '/subscriptions/1111/resourceGroups/../providers/Microsoft.Compute/galleries/g',
      `${base}/galleries/g/images/def/versions/.`,
    ]) {
      assert.equal(parseComputeResourceId(bad), undefined, bad);
      assert.match(armIdProblem(bad) ?? '', /"\." or "\.\." segments are not sent/);
    }
    assert.throws(() => parseIdOfKind(`${base}/galleries/g/images/..`, 'imageDefinition'), /"\." or "\.\." segments are not sent/);
    assert.equal(armIdProblem(`${base}/galleries/my.gallery.v2/images/def`), undefined);
    assert.equal(armIdProblem(`${base}/galleries/g%2Fx`)?.includes('escaped slash'), true);
  });

  it('compares ids decoded and without case: Azure\'s "rg-café" is the escaped "rg-caf%C3%A9"', () => {
    const fromAzure = '/subscriptions/1111/resourceGroups/RG-Café/providers/Microsoft.Compute/galleries/G1';
    const built = galleryId('1111', 'rg-café', 'g1').id;
    assert.equal(built, '/subscriptions/1111/resourceGroups/rg-caf%C3%A9/providers/Microsoft.Compute/galleries/g1');
    assert.ok(sameResource(fromAzure, built));
    assert.ok(!sameResource(fromAzure, galleryId('1111', 'rg-cafe', 'g1').id));
    assert.ok(!sameResource(fromAzure, `${fromAzure}/images/x`));
    assert.ok(!sameResource(`${base}/galleries/g%zz`, `${base}/galleries/g%zz`));
  });
});
