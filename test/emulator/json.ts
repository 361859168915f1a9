/** Small helpers for untyped JSON coming off the wire. */
export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function clone<T>(value: T): T {
    return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

/** Reads a nested property by path ('a.b.c'); undefined when any step is missing or not an object. */
export function getPath(root: unknown, dottedPath: string): unknown {
    let current: unknown = root;
    for (const part of dottedPath.split('.')) {
        if (!isObject(current)) {
            return undefined;
        }
        current = current[part];
    }
    return current;
}

export function asObject(value: unknown): JsonObject | undefined {
    return isObject(value) ? value : undefined;
}

export function asString(value: unknown): string | undefined {
    return typeof value === 'string' ? value : undefined;
}

export function asArray(value: unknown): unknown[] | undefined {
    return Array.isArray(value) ? value : undefined;
}

/** RFC 7396 JSON merge patch (null deletes, objects merge, everything else replaces). */
export function mergePatch(target: unknown, patch: unknown): unknown {
    if (!isObject(patch)) {
        return clone(patch);
    }
    const result: JsonObject = isObject(target) ? clone(target) : {};
    for (const [key, value] of Object.entries(patch)) {
        if (value === null) {
            delete result[key];
        } else {
            result[key] = mergePatch(result[key], value);
        }
    }
    return result;
}

/** A value as it should appear inside an error message. */
export function describeValue(value: unknown): string {
    return typeof value === 'string' ? value : (JSON.stringify(value) ?? 'undefined');
}

/** Tags must be a string→string map. */
export function asTags(value: unknown): Record<string, string> | undefined {
    if (!isObject(value)) {
        return undefined;
    }
    const tags: Record<string, string> = {};
    for (const [k, v] of Object.entries(value)) {
        tags[k] = typeof v === 'string' ? v : JSON.stringify(v);
    }
    return tags;
}
