import * as vscode from 'vscode';
import { parseIdOfKind } from '../azure/armId';
import type { AzureAccount } from '../azure/AzureAccount';
import type { TreeNode } from '../tree/TreeNode';
import { resolveTarget } from './ResourceTarget';

interface Format extends vscode.QuickPickItem {
  readonly text: string;
}

/** Copies how a VM or template refers to this image: this exact version, or `latest` through its definition. */
export async function copyImageReference(account: AzureAccount, node?: TreeNode): Promise<void> {
  const target = await resolveTarget(account, node, ['imageVersion', 'imageDefinition', 'managedImage']);
  const id = target.armId;
  const definitionId = id.kind === 'imageVersion' ? id.id.slice(0, id.id.toLowerCase().lastIndexOf('/versions/')) : id.id;
  const formats: Format[] = [];
  const reference = (refId: string): string => JSON.stringify({ imageReference: { id: refId } }, null, 2);
  if (id.kind === 'imageVersion') {
    formats.push({ label: vscode.l10n.t('This version ({0})', id.version), description: vscode.l10n.t('imageReference for a VM or ARM template'), text: reference(id.id) });
  }
  if (id.kind !== 'managedImage') {
    const def = parseIdOfKind(definitionId, 'imageDefinition');
    formats.push({ label: vscode.l10n.t('Latest version of {0}', def.imageDefinition), description: vscode.l10n.t('imageReference through the definition, resolved when the VM is created'), text: reference(definitionId) });
    formats.push({ label: vscode.l10n.t('Azure CLI --image argument'), description: vscode.l10n.t('az vm create --image …'), text: id.id });
  } else {
    formats.push({ label: vscode.l10n.t('Managed image'), description: vscode.l10n.t('imageReference for a VM or ARM template'), text: reference(id.id) });
  }
  const chosen = formats.length === 1 ? formats[0] : await vscode.window.showQuickPick(formats, { title: vscode.l10n.t('Copy image reference'), placeHolder: vscode.l10n.t('What should the VM use?') });
  if (!chosen) {
    return;
  }
  await vscode.env.clipboard.writeText(chosen.text);
  void vscode.window.setStatusBarMessage(vscode.l10n.t('Image reference copied'), 3000);
}
