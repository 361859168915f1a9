import * as assert from 'node:assert/strict';
import { Deferred, FakeAzure, SUB, TENANT, labels, settle, testContext } from './treeTestSupport';
import type { TestContext } from './treeTestSupport';
import { galleryId } from '../../../src/azure/armId';
import type { AzureAccount, SignInState } from '../../../src/azure/AzureAccount';
import type { Page, SubscriptionInfo } from '../../../src/azure/services';
import { AccountNode } from '../../../src/tree/AccountNode';
import { GalleryNode } from '../../../src/tree/GalleryNode';
import { GalleryTreeDataProvider } from '../../../src/tree/GalleryTreeDataProvider';
import type { TreeNode } from '../../../src/tree/TreeNode';

const GALLERY = galleryId(SUB, 'rg', 'g');
const signal = new AbortController().signal;
const root = { id: 'account/test', parent: undefined, getTreeItem: () => { throw new Error('unused'); } } as TreeNode;
const definition = (name: string) => ({ id: `${GALLERY.id}/images/${name}`, name, location: 'eastus' });
type DefinitionPage = Page<ReturnType<typeof definition>>;

/** A gallery whose definition pages are answered by the test, one deferred request at a time. */
function galleryWithHeldPages(): { node: GalleryNode; ctx: TestContext; requests: Array<{ token: string | undefined; answer: Deferred<DefinitionPage> }> } {
  const azure = new FakeAzure();
  const requests: Array<{ token: string | undefined; answer: Deferred<DefinitionPage> }> = [];
  azure.definitions = (options) => {
    const answer = new Deferred<DefinitionPage>();
    requests.push({ token: options?.continuationToken, answer });
    return answer.promise;
  };
  const ctx = testContext(azure);
  return { ctx, requests, node: new GalleryNode(ctx, root, { id: GALLERY.id, name: 'g', location: 'eastus' }, TENANT, GALLERY) };
}

describe('tree lists: refresh while a request is in flight', () => {
  it('the newer answer wins: a list fetched before the refresh is dropped, nothing shows twice', async () => {
    const { node, requests } = galleryWithHeldPages();
    const before = node.getChildren(signal);
    await settle();
    node.reset();
    const after = node.getChildren(signal);
    await settle();
    requests[0].answer.resolve({ items: [definition('old')], continuationToken: undefined });
    await settle();
    requests[requests.length - 1].answer.resolve({ items: [definition('new')], continuationToken: undefined });
    assert.deepEqual(labels(await after), ['new', 'VM applications']);
    assert.deepEqual(labels(await before), ['new', 'VM applications'], 'the call made before the refresh answers with the newer list too');
    assert.deepEqual(labels(await node.getChildren(signal)), ['new', 'VM applications']);
  });

  it('a refresh during the fetch is not lost: the tree asking again gets the list fetched after it', async () => {
    const { node, requests } = galleryWithHeldPages();
    const first = node.getChildren(signal);
    await settle();
    node.reset();
    requests[0].answer.resolve({ items: [definition('before-refresh')], continuationToken: undefined });
    await settle();
    assert.equal(requests.length, 2, 'the list is fetched again after the refresh');
    requests[1].answer.resolve({ items: [definition('after-refresh')], continuationToken: undefined });
    assert.deepEqual(labels(await first), ['after-refresh', 'VM applications']);
    assert.deepEqual(labels(await node.getChildren(signal)), ['after-refresh', 'VM applications']);
  });

  it('VS Code asking twice at once costs one request and shows each item once', async () => {
    const { node, requests } = galleryWithHeldPages();
    const a = node.getChildren(signal);
    const b = node.getChildren(signal);
    await settle();
    assert.equal(requests.length, 1);
    requests[0].answer.resolve({ items: [definition('one')], continuationToken: undefined });
    assert.deepEqual(labels(await a), ['one', 'VM applications']);
    assert.deepEqual(labels(await b), ['one', 'VM applications']);
  });

  it('"Load more" answered after a refresh does not add its page to the new list', async () => {
    const { node, ctx, requests } = galleryWithHeldPages();
    const listing = node.getChildren(signal);
    await settle();
    requests[0].answer.resolve({ items: [definition('a')], continuationToken: 'page2' });
    assert.deepEqual(labels(await listing), ['a', 'Load more image definitions…', 'VM applications']);
    const more = node.loadMore(signal);
    await settle();
    assert.equal(requests[1].token, 'page2');
    node.reset();
    const relisting = node.getChildren(signal);
    await settle();
    requests[2].answer.resolve({ items: [definition('a'), definition('b')], continuationToken: undefined });
    assert.deepEqual(labels(await relisting), ['a', 'b', 'VM applications']);
    requests[1].answer.resolve({ items: [definition('b'), definition('stale')], continuationToken: undefined });
    await more;
    assert.deepEqual(labels(await node.getChildren(signal)), ['a', 'b', 'VM applications']);
    assert.ok(ctx.refreshed.includes(node), 'the list is redrawn when "Load more" settles');
  });

  it('a second "Load more" click while the page is in flight waits for the same request', async () => {
    const { node, requests } = galleryWithHeldPages();
    const listing = node.getChildren(signal);
    await settle();
    requests[0].answer.resolve({ items: [definition('a')], continuationToken: 'page2' });
    await listing;
    const one = node.loadMore(signal);
    const two = node.loadMore(signal);
    await settle();
    assert.equal(requests.length, 2);
    requests[1].answer.resolve({ items: [definition('b')], continuationToken: undefined });
    await Promise.all([one, two]);
    assert.deepEqual(labels(await node.getChildren(signal)), ['a', 'b', 'VM applications']);
  });
});

