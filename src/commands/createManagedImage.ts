import type { TreeNode } from '../tree/TreeNode';
import type { FormLauncher } from '../webview/FormLauncher';
import { formStart } from './formTargets';

/** Opens the managed image form; started on a subscription (or its "Managed images"), the subscription is filled in. */
export function createManagedImage(forms: FormLauncher, node?: TreeNode): Promise<void> {
  const { values, tenantId } = formStart(node);
  return forms.show({ kind: 'managedImage', mode: 'create', values: { subscriptionId: values.subscriptionId ?? '', resourceGroupMode: 'existing' }, ...(tenantId ? { tenantId } : {}) });
}
