import * as assert from 'node:assert/strict';
import { answers, progressCalls, quickPicks, resetFakes, shownDetails, shownMessages } from '../tree/fakeVscode';
import type { FakeQuickPick } from '../tree/fakeVscode';
import { SUB, TENANT, labels, page, settle } from '../tree/treeTestSupport';
import { galleryId, imageDefinitionId, imageVersionId } from '../../../src/azure/armId';
import type { Gallery, GalleryImageVersion } from '../../../src/azure/services';
import { GalleryNode } from '../../../src/tree/GalleryNode';
import { ImageVersionNode } from '../../../src/tree/ImageVersionNode';
import { RecentlyDeletedNode, SoftDeletedVersionNode } from '../../../src/tree/RecentlyDeletedNode';
import type { TreeNode } from '../../../src/tree/TreeNode';
import { commandHarness } from './commandTestSupport';
import type { CommandHarness } from './commandTestSupport';

const DAY = 24 * 60 * 60 * 1000;
const root = { id: 'account/test', parent: undefined, getTreeItem: () => { throw new Error('unused'); } } as TreeNode;
const GALLERY = galleryId(SUB, 'images-rg', 'gal');
const DEFINITION = imageDefinitionId(GALLERY, 'ubuntu');
const SOFT_DELETE: Gallery = { id: GALLERY.id, name: 'gal', location: 'westeurope', softDeletePolicy: { isSoftDeleteEnabled: true } };
const NO_SOFT_DELETE: Gallery = { id: GALLERY.id, name: 'gal', location: 'westeurope' };
const version = (name: string, extra: Partial<GalleryImageVersion> = {}): GalleryImageVersion => ({
  id: imageVersionId(DEFINITION, name).id,
  name,
  location: 'westeurope',
  provisioningState: 'Succeeded',
  ...extra,
});
const notFound = (): Error => Object.assign(new Error("The Resource 'x' was not found."), { code: 'ResourceNotFound', statusCode: 404 });
const sent = (h: CommandHarness): string[] => h.azure.calls.filter((c) => /^(delete|restore)/.test(c));

/** The rows of one definition, listed by the real nodes through the provider the commands use. */
async function definitionRows(h: CommandHarness, gallery: Gallery, versions: GalleryImageVersion[]) {
  h.azure.gallery = () => Promise.resolve(gallery);
  h.azure.definitions = () => page([{ id: DEFINITION.id, name: 'ubuntu', location: 'westeurope' }]);
  h.azure.versions = () => page(versions);
  const galleryNode = new GalleryNode(h.tree, root, gallery, TENANT, GALLERY);
  const [definition] = await h.tree.getChildren(galleryNode);
  const children = await h.tree.getChildren(definition);
  const byName = (name: string): ImageVersionNode => {
    const node = children.find((n): n is ImageVersionNode => n instanceof ImageVersionNode && n.armId.version === name);
    assert.ok(node, `version ${name} is listed`);
    return node;
  };
  return { gallery: galleryNode, definition, children, byName };
}

