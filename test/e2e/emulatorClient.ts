/**
 * Talks to a running ARM emulator from a test: its admin endpoints (faults, extra seed data; no auth) and
 * plain ARM requests with an emulator test token. Works in a Node test process (pass the emulator's CA)
 * and inside the extension host (which trusts the CA through NODE_EXTRA_CA_CERTS).
 *
 * No `vscode` import: bundled into the extension-host suite as well.
 */
import * as https from 'node:https';
import type { FaultRule } from '../emulator/ArmEmulator';
import type { SeedFile } from '../emulator/seed';
import { makeTestToken } from '../emulator/tokens';

export interface EmulatorResponse {
    status: number;
    body: unknown;
}

export class EmulatorClient {
    /** @param baseUrl the emulator's URL (trailing slash or not); @param ca its CA certificate (PEM) when this process does not trust it. */
    constructor(
        readonly baseUrl: string,
        private readonly ca?: string,
    ) {}

    request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<EmulatorResponse> {
        const url = new URL(path.replace(/^\//, ''), this.baseUrl.endsWith('/') ? this.baseUrl : `${this.baseUrl}/`);
        const payload = body === undefined ? undefined : JSON.stringify(body);
        return new Promise((resolve, reject) => {
            const req = https.request(
                url,
                {
                    method,
                    ...(this.ca ? { ca: this.ca } : {}),
                    headers: { ...(payload ? { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(payload)) } : {}), ...headers },
                    timeout: 30_000,
                },
                (res) => {
                    const chunks: Buffer[] = [];
                    res.on('data', (c: Buffer) => chunks.push(c));
                    res.on('end', () => {
                        const text = Buffer.concat(chunks).toString('utf8');
                        let parsed: unknown = text;
                        try {
                            parsed = text ? (JSON.parse(text) as unknown) : undefined;
                        } catch {
                            // not JSON: keep the text
                        }
                        resolve({ status: res.statusCode ?? 0, body: parsed });
                    });
                },
            );
            req.on('timeout', () => req.destroy(new Error(`${method} ${url.href} timed out`)));
            req.on('error', reject);
            req.end(payload);
        });
    }

    private async expectOk(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<EmulatorResponse> {
        const res = await this.request(method, path, body, headers);
        if (res.status < 200 || res.status >= 300) {
            throw new Error(`${method} ${path} answered ${res.status}: ${JSON.stringify(res.body)}`);
        }
        return res;
    }

    /** Replaces the emulator's fault rules ([] clears them). */
    async setFaults(rules: FaultRule[]): Promise<void> {
        await this.expectOk('PUT', '/__emulator/faults', rules);
    }

    /** Adds tenants, subscriptions and resources to the running emulator. */
    async addSeed(seed: SeedFile): Promise<void> {
        await this.expectOk('POST', '/__emulator/seed', seed);
    }

    /** An ARM call as `tenantId`'s signed-in user would make it. */
    arm(method: string, path: string, tenantId: string, body?: unknown): Promise<EmulatorResponse> {
        const token = makeTestToken({ aud: this.baseUrl, tid: tenantId });
        return this.expectOk(method, path, body, { authorization: `Bearer ${token}` });
    }
}
