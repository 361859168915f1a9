/**
 * Helpers for the emulator's own mocha tests (and usable by other suites): ids from seeds/default.json,
 * an SDK client wired to an emulator, raw HTTPS calls, and polling helpers.
 */
import { ComputeManagementClient } from '@azure/arm-compute';
import type { AccessToken, TokenCredential } from '@azure/core-auth';
import * as path from 'node:path';
import type { RunningEmulator } from './ArmEmulator';
import { isObject } from './json';
import { makeTestToken } from './tokens';
import { trustCaCertificate } from './trustCa';

export const DEFAULT_SEED_PATH = path.join(__dirname, 'seeds', 'default.json');

export const CONTOSO_TENANT = '7c1f4b2e-3d5a-4e8f-9b6c-2a1d0e9f8c7b';
export const FABRIKAM_TENANT = '2e9d8c7b-6a5f-4e3d-8c2b-1a0f9e8d7c6b';
export const CONTOSO_PROD_SUB = '8f3b1c2d-4e5f-4a6b-9c7d-0e1f2a3b4c5d';
export const CONTOSO_DEVTEST_SUB = '1a2b3c4d-5e6f-4789-8abc-def012345678';
export const FABRIKAM_SUB = '5d6e7f80-9a1b-4c2d-8e3f-4a5b6c7d8e9f';

export interface TokenOptions {
    tenantId?: string;
    aud?: string;
    expiresInSeconds?: number;
}

/** A TokenCredential handing out emulator tokens (claims the SDK's cache believes valid for an hour). */
export function testCredential(emulator: RunningEmulator, options: TokenOptions = {}): TokenCredential {
    return {
        getToken: (): Promise<AccessToken> =>
            Promise.resolve({
                token: makeTestToken({
                    aud: options.aud ?? emulator.url,
                    tid: options.tenantId ?? CONTOSO_TENANT,
                    ...(options.expiresInSeconds !== undefined ? { expiresInSeconds: options.expiresInSeconds } : {}),
                }),
                expiresOnTimestamp: Date.now() + 3600_000,
            }),
    };
}

export interface ClientOptions extends TokenOptions {
    subscriptionId?: string;
    retryOptions?: { maxRetries?: number; retryDelayInMs?: number; maxRetryDelayInMs?: number };
}

/** The real @azure/arm-compute client pointed at the emulator (the process must trust the CA: see trustCa.ts). */
export function computeClient(emulator: RunningEmulator, options: ClientOptions = {}): ComputeManagementClient {
    trustCaCertificate(emulator.caCertPath);
    return new ComputeManagementClient(testCredential(emulator, options), options.subscriptionId ?? CONTOSO_PROD_SUB, {
        endpoint: emulator.url.replace(/\/$/, ''),
        credentials: { scopes: [`${emulator.url}.default`] },
        ...(options.retryOptions ? { retryOptions: options.retryOptions } : {}),
    });
}

export interface RawResponse {
    status: number;
    headers: Headers;
    text: string;
    json: unknown;
}

export interface RawRequestOptions extends TokenOptions {
    body?: unknown;
    /** false = send no Authorization header; a string = send it verbatim. */
    authorization?: false | string;
}

/** One HTTPS request to the emulator with a valid token (unless told otherwise). */
export async function armRequest(emulator: RunningEmulator, method: string, pathAndQuery: string, options: RawRequestOptions = {}): Promise<RawResponse> {
    trustCaCertificate(emulator.caCertPath);
    const headers: Record<string, string> = {};
    if (options.authorization !== false) {
        headers.Authorization =
            typeof options.authorization === 'string'
                ? options.authorization
                : `Bearer ${makeTestToken({
                      aud: options.aud ?? emulator.url,
                      tid: options.tenantId ?? CONTOSO_TENANT,
                      ...(options.expiresInSeconds !== undefined ? { expiresInSeconds: options.expiresInSeconds } : {}),
                  })}`;
    }
    let body: string | undefined;
    if (options.body !== undefined) {
        body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
        headers['Content-Type'] = 'application/json';
    }
    const url = new URL(pathAndQuery.replace(/^\//, ''), emulator.url);
    const response = await fetch(url, { method, headers, ...(body !== undefined ? { body } : {}) });
    const text = await response.text();
    let json: unknown;
    try {
        json = text === '' ? undefined : JSON.parse(text);
    } catch {
        json = undefined;
    }
    return { status: response.status, headers: response.headers, text, json };
}

export function sleep(ms: number): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls `probe` until it returns a value other than undefined, or fails after `timeoutMs`. */
export async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs = 5000, intervalMs = 25): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
        const value = await probe();
        if (value !== undefined) {
            return value;
        }
        if (Date.now() > deadline) {
            throw new Error(`waitFor: condition not met within ${timeoutMs} ms`);
        }
        await sleep(intervalMs);
    }
}

/** Error `code` of a CloudError body. */
export function errorCode(json: unknown): string | undefined {
    const error = isObject(json) ? json.error : undefined;
    const code = isObject(error) ? error.code : undefined;
    return typeof code === 'string' ? code : undefined;
}
