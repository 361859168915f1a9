/**
 * ARM emulator: a real HTTPS server on loopback speaking the Azure Resource Manager REST protocol for
 * Compute Gallery resources (galleries, image definitions, image versions), managed images, and the
 * read-only resources the extension's pickers need. See README.md.
 */
import { promises as fs } from 'node:fs';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import { ARM_AUDIENCES, normalizeAudience } from './auth';
import { ensureCertificates } from './certificates';
import { FaultEngine } from './faults';
import type { EmulatorSettings } from './http';
import { ALL_KINDS } from './kinds/allKinds';
import { OperationTracker } from './operations';
import { createRequestHandler } from './pipeline';
import { RateLimiter } from './rateLimits';
import { Router } from './router';
import { createAdminRouter } from './routes/adminRoutes';
import { registerMetadataRoutes } from './routes/metadataRoutes';
import { registerOperationRoutes } from './routes/operationRoutes';
import { registerResourceGroupRoutes } from './routes/resourceGroupRoutes';
import { registerResourceRoutes } from './routes/resourceRoutes';
import { registerSharingRoutes } from './routes/sharingRoutes';
import { registerSoftDeletedRoutes } from './routes/softDeletedRoutes';
import { registerSubscriptionRoutes } from './routes/subscriptionRoutes';
import { loadSeed, type SeedFile } from './seed';
import { EmulatorStore } from './store';

export { EmulatorStore } from './store';
export type { SeedFile } from './seed';

export interface EmulatorOptions {
    /** Object or path to a JSON seed file. */
    seed?: SeedFile | string;
    /** 0 = random (default 0). */
    port?: number;
    /** Default '127.0.0.1'. */
    host?: string;
    /** Items per list page before nextLink (default 50). */
    pageSize?: number;
    /** Time a PUT/PATCH/DELETE stays non-terminal (default 1500). */
    lroDelayMs?: number;
    /** Time each target region takes to replicate a new version (default 3000). */
    replicationMsPerRegion?: number;
    /** Retry-After on LRO responses (default 1). */
    retryAfterSeconds?: number;
    /** Where CA + leaf live (default: ~/.cache/acg-vscode/emulator-certs, reused if present and valid). */
    certDir?: string;
    /** Accepted token audiences in addition to the server's own base URL (and ARM's). */
    audiences?: string[];
    faults?: FaultRule[];
    log?: (line: string) => void;
    /** After the last child is deleted, the parent DELETE keeps answering 409 for this long (default 0). */
    staleChildCacheMs?: number;
}

export interface FaultRule {
    /** 'GET' | 'PUT' | ... ; omitted = any. */
    method?: string;
    /** Regex source matched against the URL path (case-insensitive). */
    path?: string;
    kind: 'throttle' | 'unavailable' | 'slow' | 'failLro' | 'drop' | 'malformed' | 'unauthorized';
    /** How many matching requests it applies to (default: unlimited). */
    times?: number;
    /** For throttle/unavailable (default 1). */
    retryAfterSeconds?: number;
    /** For slow (default 1000). */
    delayMs?: number;
}

export interface RecordedRequest {
    method: string;
    path: string;
    query: string;
    status: number;
    at: number;
}

export interface RunningEmulator {
    /** e.g. 'https://127.0.0.1:43121/' (trailing slash). */
    url: string;
    port: number;
    /** PEM of the CA that signed the leaf: set NODE_EXTRA_CA_CERTS to this. */
    caCertPath: string;
    /** Programmatic access to resources (add/get/remove, bulk seed). */
    store: EmulatorStore;
    /** Every ARM request served (admin /__emulator/ calls excluded). */
    requests: RecordedRequest[];
    setFaults(rules: FaultRule[]): void;
    close(): Promise<void>;
}

function settingsFrom(options: EmulatorOptions): EmulatorSettings {
    return {
        pageSize: options.pageSize ?? 50,
        lroDelayMs: options.lroDelayMs ?? 1500,
        replicationMsPerRegion: options.replicationMsPerRegion ?? 3000,
        retryAfterSeconds: options.retryAfterSeconds ?? 1,
        staleChildCacheMs: options.staleChildCacheMs ?? 0,
    };
}

function listen(server: https.Server, port: number, host: string): Promise<number> {
    return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
            server.off('error', reject);
            resolve((server.address() as AddressInfo).port);
        });
    });
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
    const certs = await ensureCertificates(options.certDir);
    const [key, cert] = await Promise.all([fs.readFile(certs.keyPath), fs.readFile(certs.certPath)]);

    const store = new EmulatorStore();
    if (options.seed !== undefined) {
        store.seed(loadSeed(options.seed));
    }
    const faults = new FaultEngine(options.faults ?? []);
    const requests: RecordedRequest[] = [];

    const armRouter = new Router();
    registerSubscriptionRoutes(armRouter);
    registerResourceGroupRoutes(armRouter);
    registerResourceRoutes(armRouter, ALL_KINDS);
    registerSoftDeletedRoutes(armRouter);
    registerSharingRoutes(armRouter);
    registerOperationRoutes(armRouter);
    const anonymousRouter = new Router();
    registerMetadataRoutes(anonymousRouter);

    const host = options.host ?? '127.0.0.1';
    const hostInUrl = host.includes(':') ? `[${host}]` : host;
    const audiences = new Set<string>();
    const server = https.createServer({ key, cert });
    const port = await listen(server, options.port ?? 0, host);
    const url = `https://${hostInUrl}:${port}/`;
    for (const aud of [url, `https://localhost:${port}`, `https://127.0.0.1:${port}`, ...(options.audiences ?? []), ...ARM_AUDIENCES]) {
        audiences.add(normalizeAudience(aud));
    }

    const adminRouter = createAdminRouter({
        url,
        port,
        caCertPath: certs.caCertPath,
        startedAt: Date.now(),
        store,
        requests,
        setFaults: (rules) => faults.set(rules),
        listFaults: () => faults.list(),
    });
    server.on(
        'request',
        createRequestHandler({
            store,
            operations: new OperationTracker(),
            settings: settingsFrom(options),
            faults,
            rateLimiter: new RateLimiter(),
            armRouter,
            anonymousRouter,
            adminRouter,
            audiences,
            requests,
            fallbackBaseUrl: url.replace(/\/$/, ''),
            ...(options.log ? { log: options.log } : {}),
        }),
    );

    let closed: Promise<void> | undefined;
    return {
        url,
        port,
        caCertPath: certs.caCertPath,
        store,
        requests,
        setFaults: (rules) => faults.set(rules),
        close: () => {
            closed ??= new Promise<void>((resolve) => {
                server.close(() => resolve());
                server.closeAllConnections();
            });
            return closed;
        },
    };
}