describe('Delete of an image version: what the confirmation says', () => {
  let h: CommandHarness;
  beforeEach(() => {
    resetFakes();
    h = commandHarness();
  });
  afterEach(() => h.dispose());

  it('soft delete on: it can be restored for 7 days from Recently deleted; the delete is sent', async () => {
    const { byName } = await definitionRows(h, SOFT_DELETE, [version('1.0.0'), version('2.0.0')]);
    answers.push('Delete');
    await h.run('azureComputeGallery.delete', byName('1.0.0'));
    assert.deepEqual(shownDetails, ['warning: Soft delete is on in this gallery: the version can be restored for 7 days from "Recently deleted" under its image definition, then it is purged.']);
    assert.deepEqual(sent(h), [`deleteImageVersion ${imageVersionId(DEFINITION, '1.0.0').id}`]);
  });

  it('soft delete off: the deletion is permanent', async () => {
    const { byName } = await definitionRows(h, NO_SOFT_DELETE, [version('1.0.0'), version('2.0.0')]);
    answers.push(undefined);
    await h.run('azureComputeGallery.delete', byName('1.0.0'));
    assert.deepEqual(shownDetails, ['warning: Soft delete is off in this gallery: the deletion is permanent and the version cannot be restored.']);
    assert.deepEqual(sent(h), [], 'dismissed: nothing sent');
  });

  it('the version `latest` resolves to: names the version that becomes latest (skipping one excluded from latest)', async () => {
    const { byName } = await definitionRows(h, NO_SOFT_DELETE, [
      version('1.0.0'),
      version('1.5.0', { publishingProfile: { excludeFromLatest: true } }),
      version('1.2.0'),
      version('2.0.0'),
    ]);
    answers.push(undefined);
    await h.run('azureComputeGallery.delete', byName('2.0.0'));
    assert.equal(shownMessages[0], 'warning: Delete image version "gal/ubuntu/2.0.0"?');
    assert.match(shownDetails[0], /\n\nVersion 2\.0\.0 is the one "latest" resolves to: afterwards "latest" resolves to 1\.2\.0\.$/);
  });

  it('the only version `latest` can resolve to: says no version will be latest and deployments asking for latest fail', async () => {
    const { byName } = await definitionRows(h, SOFT_DELETE, [version('2.0.0'), version('1.0.0', { publishingProfile: { excludeFromLatest: true } })]);
    answers.push(undefined);
    await h.run('azureComputeGallery.delete', byName('2.0.0'));
    assert.match(shownDetails[0], /afterwards no version is "latest", and deployments that ask for the latest version fail\.$/);
  });

  it('a version that is not `latest`: nothing is said about latest', async () => {
    const { byName } = await definitionRows(h, NO_SOFT_DELETE, [version('1.0.0'), version('2.0.0')]);
    answers.push(undefined);
    await h.run('azureComputeGallery.delete', byName('1.0.0'));
    assert.doesNotMatch(shownDetails[0], /latest/);
  });

  it('a version blocked before its end of life: explains why and until when, asks nothing and sends nothing', async () => {
    const eol = new Date(Date.now() + 40 * DAY);
    const { byName } = await definitionRows(h, SOFT_DELETE, [
      version('1.0.0', { safetyProfile: { blockDeletionBeforeEndOfLife: true }, publishingProfile: { endOfLifeDate: eol } }),
    ]);
    answers.push('Delete'); // would confirm, if a confirmation were asked
    await h.run('azureComputeGallery.delete', byName('1.0.0'));
    const day = eol.toISOString().slice(0, 10);
    assert.deepEqual(shownMessages, [`warning: Image version "gal/ubuntu/1.0.0" can't be deleted yet: its safety profile blocks deletion until its end of life (${day}).`]);
    assert.deepEqual(shownDetails, [`warning: Azure refuses to delete it before ${day}. Nothing was sent to Azure.`]);
    assert.deepEqual(sent(h), []);
    assert.deepEqual(answers, ['Delete'], 'no question was asked');
  });

  it('blocked with no end-of-life date: blocked until the block is turned off', async () => {
    const { byName } = await definitionRows(h, NO_SOFT_DELETE, [version('1.0.0', { safetyProfile: { blockDeletionBeforeEndOfLife: true } })]);
    await h.run('azureComputeGallery.delete', byName('1.0.0'));
    assert.match(shownMessages[0], /stays blocked until the block is turned off\.$/);
    assert.match(shownDetails[0], /turn off "Block deletion before end of life".*Nothing was sent to Azure\.$/);
    assert.deepEqual(sent(h), []);
  });

  it('a version past its end of life with the block on can be deleted (the block has ended)', async () => {
    const { byName } = await definitionRows(h, NO_SOFT_DELETE, [
      version('1.0.0', { safetyProfile: { blockDeletionBeforeEndOfLife: true }, publishingProfile: { endOfLifeDate: new Date(Date.now() - DAY) } }),
    ]);
    answers.push('Delete');
    await h.run('azureComputeGallery.delete', byName('1.0.0'));
    assert.deepEqual(sent(h), [`deleteImageVersion ${imageVersionId(DEFINITION, '1.0.0').id}`]);
  });
});

