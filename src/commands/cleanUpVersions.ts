/**
 * Clean Up Versions… (issue 11) on an image definition, or on a gallery across its definitions: choose rules, see a
 * read-only preview of every version (deleted by which rule, or kept and why: src/domain/cleanup.ts), confirm once,
 * then delete with the bulk runner (src/commands/deleteMany.ts). Nothing is sent to Azure before the confirmation;
 * the preview document gets the exact outcome appended afterwards. Clean-up deletes image versions only.
 */
import * as vscode from 'vscode';
import { withAbortSignal } from '../azure/abortSignal';
import { inertNotificationText } from '../azure/armError';
import { displayName, galleryId, imageDefinitionId, imageVersionId, kindLabel } from '../azure/armId';
import type { GalleryId, ImageDefinitionId } from '../azure/armId';
import type { AzureAccount } from '../azure/AzureAccount';
import { listAll, mapLimit } from '../azure/listAll';
import type { GalleryImage, GalleryImageVersion } from '../azure/services';
import { cleanupRulesProblem, planCleanup } from '../domain/cleanup';
import type { CleanupDecision, CleanupPlan, CleanupRule, CleanupRules, KeepReason } from '../domain/cleanup';
import { isSoftDeleteEnabled } from '../domain/deletionSafety';
import { resolveLatest } from '../domain/latest';
import type { ReportDocuments } from '../properties/ReportDocuments';
import type { GalleryTreeDataProvider } from '../tree/GalleryTreeDataProvider';
import type { TreeNode } from '../tree/TreeNode';
import { blockedNote, latestAfterDeletion, latestSentence, latestStaysSentence, restorableNote, restoreSentence, softDeleteOutcome } from './deleteConfirmation';
import { deleteWithProgress } from './deleteMany';
import type { BulkDeleteAccount, BulkDeleteItem } from './deleteMany';
import { resolveTarget } from './ResourceTarget';

const MAX_DAYS = 36_500;
const MAX_KEEP = 10_000;

type RuleKey = 'olderThan' | 'keepNewest' | 'pastEndOfLife' | 'excludedFromLatest';

/** Whole number in [min, max], or a message saying what is wanted. */
function wholeNumberProblem(value: string, min: number, max: number): string | undefined {
  const text = value.trim();
  if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max) {
    return vscode.l10n.t('Enter a whole number from {0} to {1}.', min, max);
  }
  return undefined;
}

/** Asks which rules apply (a multi-select quick pick) and the number each numeric rule needs; undefined = cancelled. */
export async function chooseRules(where: string): Promise<CleanupRules | undefined> {
  const items: Array<vscode.QuickPickItem & { key: RuleKey }> = [
    { key: 'olderThan', label: vscode.l10n.t('Older than N days'), description: vscode.l10n.t('by published date') },
    { key: 'keepNewest', label: vscode.l10n.t('Keep the newest N'), description: vscode.l10n.t('protects the N highest versions; alone, deletes the rest') },
    { key: 'pastEndOfLife', label: vscode.l10n.t('Past end of life') },
    { key: 'excludedFromLatest', label: vscode.l10n.t('Excluded from latest') },
  ];
  const picked = await vscode.window.showQuickPick(items, {
    canPickMany: true,
    title: vscode.l10n.t('Clean up versions of {0}', where),
    placeHolder: vscode.l10n.t('Choose the rules that select versions to delete (nothing is deleted before you confirm a preview)'),
    ignoreFocusOut: true,
  });
  if (!picked) {
    return undefined;
  }
  const keys = new Set(picked.map((p) => p.key));
  if (keys.size === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No rule chosen: nothing to clean up.'));
    return undefined;
  }
  let olderThanDays: number | undefined;
  let keepNewest: number | undefined;
  if (keys.has('olderThan')) {
    const value = await vscode.window.showInputBox({
      title: vscode.l10n.t('Older than N days'),
      prompt: vscode.l10n.t('Delete versions published more than this many days ago'),
      value: '90',
      ignoreFocusOut: true,
      validateInput: (v) => wholeNumberProblem(v, 0, MAX_DAYS),
    });
    if (value === undefined) {
      return undefined;
    }
    olderThanDays = Number(value.trim());
  }
  if (keys.has('keepNewest')) {
    const value = await vscode.window.showInputBox({
      title: vscode.l10n.t('Keep the newest N'),
      prompt: vscode.l10n.t('How many of the highest versions of each image definition to keep'),
      value: '3',
      ignoreFocusOut: true,
      validateInput: (v) => wholeNumberProblem(v, 1, MAX_KEEP),
    });
    if (value === undefined) {
      return undefined;
    }
    keepNewest = Number(value.trim());
  }
  const rules: CleanupRules = {
    ...(olderThanDays === undefined ? {} : { olderThanDays }),
    ...(keepNewest === undefined ? {} : { keepNewest }),
    ...(keys.has('pastEndOfLife') ? { pastEndOfLife: true } : {}),
    ...(keys.has('excludedFromLatest') ? { excludedFromLatest: true } : {}),
  };
  // The inputs were validated above; the domain rule is the one word on what is acceptable.
  const problem = cleanupRulesProblem(rules);
  if (problem) {
    throw new Error(vscode.l10n.t('These clean-up rules cannot be applied ({0}).', problem));
  }
  return rules;
}

