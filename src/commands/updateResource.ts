import type { AzureAccount } from '../azure/AzureAccount';
import type { TreeNode } from '../tree/TreeNode';
import type { FormLauncher } from '../webview/FormLauncher';
import { resolveTarget } from './ResourceTarget';

/** "Edit…": opens the form of the resource in update mode (what Azure lets change is editable, the rest locked). */
export async function updateResource(account: AzureAccount, forms: FormLauncher, node?: TreeNode): Promise<void> {
  const target = await resolveTarget(account, node, ['gallery', 'imageDefinition', 'imageVersion', 'managedImage']);
  await forms.show({ kind: target.armId.kind, mode: 'update', targetId: target.armId.id, ...(target.tenantId ? { tenantId: target.tenantId } : {}) });
}
