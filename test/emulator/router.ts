/**
 * Router: maps `METHOD /literal/{param}/…` templates to handlers. Literal segments match case-insensitively
 * (ARM paths are case-insensitive); parameters are URL-decoded.
 */
import type { ArmResponse, RequestContext } from './http';

export type RouteParams = Readonly<Record<string, string>>;
export type Handler = (ctx: RequestContext, params: RouteParams) => ArmResponse | Promise<ArmResponse>;

interface Route {
    methods: Set<string>;
    segments: { literal?: string; param?: string }[];
    handler: Handler;
}

export type RouteMatch =
    | { kind: 'matched'; handler: Handler; params: RouteParams }
    | { kind: 'methodNotAllowed'; allowed: string[] }
    | { kind: 'notFound' };

export function splitPath(path: string): string[] {
    return path.split('/').filter((s) => s !== '');
}

export class Router {
    private readonly routes: Route[] = [];

    add(methods: string | string[], template: string, handler: Handler): this {
        const segments = splitPath(template).map((segment) => {
            const param = /^\{(\w+)\}$/.exec(segment);
            return param ? { param: param[1] } : { literal: segment.toLowerCase() };
        });
        this.routes.push({
            methods: new Set((Array.isArray(methods) ? methods : [methods]).map((m) => m.toUpperCase())),
            segments,
            handler,
        });
        return this;
    }

    match(method: string, path: string): RouteMatch {
        const parts = splitPath(path);
        const allowed: string[] = [];
        for (const route of this.routes) {
            const params = matchSegments(route, parts);
            if (!params) {
                continue;
            }
            if (route.methods.has(method.toUpperCase())) {
                return { kind: 'matched', handler: route.handler, params };
            }
            allowed.push(...route.methods);
        }
        return allowed.length > 0 ? { kind: 'methodNotAllowed', allowed } : { kind: 'notFound' };
    }
}

function matchSegments(route: Route, parts: string[]): Record<string, string> | undefined {
    if (route.segments.length !== parts.length) {
        return undefined;
    }
    const params: Record<string, string> = {};
    for (let i = 0; i < parts.length; i++) {
        const segment = route.segments[i];
        if (segment.literal !== undefined) {
            if (segment.literal !== parts[i].toLowerCase()) {
                return undefined;
            }
        } else if (segment.param !== undefined) {
            params[segment.param] = safeDecode(parts[i]);
        }
    }
    return params;
}

function safeDecode(segment: string): string {
    try {
        return decodeURIComponent(segment);
    } catch {
        return segment;
    }
}