interface DefinitionPlan {
  readonly definition: ImageDefinitionId;
  readonly plan: CleanupPlan<GalleryImageVersion>;
}

function ruleText(rule: CleanupRule, rules: CleanupRules): string {
  switch (rule) {
    case 'olderThan':
      return vscode.l10n.t('older than {0} days', rules.olderThanDays ?? 0);
    case 'pastEndOfLife':
      return vscode.l10n.t('past end of life');
    case 'excludedFromLatest':
      return vscode.l10n.t('excluded from latest');
    case 'beyondNewest':
      return vscode.l10n.t('not among the newest {0}', rules.keepNewest ?? 0);
  }
}

function keepText(reason: KeepReason, rules: CleanupRules): string {
  switch (reason.kind) {
    case 'latest':
      return vscode.l10n.t('it is `latest`');
    case 'blocked':
      return blockedNote(reason.block);
    case 'notSucceeded':
      return vscode.l10n.t('provisioning state is {0}', reason.state);
    case 'replicating':
      return vscode.l10n.t('still replicating');
    case 'keepNewest':
      return vscode.l10n.t('one of the newest {0} (#{1})', rules.keepNewest ?? reason.rank, reason.rank);
    case 'notSelected':
      return vscode.l10n.t('no rule selects it');
  }
}

/** A table cell: one line, no pipe (names from Azure are validated by ARM, but a cell must never break the table). */
function cell(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/\\/g, '\\\\').replace(/\|/g, '\\|');
}

function dateOnly(value: Date | string | undefined): string {
  if (value === undefined) {
    return '-';
  }
  const d = value instanceof Date ? value : new Date(value);
  return Number.isNaN(d.getTime()) ? '-' : d.toISOString().slice(0, 10);
}

function decisionRow(definition: string, d: CleanupDecision<GalleryImageVersion>, rules: CleanupRules, outcome?: string): string {
  const decision = d.decision === 'delete' ? vscode.l10n.t('delete') : vscode.l10n.t('keep');
  const reason =
    d.decision === 'delete'
      ? d.rules.map((r) => ruleText(r, rules)).join(', ')
      : d.reasons.map((r) => keepText(r, rules)).join('; ') + (d.rules.length > 0 && d.reasons.some((r) => r.kind !== 'notSelected') ? vscode.l10n.t(' (would match: {0})', d.rules.map((r) => ruleText(r, rules)).join(', ')) : '');
  const cells = [definition, d.name, dateOnly(d.version.publishingProfile?.publishedDate), outcome ?? decision, reason];
  return `| ${cells.map(cell).join(' | ')} |`;
}

