import type { TreeNode } from '../tree/TreeNode';
import type { FormLauncher } from '../webview/FormLauncher';
import { formStart } from './formTargets';

/** Opens the image version form; started on a definition, the definition (and its location) is filled in. */
export function createImageVersion(forms: FormLauncher, node?: TreeNode): Promise<void> {
  const { values, tenantId } = formStart(node);
  return forms.show({ kind: 'imageVersion', mode: 'create', values, ...(tenantId ? { tenantId } : {}) });
}
