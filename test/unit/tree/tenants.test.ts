import * as assert from 'node:assert/strict';
import { FakeAzure, ids, labels, settle, testContext } from './treeTestSupport';
import { quickPicks, resetFakes, settings, shownMessages } from './fakeVscode';
import { selectSubscriptions } from '../../../src/commands/selectSubscriptions';
import { AccountNode } from '../../../src/tree/AccountNode';
import type { SubscriptionInfo, TenantInfo } from '../../../src/azure/services';

const signal = new AbortController().signal;
const T1 = 'aaaaaaaa-0000-4000-8000-000000000001';
const T2 = 'aaaaaaaa-0000-4000-8000-000000000002';
const T3 = 'aaaaaaaa-0000-4000-8000-000000000003';
const S1 = '11111111-0000-4000-8000-000000000001';
const S3 = '11111111-0000-4000-8000-000000000003';
const S3b = '11111111-0000-4000-8000-000000000033';
const SETTING = 'azureComputeGallery.selectedSubscriptions';

function forbidden(): Error {
  return Object.assign(new Error('The client does not have authorization to perform action.'), { code: 'AuthorizationFailed', statusCode: 403 });
}

/** Three tenants; two of them (both "Default Directory", as guest tenants often are) refuse to list subscriptions. */
function threeTenants(): FakeAzure {
  const azure = new FakeAzure();
  const tenants: TenantInfo[] = [
    { tenantId: T1, displayName: 'Default Directory', defaultDomain: 'one.example' },
    { tenantId: T2, displayName: 'Default Directory', defaultDomain: 'two.example' },
    { tenantId: T3, displayName: 'Contoso', defaultDomain: 'contoso.example' },
  ];
  azure.tenants = () => Promise.resolve(tenants);
  azure.subscriptions = (tenantId) => {
    if (tenantId === T3) {
      const subs: SubscriptionInfo[] = [
        { subscriptionId: S3, displayName: 'Contoso Prod', tenantId: T3, state: 'Enabled' },
        { subscriptionId: S3b, displayName: 'Contoso Dev', tenantId: T3, state: 'Enabled' },
      ];
      return Promise.resolve(subs);
    }
    return Promise.reject(forbidden());
  };
  return azure;
}

describe('account: tenants that fail', () => {
  beforeEach(resetFakes);

  it('two failing tenants give two error nodes with their own ids and names; the other tenant still lists', async () => {
    const azure = threeTenants();
    const ctx = testContext(azure);
    const account = new AccountNode(ctx, 'me@contoso', 'AzureCloud');
    const children = await account.getChildren(signal);
    assert.equal(new Set(ids(children)).size, children.length, `tree ids must be unique: ${ids(children).join(', ')}`);
    assert.deepEqual(labels(children), [
      'Contoso Dev',
      'Contoso Prod',
      "Couldn't list subscriptions of tenant Default Directory (one.example) — click to retry",
      "Couldn't list subscriptions of tenant Default Directory (two.example) — click to retry",
    ]);
    assert.equal(ctx.log.lines.filter((l) => l.startsWith('warn:') && l.includes('tenant Default Directory')).length, 2, 'each failing tenant is logged');
  });
});

describe('Select Subscriptions: tenants that fail', () => {
  beforeEach(resetFakes);

  async function openPick(azure: FakeAzure) {
    const done = selectSubscriptions(azure.account());
    for (let i = 0; i < 20 && (quickPicks.length === 0 || quickPicks[0].busy); i++) {
      await settle();
    }
    assert.equal(quickPicks.length, 1);
    return { done, qp: quickPicks[0] };
  }

  it('offers the subscriptions it could list and names the tenants that failed', async () => {
    const { done, qp } = await openPick(threeTenants());
    assert.equal(qp.busy, false);
    assert.deepEqual(qp.items.map((i) => i.label), ['Contoso Dev', 'Contoso Prod']);
    assert.match(qp.title ?? '', /2 tenants couldn't be listed/);
    assert.equal(shownMessages.length, 1, shownMessages.join('\n'));
    assert.match(shownMessages[0], /^warning: Couldn't list the subscriptions of 2 tenants — Default Directory \(one\.example\): AuthorizationFailed: .*Default Directory \(two\.example\): AuthorizationFailed/);
    qp.selectedItems = qp.items.filter((i) => i.label === 'Contoso Prod');
    qp.accept();
    await done;
    assert.deepEqual(settings.get(SETTING), [`${T3}/${S3}`]);
  });

  it('keeps earlier choices in tenants that could not be listed', async () => {
    settings.set(SETTING, [`${T1}/${S1}`, `${T3}/${S3b}`]);
    const { done, qp } = await openPick(threeTenants());
    assert.deepEqual(qp.selectedItems.map((i) => i.label), ['Contoso Dev']);
    qp.selectedItems = qp.items.filter((i) => i.label === 'Contoso Prod');
    qp.accept();
    await done;
    assert.deepEqual(settings.get(SETTING), [`${T3}/${S3}`, `${T1}/${S1}`]);
  });

  it('when no tenant can be listed it fails with every tenant named', async () => {
    const azure = threeTenants();
    azure.subscriptions = () => Promise.reject(forbidden());
    await assert.rejects(selectSubscriptions(azure.account()), /Couldn't list the subscriptions of any tenant — Default Directory \(one\.example\).*Contoso \(contoso\.example\): AuthorizationFailed/);
    assert.equal(quickPicks[0].disposed, true);
  });
});
