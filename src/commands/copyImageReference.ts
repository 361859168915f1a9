import * as vscode from 'vscode';
import { parseIdOfKind } from '../azure/armId';
import type { AzureAccount } from '../azure/AzureAccount';
import type { TreeNode } from '../tree/TreeNode';
import { imageReferenceOf, referenceIdOf, SharedImageNode, SharedVersionNode } from '../tree/SharedGalleryNodes';
import { resolveTarget } from './ResourceTarget';

interface Format extends vscode.QuickPickItem {
  readonly text: string;
}

/**
 * A shared or community image (or version): `sharedGalleryImageId` / `communityGalleryImageId`, the ids a VM's
 * imageReference takes for them (an image's id without a version means its latest version).
 */
function sharedFormats(node: SharedImageNode | SharedVersionNode): Format[] {
  const image = node instanceof SharedVersionNode ? node.parent : node;
  const reference = (version?: string): string => JSON.stringify(imageReferenceOf(image.source, image.name, version), null, 2);
  const formats: Format[] = [];
  if (node instanceof SharedVersionNode) {
    formats.push({ label: vscode.l10n.t('This version ({0})', node.name), description: vscode.l10n.t('imageReference for a VM or ARM template'), text: reference(node.name) });
  }
  formats.push({ label: vscode.l10n.t('Latest version of {0}', image.name), description: vscode.l10n.t('imageReference through the image, resolved when the VM is created'), text: reference() });
  formats.push({
    label: vscode.l10n.t('Azure CLI --image argument'),
    description: vscode.l10n.t('az vm create --image …'),
    text: referenceIdOf(image.source, image.name, node instanceof SharedVersionNode ? node.name : undefined),
  });
  return formats;
}

/**
 * Copies how a VM or template refers to this image: this exact version, or `latest` through its definition; for a
 * shared or community image, through its shared or community id.
 */
export async function copyImageReference(account: AzureAccount, node?: TreeNode): Promise<void> {
  if (node instanceof SharedImageNode || node instanceof SharedVersionNode) {
    return copyChosen(sharedFormats(node));
  }
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
  return copyChosen(formats);
}

async function copyChosen(formats: readonly Format[]): Promise<void> {
  const chosen = formats.length === 1 ? formats[0] : await vscode.window.showQuickPick(formats, { title: vscode.l10n.t('Copy image reference'), placeHolder: vscode.l10n.t('What should the VM use?') });
  if (!chosen) {
    return;
  }
  await vscode.env.clipboard.writeText(chosen.text);
  void vscode.window.setStatusBarMessage(vscode.l10n.t('Image reference copied'), 3000);
}
