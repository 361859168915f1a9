import type { FormValues } from '../webview/forms/formTypes';
import { GalleryNode } from '../tree/GalleryNode';
import { ImageDefinitionNode } from '../tree/ImageDefinitionNode';
import { SubscriptionNode } from '../tree/SubscriptionNode';
import type { TreeNode } from '../tree/TreeNode';
import { tenantOf } from './resourceNodes';

/** The subscription a tree node belongs to, for prefilling a form. */
export function subscriptionOf(node: TreeNode | undefined): string | undefined {
  for (let n = node; n; n = n.parent) {
    if (n instanceof SubscriptionNode) {
      return n.subscriptionId;
    }
  }
  return undefined;
}

export interface FormStart {
  readonly values: FormValues;
  readonly tenantId?: string;
}

/** Prefilled values from the node a create command was started on (nothing from the palette). */
export function formStart(node: TreeNode | undefined): FormStart {
  const subscriptionId = subscriptionOf(node);
  const tenantId = tenantOf(node);
  const values: Record<string, string> = {};
  if (subscriptionId) {
    values.subscriptionId = subscriptionId;
  }
  for (let n = node; n; n = n.parent) {
    if (n instanceof GalleryNode) {
      values.galleryId ??= n.armId.id;
      values.location ??= n.gallery.location ?? '';
    }
    if (n instanceof ImageDefinitionNode) {
      values.definitionId ??= n.armId.id;
      values.galleryId ??= n.armId.id.split('/').slice(0, -2).join('/');
      values.location ??= n.definition.location ?? '';
    }
  }
  return { values, ...(tenantId ? { tenantId } : {}) };
}
