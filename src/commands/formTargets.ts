import type { FormValues } from '../webview/forms/formTypes';
import { resourceContext } from '../tree/resourceContext';
import type { TreeNode } from '../tree/TreeNode';

export interface FormStart {
  readonly values: FormValues;
  readonly tenantId?: string;
}

/**
 * Prefilled values from the node a create command was started on (nothing from the palette): its subscription,
 * and the gallery or definition it is or is in, with that resource's location.
 */
export function formStart(node: TreeNode | undefined): FormStart {
  const context = resourceContext(node);
  if (!context) {
    return { values: {} };
  }
  const values: Record<string, string> = { subscriptionId: context.subscriptionId };
  if (context.galleryId) {
    values.galleryId = context.galleryId;
    values.location = context.location ?? '';
  }
  if (context.definitionId) {
    values.definitionId = context.definitionId;
  }
  return { values, ...(context.tenantId ? { tenantId: context.tenantId } : {}) };
}
