import * as assert from 'node:assert/strict';
import { displayName, galleryId, imageDefinitionId, imageVersionId, parseComputeResourceId, parseIdOfKind, sameArmId } from '../../src/azure/armId';

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
