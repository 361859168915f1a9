import * as assert from 'node:assert/strict';
import { resetFakes } from '../tree/fakeVscode';
import { Deferred, SUB, TENANT, settle } from '../tree/treeTestSupport';
import type { PagedCallOptions, Page } from '../../../src/azure/services';
import { galleryId } from '../../../src/azure/armId';
import { GalleryNode } from '../../../src/tree/GalleryNode';
import { LoadMoreNode } from '../../../src/tree/MessageNodes';
import type { TreeNode } from '../../../src/tree/TreeNode';
import { commandHarness } from './commandTestSupport';

const GALLERY = galleryId(SUB, 'rg', 'g');
const root = { id: 'account/test', parent: undefined, getTreeItem: () => { throw new Error('unused'); } } as TreeNode;
const definition = (name: string) => ({ id: `${GALLERY.id}/images/${name}`, name, location: 'eastus' });

describe('command: Load more', () => {
  beforeEach(resetFakes);

  it('a full refresh (sign-out, Refresh button) cancels the page still loading: the request is aborted, not left running', async () => {
    const h = commandHarness();
    const requests: Array<{ options: PagedCallOptions | undefined; answer: Deferred<Page<unknown>> }> = [];
    h.azure.definitions = (options) => {
      if (!options?.continuationToken) {
        return Promise.resolve({ items: [definition('first')], continuationToken: 'page2' });
      }
      const answer = new Deferred<Page<unknown>>();
      requests.push({ options, answer });
      return answer.promise;
    };
    const gallery = new GalleryNode(h.tree, root, { id: GALLERY.id, name: 'g', location: 'eastus' }, TENANT, GALLERY);
    const loadMore = (await gallery.getChildren(new AbortController().signal)).find((n) => n instanceof LoadMoreNode);
    assert.ok(loadMore, 'a list with a nextLink ends with "Load more"');

    const clicked = h.run('azureComputeGallery.loadMore', loadMore);
    await settle();
    assert.equal(requests.length, 1, 'the next page is requested');
    const signal = requests[0].options?.signal;
    assert.equal(signal?.aborted, false);

    h.tree.refresh();
    assert.equal(signal?.aborted, true, 'the page of a list no longer shown is cancelled');
    requests[0].answer.reject(Object.assign(new Error('The operation was aborted.'), { name: 'AbortError' }));
    await clicked;
    h.dispose();
  });
});
