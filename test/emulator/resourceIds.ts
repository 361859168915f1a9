/**
 * Resource id parsing/formatting: `/subscriptions/{sub}/resourceGroups/{rg}/providers/{ns}/{type}/{name}[/{type}/{name}]*`.
 * Matching is case-insensitive (keys are lower-cased ids); returned ids keep their stored casing.
 */
export interface ParsedResourceId {
    /** The id as given (trailing slash removed). */
    id: string;
    subscriptionId: string;
    resourceGroup: string;
    namespace: string;
    /** Full type, e.g. 'Microsoft.Compute/galleries/images'. */
    type: string;
    /** Names from the outermost to the innermost resource. */
    names: string[];
    name: string;
    /** Id of the enclosing resource, or undefined for a top-level resource. */
    parentId?: string;
    /** `/subscriptions/{sub}/resourceGroups/{rg}` as given. */
    resourceGroupId: string;
}

const ID_PATTERN = /^\/subscriptions\/([^/]+)\/resourcegroups\/([^/]+)\/providers\/([^/]+)\/(.+)$/i;

export function parseResourceId(id: string): ParsedResourceId | undefined {
    const trimmed = id.replace(/\/+$/, '');
    const match = ID_PATTERN.exec(trimmed);
    if (!match) {
        return undefined;
    }
    const [, subscriptionId, resourceGroup, namespace, rest] = match;
    const parts = rest.split('/');
    if (parts.length % 2 !== 0 || parts.some((p) => p === '')) {
        return undefined;
    }
    const types: string[] = [];
    const names: string[] = [];
    for (let i = 0; i < parts.length; i += 2) {
        types.push(parts[i]);
        names.push(decodeURIComponent(parts[i + 1]));
    }
    const parentId = parts.length > 2 ? trimmed.slice(0, trimmed.length - parts.slice(-2).join('/').length - 1) : undefined;
    return {
        id: trimmed,
        subscriptionId,
        resourceGroup,
        namespace,
        type: `${namespace}/${types.join('/')}`,
        names,
        name: names[names.length - 1],
        parentId,
        resourceGroupId: `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}`,
    };
}

export function resourceKey(id: string): string {
    return id.replace(/\/+$/, '').toLowerCase();
}

export function resourceGroupId(subscriptionId: string, resourceGroup: string): string {
    return `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}`;
}

/** 'West US' / 'westus' / 'West-US' → 'westus' (ARM ignores whitespace and capitalisation in regions). */
export function normalizeLocation(location: string): string {
    return location.replace(/[\s_-]/g, '').toLowerCase();
}

/** Type + names in the `Microsoft.Compute/galleries/g/images/i` form used in ARM messages. */
export function typedName(parsed: ParsedResourceId): string {
    const typeSegments = parsed.type.split('/').slice(1);
    const pieces = typeSegments.map((t, i) => `${t}/${parsed.names[i]}`);
    return `${parsed.namespace}/${pieces.join('/')}`;
}