describe('Delete of an image definition or gallery with everything in it (cascade)', () => {
  let h: CommandHarness;
  beforeEach(() => {
    resetFakes();
    h = commandHarness();
  });
  afterEach(() => h.dispose());

  it('blocked versions are listed with their dates and the cascade is refused before anything is sent', async () => {
    const eol = new Date(Date.now() + 10 * DAY);
    const { definition } = await definitionRows(h, NO_SOFT_DELETE, [
      version('1.0.0'),
      version('1.1.0', { safetyProfile: { blockDeletionBeforeEndOfLife: true }, publishingProfile: { endOfLifeDate: eol } }),
      version('1.2.0', { safetyProfile: { blockDeletionBeforeEndOfLife: true } }),
    ]);
    answers.push('Delete All');
    await h.run('azureComputeGallery.delete', definition);
    assert.deepEqual(shownMessages, ['warning: The image definition "gal/ubuntu" can\'t be deleted: 2 image versions in it are protected from deletion before their end of life.']);
    assert.equal(
      shownDetails[0],
      `warning: Protected: gal/ubuntu/1.1.0 (until ${eol.toISOString().slice(0, 10)}); gal/ubuntu/1.2.0 (no end-of-life date: until the block is turned off). Nothing was sent to Azure.`,
    );
    assert.deepEqual(sent(h), []);
  });

  it('soft delete on: the confirmation says the versions become restorable and the definition stays; the outcome says it was kept', async () => {
    const { definition } = await definitionRows(h, SOFT_DELETE, [version('1.0.0'), version('1.1.0')]);
    answers.push('Delete All');
    await h.run('azureComputeGallery.delete', definition);
    assert.equal(shownMessages[0], 'warning: The image definition "gal/ubuntu" contains 2 image versions. Delete them all, then the image definition?');
    assert.match(shownDetails[0], /can be restored for 7 days from "Recently deleted"\. Azure does not delete an image definition or gallery while it holds soft-deleted versions, so the image definition stays until they are purged \(7 days\)/);
    assert.deepEqual(sent(h).sort(), [`deleteImageVersion ${imageVersionId(DEFINITION, '1.0.0').id}`, `deleteImageVersion ${imageVersionId(DEFINITION, '1.1.0').id}`]);
    assert.equal(
      shownMessages[1],
      `info: Deleted the contents of image definition "gal/ubuntu"; the image definition itself is kept for now. Deleted 2 items. The 2 deleted versions can be restored for 7 days from "Recently deleted". gal/ubuntu: kept (holds deleted versions until ${new Date(Date.now() + 7 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10)}). Azure does not delete an image definition or gallery while it holds soft-deleted versions; delete again after that date.`,
    );
  });

  it('soft delete on, no versions left but soft-deleted ones held: Delete explains why it cannot go yet and sends nothing', async () => {
    const { definition } = await definitionRows(h, SOFT_DELETE, []);
    const deletedAt = new Date(Date.now() - DAY);
    h.azure.softDeleted = () => page([{ name: '1.0.0', location: 'westeurope', resourceArmId: imageVersionId(DEFINITION, '1.0.0').id, softDeletedTime: deletedAt.toISOString() }]);
    answers.push('Delete');
    await h.run('azureComputeGallery.delete', definition);
    assert.deepEqual(shownMessages, ['warning: Image definition "gal/ubuntu" can\'t be deleted yet: it holds a soft-deleted version, and Azure does not delete an image definition while it holds soft-deleted versions.']);
    assert.match(shownDetails[0], new RegExp(`purged by ${new Date(deletedAt.getTime() + 7 * DAY).toISOString().slice(0, 10)}; .*Nothing was sent to Azure\\.$`));
    assert.deepEqual(sent(h), []);
  });
});

