import type { TreeNode } from '../tree/TreeNode';
import type { FormLauncher } from '../webview/FormLauncher';
import { formStart } from './formTargets';

/** Opens the VM application version form; started on an application, the application (and its location) is filled in. */
export function createApplicationVersion(forms: FormLauncher, node?: TreeNode): Promise<void> {
  const { values, tenantId } = formStart(node);
  return forms.show({ kind: 'applicationVersion', mode: 'create', values, ...(tenantId ? { tenantId } : {}) });
}
