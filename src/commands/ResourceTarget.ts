import type { ComputeResourceId, ArmResourceKind } from '../azure/armId';
import type { AzureAccount } from '../azure/AzureAccount';
import { resourceContext } from '../tree/resourceContext';
import type { TreeNode } from '../tree/TreeNode';
import { pickResource } from './pickResource';

/** What a resource command acts on: from the tree node it was started on, or picked in the palette. */
export interface ResourceTarget {
  readonly armId: ComputeResourceId;
  readonly tenantId: string | undefined;
  readonly node: TreeNode | undefined;
}

export async function resolveTarget(account: AzureAccount, node: TreeNode | undefined, kinds: readonly ArmResourceKind[]): Promise<ResourceTarget> {
  const context = resourceContext(node);
  if (context?.resource && kinds.includes(context.resource.kind)) {
    return { armId: context.resource, tenantId: context.tenantId, node };
  }
  const picked = await pickResource(account, kinds);
  return { ...picked, node: undefined };
}
