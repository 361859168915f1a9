/**
 * Compare (issue 11): VS Code's diff editor on two image versions' JSON as ARM returns it, keys sorted, in read-only
 * documents (the properties documents with `sorted=1`, src/properties/ResourceDocumentProvider.ts). The lower version
 * is on the left, so the diff reads from older to newer.
 */
import * as vscode from 'vscode';
import { withAbortSignal } from '../azure/abortSignal';
import { displayName, galleryId, imageDefinitionId, imageVersionId } from '../azure/armId';
import type { ImageVersionId } from '../azure/armId';
import type { AzureAccount } from '../azure/AzureAccount';
import { listAll } from '../azure/listAll';
import { compareVersionNames } from '../domain/versions';
import { resourceUri } from '../properties/ResourceDocumentProvider';
import { resourceContext } from '../tree/resourceContext';
import type { TreeNode } from '../tree/TreeNode';
import { resolveTarget } from './ResourceTarget';

interface VersionRef {
  readonly id: ImageVersionId;
  readonly tenantId: string | undefined;
}

function sameDefinition(a: ImageVersionId, b: ImageVersionId): boolean {
  return (
    a.subscriptionId.toLowerCase() === b.subscriptionId.toLowerCase() &&
    a.resourceGroup.toLowerCase() === b.resourceGroup.toLowerCase() &&
    a.gallery.toLowerCase() === b.gallery.toLowerCase() &&
    a.imageDefinition.toLowerCase() === b.imageDefinition.toLowerCase()
  );
}

/** "1.2.0 ↔ 1.3.0 (ubuntu)", or full names when the versions are of different definitions. */
export function diffTitle(left: ImageVersionId, right: ImageVersionId): string {
  return sameDefinition(left, right) ? `${left.version} ↔ ${right.version} (${left.imageDefinition})` : `${displayName(left)} ↔ ${displayName(right)}`;
}

/** Opens the diff: lower version left, higher right. */
export async function openVersionDiff(a: VersionRef, b: VersionRef): Promise<void> {
  const [left, right] = compareVersionNames(a.id.version, b.id.version) <= 0 ? [a, b] : [b, a];
  await vscode.commands.executeCommand('vscode.diff', resourceUri(left.id, left.tenantId, true), resourceUri(right.id, right.tenantId, true), diffTitle(left.id, right.id), {
    preview: true,
  });
}

function dateOnly(value: Date | string | undefined): string | undefined {
  if (value === undefined) {
    return undefined;
  }
  const d = value instanceof Date ? value : new Date(value);
  return Number.isNaN(d.getTime()) ? undefined : vscode.l10n.t('published {0}', d.toISOString().slice(0, 10));
}

/** Compare with…: picks another version of the same definition (newest first, with its published date). */
export async function compareWith(account: AzureAccount, node?: TreeNode): Promise<void> {
  const target = await resolveTarget(account, node, ['imageVersion']);
  const id = target.armId;
  if (id.kind !== 'imageVersion') {
    return;
  }
  const definition = imageDefinitionId(galleryId(id.subscriptionId, id.resourceGroup, id.gallery), id.imageDefinition);
  const service = (await account.services()).galleryService(id.subscriptionId, target.tenantId);
  const versions = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Listing the versions of {0}…', displayName(definition)), cancellable: true },
    (_p, token) => withAbortSignal(token, (signal) => listAll((o) => service.listImageVersions(definition, o), signal)),
  );
  const others = versions
    .filter((v): v is typeof v & { name: string } => typeof v.name === 'string' && v.name !== '' && v.name.toLowerCase() !== id.version.toLowerCase())
    .sort((x, y) => compareVersionNames(y.name, x.name));
  if (others.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('{0} has no other version to compare {1} with.', displayName(definition), id.version));
    return;
  }
  const picked = await vscode.window.showQuickPick(
    others.map((v) => ({ label: v.name, description: dateOnly(v.publishingProfile?.publishedDate) })),
    { title: vscode.l10n.t('Compare {0} with…', displayName(id)), placeHolder: vscode.l10n.t('Choose another version of {0}', id.imageDefinition), matchOnDescription: true },
  );
  if (!picked) {
    return;
  }
  await openVersionDiff({ id, tenantId: target.tenantId }, { id: imageVersionId(definition, picked.label), tenantId: target.tenantId });
}

/** Compare Selected: exactly two image versions selected in the tree. */
export async function compareSelected(nodes: readonly TreeNode[]): Promise<void> {
  const refs: VersionRef[] = [];
  for (const node of nodes) {
    const context = resourceContext(node);
    if (context?.resource?.kind === 'imageVersion') {
      refs.push({ id: context.resource, tenantId: context.tenantId });
    }
  }
  if (refs.length !== 2 || nodes.length !== 2) {
    throw new Error(vscode.l10n.t('Select exactly two image versions to compare (you selected {0} items).', nodes.length));
  }
  await openVersionDiff(refs[0], refs[1]);
}
