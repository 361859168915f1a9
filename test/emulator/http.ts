/**
 * Request/response shapes shared by the router and the route modules.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { ArmError, invalidRequestContent } from './errors';
import { isObject, type JsonObject } from './json';
import type { OperationTracker } from './operations';
import type { EmulatorStore } from './store';

export interface ArmRequest {
    method: string;
    /** URL path as sent (percent-encoded), without a trailing slash ('/' for the root). */
    path: string;
    query: URLSearchParams;
    /** The query string as sent, without '?'. */
    rawQuery: string;
    headers: IncomingHttpHeaders;
    body: string;
    /** Scheme + host + port of this server, no trailing slash: 'https://127.0.0.1:43121'. */
    baseUrl: string;
    requestId: string;
    correlationId: string;
}

export interface ArmResponse {
    status: number;
    /** Serialised as JSON unless `rawBody` is given. */
    body?: unknown;
    rawBody?: string;
    headers?: Record<string, string>;
}

/** The caller, as established from the bearer token. */
export interface Principal {
    tenantId: string;
    objectId: string;
    upn: string;
}

/** Resolved emulator options that route modules need. */
export interface EmulatorSettings {
    pageSize: number;
    lroDelayMs: number;
    replicationMsPerRegion: number;
    retryAfterSeconds: number;
    staleChildCacheMs: number;
}

export interface RequestContext {
    req: ArmRequest;
    store: EmulatorStore;
    operations: OperationTracker;
    settings: EmulatorSettings;
    /** Set for authenticated ARM routes. */
    principal?: Principal;
    /** A failLro fault matched this request: the LRO it starts must end Failed. */
    failLro: boolean;
    now: number;
}

export function jsonResponse(status: number, body: unknown, headers?: Record<string, string>): ArmResponse {
    return headers ? { status, body, headers } : { status, body };
}

export function emptyResponse(status: number, headers?: Record<string, string>): ArmResponse {
    return headers ? { status, headers } : { status };
}

export function errorResponse(error: ArmError): ArmResponse {
    return { status: error.status, body: error.toBody(), headers: { ...error.headers } };
}

/** The request body as a JSON object; 400 InvalidRequestContent when absent or malformed. */
export function readJsonObject(req: ArmRequest): JsonObject {
    if (req.body.trim() === '') {
        throw invalidRequestContent('The request body is empty.');
    }
    let parsed: unknown;
    try {
        parsed = JSON.parse(req.body);
    } catch (err) {
        throw invalidRequestContent(err instanceof Error ? err.message : String(err));
    }
    if (!isObject(parsed)) {
        throw invalidRequestContent('The request body must be a JSON object.');
    }
    return parsed;
}

/** The api-version the client asked for (validated earlier in the pipeline). */
export function apiVersionOf(req: ArmRequest): string {
    return req.query.get('api-version') ?? '';
}

export function isArmError(err: unknown): err is ArmError {
    return err instanceof ArmError;
}
