/**
 * Clean Up Versions, Delete on a multi-selection and Compare (issue 11), run through the real command table over the
 * fake VS Code API: nothing is sent before the confirmation, cancel stops between items, the account is exact.
 */
import * as assert from 'node:assert/strict';
import {
  answers,
  clipboardWrites,
  executedCommands,
  inputAnswers,
  inputBoxes,
  shownDetails,
  openedDocuments,
  progressToken,
  quickPickAnswers,
  resetFakes,
  shownMessages,
  shownQuickPicks,
  workspace,
} from '../tree/fakeVscode';
import { Deferred, SUB, TENANT, page, settle } from '../tree/treeTestSupport';
import { galleryId, imageDefinitionId, imageVersionId } from '../../../src/azure/armId';
import type { ImageDefinitionId } from '../../../src/azure/armId';
import { SubscriptionNode } from '../../../src/tree/SubscriptionNode';
import type { TreeNode } from '../../../src/tree/TreeNode';
import { commandHarness } from './commandTestSupport';
import type { CommandHarness } from './commandTestSupport';

const root = { id: 'account/test', parent: undefined, getTreeItem: () => { throw new Error('unused'); } } as TreeNode;
const GALLERY = galleryId(SUB, 'images-rg', 'gal');
const UBUNTU = imageDefinitionId(GALLERY, 'ubuntu');
const WEEKLY = imageDefinitionId(GALLERY, 'weekly');
const DAY = 24 * 60 * 60 * 1000;
const daysAgo = (n: number): string => new Date(Date.now() - n * DAY).toISOString();
const inDays = (n: number): string => new Date(Date.now() + n * DAY).toISOString();

interface VersionSeed {
  name: string;
  published?: string;
  eol?: string;
  blocked?: boolean;
  excluded?: boolean;
}

function version(definition: ImageDefinitionId, v: VersionSeed) {
  return {
    id: imageVersionId(definition, v.name).id,
    name: v.name,
    location: 'northeurope',
    provisioningState: 'Succeeded',
    publishingProfile: { publishedDate: v.published, endOfLifeDate: v.eol, excludeFromLatest: v.excluded },
    ...(v.blocked ? { safetyProfile: { blockDeletionBeforeEndOfLife: true } } : {}),
  };
}

const UBUNTU_VERSIONS: VersionSeed[] = [
  { name: '1.0.0', published: daysAgo(100) },
  { name: '1.1.0', published: daysAgo(80), blocked: true, eol: inDays(20) },
  { name: '1.2.0', published: daysAgo(60) },
  { name: '1.3.0', published: daysAgo(50) },
];

/** The tree rows over a gallery "gal" with definitions ubuntu and weekly (soft delete as given). */
async function rows(h: CommandHarness, options: { softDelete: boolean; weekly?: VersionSeed[] }) {
  h.azure.galleries = () => page([{ id: GALLERY.id, name: 'gal', location: 'westeurope' }]);
  h.azure.gallery = () => Promise.resolve({ id: GALLERY.id, name: 'gal', softDeletePolicy: { isSoftDeleteEnabled: options.softDelete } });
  const definitions = [
    { id: UBUNTU.id, name: 'ubuntu', location: 'northeurope' },
    { id: WEEKLY.id, name: 'weekly', location: 'northeurope' },
  ];
  h.azure.definitions = () => page(definitions);
  h.azure.getDefinition = (id) => Promise.resolve(definitions.find((d) => d.id === id));
  // Two pages for ubuntu: every page must be read before anything is planned.
  h.azure.versions = (o, parent) =>
    parent === WEEKLY.id
      ? page((options.weekly ?? []).map((v) => version(WEEKLY, v)))
      : o?.continuationToken === 'p2'
        ? page(UBUNTU_VERSIONS.slice(2).map((v) => version(UBUNTU, v)))
        : page(UBUNTU_VERSIONS.slice(0, 2).map((v) => version(UBUNTU, v)), 'p2');
  const subscription = new SubscriptionNode(h.tree, root, { subscriptionId: SUB, displayName: 'Sub', tenantId: TENANT, state: 'Enabled' });
  const [gallery] = await h.tree.getChildren(subscription);
  const [ubuntu, weekly] = await h.tree.getChildren(gallery);
  let versions = await h.tree.getChildren(ubuntu);
  // Load the second page as the tree's "Load more" would.
  await h.tree.loadMore(versions[versions.length - 1]);
  versions = await h.tree.getChildren(ubuntu);
  return { gallery, ubuntu, weekly, versions: versions.filter((n) => n.id.includes('/versions/')) };
}

