/**
 * The per-request pipeline: admin routes → record → faults → metadata (anonymous) → authentication →
 * api-version → ARM routes, then the common ARM response headers.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RecordedRequest } from './ArmEmulator';
import { authenticate, expiredTokenError } from './auth';
import { ArmError } from './errors';
import { throttleError, unavailableError, type FaultDecision, type FaultEngine } from './faults';
import { errorResponse, type ArmRequest, type ArmResponse, type EmulatorSettings, type RequestContext } from './http';
import type { OperationTracker } from './operations';
import type { RateLimiter } from './rateLimits';
import type { Router } from './router';
import type { EmulatorStore } from './store';

export interface PipelineDeps {
    store: EmulatorStore;
    operations: OperationTracker;
    settings: EmulatorSettings;
    faults: FaultEngine;
    rateLimiter: RateLimiter;
    armRouter: Router;
    anonymousRouter: Router;
    adminRouter: Router;
    /** Normalised accepted token audiences. */
    audiences: ReadonlySet<string>;
    requests: RecordedRequest[];
    /** Used when a request carries no Host header. */
    fallbackBaseUrl: string;
    log?: (line: string) => void;
}

const MAX_BODY_BYTES = 32 * 1024 * 1024;
const API_VERSION = /^\d{4}-\d{2}-\d{2}(-[A-Za-z]+)?$/;

function readBody(req: IncomingMessage): Promise<string> {
    return new Promise((resolve, reject) => {
        const chunks: Buffer[] = [];
        let size = 0;
        req.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size > MAX_BODY_BYTES) {
                reject(new ArmError(413, 'RequestEntityTooLarge', 'The request body is too large.'));
                req.destroy();
                return;
            }
            chunks.push(chunk);
        });
        req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        req.on('error', reject);
    });
}

function sleep(ms: number): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, ms));
}

function toArmRequest(req: IncomingMessage, body: string, fallbackBaseUrl: string): ArmRequest {
    const url = new URL(req.url ?? '/', 'https://emulator.invalid');
    const path = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') : url.pathname;
    const host = req.headers.host;
    const correlation = req.headers['x-ms-correlation-request-id'];
    return {
        method: (req.method ?? 'GET').toUpperCase(),
        path,
        query: url.searchParams,
        rawQuery: url.search.replace(/^\?/, ''),
        headers: req.headers,
        body,
        baseUrl: host ? `https://${host}` : fallbackBaseUrl,
        requestId: randomUUID(),
        correlationId: typeof correlation === 'string' && correlation !== '' ? correlation : randomUUID(),
    };
}

function internalError(err: unknown): ArmResponse {
    const message = err instanceof Error ? err.message : String(err);
    return errorResponse(new ArmError(500, 'InternalServerError', `The emulator failed to process the request: ${message}`));
}

