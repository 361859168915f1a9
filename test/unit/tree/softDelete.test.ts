import * as assert from 'node:assert/strict';
import { FakeAzure, SUB, TENANT, labels, page, testContext } from './treeTestSupport';
import type { TestContext } from './treeTestSupport';
import { galleryId, imageDefinitionId, imageVersionId } from '../../../src/azure/armId';
import type { Gallery, GalleryImageVersion, GallerySoftDeletedResource } from '../../../src/azure/services';
import { GalleryNode } from '../../../src/tree/GalleryNode';
import { ImageVersionNode } from '../../../src/tree/ImageVersionNode';
import { ErrorNode, LoadMoreNode, MessageNode } from '../../../src/tree/MessageNodes';
import { RecentlyDeletedNode, SoftDeletedVersionNode } from '../../../src/tree/RecentlyDeletedNode';
import type { TreeNode } from '../../../src/tree/TreeNode';
import type * as vscode from 'vscode';

const signal = new AbortController().signal;
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
const deleted = (name: string, at: Date): GallerySoftDeletedResource => ({
  id: `${GALLERY.id}/softDeletedArtifactTypes/Images/artifacts/ubuntu/versions/${name}`,
  name,
  resourceArmId: imageVersionId(DEFINITION, name).id,
  softDeletedTime: at.toISOString(),
  softDeletedArtifactType: 'Images',
  location: 'westeurope',
});

function item(node: TreeNode): vscode.TreeItem {
  return node.getTreeItem();
}
/** A tooltip's text with MarkdownString's escapes taken out. */
function plain(md: unknown): string {
  return (md as vscode.MarkdownString).value.replace(/\\(.)/g, '$1');
}
function tooltip(node: TreeNode): string {
  return plain(item(node).tooltip);
}

async function definitionOf(gallery: Gallery, azure = new FakeAzure()): Promise<{ ctx: TestContext; gallery: GalleryNode; definition: TreeNode; azure: FakeAzure }> {
  azure.definitions = () => page([{ id: DEFINITION.id, name: 'ubuntu', location: 'westeurope' }]);
  const ctx = testContext(azure);
  const galleryNode = new GalleryNode(ctx, root, gallery, TENANT, GALLERY);
  const [definition] = await galleryNode.getChildren(signal);
  return { ctx, gallery: galleryNode, definition, azure };
}

