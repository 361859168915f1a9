/**
 * ResourceKind: everything type-specific about one ARM resource type (URL shape, validation, defaults,
 * computed read-only fields). The generic CRUD/LRO/list behaviour lives in routes/resourceRoutes.ts.
 */
import type { RequestContext } from '../http';
import type { JsonObject } from '../json';
import type { OperationStyle } from '../operations';
import type { ParsedResourceId } from '../resourceIds';
import type { ArmResourceJson, RegionReplication, StoredResource } from '../store';

export interface WriteInput {
    ctx: RequestContext;
    /** Canonical id of the resource being written. */
    id: string;
    parsed: ParsedResourceId;
    /** Request body (PUT: the full resource; PATCH: the update). */
    body: JsonObject;
    existing?: StoredResource;
    parent?: StoredResource;
}

export interface WriteResult {
    /** The resource to store; provisioningState is set by the caller. */
    resource: ArmResourceJson;
    /** Replication timeline (image versions). */
    replication?: RegionReplication[];
    /** How long the LRO takes beyond the base lroDelayMs (e.g. replication), in ms from now. */
    durationMs?: number;
}

export interface PresentOptions {
    now: number;
    /** `$expand` query value, if any. */
    expand?: string;
    /** `$select` query value, if any (galleries: `Permissions`). */
    select?: string;
}

export interface ResourceKind {
    /** ARM type, e.g. 'Microsoft.Compute/galleries/images'. */
    type: string;
    /** Collection segment in URLs, e.g. 'images'. */
    segment: string;
    /** Route parameter name, e.g. 'galleryImageName' (also the error target for name validation). */
    nameParam: string;
    /** Body parameter name used in error targets, e.g. 'galleryImage'. */
    bodyParam: string;
    /** Provider namespace of a top-level kind, e.g. 'Microsoft.Compute'. */
    namespace: string;
    parent?: ResourceKind;
    /** Offers GET /subscriptions/{sub}/providers/{ns}/{segment}. */
    listBySubscription: boolean;
    /** LRO pattern for writes; undefined for read-only kinds. */
    lroStyle?: OperationStyle;
    validateName?(name: string): void;
    buildPut?(input: WriteInput): WriteResult;
    buildPatch?(input: WriteInput & { existing: StoredResource }): WriteResult;
    /** Extra checks before a DELETE is accepted. */
    beforeDelete?(ctx: RequestContext, stored: StoredResource): void;
    /** What an accepted DELETE ends in (default 'Deleted'; image versions in a gallery with soft delete: 'SoftDeleted'). */
    deleteOutcome?(ctx: RequestContext, stored: StoredResource): 'Deleted' | 'SoftDeleted';
    /**
     * A PATCH with `properties.restore: true` (GalleryImageVersion_Update_RestoreSoftDeleted): brings a soft-deleted
     * resource back. Throws the ARM error when there is nothing to restore.
     */
    buildRestore?(input: WriteInput): WriteResult;
    /** The resource as a GET returns it (adds computed read-only fields). */
    present(stored: StoredResource, options: PresentOptions): ArmResourceJson;
}

/** Chain from the outermost kind to `kind`. */
export function kindChain(kind: ResourceKind): ResourceKind[] {
    const chain: ResourceKind[] = [];
    for (let k: ResourceKind | undefined = kind; k; k = k.parent) {
        chain.unshift(k);
    }
    return chain;
}
