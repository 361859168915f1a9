/**
 * Validation helpers shared by the resource kinds (ARM / Compute RP error codes and wording).
 */
import { ArmError, invalidEnumValue, invalidParameter, propertyChangeNotAllowed, requiredParameter } from '../errors';
import { asObject, describeValue, getPath, isObject, type JsonObject } from '../json';
import { findRegion, REGIONS } from '../regions';
import type { StoredResource } from '../store';

/** Swagger pattern for gallery, gallery image and managed image names. */
export const ENTITY_NAME_PATTERN = /^[^_\W][\w-._]{0,79}(?<![-.])$/;
export const ENTITY_NAME_RULE = '^[^_\\W][\\w-._]{0,79}(?<![-.])$';

export function validateEntityName(name: string, target: string): void {
    if (!ENTITY_NAME_PATTERN.test(name)) {
        throw invalidParameter(`The entity name '${name}' is invalid according to its validation rule: ${ENTITY_NAME_RULE}.`, target);
    }
}

/** Returns the canonical spelling of an enum value (ARM enums are case-insensitive). */
export function checkEnum(value: unknown, allowed: readonly string[], target: string): string {
    if (typeof value !== 'string') {
        throw invalidEnumValue(target, value, allowed);
    }
    const match = allowed.find((a) => a.toLowerCase() === value.toLowerCase());
    if (!match) {
        throw invalidEnumValue(target, value, allowed);
    }
    return match;
}

export function requireString(root: JsonObject, dottedPath: string, target: string): string {
    const value = getPath(root, dottedPath);
    if (value === undefined || value === null || value === '') {
        throw requiredParameter(target);
    }
    if (typeof value !== 'string') {
        throw invalidParameter(`The value of parameter '${target}' must be a string.`, target);
    }
    return value;
}

export function requireObject(root: JsonObject, dottedPath: string, target: string): JsonObject {
    const value = getPath(root, dottedPath);
    if (value === undefined || value === null) {
        throw requiredParameter(target);
    }
    const obj = asObject(value);
    if (!obj) {
        throw invalidParameter(`The value of parameter '${target}' must be an object.`, target);
    }
    return obj;
}

/** `location` of a tracked resource: required on create, must be a known region, cannot change. */
export function resolveLocation(body: JsonObject, existing: StoredResource | undefined, type: string): string {
    const given = body.location;
    if (given === undefined || given === null || given === '') {
        if (existing?.body.location) {
            return existing.body.location;
        }
        throw new ArmError(400, 'LocationRequired', 'The location property is required for this definition.', 'location');
    }
    if (typeof given !== 'string' || !findRegion(given)) {
        throw new ArmError(
            400,
            'LocationNotAvailableForResourceType',
            `The provided location '${describeValue(given)}' is not available for resource type '${type}'. List of available regions for the resource type is '${REGIONS.map((r) => r.name).join(',')}'.`,
            'location',
        );
    }
    if (existing?.body.location && findRegion(existing.body.location)?.name !== findRegion(given)?.name) {
        throw new ArmError(
            400,
            'InvalidResourceLocation',
            `The resource '${existing.body.name}' already exists in location '${existing.body.location}' in resource group '${existing.parsed.resourceGroup}'. A resource with the same name cannot be created in location '${given}'. Please select a new resource name.`,
            'location',
        );
    }
    return given;
}

/** `properties` must be an object when present. */
export function propertiesOf(body: JsonObject, bodyParam: string): JsonObject {
    const value = body.properties;
    if (value === undefined || value === null) {
        return {};
    }
    if (!isObject(value)) {
        throw invalidParameter(`The value of parameter '${bodyParam}.properties' must be an object.`, `${bodyParam}.properties`);
    }
    return value;
}

export function checkTags(value: unknown): Record<string, string> | undefined {
    if (value === undefined || value === null) {
        return undefined;
    }
    if (!isObject(value)) {
        throw new ArmError(400, 'InvalidTagFormat', 'The tags must be a JSON object of string names and string values.', 'tags');
    }
    const tags: Record<string, string> = {};
    for (const [k, v] of Object.entries(value)) {
        if (typeof v !== 'string') {
            throw new ArmError(400, 'InvalidTagFormat', `The value of tag '${k}' must be a string.`, 'tags');
        }
        if (k.length > 512 || v.length > 256) {
            throw new ArmError(400, 'InvalidTagNameOrValue', `The tag name '${k}' or its value exceeds the allowed length.`, 'tags');
        }
        tags[k] = v;
    }
    if (Object.keys(tags).length > 50) {
        throw new ArmError(400, 'InvalidTagCount', 'The number of tags on a resource may not exceed 50.', 'tags');
    }
    return tags;
}

/** Removes read-only properties a client may echo back from a GET. */
export function withoutReadOnly(properties: JsonObject, readOnly: readonly string[]): JsonObject {
    const copy: JsonObject = { ...properties };
    for (const key of ['provisioningState', ...readOnly]) {
        delete copy[key];
    }
    return copy;
}

/** ISO date in the future (or unchanged from `previous`). */
export function checkFutureDate(value: unknown, previous: unknown, now: number, target: string): void {
    if (value === undefined || value === null || value === previous) {
        return;
    }
    const ms = typeof value === 'string' ? Date.parse(value) : Number.NaN;
    if (Number.isNaN(ms)) {
        throw invalidParameter(`The value '${describeValue(value)}' of parameter '${target}' is not a valid date-time.`, target);
    }
    if (ms <= now) {
        throw invalidParameter('EndOfLifeDate must be set to a future date.', target);
    }
}

/** Optional string property: absent, or a string of at most `max` characters (ARM's "limited to N characters"). */
export function optionalString(root: JsonObject, key: string, target: string, max?: number): string | undefined {
    const value = root[key];
    if (value === undefined || value === null) {
        return undefined;
    }
    if (typeof value !== 'string') {
        throw invalidParameter(`The value of parameter '${target}' must be a string.`, target);
    }
    checkLength(value, target, max);
    return value;
}

/** A string at most `max` characters long (the value itself is not repeated in the message: it may be long or secret). */
export function checkLength(value: string, target: string, max: number | undefined): void {
    if (max !== undefined && value.length > max) {
        throw invalidParameter(`The value of parameter '${target}' is ${value.length} characters long; it is limited to ${max} characters.`, target);
    }
}

/**
 * Properties that cannot change after create (`PropertyChangeNotAllowed` "Changing property '<bodyParam>.properties.<path>'
 * is not allowed."). Values compare without case (ARM enums); a missing value counts as its default.
 */
export function rejectImmutableChanges(
    before: JsonObject,
    after: JsonObject,
    paths: readonly string[],
    bodyParam: string,
    defaults: Readonly<Record<string, string>> = {},
): void {
    for (const path of paths) {
        const old = getPath(before, path) ?? defaults[path];
        const now = getPath(after, path) ?? defaults[path];
        const same = typeof old === 'string' && typeof now === 'string' ? old.toLowerCase() === now.toLowerCase() : old === now;
        if (old !== undefined && !same) {
            throw propertyChangeNotAllowed(`${bodyParam}.properties.${path}`);
        }
    }
}