describe('soft delete in the tree', () => {
  it('the gallery tooltip says whether soft delete is on, with its retention', () => {
    const ctx = testContext(new FakeAzure());
    assert.match(tooltip(new GalleryNode(ctx, root, SOFT_DELETE, TENANT, GALLERY)), /Soft delete: on \(retention: 7 days\)/);
    assert.match(tooltip(new GalleryNode(ctx, root, NO_SOFT_DELETE, TENANT, GALLERY)), /Soft delete: off — deleting a version is permanent/);
  });

  it('an image definition of a gallery with soft delete lists "Recently deleted" after its versions; without soft delete it does not', async () => {
    const on = new FakeAzure();
    on.versions = () => page([version('1.0.0'), version('1.1.0')]);
    const t = await definitionOf(SOFT_DELETE, on);
    const children = await t.definition.getChildren!(signal);
    assert.deepEqual(labels(children), ['1.1.0', '1.0.0', 'Recently deleted']);
    assert.equal(item(children[2]).contextValue, 'recentlyDeleted');
    assert.equal(item(children[2]).accessibilityInformation?.label, 'Recently deleted versions of ubuntu');
    assert.ok(!on.calls.includes('softDeleted'), 'the deleted versions are listed only when the node is expanded');

    const off = new FakeAzure();
    off.versions = on.versions;
    const u = await definitionOf(NO_SOFT_DELETE, off);
    assert.deepEqual(labels(await u.definition.getChildren!(signal)), ['1.1.0', '1.0.0']);
  });

  it('"Recently deleted" stays when every version is gone (after "No image versions")', async () => {
    const t = await definitionOf(SOFT_DELETE);
    assert.deepEqual(labels(await t.definition.getChildren!(signal)), ['No image versions — create one', 'Recently deleted']);
  });

  it('each soft-deleted version shows its name, "deleted 2 days ago", and a tooltip with when it was deleted and when it is purged', async () => {
    const azure = new FakeAzure();
    const at = new Date(Date.now() - 2 * DAY - 60_000);
    azure.softDeleted = () => page([deleted('1.0.0', at), deleted('1.2.0', new Date(Date.now() - 3 * 60 * 60 * 1000))]);
    const t = await definitionOf(SOFT_DELETE, azure);
    const recent = (await t.definition.getChildren!(signal)).find((n) => n instanceof RecentlyDeletedNode)!;
    const rows = await recent.getChildren(signal);
    assert.deepEqual(labels(rows), ['1.2.0', '1.0.0'], 'the most recent deletion first');
    const row = rows[1];
    assert.ok(row instanceof SoftDeletedVersionNode);
    assert.equal(item(row).description, 'deleted 2 days ago');
    assert.equal(item(row).contextValue, 'softDeletedImageVersion');
    assert.equal(item(row).accessibilityInformation?.label, 'Deleted image version 1.0.0, deleted 2 days ago');
    assert.equal(item(rows[0]).description, 'deleted 3 hours ago');
    const text = tooltip(row);
    const minute = (d: Date): string => `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
    assert.ok(text.includes(`Deleted: ${minute(at)} (2 days ago)`), text);
    assert.ok(text.includes(`Purged for good: ${minute(new Date(at.getTime() + 7 * DAY))}`), text);
    assert.notEqual(row.id, imageVersionId(DEFINITION, '1.0.0').id.toLowerCase(), 'its id differs from a live version of the same name');
    assert.equal(row.versionId.id, imageVersionId(DEFINITION, '1.0.0').id);
  });

  it('is paged like every list (Load more), has an empty state, and an error with retry', async () => {
    const azure = new FakeAzure();
    azure.softDeleted = (o) => (o?.continuationToken === 'p2' ? page([deleted('0.9.0', new Date(Date.now() - 5 * DAY))]) : page([deleted('1.0.0', new Date())], 'p2'));
    const t = await definitionOf(SOFT_DELETE, azure);
    const recent = (await t.definition.getChildren!(signal)).find((n): n is RecentlyDeletedNode => n instanceof RecentlyDeletedNode)!;
    let rows = await recent.getChildren(signal);
    assert.deepEqual(labels(rows), ['1.0.0', 'Load more recently deleted versions…']);
    assert.ok(rows[1] instanceof LoadMoreNode);
    await recent.loadMore(signal);
    rows = await recent.getChildren(signal);
    assert.deepEqual(labels(rows), ['1.0.0', '0.9.0']);

    azure.softDeleted = () => page([]);
    recent.reset();
    rows = await recent.getChildren(signal);
    assert.deepEqual(labels(rows), ['No recently deleted versions']);
    assert.ok(rows[0] instanceof MessageNode);

    azure.softDeleted = () => Promise.reject(Object.assign(new Error('The client does not have authorization.'), { code: 'AuthorizationFailed', statusCode: 403 }));
    recent.reset();
    rows = await recent.getChildren(signal);
    assert.ok(rows[0] instanceof ErrorNode);
    assert.equal(labels(rows)[0], "Couldn't list recently deleted versions — click to retry");
    assert.equal(item(rows[0]).command?.command, 'azureComputeGallery.retry');
    assert.equal(rows[0].parent, recent, 'retry lists the deleted versions again');
  });

  it('listing the definition again lists its recently deleted versions again (a delete or restore moves a version across)', async () => {
    const azure = new FakeAzure();
    azure.softDeleted = () => page([deleted('1.0.0', new Date())]);
    const t = await definitionOf(SOFT_DELETE, azure);
    const definition = t.definition as unknown as { reset(): void; getChildren(s: AbortSignal): Promise<TreeNode[]> };
    const recent = (await definition.getChildren(signal)).find((n) => n instanceof RecentlyDeletedNode)!;
    assert.deepEqual(labels(await recent.getChildren(signal)), ['1.0.0']);
    azure.softDeleted = () => page([]);
    definition.reset();
    const again = (await definition.getChildren(signal)).find((n) => n instanceof RecentlyDeletedNode)!;
    assert.equal(again, recent, 'the same node, so its expansion survives');
    assert.deepEqual(labels(await again.getChildren(signal)), ['No recently deleted versions']);
  });
});

describe('deletion safety and age on a version row', () => {
  async function versionRows(versions: GalleryImageVersion[]): Promise<ImageVersionNode[]> {
    const azure = new FakeAzure();
    azure.versions = () => page(versions);
    const t = await definitionOf(NO_SOFT_DELETE, azure);
    return (await t.definition.getChildren!(signal)).filter((n): n is ImageVersionNode => n instanceof ImageVersionNode);
  }

  it('a version blocked before its end of life shows a lock, the date in its description and tooltip, and says it in words', async () => {
    const eol = new Date(Date.now() + 60 * DAY);
    const day = eol.toISOString().slice(0, 10);
    const [row] = await versionRows([version('1.0.0', { safetyProfile: { blockDeletionBeforeEndOfLife: true }, publishingProfile: { endOfLifeDate: eol } })]);
    const tree = item(row);
    assert.equal((tree.iconPath as { id: string }).id, 'lock');
    assert.equal(tree.description, `latest · deletion blocked until ${day}`);
    assert.equal(tree.contextValue, 'imageVersion;latest;blocked');
    assert.equal(tree.accessibilityInformation?.label, `Image version 1.0.0, latest, deletion blocked until ${day}`);
    const text = plain(row.tooltip(row.current));
    assert.ok(text.includes(`Deletion: blocked until its end of life, ${day}`), text);
  });

  it('blocked with no end-of-life date: blocked until the block is turned off; past its end of life: no lock', async () => {
    const rows = await versionRows([
      version('2.0.0', { safetyProfile: { blockDeletionBeforeEndOfLife: true } }),
      version('1.0.0', { safetyProfile: { blockDeletionBeforeEndOfLife: true }, publishingProfile: { endOfLifeDate: new Date(Date.now() - DAY) } }),
    ]);
    assert.equal(item(rows[0]).description, 'latest · deletion blocked (no end-of-life date)');
    assert.ok(plain(rows[0].tooltip(rows[0].current)).includes('blocked until the block is turned off'));
    assert.equal(item(rows[1]).description, 'end of life passed');
    assert.notEqual((item(rows[1]).iconPath as { id: string }).id, 'lock');
  });

  it('shows its age from the published date ("3 months ago") in the tooltip, next to the date', async () => {
    const published = new Date(Date.now() - 95 * DAY);
    const [row, older] = await versionRows([version('1.0.0', { publishingProfile: { publishedDate: published } }), version('0.1.0', { publishingProfile: { publishedDate: new Date(Date.now() - 400 * DAY) } })]);
    assert.equal(item(row).description, 'latest', 'the row keeps to what needs attention');
    const text = plain(row.tooltip(row.current));
    assert.ok(text.includes(`Published: ${published.toISOString().slice(0, 10)} (3 months ago)`), text);
    assert.ok(plain(older.tooltip(older.current)).includes('(1 year ago)'));
  });
});
