/**
 * Unauthenticated control endpoints under /__emulator/ for other processes (the VS Code e2e harness):
 *   GET /__emulator/health, GET|DELETE /__emulator/requests, GET|PUT /__emulator/faults, POST /__emulator/seed
 */
import { ArmError } from '../errors';
import { emptyResponse, jsonResponse, type ArmResponse, type RequestContext } from '../http';
import { isObject } from '../json';
import type { FaultRule, RecordedRequest } from '../ArmEmulator';
import { parseFaultRules } from '../faults';
import { Router } from '../router';
import type { EmulatorStore } from '../store';

export interface AdminControl {
    url: string;
    port: number;
    caCertPath: string;
    startedAt: number;
    store: EmulatorStore;
    requests: RecordedRequest[];
    setFaults(rules: FaultRule[]): void;
    listFaults(): FaultRule[];
}

function parseBody(ctx: RequestContext): unknown {
    try {
        return JSON.parse(ctx.req.body);
    } catch (err) {
        throw new ArmError(400, 'InvalidRequestContent', `Body is not JSON: ${err instanceof Error ? err.message : String(err)}`);
    }
}

function badRequest(err: unknown): ArmError {
    return new ArmError(400, 'InvalidRequestContent', err instanceof Error ? err.message : String(err));
}

export function createAdminRouter(control: AdminControl): Router {
    const router = new Router();
    router.add('GET', '/__emulator/health', (ctx): ArmResponse =>
        jsonResponse(200, {
            status: 'ok',
            url: control.url,
            port: control.port,
            caCertPath: control.caCertPath,
            resources: control.store.size,
            uptimeMs: ctx.now - control.startedAt,
        }),
    );
    router.add('GET', '/__emulator/requests', () => jsonResponse(200, control.requests));
    router.add('DELETE', '/__emulator/requests', () => {
        control.requests.length = 0;
        return emptyResponse(204);
    });
    router.add('GET', '/__emulator/faults', () => jsonResponse(200, control.listFaults()));
    router.add('PUT', '/__emulator/faults', (ctx) => {
        let rules: FaultRule[];
        try {
            rules = parseFaultRules(parseBody(ctx));
        } catch (err) {
            throw err instanceof ArmError ? err : badRequest(err);
        }
        control.setFaults(rules);
        return jsonResponse(200, control.listFaults());
    });
    router.add('POST', '/__emulator/seed', (ctx) => {
        const seed = parseBody(ctx);
        if (!isObject(seed)) {
            throw badRequest(new Error('The seed must be a JSON object'));
        }
        try {
            control.store.seed(seed);
        } catch (err) {
            throw badRequest(err);
        }
        return jsonResponse(200, { resources: control.store.size });
    });
    return router;
}
