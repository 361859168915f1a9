/**
 * Soft delete of gallery image versions (GalleryRP `softDeletePolicy`, min API 2024-03-03) and the deletion safety of
 * versions (`safetyProfile.blockDeletionBeforeEndOfLife`).
 *
 * Microsoft's soft-delete article: a version deleted from a gallery whose `softDeletePolicy.isSoftDeleteEnabled` is true
 * stays in the gallery's soft-deleted list for 7 days (then it is purged) and can be restored with the documented PATCH
 * `{properties:{restore:true, storageProfile:{}}}`; "Deleting a gallery or image definition with Soft Deleted resources
 * isn't supported".
 *
 * The status codes and messages of the refusals below are not documented publicly (searched: azure-rest-api-specs
 * examples, azure-cli sig tests and issues, terraform-provider-azurerm): they are the emulator's choice, modelled on
 * ARM's usual codes — 409 `OperationNotAllowed` for an operation refused because of the resource's state, 409
 * `Conflict` for a name clash, 400 `InvalidParameter` for a request parameter that cannot apply. The extension shows
 * ARM's message whatever the code, so the messages say what to do next.
 */
import { ArmError, resourceNotFound } from '../errors';
import type { RequestContext } from '../http';
import { asString, getPath } from '../json';
import { typedName, type ParsedResourceId } from '../resourceIds';
import type { SoftDeletedResource, StoredResource } from '../store';

/** The gallery holding a version / definition (or the gallery itself). */
function galleryOf(ctx: RequestContext, stored: StoredResource): StoredResource | undefined {
    const galleryId = stored.parsed.names.length === 1 ? stored.body.id : `${stored.parsed.resourceGroupId}/providers/Microsoft.Compute/galleries/${stored.parsed.names[0]}`;
    return ctx.store.getResource(galleryId);
}

/** Whether the gallery of `stored` has `softDeletePolicy.isSoftDeleteEnabled: true`. */
export function softDeleteEnabled(ctx: RequestContext, stored: StoredResource): boolean {
    return getPath(galleryOf(ctx, stored)?.body.properties, 'softDeletePolicy.isSoftDeleteEnabled') === true;
}

function quotedNames(records: readonly SoftDeletedResource[]): string {
    return records
        .slice(0, 5)
        .map((r) => `'${r.parsed.names.slice(1).join('/')}'`)
        .join(', ');
}

/** 409 for a DELETE of a gallery or image definition that still holds soft-deleted versions. */
export function rejectDeleteWithSoftDeleted(ctx: RequestContext, stored: StoredResource, what: 'gallery' | 'gallery image'): void {
    const held = ctx.store.listSoftDeletedUnder(stored.body.id);
    if (held.length === 0) {
        return;
    }
    throw new ArmError(
        409,
        'OperationNotAllowed',
        `Deleting a ${what} with soft-deleted resources is not supported. The ${what} '${stored.body.name}' still holds ${held.length} soft-deleted image version(s), e.g. ${quotedNames(held)}. Restore them and delete them from a gallery without soft delete, or wait until they are purged (7 days after their deletion).`,
    );
}

/**
 * 409 for a DELETE of a version whose `safetyProfile.blockDeletionBeforeEndOfLife` is true and whose end-of-life date
 * is in the future or missing (the same rule as src/domain/deletionSafety.ts `deletionBlock`).
 */
export function rejectBlockedDeletion(ctx: RequestContext, stored: StoredResource): void {
    const properties = stored.body.properties;
    if (getPath(properties, 'safetyProfile.blockDeletionBeforeEndOfLife') !== true) {
        return;
    }
    const eol = asString(getPath(properties, 'publishingProfile.endOfLifeDate'));
    const eolMs = eol === undefined ? Number.NaN : Date.parse(eol);
    if (!Number.isNaN(eolMs) && eolMs <= ctx.now) {
        return;
    }
    const name = stored.body.name;
    const message = Number.isNaN(eolMs)
        ? `Gallery image version '${name}' cannot be deleted: 'safetyProfile.blockDeletionBeforeEndOfLife' is true and the version has no end of life date. Set 'blockDeletionBeforeEndOfLife' to false to delete it.`
        : `Gallery image version '${name}' cannot be deleted before its end of life date '${new Date(eolMs).toISOString()}' because 'safetyProfile.blockDeletionBeforeEndOfLife' is true. Wait until the end of life date, or set 'blockDeletionBeforeEndOfLife' to false to delete it now.`;
    throw new ArmError(409, 'OperationNotAllowed', message);
}

/** 409 for a PUT that would create a version whose name belongs to a soft-deleted version. */
export function rejectCreateOverSoftDeleted(ctx: RequestContext, versionId: string): void {
    const record = ctx.store.getSoftDeleted(versionId);
    if (!record) {
        return;
    }
    const [, definition, version] = record.parsed.names;
    throw new ArmError(
        409,
        'Conflict',
        `Gallery image version '${version}' of gallery image '${definition}' is soft-deleted. Restore it (PATCH with 'properties.restore' set to true) or choose another version name; the name is free again once the soft-deleted version is purged (7 days after its deletion).`,
        'galleryImageVersionName',
    );
}

/**
 * Takes a soft-deleted version out of the soft-deleted list for a restore, or throws: 400 for a live version (nothing
 * to restore), ARM's ordinary 404 when there is neither (never existed, or purged).
 */
export function takeForRestore(ctx: RequestContext, parsed: ParsedResourceId, live: StoredResource | undefined): SoftDeletedResource {
    if (live) {
        throw new ArmError(
            400,
            'InvalidParameter',
            `Gallery image version '${live.body.name}' is not soft-deleted, so it cannot be restored. 'properties.restore' applies only to a version listed in the gallery's soft-deleted resources.`,
            'galleryImageVersion.properties.restore',
        );
    }
    const record = ctx.store.takeSoftDeleted(parsed.id);
    if (!record) {
        throw resourceNotFound(typedName(parsed), parsed.resourceGroup);
    }
    return record;
}

/** The item of GET …/softDeletedArtifactTypes/Images/artifacts/{definition}/versions (SoftDeletedResource_ListByArtifactName). */
export function presentSoftDeleted(record: SoftDeletedResource): Record<string, unknown> {
    const [gallery, definition, version] = record.parsed.names;
    const galleryId = `${record.parsed.resourceGroupId}/providers/Microsoft.Compute/galleries/${gallery}`;
    return {
        name: version,
        id: `${galleryId}/softDeletedArtifactTypes/Images/artifacts/${definition}/versions/${version}`,
        type: 'Microsoft.Compute/galleries/softDeletedArtifactTypes/artifacts/versions',
        ...(record.body.location ? { location: record.body.location } : {}),
        properties: {
            resourceArmId: record.body.id,
            softDeletedTime: new Date(record.deletedAt).toISOString(),
            softDeletedArtifactType: 'Images',
        },
    };
}
