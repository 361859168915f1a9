import * as vscode from 'vscode';
import { displayName, kindLabel } from '../azure/armId';
import type { AzureAccount } from '../azure/AzureAccount';
import type { TreeNode } from '../tree/TreeNode';
import type { FormLauncher } from '../webview/FormLauncher';
import { isFormKind } from '../webview/protocol';
import { resolveTarget } from './ResourceTarget';

/** "Edit…": opens the form of the resource in update mode (what Azure lets change is editable, the rest locked). */
export async function updateResource(account: AzureAccount, forms: FormLauncher, node?: TreeNode): Promise<void> {
  const target = await resolveTarget(account, node, ['gallery', 'imageDefinition', 'imageVersion', 'application', 'applicationVersion', 'managedImage']);
  const kind = target.armId.kind;
  if (!isFormKind(kind)) {
    // resolveTarget only hands out the kinds above, each of which has a form.
    throw new Error(vscode.l10n.t('{0} "{1}" has no edit form.', kindLabel(kind), displayName(target.armId)));
  }
  await forms.show({ kind, mode: 'update', targetId: target.armId.id, ...(target.tenantId ? { tenantId: target.tenantId } : {}) });
}
