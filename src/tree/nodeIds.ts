/**
 * The ids of the tree's rows (TreeItem.id, and the keys the tree finds rows by). The one place they are
 * made: the nodes use these, and so do the forms when they show "Creating…" under a list and refresh it.
 * Ids are lower case because ARM ids are case-insensitive and expansion must survive a refresh.
 */
import { applicationId, galleryId, imageDefinitionId } from '../azure/armId';
import type { ComputeResourceId } from '../azure/armId';

/** A resource's row: its lower-cased ARM id. */
export function resourceNodeId(armId: string): string {
  return armId.toLowerCase();
}

export function subscriptionNodeId(subscriptionId: string): string {
  return `/subscriptions/${subscriptionId}`.toLowerCase();
}

/** The "Managed images" folder of a subscription. */
export function managedImagesNodeId(subscriptionId: string): string {
  return `${subscriptionNodeId(subscriptionId)}/managedimages`;
}

/** The "Shared with me" folder of a subscription (issue 13). */
export function sharedWithMeNodeId(subscriptionId: string): string {
  return `${subscriptionNodeId(subscriptionId)}/sharedwithme`;
}

/**
 * The "VM applications" folder of a gallery: the gallery's id and `/applications` (ARM's collection path, which no
 * resource's own id equals), so refreshing the folder also lets the watcher follow the application versions under it again.
 */
export function applicationsNodeId(gallery: string): string {
  return `${resourceNodeId(gallery)}/applications`;
}

/** The row a resource is listed under: its subscription, gallery, definition, "VM applications", application or "Managed images". */
export function listNodeIdOf(id: ComputeResourceId): string {
  switch (id.kind) {
    case 'gallery':
      return subscriptionNodeId(id.subscriptionId);
    case 'imageDefinition':
      return resourceNodeId(galleryId(id.subscriptionId, id.resourceGroup, id.gallery).id);
    case 'imageVersion':
      return resourceNodeId(imageDefinitionId(galleryId(id.subscriptionId, id.resourceGroup, id.gallery), id.imageDefinition).id);
    case 'application':
      return applicationsNodeId(galleryId(id.subscriptionId, id.resourceGroup, id.gallery).id);
    case 'applicationVersion':
      return resourceNodeId(applicationId(galleryId(id.subscriptionId, id.resourceGroup, id.gallery), id.application).id);
    case 'managedImage':
      return managedImagesNodeId(id.subscriptionId);
  }
}