function describeRules(rules: CleanupRules): string {
  const parts: string[] = [];
  if (rules.olderThanDays !== undefined) parts.push(vscode.l10n.t('older than {0} days', rules.olderThanDays));
  if (rules.keepNewest !== undefined) parts.push(vscode.l10n.t('keep the newest {0}', rules.keepNewest));
  if (rules.pastEndOfLife) parts.push(vscode.l10n.t('past end of life'));
  if (rules.excludedFromLatest) parts.push(vscode.l10n.t('excluded from latest'));
  return parts.join(', ');
}

/** The preview (and, with `outcomes`, the account) as a Markdown table. */
export function renderPreview(
  where: string,
  rules: CleanupRules,
  plans: readonly DefinitionPlan[],
  restorable: boolean,
  outcomes?: { readonly byId: ReadonlyMap<string, string>; readonly summary: string },
): string {
  const toDelete = plans.reduce((n, p) => n + p.plan.toDelete.length, 0);
  const total = plans.reduce((n, p) => n + p.plan.decisions.length, 0);
  const lines = [
    `# ${cell(outcomes ? vscode.l10n.t('Clean up of {0}: outcome', where) : vscode.l10n.t('Clean up of {0}: preview', where))}`,
    '',
    vscode.l10n.t('Rules: {0}.', describeRules(rules)),
    vscode.l10n.t('{0} of {1} versions to delete; {2}.', toDelete, total, restorableNote(restorable)),
    '',
  ];
  if (outcomes) {
    lines.push(cell(outcomes.summary), '');
  } else {
    lines.push(vscode.l10n.t('Nothing has been sent to Azure. Confirm in the dialog to delete.'), '');
  }
  const heading = [vscode.l10n.t('Definition'), vscode.l10n.t('Version'), vscode.l10n.t('Published'), outcomes ? vscode.l10n.t('Outcome') : vscode.l10n.t('Decision'), vscode.l10n.t('Reason')];
  lines.push(`| ${heading.join(' | ')} |`, `|${heading.map(() => '---').join('|')}|`);
  for (const { definition, plan } of plans) {
    for (const d of plan.decisions) {
      const id = imageVersionId(definition, d.name).id;
      lines.push(decisionRow(definition.imageDefinition, d, rules, d.decision === 'delete' ? outcomes?.byId.get(id) : undefined));
    }
  }
  if (plans.every((p) => p.plan.decisions.length === 0)) {
    lines.push(vscode.l10n.t('No image versions.'));
  }
  return `${lines.join('\n')}\n`;
}

function outcomeById(result: BulkDeleteAccount): Map<string, string> {
  const byId = new Map<string, string>();
  for (const item of result.deleted) byId.set(item.id.id, item.restorable ? vscode.l10n.t('deleted (restorable)') : vscode.l10n.t('deleted'));
  for (const f of result.failed) byId.set(f.item.id.id, vscode.l10n.t('failed: {0}', f.reason));
  for (const item of result.notAttempted) byId.set(item.id.id, vscode.l10n.t('not attempted (cancelled)'));
  return byId;
}

