import * as vscode from 'vscode';
import type { AzureAccount } from '../azure/AzureAccount';
import type { TreeNode } from '../tree/TreeNode';
import { resolveTarget } from './ResourceTarget';
import { RESOURCE_SCHEME, resourceUri } from '../properties/ResourceDocumentProvider';
import type { ResourceDocumentProvider } from '../properties/ResourceDocumentProvider';

export async function showProperties(account: AzureAccount, node?: TreeNode): Promise<void> {
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
