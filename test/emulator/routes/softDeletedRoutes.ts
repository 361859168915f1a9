/**
 * GET …/galleries/{galleryName}/softDeletedArtifactTypes/{artifactType}/artifacts/{artifactName}/versions
 * (GalleryRP SoftDeletedResource_ListByArtifactName): the soft-deleted versions of one image definition, paged like
 * every list. `artifactType` is the enum `SoftDeletedArtifactTypes` ("Images"), matched case-insensitively.
 */
import { invalidEnumValue, parentResourceNotFound } from '../errors';
import type { ArmResponse, RequestContext } from '../http';
import { presentSoftDeleted } from '../kinds/softDelete';
import { pagedResponse } from '../paging';
import { resourceGroupId } from '../resourceIds';
import type { RouteParams, Router } from '../router';
import { requireResourceGroup } from '../scope';

const TEMPLATE =
    '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Compute/galleries/{galleryName}/softDeletedArtifactTypes/{artifactType}/artifacts/{artifactName}/versions';

function listByArtifactName(ctx: RequestContext, params: RouteParams): ArmResponse {
    const group = requireResourceGroup(ctx, params.subscriptionId, params.resourceGroupName);
    if (params.artifactType.toLowerCase() !== 'images') {
        throw invalidEnumValue('artifactType', params.artifactType, ['Images']);
    }
    const galleryId = `${resourceGroupId(group.subscriptionId, group.name)}/providers/Microsoft.Compute/galleries/${params.galleryName}`;
    const gallery = ctx.store.getResource(galleryId);
    if (!gallery) {
        throw parentResourceNotFound(params.galleryName);
    }
    // A definition that does not exist (or holds nothing soft-deleted) has an empty list.
    const items = ctx.store.listSoftDeleted(`${gallery.body.id}/images/${params.artifactName}`);
    return pagedResponse(ctx, items, presentSoftDeleted);
}

export function registerSoftDeletedRoutes(router: Router): void {
    router.add('GET', TEMPLATE, listByArtifactName);
}
