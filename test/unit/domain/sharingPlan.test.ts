/**
 * Issue 13 §1: what the Share form sends, in order, for each change (planSharingChange), who gains and who loses
 * access (sharingConsequences), the words the form and the modals show for it, and the community-information rule.
 */
import * as assert from 'node:assert/strict';
import {
  communityInfoProblems,
  describeSharingConsequences,
  sameSharing,
  planSharingChange,
  sharingConsequences,
  snapshotOf,
  type CommunityInfoInput,
  type SharingSnapshot,
} from '../../../src/domain/sharing';

const SUB_A = '8f3b1c2d-4e5f-4a6b-9c7d-0e1f2a3b4c5d';
const SUB_B = '0d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6';
const TENANT = '7c1f4b2e-3d5a-4e8f-9b6c-2a1d0e9f8c7b';
const INFO: CommunityInfoInput = { publisherUri: 'https://contoso.com', publisherContact: 'images@contoso.com', eula: 'https://contoso.com/eula', publicNamePrefix: 'contoso' };
const NO_INFO: CommunityInfoInput = { publisherUri: '', publisherContact: '', eula: '', publicNamePrefix: '' };

const PRIVATE: SharingSnapshot = { permission: 'Private', subscriptions: [], tenants: [], communityEnabled: false, publicNames: [] };
const SHARED: SharingSnapshot = { permission: 'Groups', subscriptions: [SUB_A], tenants: [TENANT], communityEnabled: false, publicNames: [] };
const COMMUNITY: SharingSnapshot = { permission: 'Community', subscriptions: [], tenants: [], communityEnabled: true, community: INFO, publicNames: ['contoso-6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b'] };

