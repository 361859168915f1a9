import * as vscode from 'vscode';
import { withAbortSignal } from '../azure/abortSignal';
import type { AzureAccount } from '../azure/AzureAccount';
import type { ReportDocuments } from '../properties/ReportDocuments';
import { readSharedItem, SharedGalleryNode, SharedImageNode, SharedVersionNode } from '../tree/SharedGalleryNodes';
import type { TreeNode } from '../tree/TreeNode';
import { resolveTarget } from './ResourceTarget';
import { RESOURCE_SCHEME, resourceUri } from '../properties/ResourceDocumentProvider';
import type { ResourceDocumentProvider } from '../properties/ResourceDocumentProvider';

/**
 * A shared or community gallery, image or version, read again from Azure and shown read-only (a report document: these
 * have no ARM resource id for the properties provider).
 */
async function showSharedProperties(account: AzureAccount, reports: ReportDocuments, node: SharedGalleryNode | SharedImageNode | SharedVersionNode): Promise<void> {
  const image = node instanceof SharedVersionNode ? node.parent : node instanceof SharedImageNode ? node : undefined;
  const gallery = image ? image.parent : (node as SharedGalleryNode);
  const version = node instanceof SharedVersionNode ? node.name : undefined;
  const service = (await account.services()).galleryService(gallery.subscriptionId, gallery.tenantId);
  const name = [gallery.label, image?.name, version].filter(Boolean).join('-');
  const item = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Reading {0}…', name) }, (_p, token) =>
    withAbortSignal(token, (signal) => readSharedItem(service, gallery.source, image?.name, version, signal)),
  );
  await reports.open(`${name}.json`, `${JSON.stringify(item, null, 2)}\n`);
}

export async function showProperties(account: AzureAccount, node?: TreeNode, reports?: ReportDocuments): Promise<void> {
  if (reports && (node instanceof SharedGalleryNode || node instanceof SharedImageNode || node instanceof SharedVersionNode)) {
    return showSharedProperties(account, reports, node);
  }
  const target = await resolveTarget(account, node, ['gallery', 'imageDefinition', 'imageVersion', 'application', 'applicationVersion', 'managedImage']);
  const doc = await vscode.workspace.openTextDocument(resourceUri(target.armId, target.tenantId));
  await vscode.languages.setTextDocumentLanguage(doc, 'json');
  await vscode.window.showTextDocument(doc, { preview: true });
}

export function refreshProperties(provider: ResourceDocumentProvider, uri?: vscode.Uri): void {
  const target = uri ?? vscode.window.activeTextEditor?.document.uri;
  if (!target || target.scheme !== RESOURCE_SCHEME) {
    throw new Error(vscode.l10n.t('Open a resource\'s properties first (right-click it in the Compute Gallery view → Show Properties).'));
  }
  provider.refresh(target);
}
