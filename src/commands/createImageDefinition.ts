import type { TreeNode } from '../tree/TreeNode';
import type { FormLauncher } from '../webview/FormLauncher';
import { formStart } from './formTargets';

/** Opens the image definition form; started on a gallery, the gallery (and its location) is filled in. */
export function createImageDefinition(forms: FormLauncher, node?: TreeNode): Promise<void> {
  const { values, tenantId } = formStart(node);
  return forms.show({ kind: 'imageDefinition', mode: 'create', values, ...(tenantId ? { tenantId } : {}) });
}