describe('Restore of a soft-deleted version', () => {
  let h: CommandHarness;
  beforeEach(() => {
    resetFakes();
    h = commandHarness();
  });
  afterEach(() => h.dispose());

  async function deletedRow(): Promise<{ row: SoftDeletedVersionNode; definition: TreeNode; recent: RecentlyDeletedNode }> {
    h.azure.softDeleted = () => page([{ name: '1.0.0', location: 'westeurope', resourceArmId: imageVersionId(DEFINITION, '1.0.0').id, softDeletedTime: new Date(Date.now() - 2 * DAY - 60_000).toISOString() }]);
    const { definition, children } = await definitionRows(h, SOFT_DELETE, [version('2.0.0')]);
    const recent = children.find((n): n is RecentlyDeletedNode => n instanceof RecentlyDeletedNode);
    assert.ok(recent);
    const [row] = await h.tree.getChildren(recent);
    assert.ok(row instanceof SoftDeletedVersionNode);
    return { row, definition, recent };
  }

  it('restores with progress, says so, and the version moves from Recently deleted back to the versions', async () => {
    const { row, definition, recent } = await deletedRow();
    h.azure.getVersion = () => Promise.reject(notFound());
    h.azure.restore = () => {
      h.azure.versions = () => page([version('2.0.0'), version('1.0.0')]);
      h.azure.softDeleted = () => page([]);
      return Promise.resolve(version('1.0.0'));
    };
    await h.run('azureComputeGallery.restoreImageVersion', row);
    assert.deepEqual(sent(h), [`restoreImageVersion ${imageVersionId(DEFINITION, '1.0.0').id}`]);
    const titles = progressCalls.map((c) => c.title);
    assert.ok(titles.includes('Restoring image version gal/ubuntu/1.0.0'), titles.join('\n'));
    assert.deepEqual(shownMessages, ['info: Restored image version "gal/ubuntu/1.0.0".']);
    assert.deepEqual(labels(await h.tree.getChildren(definition)), ['2.0.0', '1.0.0', 'Recently deleted']);
    assert.deepEqual(labels(await h.tree.getChildren(recent)), ['No recently deleted versions']);
  });

  it('a version of the same name exists now: says so and sends nothing', async () => {
    const { row } = await deletedRow();
    h.azure.getVersion = () => Promise.resolve(version('1.0.0'));
    await h.run('azureComputeGallery.restoreImageVersion', row);
    assert.deepEqual(sent(h), []);
    assert.equal(shownMessages.length, 1);
    assert.match(shownMessages[0], /^warning: Image version "gal\/ubuntu\/1\.0\.0" can't be restored: a version with that name exists now .*Nothing was sent to Azure/);
  });

  it("ARM's refusal is shown once through the command's error path, and the row stops saying Restoring…", async () => {
    const { row } = await deletedRow();
    h.azure.getVersion = () => Promise.reject(notFound());
    h.azure.restore = () => Promise.reject(Object.assign(new Error('The soft-deleted resource was purged.'), { code: 'NotFound', statusCode: 404 }));
    await h.run('azureComputeGallery.restoreImageVersion', row);
    await settle();
    assert.equal(shownMessages.length, 1);
    assert.match(shownMessages[0], /^error: Couldn't restore the image version: NotFound: The soft-deleted resource was purged\./);
    assert.equal(row.getTreeItem().description, 'deleted 2 days ago');
  });

  it('on a row that is not a deleted version it says where Restore works, and sends nothing', async () => {
    const { byName } = await definitionRows(h, SOFT_DELETE, [version('2.0.0')]);
    await h.run('azureComputeGallery.restoreImageVersion', byName('2.0.0'));
    assert.deepEqual(sent(h), []);
    assert.match(shownMessages[0], /^error: Couldn't restore the image version: Restore works on a deleted version: expand "Recently deleted"/);
  });

  describe('from the command palette', () => {
    const OTHER = galleryId(SUB, 'images-rg', 'plain');
    /** The quick pick VS Code shows as the `n`-th (1-based), once its list has loaded. */
    async function picker(n: number): Promise<FakeQuickPick> {
      for (let i = 0; i < 30 && (quickPicks.length < n || quickPicks[n - 1].busy); i++) {
        await settle();
      }
      assert.ok(quickPicks[n - 1], `picker ${n} is shown`);
      return quickPicks[n - 1];
    }
    function choose(qp: FakeQuickPick, label: string): void {
      const item = qp.items.find((i) => i.label === label);
      assert.ok(item, `"${label}" is offered: ${qp.items.map((i) => i.label).join(', ')}`);
      qp.selectedItems = [item];
      qp.accept();
    }
    function palette(): void {
      h.azure.tenants = () => Promise.resolve([{ tenantId: TENANT, displayName: 'Contoso' }] as never);
      h.azure.subscriptions = () => Promise.resolve([{ subscriptionId: SUB, displayName: 'Prod', tenantId: TENANT, state: 'Enabled' }]);
      h.azure.galleries = () => page([SOFT_DELETE, { ...NO_SOFT_DELETE, id: OTHER.id, name: 'plain' }]);
      h.azure.definitions = () => page([{ id: DEFINITION.id, name: 'ubuntu', location: 'westeurope', osType: 'Linux', osState: 'Generalized' }]);
      // A minute more than whole days: "now" in the picker is read before these dates are made.
      h.azure.softDeleted = () =>
        page([
          { name: '1.0.0', location: 'westeurope', resourceArmId: imageVersionId(DEFINITION, '1.0.0').id, softDeletedTime: new Date(Date.now() - 3 * DAY - 60_000).toISOString() },
          { name: '1.1.0', location: 'westeurope', resourceArmId: imageVersionId(DEFINITION, '1.1.0').id, softDeletedTime: new Date(Date.now() - 1 * DAY - 60_000).toISOString() },
        ]);
    }

    it('picks subscription → a gallery with soft delete on → definition → a deleted version (newest deletion first), then restores it', async () => {
      palette();
      h.azure.getVersion = () => Promise.reject(notFound());
      const run = h.run('azureComputeGallery.restoreImageVersion');
      choose(await picker(1), 'Prod');
      const galleries = await picker(2);
      assert.deepEqual(galleries.items.map((i) => i.label), ['$(library) gal'], 'only galleries that keep deleted versions');
      assert.equal(galleries.placeholder, 'Gallery with soft delete on (only those keep deleted versions)');
      assert.equal(galleries.title, 'Choose a deleted image version to restore');
      choose(galleries, '$(library) gal');
      choose(await picker(3), '$(symbol-class) ubuntu');
      const versions = await picker(4);
      assert.equal(versions.placeholder, 'Deleted version of ubuntu');
      assert.deepEqual(
        versions.items.map((i) => `${i.label} — ${(i as { description?: string }).description ?? ''}`),
        ['$(history) 1.1.0 — deleted 1 day ago', '$(history) 1.0.0 — deleted 3 days ago'],
      );
      choose(versions, '$(history) 1.0.0');
      await run;
      assert.deepEqual(sent(h), [`restoreImageVersion ${imageVersionId(DEFINITION, '1.0.0').id}`]);
      assert.deepEqual(shownMessages, ['info: Restored image version "gal/ubuntu/1.0.0".']);
    });

    it('when the tree shows the definition, the restored version moves across there too', async () => {
      const { row, definition, recent } = await deletedRow();
      palette();
      h.azure.getVersion = () => Promise.reject(notFound());
      h.azure.restore = () => {
        assert.equal(row.getTreeItem().description, 'Restoring…', 'the deleted row says so while it runs');
        h.azure.versions = () => page([version('2.0.0'), version('1.0.0')]);
        h.azure.softDeleted = () => page([]);
        return Promise.resolve(version('1.0.0'));
      };
      const run = h.run('azureComputeGallery.restoreImageVersion');
      choose(await picker(1), 'Prod');
      choose(await picker(2), '$(library) gal');
      choose(await picker(3), '$(symbol-class) ubuntu');
      choose(await picker(4), '$(history) 1.0.0');
      await run;
      assert.deepEqual(labels(await h.tree.getChildren(definition)), ['2.0.0', '1.0.0', 'Recently deleted']);
      assert.deepEqual(labels(await h.tree.getChildren(recent)), ['No recently deleted versions']);
    });

    it('closing a picker restores nothing and says nothing', async () => {
      palette();
      const run = h.run('azureComputeGallery.restoreImageVersion');
      choose(await picker(1), 'Prod');
      (await picker(2)).hide();
      await run;
      assert.deepEqual(sent(h), []);
      assert.deepEqual(shownMessages, []);
    });
  });
});
