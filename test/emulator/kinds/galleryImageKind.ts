/**
 * Microsoft.Compute/galleries/images — gallery image definitions (GalleryRP 2025-12-03).
 */
import { ArmError, invalidParameter } from '../errors';
import { asObject, clone, isObject, mergePatch, type JsonObject } from '../json';
import type { ArmResourceJson } from '../store';
import { galleryKind } from './galleryKind';
import type { ResourceKind, WriteInput, WriteResult } from './ResourceKind';
import { rejectDeleteWithSoftDeleted } from './softDelete';
import {
    checkEnum,
    checkFutureDate,
    checkTags,
    propertiesOf,
    rejectImmutableChanges,
    requireObject,
    requireString,
    resolveLocation,
    validateEntityName,
    withoutReadOnly,
} from './validation';

const TYPE = 'Microsoft.Compute/galleries/images';
const P = 'galleryImage.properties';

export const OS_TYPES = ['Windows', 'Linux'] as const;
export const OS_STATES = ['Generalized', 'Specialized'] as const;
export const HYPERV_GENERATIONS = ['V1', 'V2'] as const;
export const ARCHITECTURES = ['x64', 'Arm64'] as const;

/** identifier.publisher ≤128, offer/sku ≤64; letters, digits, '-', '.', '_'; must not end with '.'. */
function checkIdentifierPart(value: string, field: 'publisher' | 'offer' | 'sku'): void {
    const max = field === 'publisher' ? 128 : 64;
    if (value.length > max || !/^[A-Za-z0-9._-]+$/.test(value) || value.endsWith('.')) {
        throw invalidParameter(
            `The value '${value}' of '${field}' is invalid. It can contain only letters, numbers, hyphens, underscores and periods, must not end with a period and can be at most ${max} characters long.`,
            `${P}.identifier.${field}`,
        );
    }
}

function checkRecommended(properties: JsonObject): void {
    const recommended = asObject(properties.recommended);
    if (!recommended) {
        return;
    }
    for (const dimension of ['vCPUs', 'memory']) {
        const range = asObject(recommended[dimension]);
        const min = range?.min;
        const max = range?.max;
        if (typeof min === 'number' && typeof max === 'number' && min > max) {
            throw invalidParameter(
                `The minimum value of ${dimension} must not be greater than the maximum value of ${dimension}.`,
                `${P}.recommended.${dimension}`,
            );
        }
    }
}

const IMMUTABLE_DEFAULTS: Readonly<Record<string, string>> = { hyperVGeneration: 'V1', architecture: 'x64' };
const IMMUTABLE = ['osType', 'osState', 'hyperVGeneration', 'architecture', 'identifier.publisher', 'identifier.offer', 'identifier.sku'];

function build(input: WriteInput, raw: JsonObject, tags: Record<string, string> | undefined, location: string): WriteResult {
    const { ctx, parsed, existing, parent } = input;
    const properties = withoutReadOnly(raw, []);
    properties.osType = checkEnum(requireString(properties, 'osType', `${P}.osType`), OS_TYPES, `${P}.osType`);
    properties.osState = checkEnum(requireString(properties, 'osState', `${P}.osState`), OS_STATES, `${P}.osState`);
    properties.hyperVGeneration =
        properties.hyperVGeneration === undefined ? 'V1' : checkEnum(properties.hyperVGeneration, HYPERV_GENERATIONS, `${P}.hyperVGeneration`);
    if (properties.architecture !== undefined) {
        properties.architecture = checkEnum(properties.architecture, ARCHITECTURES, `${P}.architecture`);
    }
    const identifier = requireObject(properties, 'identifier', `${P}.identifier`);
    const publisher = requireString(identifier, 'publisher', `${P}.identifier.publisher`);
    const offer = requireString(identifier, 'offer', `${P}.identifier.offer`);
    const sku = requireString(identifier, 'sku', `${P}.identifier.sku`);
    checkIdentifierPart(publisher, 'publisher');
    checkIdentifierPart(offer, 'offer');
    checkIdentifierPart(sku, 'sku');
    checkRecommended(properties);
    checkFutureDate(properties.endOfLifeDate, existing?.body.properties.endOfLifeDate, ctx.now, `${P}.endOfLifeDate`);

    if (existing) {
        rejectImmutableChanges(existing.body.properties, properties, IMMUTABLE, 'galleryImage', IMMUTABLE_DEFAULTS);
    }
    if (parent) {
        const key = `${publisher}|${offer}|${sku}`.toLowerCase();
        const clash = ctx.store.listChildren(parent.body.id, TYPE).find((def) => {
            if (def.key === input.id.toLowerCase()) return false;
            const id = asObject(def.body.properties.identifier);
            return `${String(id?.publisher)}|${String(id?.offer)}|${String(id?.sku)}`.toLowerCase() === key;
        });
        if (clash) {
            throw new ArmError(
                409,
                'Conflict',
                `Gallery image: ${clash.body.name} identified by (publisher:${publisher}, offer:${offer}, sku:${sku}) already exists.`,
                `${P}.identifier`,
            );
        }
    }
    const resource: ArmResourceJson = {
        id: input.id,
        name: existing?.body.name ?? parsed.name,
        type: TYPE,
        location,
        ...(tags ? { tags } : {}),
        properties,
    };
    return { resource };
}

export const galleryImageKind: ResourceKind = {
    type: TYPE,
    segment: 'images',
    nameParam: 'galleryImageName',
    bodyParam: 'galleryImage',
    namespace: 'Microsoft.Compute',
    parent: galleryKind,
    listBySubscription: false,
    lroStyle: 'caps',
    validateName: (name) => validateEntityName(name, 'galleryImageName'),
    beforeDelete(ctx, stored) {
        rejectDeleteWithSoftDeleted(ctx, stored, 'gallery image');
    },
    buildPut(input) {
        const location = resolveLocation(input.body, input.existing, TYPE);
        return build(input, propertiesOf(input.body, 'galleryImage'), checkTags(input.body.tags), location);
    },
    buildPatch(input) {
        const existing = input.existing;
        const merged = mergePatch(existing.body.properties, withoutReadOnly(propertiesOf(input.body, 'galleryImage'), []));
        const tags = input.body.tags !== undefined ? checkTags(input.body.tags) : existing.body.tags;
        return build(input, isObject(merged) ? merged : {}, tags, existing.body.location ?? 'eastus');
    },
    present: (stored) => clone(stored.body),
};
