import * as assert from 'node:assert/strict';
import { formDefinition } from '../../../src/webview/forms/formRegistry';
import type { FormValues, ValidationContext } from '../../../src/webview/forms/formTypes';

const SUB = '8f3b1c2d-4e5f-4a6b-9c7d-0e1f2a3b4c5d';
const GALLERY = `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Compute/galleries/g1`;
const DEFINITION = `${GALLERY}/images/ubuntu`;
const COMMUNITY = '/CommunityGalleries/northwind-6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b/Images/nw-community-ubuntu/Versions/1.0.1';
const context: ValidationContext = { now: Date.parse('2026-11-22T12:00:00Z'), siblingNames: [], definition: { osType: 'Linux', osState: 'Generalized', hyperVGeneration: 'V2' } };

describe('image version form: a community image version as the source (issue 13)', () => {
  const form = formDefinition('imageVersion');
  const base: FormValues = {
    ...form.defaults(),
    subscriptionId: SUB,
    galleryId: GALLERY,
    definitionId: DEFINITION,
    name: '1.0.0',
    location: 'eastus',
    sourceType: 'communityImageVersion',
    communityVersionId: COMMUNITY,
    targetRegions: [{ name: 'eastus', replicas: '1', storageAccountType: 'Standard_LRS', osDiskEncryptionSetId: '', dataDiskEncryptionSetId: '' }],
  };

  it('is offered among the sources and sends storageProfile.source.communityGalleryImageId', () => {
    const sourceField = form.fields.find((f) => f.id === 'sourceType');
    assert.ok(sourceField && 'choices' in sourceField && sourceField.choices?.some((c) => c.value === 'communityImageVersion'));
    assert.deepEqual(form.validate(base, 'create', context), {});
    const body = form.requestBody(base, 'create', context) as { properties: { storageProfile: unknown } };
    assert.deepEqual(body.properties.storageProfile, { source: { communityGalleryImageId: COMMUNITY } });
  });

  it('refuses anything but a community version id before sending', () => {
    for (const bad of ['', '/SharedGalleries/x/Images/y/Versions/1.0.0', `${COMMUNITY}/extra`, '/CommunityGalleries/x/Images/y', '/CommunityGalleries/x/Images/y/Versions/latest', `${DEFINITION}/versions/1.0.0`]) {
      assert.match(form.validate({ ...base, communityVersionId: bad }, 'create', context).communityVersionId ?? '', /\/CommunityGalleries\/\{public name\}/, bad);
    }
  });

  it('reads a version made from a community version back as that source (update mode)', () => {
    const values = form.fromResource({ id: `${DEFINITION}/versions/1.0.0`, name: '1.0.0', location: 'eastus', properties: { storageProfile: { source: { communityGalleryImageId: COMMUNITY } }, publishingProfile: { targetRegions: [{ name: 'East US' }] } } });
    assert.equal(values.sourceType, 'communityImageVersion');
    assert.equal(values.communityVersionId, COMMUNITY);
  });
});