/** Answers the rules quick pick with the items whose labels are given. */
function pickRules(...labels: string[]): void {
  quickPickAnswers.push((items) => (items as Array<{ label: string }>).filter((i) => labels.includes(i.label)));
}

const writes = (h: CommandHarness): string[] => h.azure.calls.filter((c) => c.startsWith('delete'));
const previewText = (): string => openedDocuments.find((d) => d.uri.startsWith('azure-compute-gallery-report:'))?.text ?? '';

describe('Clean Up Versions', () => {
  let h: CommandHarness;
  beforeEach(() => {
    resetFakes();
    h = commandHarness();
  });
  afterEach(() => h.dispose());

  it('shows a preview of every version with its decision and reason, and sends nothing when the confirmation is dismissed', async () => {
    const { ubuntu } = await rows(h, { softDelete: true });
    pickRules('Older than N days');
    inputAnswers.push('30');
    answers.push(undefined);
    await h.run('azureComputeGallery.cleanUpVersions', ubuntu);

    assert.deepEqual(writes(h), [], 'nothing deleted');
    const preview = previewText();
    assert.match(preview, /\| ubuntu \| 1\.3\.0 \| \d{4}-\d{2}-\d{2} \| keep \| it is `latest` \(would match: older than 30 days\) \|/);
    assert.match(preview, /\| ubuntu \| 1\.2\.0 \| [\d-]+ \| delete \| older than 30 days \|/);
    assert.match(preview, /\| ubuntu \| 1\.1\.0 \| [\d-]+ \| keep \| deletion blocked by its safety profile \(until \d{4}-\d{2}-\d{2}\) \(would match: older than 30 days\) \|/);
    assert.match(preview, /\| ubuntu \| 1\.0\.0 \| [\d-]+ \| delete \| older than 30 days \|/);
    assert.match(preview, /Nothing has been sent to Azure/);
    assert.deepEqual(shownMessages, ['warning: Delete 2 versions from image definition gal/ubuntu?']);
    assert.equal(
      shownDetails[0],
      'warning: Soft delete is on in this gallery: the versions can be restored for 7 days from "Recently deleted" under their image definitions, then they are purged.\nIn gal/ubuntu, "latest" stays 1.3.0.\n2 versions are kept; the preview lists each version and why.',
    );
  });

  it('validates the numbers it asks for', async () => {
    const { ubuntu } = await rows(h, { softDelete: false });
    pickRules('Older than N days', 'Keep the newest N');
    inputAnswers.push('30', undefined);
    await h.run('azureComputeGallery.cleanUpVersions', ubuntu);
    assert.equal(inputBoxes.length, 2);
    assert.equal(inputBoxes[0].validateInput?.('-3'), 'Enter a whole number from 0 to 36500.');
    assert.equal(inputBoxes[0].validateInput?.('2.5'), 'Enter a whole number from 0 to 36500.');
    assert.equal(inputBoxes[0].validateInput?.(' 30 '), undefined);
    assert.equal(inputBoxes[1].validateInput?.('0'), 'Enter a whole number from 1 to 10000.');
    assert.deepEqual(h.azure.calls.filter((c) => !['galleries', 'definitions', 'versions'].includes(c)), [], 'escape on the second box: nothing read, nothing sent');
    assert.deepEqual(openedDocuments, []);
  });

  it('confirmed: deletes oldest first, one at a time, and the preview becomes the exact account', async () => {
    const { ubuntu } = await rows(h, { softDelete: true });
    pickRules('Older than N days');
    inputAnswers.push('30');
    answers.push('Delete 2 Versions');
    await h.run('azureComputeGallery.cleanUpVersions', ubuntu);
    assert.deepEqual(writes(h), [`deleteImageVersion ${imageVersionId(UBUNTU, '1.0.0').id}`, `deleteImageVersion ${imageVersionId(UBUNTU, '1.2.0').id}`]);
    const doc = openedDocuments.find((d) => d.uri.startsWith('azure-compute-gallery-report:'));
    const outcome = (await workspace.textOf(doc?.uri ?? '')) ?? '';
    assert.match(outcome, /Deleted 2 of 2 versions; 0 failed; 0 not attempted after cancel\. The 2 deleted versions can be restored for 7 days from "Recently deleted"\./);
    assert.match(outcome, /\| ubuntu \| 1\.0\.0 \| [\d-]+ \| deleted \(restorable\) \| older than 30 days \|/);
    assert.equal(
      shownMessages[1],
      'info: Clean up of gal/ubuntu: Deleted 2 of 2 versions; 0 failed; 0 not attempted after cancel. The 2 deleted versions can be restored for 7 days from "Recently deleted". The outcome is in the preview document.',
    );
  });

  it('cancel stops between items: the one in flight finishes, the rest are not attempted, a failure carries ARM\'s reason', async () => {
    const { gallery } = await rows(h, {
      softDelete: false,
      weekly: [
        { name: '2.0.0', published: daysAgo(10), eol: daysAgo(1) },
        { name: '2.1.0', published: daysAgo(9), eol: daysAgo(1) },
        { name: '2.2.0', published: daysAgo(8), eol: daysAgo(1) },
        { name: '2.3.0', published: daysAgo(7) },
      ],
    });
    const first = new Deferred<void>();
    let n = 0;
    h.azure.delete = () => {
      n++;
      if (n === 1) return Promise.reject(Object.assign(new Error('Operation not allowed now.'), { code: 'OperationNotAllowed', statusCode: 409 }));
      if (n === 2) return first.promise;
      return Promise.resolve();
    };
    pickRules('Past end of life');
    answers.push('Delete 3 Versions');
    const run = h.run('azureComputeGallery.cleanUpVersions', gallery);
    for (let i = 0; i < 20 && n < 2; i++) await settle();
    assert.equal(n, 2, 'the second delete is in flight');
    progressToken.cancel();
    first.resolve();
    await run;
    assert.deepEqual(writes(h), [`deleteImageVersion ${imageVersionId(WEEKLY, '2.0.0').id}`, `deleteImageVersion ${imageVersionId(WEEKLY, '2.1.0').id}`]);
    assert.deepEqual(shownMessages, [
      'warning: Delete 3 versions from gallery gal?',
      'warning: Clean up of gal: Deleted 1 of 3 versions; 1 failed; 1 not attempted after cancel. The outcome is in the preview document.',
    ]);
    assert.match(shownDetails[0], /Soft delete is off in this gallery: the deletion is permanent and the versions cannot be restored\./);
    const doc = openedDocuments.find((d) => d.uri.startsWith('azure-compute-gallery-report:'));
    const outcome = (await workspace.textOf(doc?.uri ?? '')) ?? '';
    assert.match(outcome, /\| weekly \| 2\.0\.0 \| [\d-]+ \| failed: OperationNotAllowed: Operation not allowed now\. \| past end of life \|/);
    assert.match(outcome, /\| weekly \| 2\.1\.0 \| [\d-]+ \| deleted \| past end of life \|/);
    assert.match(outcome, /\| weekly \| 2\.2\.0 \| [\d-]+ \| not attempted \(cancelled\) \| past end of life \|/);
    assert.match(outcome, /\| weekly \| 2\.3\.0 \| [\d-]+ \| keep \| it is `latest` \|/);
    assert.match(outcome, /\| ubuntu \| 1\.3\.0 \| [\d-]+ \| keep \| it is `latest` \|/, 'the gallery variant lists every definition');
  });

  it('nothing to delete: says so, keeps the preview, asks nothing', async () => {
    const { ubuntu } = await rows(h, { softDelete: true });
    pickRules('Excluded from latest');
    await h.run('azureComputeGallery.cleanUpVersions', ubuntu);
    assert.deepEqual(writes(h), []);
    assert.match(previewText(), /\| ubuntu \| 1\.0\.0 \| [\d-]+ \| keep \| no rule selects it \|/);
    assert.deepEqual(shownMessages, ['info: Nothing to delete in gal/ubuntu: the rules select no version that can go. The preview says why each version is kept.']);
  });
});