export async function cleanUpVersions(account: AzureAccount, tree: GalleryTreeDataProvider, log: vscode.LogOutputChannel, reports: ReportDocuments, node?: TreeNode): Promise<void> {
  const target = await resolveTarget(account, node, ['imageDefinition', 'gallery']);
  const id = target.armId;
  if (id.kind !== 'imageDefinition' && id.kind !== 'gallery') {
    return;
  }
  const where = `${kindLabel(id.kind)} ${displayName(id)}`;
  const rules = await chooseRules(where);
  if (!rules) {
    return;
  }
  const service = (await account.services()).galleryService(id.subscriptionId, target.tenantId);
  const gallery: GalleryId = id.kind === 'gallery' ? id : galleryId(id.subscriptionId, id.resourceGroup, id.gallery);
  const now = Date.now();

  // Reads only: the gallery (soft delete), its definitions, every page of their versions.
  const { plans, restorable } = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Listing the versions of {0}…', displayName(id)), cancellable: true },
    (_progress, token) =>
      withAbortSignal(token, async (signal) => {
        const soft = isSoftDeleteEnabled(await service.getGallery(gallery, { signal }));
        const definitions: GalleryImage[] =
          id.kind === 'gallery' ? await listAll((o) => service.listImageDefinitions(gallery, o), signal) : [await service.getImageDefinition(id, { signal })];
        const named = definitions.filter((d) => id.kind === 'imageDefinition' || (d.name ?? '') !== '');
        const planned = await mapLimit(named, 4, async (d): Promise<DefinitionPlan> => {
          const definition = id.kind === 'imageDefinition' ? id : imageDefinitionId(gallery, d.name ?? '');
          const versions = await listAll((o) => service.listImageVersions(definition, o), signal);
          return { definition, plan: planCleanup(versions, rules, now, d.endOfLifeDate === undefined ? {} : { definitionEndOfLifeDate: d.endOfLifeDate }) };
        });
        return { plans: planned, restorable: soft };
      }),
  );

  const title = vscode.l10n.t('Clean up {0}.md', displayName(id).replace(/\//g, '-'));
  const uri = await reports.open(title, renderPreview(where, rules, plans, restorable));
  const items: BulkDeleteItem[] = plans.flatMap(({ definition, plan }) =>
    // Oldest first within a definition, one by one.
    [...plan.toDelete].reverse().map((v) => ({ id: imageVersionId(definition, v.name ?? ''), tenantId: target.tenantId, restorable })),
  );
  if (items.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Nothing to delete in {0}: the rules select no version that can go. The preview says why each version is kept.', displayName(id)));
    return;
  }

  const detail: string[] = [restoreSentence(restorable, items.length)];
  for (const { definition, plan } of plans) {
    if (plan.toDelete.length === 0) continue;
    // The same rule as every delete confirmation (clean-up keeps `latest`, so this says where it stays).
    const going = new Set(plan.toDelete);
    const all = plan.decisions.map((d) => d.version);
    const change = latestAfterDeletion(all, (v) => going.has(v));
    detail.push(change ? latestSentence(change, displayName(definition)) : latestStaysSentence(displayName(definition), resolveLatest(all)?.name));
  }
  const kept = plans.reduce((n, p) => n + p.plan.decisions.length - p.plan.toDelete.length, 0);
  detail.push(vscode.l10n.t('{0} versions are kept; the preview lists each version and why.', kept));
  const ok = vscode.l10n.t('Delete {0} Versions', items.length);
  const answer = await vscode.window.showWarningMessage(
    inertNotificationText(vscode.l10n.t('Delete {0} versions from {1}?', items.length, where)),
    { modal: true, detail: inertNotificationText(detail.join('\n')) },
    ok,
  );
  if (answer !== ok) {
    return;
  }

  try {
    const result = await deleteWithProgress(account, tree, log, vscode.l10n.t('Cleaning up {0}', displayName(id)), items);
    const restored = result.deleted.filter((i) => i.restorable).length;
    const summary = [
      vscode.l10n.t('Deleted {0} of {1} versions; {2} failed; {3} not attempted after cancel.', result.deleted.length, items.length, result.failed.length, result.notAttempted.length),
      softDeleteOutcome({ restorable: restored, retained: [] }),
    ]
      .filter(Boolean)
      .join(' ');
    reports.update(uri, renderPreview(where, rules, plans, restorable, { byId: outcomeById(result), summary }));
    const text = inertNotificationText(vscode.l10n.t('Clean up of {0}: {1} The outcome is in the preview document.', displayName(id), summary));
    if (result.failed.length === 0 && result.notAttempted.length === 0) {
      void vscode.window.showInformationMessage(text);
    } else {
      void vscode.window.showWarningMessage(text);
    }
  } finally {
    tree.reload(target.node);
  }
}
