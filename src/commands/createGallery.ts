import type { TreeNode } from '../tree/TreeNode';
import type { FormLauncher } from '../webview/FormLauncher';
import { formStart } from './formTargets';

/** Opens the gallery form; started on a subscription, the subscription is filled in. */
export function createGallery(forms: FormLauncher, node?: TreeNode): Promise<void> {
  const { values, tenantId } = formStart(node);
  return forms.show({ kind: 'gallery', mode: 'create', values: { subscriptionId: values.subscriptionId ?? '', resourceGroupMode: 'existing' }, ...(tenantId ? { tenantId } : {}) });
}
