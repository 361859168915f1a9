import * as assert from 'node:assert/strict';
import {
  communityGalleryImageId,
  normalizeSharingUpdate,
  sharedGalleryImageId,
  sharingStateLabel,
  sharingStateOf,
  sharingUpdateProblems,
  type SharingUpdateInput,
} from '../../../src/domain/sharing';

const SUB = '8f3b1c2d-4e5f-4a6b-9c7d-0e1f2a3b4c5d';
const TENANT = '7c1f4b2e-3d5a-4e8f-9b6c-2a1d0e9f8c7b';

describe('domain: gallery sharing rules (issue 13)', () => {
  it('accepts Add/Remove with GUIDs and Reset/EnableCommunity without groups', () => {
    const ok: SharingUpdateInput[] = [
      { operationType: 'Add', groups: [{ type: 'Subscriptions', ids: [SUB] }, { type: 'AADTenants', ids: [TENANT.toUpperCase()] }] },
      { operationType: 'Remove', groups: [{ type: 'AADTenants', ids: [` ${TENANT} `] }] },
      { operationType: 'Reset' },
      { operationType: 'EnableCommunity' },
    ];
    for (const update of ok) {
      assert.deepEqual(sharingUpdateProblems(update), [], JSON.stringify(update));
    }
  });

  it('names each bad id, a missing group and groups where none belong', () => {
    assert.deepEqual(sharingUpdateProblems({ operationType: 'Add', groups: [{ type: 'Subscriptions', ids: ['prod', SUB] }, { type: 'AADTenants', ids: ['contoso.com'] }] }), [
      '"prod" is not a subscription ID (a GUID such as 00000000-0000-0000-0000-000000000000).',
      '"contoso.com" is not a tenant ID (a GUID such as 00000000-0000-0000-0000-000000000000).',
    ]);
    assert.deepEqual(sharingUpdateProblems({ operationType: 'Add', groups: [] }), ['Name at least one subscription or tenant to share the gallery with.']);
    assert.deepEqual(sharingUpdateProblems({ operationType: 'Remove' }), ['Name at least one subscription or tenant to stop sharing the gallery with.']);
    assert.deepEqual(sharingUpdateProblems({ operationType: 'Reset', groups: [{ type: 'Subscriptions', ids: [SUB] }] }), ['The sharing operation "Reset" takes no subscriptions or tenants.']);
    assert.equal(sharingUpdateProblems({ operationType: 'Share' as unknown as 'Add' }).length, 1);
  });

  it('normalises what is sent: trimmed, de-duplicated without case, one group per type, none for Reset', () => {
    assert.deepEqual(
      normalizeSharingUpdate({
        operationType: 'Add',
        groups: [{ type: 'Subscriptions', ids: [` ${SUB}`, SUB.toUpperCase()] }, { type: 'AADTenants', ids: [] }, { type: 'Subscriptions', ids: [SUB] }],
      }),
      { operationType: 'Add', groups: [{ type: 'Subscriptions', ids: [SUB] }] },
    );
    assert.deepEqual(normalizeSharingUpdate({ operationType: 'Reset', groups: [] }), { operationType: 'Reset' });
  });

  it('reads the sharing state and says it at a glance', () => {
    assert.equal(sharingStateLabel(sharingStateOf(undefined)), 'Private');
    assert.equal(sharingStateLabel(sharingStateOf({ permissions: 'Private', groups: [] })), 'Private');
    const groups = sharingStateOf({ permissions: 'Groups', groups: [{ type: 'Subscriptions', ids: [SUB, 'x'] }, { type: 'AADTenants', ids: [TENANT] }] });
    assert.equal(sharingStateLabel(groups), 'Shared with 2 subscriptions and 1 tenant');
    assert.equal(sharingStateLabel(sharingStateOf({ permissions: 'Groups', groups: [{ type: 'AADTenants', ids: [TENANT, SUB] }] })), 'Shared with 2 tenants');
    // a plain GET (no $expand) has permissions but no groups
    assert.equal(sharingStateLabel(sharingStateOf({ permissions: 'Groups' })), 'Shared with no one yet');
    const community = sharingStateOf({ permissions: 'Community', communityGalleryInfo: { communityGalleryEnabled: true, publicNames: ['contoso-1234'] } });
    assert.equal(sharingStateLabel(community), 'Community: contoso-1234');
    assert.equal(sharingStateLabel(sharingStateOf({ permissions: 'Community', communityGalleryInfo: {} })), 'Community (not yet enabled)');
  });

  it('builds the image reference ids a VM accepts', () => {
    assert.equal(sharedGalleryImageId(`${SUB}-CONTOSO`, 'img', '1.0.0'), `/SharedGalleries/${SUB}-CONTOSO/Images/img/Versions/1.0.0`);
    assert.equal(sharedGalleryImageId(`${SUB}-CONTOSO`, 'img'), `/SharedGalleries/${SUB}-CONTOSO/Images/img`);
    assert.equal(communityGalleryImageId('contoso-1234', 'img', 'latest'), '/CommunityGalleries/contoso-1234/Images/img/Versions/latest');
  });
});
