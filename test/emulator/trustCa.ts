/**
 * Makes the *current* Node process trust the emulator's CA for every TLS connection it opens
 * (https.Agent instances created by @azure/core-rest-pipeline, undici's fetch, ...).
 *
 * Why: NODE_EXTRA_CA_CERTS is only read at process start, and the Azure SDK's node HTTP client
 * (@typespec/ts-http-runtime) creates its own keep-alive https.Agent, so `https.globalAgent.options.ca`
 * is NOT used. Wrapping `tls.createSecureContext` is the one hook every client goes through: contexts created
 * without an explicit `ca` get the emulator CA added on top of Node's default roots (and NODE_EXTRA_CA_CERTS).
 *
 * Importing this module trusts `<defaultCertDir()>/ca.pem` (read lazily, once it exists). Call
 * `trustCaCertificate(path)` for a CA elsewhere. For a child process, set NODE_EXTRA_CA_CERTS instead.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
// Default import = the real module object (a namespace import would be a frozen copy we cannot patch).
import tls from 'node:tls';
import { defaultCertDir } from './certificates';

interface NativeSecureContext {
    addCACert?: (pem: string) => void;
}

const trustedFiles = new Set<string>();
const pemCache = new Map<string, { mtimeMs: number; pem: string }>();
let installed = false;

function readPem(file: string): string | undefined {
    try {
        const stat = fs.statSync(file);
        const cached = pemCache.get(file);
        if (cached && cached.mtimeMs === stat.mtimeMs) {
            return cached.pem;
        }
        const pem = fs.readFileSync(file, 'utf8');
        pemCache.set(file, { mtimeMs: stat.mtimeMs, pem });
        return pem;
    } catch {
        return undefined;
    }
}

function install(): void {
    if (installed) {
        return;
    }
    installed = true;
    const original = tls.createSecureContext;
    const patched = function createSecureContext(options?: tls.SecureContextOptions): tls.SecureContext {
        const context = original(options);
        if (options?.ca !== undefined) {
            return context; // the caller chose its own trust store
        }
        const native = (context as unknown as { context?: NativeSecureContext }).context;
        if (typeof native?.addCACert !== 'function') {
            return context;
        }
        for (const file of trustedFiles) {
            const pem = readPem(file);
            if (pem) {
                native.addCACert(pem);
            }
        }
        return context;
    };
    tls.createSecureContext = patched;
}

/** Trust the CA certificate in `caCertPath` (PEM) for all TLS connections made by this process from now on. */
export function trustCaCertificate(caCertPath: string): void {
    trustedFiles.add(path.resolve(caCertPath));
    install();
}

trustCaCertificate(path.join(defaultCertDir(), 'ca.pem'));
