import type { ComputeResourceId } from '../azure/armId';
import type { TreeNode } from './TreeNode';

/**
 * What a command or a form learns from the row it was started on, without knowing the node classes:
 * the subscription (and its tenant), the resource the row is, and where a child created there goes.
 */
export interface ResourceContext {
  readonly subscriptionId: string;
  /** undefined only when the row's tenant is not known (then the account's home tenant is used). */
  readonly tenantId: string | undefined;
  /** The resource the row shows; undefined for a subscription or its "Managed images" folder. */
  readonly resource?: ComputeResourceId;
  /** The gallery the row is or is in. */
  readonly galleryId?: string;
  /** The image definition the row is or is in. */
  readonly definitionId?: string;
  /** The region of that gallery or definition: where a child created here is expected to go. */
  readonly location?: string;
}

/** The context of `node` (undefined from the palette, and for message rows). */
export function resourceContext(node: TreeNode | undefined): ResourceContext | undefined {
  return node?.resourceContext?.();
}