describe('Delete on a multi-selection', () => {
  let h: CommandHarness;
  beforeEach(() => {
    resetFakes();
    h = commandHarness();
  });
  afterEach(() => h.dispose());

  it('confirms once listing every item, refuses the blocked one up front, names the new latest, then reports the account', async () => {
    const { versions } = await rows(h, { softDelete: true });
    const [v13, v12, v11] = versions; // newest first
    answers.push('Delete 2 Items');
    await h.run('azureComputeGallery.delete', v13, [v13, v12, v11]);
    assert.deepEqual(shownMessages[0], 'warning: Delete 2 selected items?');
    assert.match(shownDetails[0], /^warning: • image version gal\/ubuntu\/1\.3\.0: restorable for 7 days from "Recently deleted" \(soft delete\)\n• image version gal\/ubuntu\/1\.2\.0: restorable for 7 days from "Recently deleted" \(soft delete\)\nIn gal\/ubuntu, version 1\.3\.0 is the one "latest" resolves to: afterwards "latest" resolves to 1\.1\.0\.\nNot sent, because Azure refuses to delete them before their end of life: gal\/ubuntu\/1\.1\.0 \(until \d{4}-\d{2}-\d{2}\)\.$/);
    assert.deepEqual(writes(h), [`deleteImageVersion ${imageVersionId(UBUNTU, '1.3.0').id}`, `deleteImageVersion ${imageVersionId(UBUNTU, '1.2.0').id}`]);
    assert.equal(shownMessages[1], 'info: Deleted 2: gal/ubuntu/1.3.0, gal/ubuntu/1.2.0. The 2 deleted versions can be restored for 7 days from "Recently deleted".');
  });

  it('sends nothing when dismissed; a selection of only blocked versions is refused without a question', async () => {
    const { versions, weekly } = await rows(h, {
      softDelete: false,
      weekly: [
        { name: '2.0.0', blocked: true, eol: inDays(5) },
        { name: '2.1.0', blocked: true },
      ],
    });
    answers.push(undefined);
    await h.run('azureComputeGallery.delete', versions[0], [versions[0], versions[3]]);
    assert.deepEqual(writes(h), []);
    assert.match(shownDetails[0], /permanent \(soft delete is off\)/);
    shownMessages.length = 0;
    const blocked = await h.tree.getChildren(weekly);
    await h.run('azureComputeGallery.delete', blocked[0], blocked);
    assert.deepEqual(writes(h), []);
    assert.equal(shownMessages.length, 1, shownMessages.join('\n'));
    assert.match(shownMessages[0], /^warning: Nothing was deleted: Azure refuses to delete these image versions before their end of life: gal\/weekly\/2\.1\.0 \(no end-of-life date: until the block is turned off\); gal\/weekly\/2\.0\.0 \(until \d{4}-\d{2}-\d{2}\)\. Nothing was sent to Azure\.$/);
  });

  it('versions before their definition, whatever the selection order', async () => {
    const { ubuntu, versions } = await rows(h, { softDelete: false });
    answers.push('Delete 3 Items');
    await h.run('azureComputeGallery.delete', ubuntu, [ubuntu, versions[0], versions[3]]);
    assert.deepEqual(writes(h), [
      `deleteImageVersion ${imageVersionId(UBUNTU, '1.3.0').id}`,
      `deleteImageVersion ${imageVersionId(UBUNTU, '1.0.0').id}`,
      `deleteImageDefinition ${UBUNTU.id}`,
    ]);
  });

  it('soft delete on: the definition whose versions go is kept (Azure refuses it while it holds them), not sent, and the account says until when', async () => {
    const { ubuntu, versions } = await rows(h, { softDelete: true });
    answers.push('Delete 1 Items');
    await h.run('azureComputeGallery.delete', ubuntu, [ubuntu, versions[3]]);
    const purge = new Date(Date.now() + 7 * DAY).toISOString().slice(0, 10);
    assert.equal(shownMessages[0], 'warning: Delete 1 selected items?');
    assert.equal(
      shownDetails[0],
      `warning: • image version gal/ubuntu/1.0.0: restorable for 7 days from "Recently deleted" (soft delete)\n• image definition gal/ubuntu: kept (holds deleted versions until ${purge}): Azure does not delete an image definition or gallery while it holds soft-deleted versions, so it is not sent`,
    );
    assert.deepEqual(writes(h), [`deleteImageVersion ${imageVersionId(UBUNTU, '1.0.0').id}`], 'the definition is not sent');
    assert.equal(
      shownMessages[1],
      `info: Deleted 1: gal/ubuntu/1.0.0. gal/ubuntu: kept (holds deleted versions until ${purge}). The deleted version can be restored for 7 days from "Recently deleted".`,
    );
  });

  it('soft delete on: a gallery whose definition already holds soft-deleted versions is kept until the last is purged; an empty definition that holds none is deleted', async () => {
    const { gallery, weekly } = await rows(h, { softDelete: true });
    const deletedAt = new Date(Date.now() - 2 * DAY);
    h.azure.softDeleted = (_o, parent) =>
      page(parent === UBUNTU.id ? [{ id: `${GALLERY.id}/softDeletedArtifactTypes/Images/artifacts/ubuntu/versions/0.9.0`, name: '0.9.0', softDeletedTime: deletedAt.toISOString() }] : []);
    answers.push('Delete 1 Items');
    await h.run('azureComputeGallery.delete', gallery, [gallery, weekly]);
    const purge = new Date(deletedAt.getTime() + 7 * DAY).toISOString().slice(0, 10);
    assert.match(shownDetails[0], /^warning: • image definition gal\/weekly: permanent; only if it is empty once the selected items in it are gone\n/);
    assert.match(shownDetails[0], new RegExp(`\\n• gallery gal: kept \\(holds deleted versions until ${purge}\\)`));
    assert.deepEqual(writes(h), [`deleteImageDefinition ${WEEKLY.id}`], 'the gallery is not sent');
    assert.equal(shownMessages[1], `info: Deleted 1: gal/weekly. gal: kept (holds deleted versions until ${purge}).`);
  });

  it('soft delete off: a definition is sent after its versions (nothing keeps it)', async () => {
    const { ubuntu, versions } = await rows(h, { softDelete: false });
    answers.push('Delete 2 Items');
    await h.run('azureComputeGallery.delete', ubuntu, [ubuntu, versions[3]]);
    assert.deepEqual(writes(h), [`deleteImageVersion ${imageVersionId(UBUNTU, '1.0.0').id}`, `deleteImageDefinition ${UBUNTU.id}`]);
    assert.equal(shownMessages[1], 'info: Deleted 2: gal/ubuntu/1.0.0, gal/ubuntu.');
  });

  it('commands of one row still act on the clicked row when VS Code passes a selection', async () => {
    const { versions } = await rows(h, { softDelete: false });
    await h.run('azureComputeGallery.copyResourceId', versions[1], [versions[0], versions[1]]);
    assert.deepEqual(clipboardWrites, [imageVersionId(UBUNTU, '1.2.0').id]);
  });
});