describe('account: refresh while subscriptions are being listed', () => {
  it('drops the answer fetched before the refresh and lists again', async () => {
    const azure = new FakeAzure();
    azure.tenants = () => Promise.resolve([{ tenantId: TENANT, displayName: 'Contoso', defaultDomain: undefined }]);
    const answers: Array<Deferred<SubscriptionInfo[]>> = [];
    azure.subscriptions = () => {
      const d = new Deferred<SubscriptionInfo[]>();
      answers.push(d);
      return d.promise;
    };
    const ctx = testContext(azure);
    const account = new AccountNode(ctx, 'me@contoso', 'AzureCloud');
    const first = account.getChildren(signal);
    await settle();
    account.reset();
    const second = account.getChildren(signal);
    await settle();
    answers[0].resolve([{ subscriptionId: SUB, displayName: 'Old name', tenantId: TENANT, state: 'Enabled' }]);
    await settle();
    answers[answers.length - 1].resolve([{ subscriptionId: SUB, displayName: 'New name', tenantId: TENANT, state: 'Enabled' }]);
    assert.deepEqual(labels(await second), ['New name']);
    assert.deepEqual(labels(await first), ['New name']);
    assert.deepEqual(labels(await account.getChildren(signal)), ['New name']);
  });
});

describe('explorer root: sign-in changes while the root is being read', () => {
  it('the state read after the refresh wins', async () => {
    const states: Array<Deferred<SignInState>> = [];
    const listeners: Array<() => void> = [];
    const account = {
      getSignInState: () => {
        const d = new Deferred<SignInState>();
        states.push(d);
        return d.promise;
      },
      onDidChange: (l: () => void) => {
        listeners.push(l);
        return { dispose: () => undefined };
      },
      services: () => Promise.reject(new Error('not used')),
    } as unknown as AzureAccount;
    const log = testContext(new FakeAzure()).log;
    const tree = new GalleryTreeDataProvider(account, log);
    try {
      const before = tree.getChildren();
      listeners.forEach((l) => l()); // signed in meanwhile
      const after = tree.getChildren();
      states[1].resolve({ kind: 'signedIn', accountLabel: 'me@contoso', cloud: { name: 'AzureCloud' } as never });
      assert.deepEqual(labels(await after), ['me@contoso']);
      states[0].resolve({ kind: 'signedOut', cloud: { name: 'AzureCloud' } as never });
      await before;
      assert.deepEqual(labels(await tree.getChildren()), ['me@contoso'], 'the signed-out answer read before the refresh must not stick');
    } finally {
      tree.dispose();
    }
  });
});
