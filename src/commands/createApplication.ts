import type { TreeNode } from '../tree/TreeNode';
import type { FormLauncher } from '../webview/FormLauncher';
import { formStart } from './formTargets';

/** Opens the VM application form; started on a gallery or its "VM applications" folder, the gallery is filled in. */
export function createApplication(forms: FormLauncher, node?: TreeNode): Promise<void> {
  const { values, tenantId } = formStart(node);
  return forms.show({ kind: 'application', mode: 'create', values, ...(tenantId ? { tenantId } : {}) });
}
