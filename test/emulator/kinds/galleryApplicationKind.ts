/**
 * Microsoft.Compute/galleries/applications — VM application definitions (GalleryRP 2025-12-03, GalleryApplication.tsp;
 * models.tsp `GalleryApplicationProperties`). A gallery holds them next to its image definitions; a gallery with
 * applications left, like one with definitions, answers 409 CannotDeleteResource (routes/resourceRoutes.ts).
 * Unlike the other kinds, an application shows no `provisioningState`: its model has none.
 */
import { invalidParameter, requiredParameter } from '../errors';
import { asArray, asObject, clone, isObject, mergePatch, type JsonObject } from '../json';
import type { ArmResourceJson } from '../store';
import { galleryKind } from './galleryKind';
import { OS_TYPES } from './galleryImageKind';
import type { ResourceKind, WriteInput, WriteResult } from './ResourceKind';
import {
    checkEnum,
    checkFutureDate,
    checkTags,
    optionalString,
    propertiesOf,
    rejectImmutableChanges,
    requireString,
    resolveLocation,
    validateEntityName,
    withoutReadOnly,
} from './validation';

const TYPE = 'Microsoft.Compute/galleries/applications';
const P = 'galleryApplication.properties';

export const CUSTOM_ACTION_PARAMETER_TYPES = ['String', 'ConfigurationDataBlob', 'LogOutputBlob'] as const;

/**
 * `customActions` of an application or an application version (GalleryApplicationCustomAction): each has a `name`
 * unique in the list and a `script`; parameters have unique names and a known `type`.
 */
export function checkCustomActions(value: unknown, target: string): void {
    if (value === undefined || value === null) {
        return;
    }
    const actions = asArray(value);
    if (!actions) {
        throw invalidParameter(`The value of parameter '${target}' must be an array.`, target);
    }
    const names = new Set<string>();
    actions.forEach((item, index) => {
        const at = `${target}[${index}]`;
        const action = asObject(item);
        if (!action) {
            throw invalidParameter(`The value of parameter '${at}' must be an object.`, at);
        }
        const name = requireString(action, 'name', `${at}.name`);
        requireString(action, 'script', `${at}.script`);
        optionalString(action, 'description', `${at}.description`);
        if (names.has(name.toLowerCase())) {
            throw invalidParameter(`The custom action name '${name}' is used more than once. Custom action names must be unique.`, `${at}.name`);
        }
        names.add(name.toLowerCase());
        const parameters = action.parameters === undefined || action.parameters === null ? [] : asArray(action.parameters);
        if (!parameters) {
            throw invalidParameter(`The value of parameter '${at}.parameters' must be an array.`, `${at}.parameters`);
        }
        const parameterNames = new Set<string>();
        parameters.forEach((p, i) => {
            const pt = `${at}.parameters[${i}]`;
            const parameter = asObject(p);
            if (!parameter) {
                throw requiredParameter(`${pt}.name`);
            }
            const parameterName = requireString(parameter, 'name', `${pt}.name`);
            if (parameterNames.has(parameterName.toLowerCase())) {
                throw invalidParameter(`The parameter name '${parameterName}' of custom action '${name}' is used more than once.`, `${pt}.name`);
            }
            parameterNames.add(parameterName.toLowerCase());
            if (parameter.type !== undefined) {
                parameter.type = checkEnum(parameter.type, CUSTOM_ACTION_PARAMETER_TYPES, `${pt}.type`);
            }
            if (parameter.required !== undefined && typeof parameter.required !== 'boolean') {
                throw invalidParameter(`The value of parameter '${pt}.required' must be a boolean.`, `${pt}.required`);
            }
        });
    });
}

function build(input: WriteInput, raw: JsonObject, tags: Record<string, string> | undefined, location: string): WriteResult {
    const { ctx, parsed, existing } = input;
    const properties = withoutReadOnly(raw, []);
    properties.supportedOSType = checkEnum(requireString(properties, 'supportedOSType', `${P}.supportedOSType`), OS_TYPES, `${P}.supportedOSType`);
    for (const key of ['description', 'eula', 'privacyStatementUri', 'releaseNoteUri']) {
        optionalString(properties, key, `${P}.${key}`);
    }
    checkFutureDate(properties.endOfLifeDate, existing?.body.properties.endOfLifeDate, ctx.now, `${P}.endOfLifeDate`);
    checkCustomActions(properties.customActions, `${P}.customActions`);
    if (existing) {
        rejectImmutableChanges(existing.body.properties, properties, ['supportedOSType'], 'galleryApplication');
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

export const galleryApplicationKind: ResourceKind = {
    type: TYPE,
    segment: 'applications',
    nameParam: 'galleryApplicationName',
    bodyParam: 'galleryApplication',
    namespace: 'Microsoft.Compute',
    parent: galleryKind,
    listBySubscription: false,
    lroStyle: 'caps',
    // GalleryApplication.tsp gives no pattern; the RP applies the rule of image definitions (letters, digits, '-', '_',
    // '.', up to 80, starting with a letter or digit and not ending with '-' or '.').
    validateName: (name) => validateEntityName(name, 'galleryApplicationName'),
    buildPut(input) {
        const location = resolveLocation(input.body, input.existing, TYPE);
        return build(input, propertiesOf(input.body, 'galleryApplication'), checkTags(input.body.tags), location);
    },
    buildPatch(input) {
        const existing = input.existing;
        const merged = mergePatch(existing.body.properties, withoutReadOnly(propertiesOf(input.body, 'galleryApplication'), []));
        const tags = input.body.tags !== undefined ? checkTags(input.body.tags) : existing.body.tags;
        return build(input, isObject(merged) ? merged : {}, tags, existing.body.location ?? 'eastus');
    },
    present(stored) {
        // GalleryApplicationProperties has no provisioningState (the TypeSpec suppresses arm-resource-provisioning-state,
        // and no example shows one): the state of a write is only in its Azure-AsyncOperation.
        const body = clone(stored.body);
        delete body.properties.provisioningState;
        return body;
    },
};
