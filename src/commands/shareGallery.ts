import type { AzureAccount } from '../azure/AzureAccount';
import type { TreeNode } from '../tree/TreeNode';
import type { FormLauncher } from '../webview/FormLauncher';
import { resolveTarget } from './ResourceTarget';

/** "Share…" on a gallery: the Share form (who the gallery is shared with: Private, subscriptions and tenants, Community). */
export async function shareGallery(account: AzureAccount, forms: FormLauncher, node?: TreeNode): Promise<void> {
  const target = await resolveTarget(account, node, ['gallery']);
  await forms.show({ kind: 'gallerySharing', mode: 'update', targetId: target.armId.id, ...(target.tenantId ? { tenantId: target.tenantId } : {}) });
}