describe('Compare', () => {
  let h: CommandHarness;
  beforeEach(() => {
    resetFakes();
    h = commandHarness();
  });
  afterEach(() => h.dispose());

  it('Compare with… offers the other versions newest first with their published date, then diffs lower ↔ higher', async () => {
    const { versions } = await rows(h, { softDelete: false });
    const v12 = versions[1];
    quickPickAnswers.push((items) => (items as Array<{ label: string }>).find((i) => i.label === '1.0.0'));
    await h.run('azureComputeGallery.compareWith', v12);
    const offered = shownQuickPicks[0].items as Array<{ label: string; description?: string }>;
    assert.deepEqual(offered.map((i) => i.label), ['1.3.0', '1.1.0', '1.0.0']);
    assert.match(offered[0].description ?? '', /^published \d{4}-\d{2}-\d{2}$/);
    assert.equal(executedCommands.length, 1);
    const [left, right, title] = executedCommands[0].args as [{ query: string }, { query: string }, string];
    assert.equal(executedCommands[0].id, 'vscode.diff');
    assert.equal(title, '1.0.0 ↔ 1.2.0 (ubuntu)');
    assert.equal(new URLSearchParams(left.query).get('id'), imageVersionId(UBUNTU, '1.0.0').id);
    assert.equal(new URLSearchParams(right.query).get('sorted'), '1');
    assert.deepEqual(writes(h), []);
  });

  it('Compare Selected needs exactly two versions', async () => {
    const { versions, ubuntu } = await rows(h, { softDelete: false });
    await h.run('azureComputeGallery.compareSelected', versions[0], [versions[0], versions[2]]);
    assert.equal(executedCommands[0]?.args[2], '1.1.0 ↔ 1.3.0 (ubuntu)');
    await h.run('azureComputeGallery.compareSelected', versions[0], [versions[0], ubuntu]);
    assert.deepEqual(shownMessages, ['error: Couldn\'t compare the versions: Select exactly two image versions to compare (you selected 2 items). Try again; if it keeps failing, see the "Azure Compute Gallery" output for details.']);
  });
});

