import type { ComputeResourceId, ArmResourceKind } from '../azure/armId';
import type { AzureAccount } from '../azure/AzureAccount';
import type { TreeNode } from '../tree/TreeNode';
import { isResourceNode, tenantOf } from './resourceNodes';
import { pickResource } from './pickResource';

/** What a resource command acts on: from the tree node it was started on, or picked in the palette. */
export interface ResourceTarget {
  readonly armId: ComputeResourceId;
  readonly tenantId: string | undefined;
  readonly node: TreeNode | undefined;
}

export async function resolveTarget(account: AzureAccount, node: TreeNode | undefined, kinds: readonly ArmResourceKind[]): Promise<ResourceTarget> {
  if (isResourceNode(node) && kinds.includes(node.armId.kind)) {
    return { armId: node.armId, tenantId: tenantOf(node), node };
  }
  const picked = await pickResource(account, kinds);
  return { ...picked, node: undefined };
}