describe('domain: sharing changes planned from the Share form (issue 13)', () => {
  it('shares a private gallery with one Add holding subscriptions and tenants', () => {
    assert.deepEqual(planSharingChange(PRIVATE, { permission: 'Groups', subscriptions: [SUB_A], tenants: [TENANT], community: NO_INFO }), [
      { kind: 'share', update: { operationType: 'Add', groups: [{ type: 'Subscriptions', ids: [SUB_A] }, { type: 'AADTenants', ids: [TENANT] }] } },
    ]);
  });

  it('adds the new ids before removing the dropped ones, ignoring case and ids already there', () => {
    const steps = planSharingChange(SHARED, { permission: 'Groups', subscriptions: [SUB_A.toUpperCase(), SUB_B], tenants: [], community: NO_INFO });
    assert.deepEqual(steps, [
      { kind: 'share', update: { operationType: 'Add', groups: [{ type: 'Subscriptions', ids: [SUB_B] }] } },
      { kind: 'share', update: { operationType: 'Remove', groups: [{ type: 'AADTenants', ids: [TENANT] }] } },
    ]);
    const c = sharingConsequences(SHARED, steps);
    // The tenant loses access: confirmed like Remove from Sharing's modal, not sent on a plain Save.
    assert.deepEqual([c.gainingSubscriptions, c.losingTenants, c.losingSubscriptions, c.needsConfirmation], [[SUB_B], [TENANT], [], true]);
  });

  it('adding only needs no confirmation: nobody loses access', () => {
    const steps = planSharingChange(SHARED, { permission: 'Groups', subscriptions: [SUB_A, SUB_B], tenants: [TENANT], community: NO_INFO });
    assert.equal(sharingConsequences(SHARED, steps).needsConfirmation, false);
  });

  it('sends nothing when nothing changes', () => {
    assert.deepEqual(planSharingChange(SHARED, { permission: 'Groups', subscriptions: [SUB_A], tenants: [TENANT], community: NO_INFO }), []);
    assert.deepEqual(planSharingChange(PRIVATE, { permission: 'Private', subscriptions: [SUB_A], tenants: [], community: NO_INFO }), []);
    assert.deepEqual(planSharingChange(COMMUNITY, { permission: 'Community', subscriptions: [], tenants: [], community: { ...INFO, publisherUri: ' https://contoso.com ' } }), []);
  });

  it('going Private is one Reset, which every subscription and tenant loses and which needs confirming', () => {
    const steps = planSharingChange(SHARED, { permission: 'Private', subscriptions: [SUB_A], tenants: [TENANT], community: NO_INFO });
    assert.deepEqual(steps, [{ kind: 'share', update: { operationType: 'Reset' } }]);
    const c = sharingConsequences(SHARED, steps);
    assert.deepEqual([c.losingSubscriptions, c.losingTenants, c.needsConfirmation, c.goesPublic], [[SUB_A], [TENANT], true, false]);
    const words = describeSharingConsequences(c, 'contosoToShare').join(' ');
    assert.match(words, new RegExp(`subscriptions lose access to the images of gallery "contosoToShare" at once: ${SUB_A}`));
    assert.match(words, new RegExp(`tenants \\(every subscription in them\\) lose access .*: ${TENANT}`));
  });

  it('two readings are the same sharing when mode, community state and ids (without case or order) agree', () => {
    assert.ok(sameSharing(SHARED, { ...SHARED, subscriptions: SHARED.subscriptions.map((x) => x.toUpperCase()) }));
    assert.ok(!sameSharing(SHARED, { ...SHARED, tenants: [] }));
    assert.ok(!sameSharing(SHARED, { ...SHARED, subscriptions: [...SHARED.subscriptions, SUB_B] }));
    assert.ok(!sameSharing(COMMUNITY, { ...COMMUNITY, communityEnabled: !COMMUNITY.communityEnabled }));
    assert.ok(!sameSharing(PRIVATE, SHARED));
  });

  it('names a subscription or tenant the account knows as "Name (GUID)", matched without case; the others by GUID', () => {
    const c = sharingConsequences(SHARED, planSharingChange(SHARED, { permission: 'Private', subscriptions: [], tenants: [], community: NO_INFO }));
    const names = { subscriptions: new Map([[SUB_A.toLowerCase(), 'Contoso Production']]) };
    const words = describeSharingConsequences(c, 'g1', [], names).join(' ');
    assert.ok(words.includes(`at once: Contoso Production (${SUB_A}).`), words);
    assert.ok(words.includes(`at once: ${TENANT}.`), words);
  });

  it('going Community: Reset of the groups first, the community information, then EnableCommunity; says it becomes public', () => {
    const steps = planSharingChange(SHARED, { permission: 'Community', subscriptions: [], tenants: [], community: INFO });
    assert.deepEqual(steps, [
      { kind: 'share', update: { operationType: 'Reset' } },
      { kind: 'communityInfo', info: INFO },
      { kind: 'share', update: { operationType: 'EnableCommunity' } },
    ]);
    const c = sharingConsequences(SHARED, steps);
    assert.equal(c.goesPublic, true);
    assert.equal(c.needsConfirmation, true);
    const words = describeSharingConsequences(c, 'g1').join(' ');
    assert.match(words, /every Azure user, in any tenant, can find its images/);
    assert.match(words, /turned back only with Stop Sharing \(Reset\)/);
    // from private: no Reset
    assert.deepEqual(planSharingChange(PRIVATE, { permission: 'Community', subscriptions: [], tenants: [], community: INFO }).map((s) => (s.kind === 'share' ? s.update.operationType : s.kind)), ['communityInfo', 'EnableCommunity']);
  });

  it('a changed publisher of a community gallery is one PATCH; leaving Community says its public name stops working', () => {
    assert.deepEqual(planSharingChange(COMMUNITY, { permission: 'Community', subscriptions: [], tenants: [], community: { ...INFO, publisherContact: 'help@contoso.com' } }), [
      { kind: 'communityInfo', info: { ...INFO, publisherContact: 'help@contoso.com' } },
    ]);
    const back = planSharingChange(COMMUNITY, { permission: 'Groups', subscriptions: [SUB_A], tenants: [], community: INFO });
    assert.deepEqual(back, [
      { kind: 'share', update: { operationType: 'Reset' } },
      { kind: 'share', update: { operationType: 'Add', groups: [{ type: 'Subscriptions', ids: [SUB_A] }] } },
    ]);
    const c = sharingConsequences(COMMUNITY, back);
    assert.equal(c.leavesCommunity, true);
    assert.match(describeSharingConsequences(c, 'g1', COMMUNITY.publicNames).join(' '), /public name contoso-6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b stops working for every Azure user/);
  });

  it('a subscription removed by Reset and added back right after keeps access (not listed as losing it)', () => {
    const steps = planSharingChange({ ...SHARED, permission: 'Community', communityEnabled: true }, { permission: 'Groups', subscriptions: [SUB_A], tenants: [], community: NO_INFO });
    const c = sharingConsequences({ ...SHARED, permission: 'Community' }, steps);
    assert.deepEqual(c.losingSubscriptions, []);
    assert.deepEqual(c.losingTenants, [TENANT]);
  });

  it('reads where a gallery stands from ARM\'s sharingProfile', () => {
    assert.deepEqual(snapshotOf(undefined), PRIVATE);
    assert.deepEqual(snapshotOf({ permissions: 'Groups', groups: [{ type: 'Subscriptions', ids: [SUB_A] }, { type: 'AADTenants', ids: [TENANT] }] }), SHARED);
    const community = snapshotOf({ permissions: 'Community', communityGalleryInfo: { ...INFO, communityGalleryEnabled: true, publicNames: COMMUNITY.publicNames } });
    assert.deepEqual(community, COMMUNITY);
  });
});

