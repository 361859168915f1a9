import { GalleryNode } from '../tree/GalleryNode';
import { ImageDefinitionNode } from '../tree/ImageDefinitionNode';
import { ImageVersionNode } from '../tree/ImageVersionNode';
import { ManagedImageNode } from '../tree/ManagedImageNode';
import { SubscriptionNode } from '../tree/SubscriptionNode';
import type { TreeNode } from '../tree/TreeNode';

export type ResourceNode = GalleryNode | ImageDefinitionNode | ImageVersionNode | ManagedImageNode;

export function isResourceNode(node: TreeNode | undefined): node is ResourceNode {
  return node instanceof GalleryNode || node instanceof ImageDefinitionNode || node instanceof ImageVersionNode || node instanceof ManagedImageNode;
}

/** The tenant a node's subscription belongs to, found by walking up to its subscription. */
export function tenantOf(node: TreeNode | undefined): string | undefined {
  for (let n = node; n; n = n.parent) {
    if (n instanceof SubscriptionNode) {
      return n.tenantId;
    }
  }
  return undefined;
}
