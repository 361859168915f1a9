import { applicationId, galleryId } from '../azure/armId';
import type { FormValues } from '../webview/forms/formTypes';
import { resourceContext } from '../tree/resourceContext';
import type { TreeNode } from '../tree/TreeNode';

export interface FormStart {
  readonly values: FormValues;
  readonly tenantId?: string;
}

/**
 * Prefilled values from the node a create command was started on (nothing from the palette): its subscription,
 * and the gallery, image definition or VM application it is or is in, with that resource's location.
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
  // A VM application row (or one of its versions): the application a new version goes in.
  const resource = context.resource;
  if (resource?.kind === 'application' || resource?.kind === 'applicationVersion') {
    values.applicationId = applicationId(galleryId(resource.subscriptionId, resource.resourceGroup, resource.gallery), resource.application).id;
  }
  return { values, ...(context.tenantId ? { tenantId: context.tenantId } : {}) };
}