export function createRequestHandler(deps: PipelineDeps): (req: IncomingMessage, res: ServerResponse) => void {
    function context(req: ArmRequest, decision: FaultDecision): RequestContext {
        return {
            req,
            store: deps.store,
            operations: deps.operations,
            settings: deps.settings,
            failLro: decision.failLro,
            now: Date.now(),
        };
    }

    async function route(router: Router, ctx: RequestContext): Promise<ArmResponse | undefined> {
        const match = router.match(ctx.req.method, ctx.req.path);
        switch (match.kind) {
            case 'matched':
                return match.handler(ctx, match.params);
            case 'methodNotAllowed':
                throw new ArmError(405, 'MethodNotAllowed', `The requested resource does not support http method '${ctx.req.method}'.`);
            case 'notFound':
                return undefined;
        }
    }

    async function dispatchArm(ctx: RequestContext): Promise<ArmResponse> {
        try {
            const anonymous = await route(deps.anonymousRouter, ctx);
            if (anonymous) {
                return anonymous;
            }
            ctx.principal = authenticate(ctx.req, deps.audiences, deps.store, ctx.now);
            const apiVersion = ctx.req.query.get('api-version');
            if (apiVersion === null || apiVersion === '') {
                throw new ArmError(400, 'MissingApiVersionParameter', 'The api-version query parameter (?api-version=) is required for all requests.');
            }
            if (!API_VERSION.test(apiVersion)) {
                throw new ArmError(
                    400,
                    'InvalidApiVersionParameter',
                    `The api-version '${apiVersion}' is invalid. The supported format is 'YYYY-MM-DD' or 'YYYY-MM-DD-preview'.`,
                );
            }
            const response = await route(deps.armRouter, ctx);
            if (response) {
                return response;
            }
            const provider = /\/providers\/([^/]+)\/([^/]+)/i.exec(ctx.req.path);
            throw provider
                ? new ArmError(
                      404,
                      'InvalidResourceType',
                      `The resource type '${provider[2]}' could not be found in the namespace '${provider[1]}' for api version '${apiVersion}'.`,
                  )
                : new ArmError(404, 'NotFound', `No HTTP resource was found that matches the request URI '${ctx.req.path}'.`);
        } catch (err) {
            return err instanceof ArmError ? errorResponse(err) : internalError(err);
        }
    }

    function terminalFault(decision: FaultDecision, req: ArmRequest, now: number): ArmResponse | undefined {
        const rule = decision.terminal;
        switch (rule?.kind) {
            case 'throttle':
                return errorResponse(throttleError(req.method, req.path, rule.retryAfterSeconds ?? 1, now));
            case 'unavailable':
                return errorResponse(unavailableError(rule.retryAfterSeconds ?? 1));
            case 'unauthorized':
                return errorResponse(expiredTokenError(now - 60_000, now));
            default:
                return undefined;
        }
    }

    function armHeaders(req: ArmRequest, ctx: RequestContext | undefined, now: number): Record<string, string> {
        const headers: Record<string, string> = {
            'Cache-Control': 'no-cache',
            Pragma: 'no-cache',
            Expires: '-1',
            'x-ms-request-id': req.requestId,
            'x-ms-correlation-request-id': req.correlationId,
            'x-ms-routing-request-id': `EASTUS:${new Date(now).toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '')}:${req.requestId}`,
        };
        const sub = /^\/subscriptions\/([^/]+)/i.exec(req.path)?.[1];
        const scope = sub ?? (ctx?.principal ? `tenant:${ctx.principal.tenantId}` : undefined);
        if (scope) {
            Object.assign(headers, deps.rateLimiter.take(scope, req.method, now));
        }
        return headers;
    }

    function write(res: ServerResponse, req: ArmRequest, response: ArmResponse, extraHeaders: Record<string, string>): void {
        const text = response.rawBody ?? (response.body === undefined ? undefined : JSON.stringify(response.body));
        const headers: Record<string, string> = { ...extraHeaders, ...(response.headers ?? {}) };
        if (text !== undefined) {
            headers['Content-Type'] = 'application/json; charset=utf-8';
        }
        headers['Content-Length'] = String(text === undefined || req.method === 'HEAD' ? 0 : Buffer.byteLength(text));
        res.writeHead(response.status, headers);
        res.end(req.method === 'HEAD' ? undefined : text);
    }

    async function handle(raw: IncomingMessage, res: ServerResponse): Promise<void> {
        const started = Date.now();
        let body = '';
        let bodyError: ArmError | undefined;
        try {
            body = await readBody(raw);
        } catch (err) {
            bodyError = err instanceof ArmError ? err : new ArmError(400, 'InvalidRequestContent', String(err));
        }
        const req = toArmRequest(raw, body, deps.fallbackBaseUrl);

        if (req.path.toLowerCase().startsWith('/__emulator/')) {
            const ctx = context(req, { delayMs: 0, failLro: false });
            let response: ArmResponse;
            try {
                response = bodyError ? errorResponse(bodyError) : ((await route(deps.adminRouter, ctx)) ?? errorResponse(new ArmError(404, 'NotFound', `Unknown admin endpoint '${req.path}'.`)));
            } catch (err) {
                response = err instanceof ArmError ? errorResponse(err) : internalError(err);
            }
            write(res, req, response, { 'Cache-Control': 'no-cache' });
            return;
        }

        const search = req.rawQuery;
        const record: RecordedRequest = { method: req.method, path: req.path, query: search, status: 0, at: started };
        deps.requests.push(record);
        const finish = (status: number): void => {
            record.status = status;
            deps.log?.(`${req.method} ${req.path}${search ? `?${search}` : ''} -> ${status === 0 ? 'dropped' : status} (${Date.now() - started} ms)`);
        };

        const decision = deps.faults.evaluate(req.method, req.path);
        if (decision.delayMs > 0) {
            await sleep(decision.delayMs);
        }
        if (decision.terminal?.kind === 'drop') {
            raw.socket.destroy();
            finish(0);
            return;
        }
        const ctx = context(req, decision);
        let response = terminalFault(decision, req, ctx.now);
        if (!response) {
            if (decision.terminal?.kind === 'malformed' && req.method !== 'GET' && req.method !== 'HEAD') {
                response = { status: 200, body: { id: req.path, properties: { provisioningState: 'Succeeded' } } };
            } else {
                response = bodyError ? errorResponse(bodyError) : await dispatchArm(ctx);
            }
        }
        if (decision.terminal?.kind === 'malformed') {
            const text = JSON.stringify(response.body ?? { value: [] });
            response = { status: 200, rawBody: text.slice(0, Math.max(1, Math.floor(text.length / 2))), headers: response.headers ?? {} };
        }
        write(res, req, response, armHeaders(req, ctx, ctx.now));
        finish(response.status);
    }

    return (req, res) => {
        handle(req, res).catch((err: unknown) => {
            deps.log?.(`emulator error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
            if (!res.headersSent) {
                res.writeHead(500, { 'Content-Type': 'application/json' });
                res.end(JSON.stringify({ error: { code: 'InternalServerError', message: String(err) } }));
            }
        });
    };
}
