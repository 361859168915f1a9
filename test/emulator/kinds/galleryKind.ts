/**
 * Microsoft.Compute/galleries (GalleryRP 2025-12-03).
 */
import { ArmError, invalidParameter } from '../errors';
import { clone, isObject, mergePatch, type JsonObject } from '../json';
import type { ArmResourceJson, StoredResource } from '../store';
import type { ResourceKind, WriteInput, WriteResult } from './ResourceKind';
import { rejectDeleteWithSoftDeleted } from './softDelete';
import { checkTags, propertiesOf, resolveLocation, withoutReadOnly } from './validation';

const TYPE = 'Microsoft.Compute/galleries';
const READ_ONLY = ['identifier', 'sharingStatus'];

const GALLERY_NAME = /^[^_\W][\w-._]{0,79}(?<![-.])$/;

function validateGalleryName(name: string): void {
    // The RP's message is stricter than the swagger pattern: underscores and periods only in the middle, no dashes.
    if (!GALLERY_NAME.test(name) || name.includes('-') || name.endsWith('_')) {
        throw invalidParameter(
            'Gallery name is invalid. Allowed characters are English alphanumeric characters, with underscores, and periods allowed in the middle, up to 80 characters total. All other special characters, including dashes, are disallowed.',
            'galleryName',
        );
    }
}

function build(input: WriteInput, properties: JsonObject, tags: Record<string, string> | undefined, location: string): WriteResult {
    const { ctx, parsed, existing } = input;
    // "The gallery name <n> is not unique within the subscription"
    const clash = ctx.store
        .listInSubscription(parsed.subscriptionId, TYPE)
        .find((g) => g.body.name.toLowerCase() === parsed.name.toLowerCase() && g.key !== existing?.key && g.key !== input.id.toLowerCase());
    if (clash) {
        throw new ArmError(409, 'Conflict', `The gallery name ${parsed.name} is not unique within the subscription ${parsed.subscriptionId}.`, 'galleryName');
    }
    if (properties.description !== undefined && typeof properties.description !== 'string') {
        throw invalidParameter("The value of parameter 'gallery.properties.description' must be a string.", 'gallery.properties.description');
    }
    const resource: ArmResourceJson = {
        id: input.id,
        name: existing?.body.name ?? parsed.name,
        type: TYPE,
        location,
        ...(tags ? { tags } : {}),
        properties: withoutReadOnly(properties, READ_ONLY),
    };
    return { resource };
}

export const galleryKind: ResourceKind = {
    type: TYPE,
    segment: 'galleries',
    nameParam: 'galleryName',
    bodyParam: 'gallery',
    namespace: 'Microsoft.Compute',
    listBySubscription: true,
    lroStyle: 'caps',
    validateName: validateGalleryName,
    beforeDelete(ctx, stored) {
        rejectDeleteWithSoftDeleted(ctx, stored, 'gallery');
    },
    buildPut(input) {
        const location = resolveLocation(input.body, input.existing, TYPE);
        return build(input, propertiesOf(input.body, 'gallery'), checkTags(input.body.tags), location);
    },
    buildPatch(input) {
        const existing = input.existing;
        const patch = propertiesOf(input.body, 'gallery');
        const merged = mergePatch(existing.body.properties, withoutReadOnly(patch, READ_ONLY));
        const tags = input.body.tags !== undefined ? checkTags(input.body.tags) : existing.body.tags;
        return build(input, isObject(merged) ? merged : {}, tags, existing.body.location ?? 'eastus');
    },
    present(stored: StoredResource): ArmResourceJson {
        const body = clone(stored.body);
        const identifier = isObject(body.properties.identifier) ? body.properties.identifier : {};
        identifier.uniqueName = `${stored.parsed.subscriptionId}-${stored.body.name.toUpperCase()}`;
        body.properties = { ...body.properties, identifier };
        return body;
    },
};