describe('the three delete confirmations state the same facts (single Delete, Delete on a selection, Clean Up)', () => {
  let h: CommandHarness;
  beforeEach(() => {
    resetFakes();
    h = commandHarness();
  });
  afterEach(() => h.dispose());

  /** 1.1.0's end of life (blocked until then), as every confirmation must print it. */
  const blockedDay = (): string => {
    const eol = UBUNTU_VERSIONS.find((v) => v.name === '1.1.0')?.eol ?? '';
    return eol.slice(0, 10);
  };

  for (const softDelete of [true, false]) {
    it(`soft delete ${softDelete ? 'on' : 'off'}: restorable or permanent, the blocked version's date, where latest goes`, async () => {
      const { ubuntu, versions } = await rows(h, { softDelete });
      const [v13, v12, v11, v10] = versions;
      const { restoreSentence, restorableNote, latestSentence, blockedVersionRefusal, blockedNote, listBlocked } = await import('../../../src/commands/deleteConfirmation');
      const block = { reason: 'beforeEndOfLife' as const, until: new Date(`${blockedDay()}T00:00:00Z`) };

      // Single Delete of 1.2.0 (not latest), then of 1.3.0 (latest), then of the blocked 1.1.0.
      answers.push(undefined, undefined);
      await h.run('azureComputeGallery.delete', v12);
      await h.run('azureComputeGallery.delete', v13);
      await h.run('azureComputeGallery.delete', v11);
      const [single12, single13, singleBlocked] = shownDetails.splice(0);
      shownMessages.length = 0;
      assert.equal(single12, `warning: ${restoreSentence(softDelete)}`);
      assert.equal(single13, `warning: ${restoreSentence(softDelete)}\n\n${latestSentence({ current: '1.3.0', next: '1.2.0' })}`);
      assert.ok(singleBlocked.includes(blockedDay()), singleBlocked);
      assert.ok(blockedVersionRefusal('x', block).message.includes(blockedDay()));

      // Delete on a selection: 1.3.0, the blocked 1.1.0 and 1.0.0.
      answers.push(undefined);
      await h.run('azureComputeGallery.delete', v13, [v13, v11, v10]);
      const multi = shownDetails.splice(0)[0];
      shownMessages.length = 0;
      assert.ok(multi.includes(`gal/ubuntu/1.3.0: ${restorableNote(softDelete)}`), multi);
      assert.ok(multi.includes(`gal/ubuntu/1.0.0: ${restorableNote(softDelete)}`), multi);
      // The same version becomes latest as in the single Delete (the blocked 1.1.0 stays, 1.2.0 is not selected).
      assert.ok(multi.includes(latestSentence({ current: '1.3.0', next: '1.2.0' }, 'gal/ubuntu')), multi);
      assert.ok(multi.includes(listBlocked([{ name: 'gal/ubuntu/1.1.0', block }])), multi);

      // Clean Up of the versions older than 30 days: 1.2.0 and 1.0.0 go; 1.1.0 is kept, blocked until the same day.
      pickRules('Older than N days');
      inputAnswers.push('30');
      answers.push(undefined);
      await h.run('azureComputeGallery.cleanUpVersions', ubuntu);
      const cleanup = shownDetails.splice(0)[0];
      assert.ok(cleanup.startsWith(`warning: ${restoreSentence(softDelete, 2)}\n`), cleanup);
      assert.ok(previewText().includes(`2 of 4 versions to delete; ${restorableNote(softDelete)}.`), previewText());
      assert.ok(previewText().includes(`| ubuntu | 1.1.0 |`) && previewText().includes(blockedNote(block)), previewText());
      assert.deepEqual(writes(h), [], 'every confirmation was dismissed');
    });
  }
});