describe('domain: community gallery information (issue 13)', () => {
  it('accepts a complete, well-formed one', () => {
    assert.deepEqual(communityInfoProblems(INFO), []);
    assert.deepEqual(communityInfoProblems({ ...INFO, publicNamePrefix: 'PirPublic' }), [], 'the REST examples\' prefix');
  });

  it('names each missing field and each badly formed one', () => {
    assert.deepEqual(communityInfoProblems({}), [
      { field: 'publisherUri', reason: 'missing' },
      { field: 'publisherContact', reason: 'missing' },
      { field: 'eula', reason: 'missing' },
      { field: 'publicNamePrefix', reason: 'missing' },
    ]);
    assert.deepEqual(communityInfoProblems({ publisherUri: 'http://contoso.com', publisherContact: 'contoso.com', eula: 'eula', publicNamePrefix: 'my-prefix' }), [
      { field: 'publisherUri', reason: 'notHttpsUri' },
      { field: 'publisherContact', reason: 'notEmail' },
      { field: 'eula', reason: 'notHttpsUri' },
      { field: 'publicNamePrefix', reason: 'prefixCharacters' },
    ]);
    assert.deepEqual(communityInfoProblems({ ...INFO, publicNamePrefix: 'abcd' }), [{ field: 'publicNamePrefix', reason: 'prefixLength' }]);
    assert.deepEqual(communityInfoProblems({ ...INFO, publicNamePrefix: 'a'.repeat(17) }), [{ field: 'publicNamePrefix', reason: 'prefixLength' }]);
    assert.deepEqual(communityInfoProblems({ ...INFO, publicNamePrefix: 'a'.repeat(16) }), []);
  });

  it('separates what ARM refuses (missing) from the format, for the template check', () => {
    const bad = { publisherUri: 'uri', publisherContact: 'pir@microsoft.com', eula: 'eula' };
    assert.deepEqual(communityInfoProblems(bad, 'required'), [{ field: 'publicNamePrefix', reason: 'missing' }]);
    assert.deepEqual(communityInfoProblems(bad, 'format'), [
      { field: 'publisherUri', reason: 'notHttpsUri' },
      { field: 'eula', reason: 'notHttpsUri' },
    ]);
  });
});
