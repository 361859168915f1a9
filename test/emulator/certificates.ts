/**
 * Throwaway TLS material for the ARM emulator: a private CA and a leaf certificate for the loopback host,
 * signed by that CA (VS Code's patched fetch rejects a self-signed leaf, so the leaf must chain to a CA).
 *
 * Generated once with the system `openssl` CLI and reused while valid. Clients trust the CA through
 * NODE_EXTRA_CA_CERTS=<caCertPath> (set before the process starts) or see trustCa.ts for in-process use.
 */
import { execFile } from 'node:child_process';
import { X509Certificate, createPrivateKey } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

export interface CertificatePaths {
    /** PEM of the CA that signed the leaf; point NODE_EXTRA_CA_CERTS at this file. */
    caCertPath: string;
    /** PEM private key of the leaf certificate (used by the server). */
    keyPath: string;
    /** PEM leaf certificate (CN 127.0.0.1, SAN localhost, 127.0.0.1, ::1). */
    certPath: string;
}

const CA_CERT = 'ca.pem';
const CA_KEY = 'ca.key';
const LEAF_CERT = 'leaf.pem';
const LEAF_KEY = 'leaf.key';
const LOCK = '.lock';

/** Renew the leaf when it has less than this left. */
const MIN_REMAINING_MS = 7 * 24 * 3600 * 1000;
const LEAF_DAYS = 365;
const CA_DAYS = 3650;
const LOCK_STALE_MS = 60_000;
const LOCK_WAIT_MS = 30_000;

/** Stable default location, shared by the mocha run, the CLI and the VS Code e2e harness. */
export function defaultCertDir(): string {
    const fromEnv = process.env.ACG_EMULATOR_CERT_DIR;
    if (fromEnv && fromEnv.trim() !== '') {
        return path.resolve(fromEnv);
    }
    return path.join(os.homedir(), '.cache', 'acg-vscode', 'emulator-certs');
}

function pathsIn(dir: string): CertificatePaths {
    return {
        caCertPath: path.join(dir, CA_CERT),
        keyPath: path.join(dir, LEAF_KEY),
        certPath: path.join(dir, LEAF_CERT),
    };
}

/**
 * Returns the CA/leaf paths in `certDir`, generating them first when missing, invalid, or when the leaf
 * expires within a week. Safe to call concurrently from several processes (a lock file serialises generation).
 */
export async function ensureCertificates(certDir: string = defaultCertDir()): Promise<CertificatePaths> {
    const dir = path.resolve(certDir);
    await fs.mkdir(dir, { recursive: true });
    const paths = pathsIn(dir);
    if (await isUsable(dir)) {
        return paths;
    }
    const release = await acquireLock(dir);
    try {
        // Another process may have generated them while we waited for the lock.
        if (!(await isUsable(dir))) {
            await generate(dir);
            if (!(await isUsable(dir))) {
                throw new Error(`Generated certificates in ${dir} failed validation`);
            }
        }
    } finally {
        await release();
    }
    return paths;
}

async function readIfExists(file: string): Promise<string | undefined> {
    try {
        return await fs.readFile(file, 'utf8');
    } catch {
        return undefined;
    }
}

/** True when all four files exist, the leaf is signed by the CA, matches its key, covers loopback and is not expiring. */
async function isUsable(dir: string): Promise<boolean> {
    const [caPem, caKeyPem, leafPem, leafKeyPem] = await Promise.all(
        [CA_CERT, CA_KEY, LEAF_CERT, LEAF_KEY].map((f) => readIfExists(path.join(dir, f))),
    );
    if (!caPem || !caKeyPem || !leafPem || !leafKeyPem) {
        return false;
    }
    try {
        const ca = new X509Certificate(caPem);
        const leaf = new X509Certificate(leafPem);
        const now = Date.now();
        if (!ca.ca || Date.parse(ca.validTo) - now < MIN_REMAINING_MS) {
            return false;
        }
        if (Date.parse(leaf.validTo) - now < MIN_REMAINING_MS || Date.parse(leaf.validFrom) > now) {
            return false;
        }
        if (!leaf.verify(ca.publicKey) || !leaf.checkPrivateKey(createPrivateKey(leafKeyPem))) {
            return false;
        }
        if (!ca.checkPrivateKey(createPrivateKey(caKeyPem))) {
            return false;
        }
        const san = leaf.subjectAltName ?? '';
        return ['DNS:localhost', 'IP Address:127.0.0.1'].every((entry) => san.includes(entry));
    } catch {
        return false;
    }
}

async function openssl(args: string[], cwd: string): Promise<void> {
    try {
        await execFileAsync('openssl', args, { cwd });
    } catch (err) {
        const e = err as { stderr?: string; message?: string };
        throw new Error(`openssl ${args[0]} failed: ${e.stderr ?? e.message ?? String(err)}`);
    }
}

/** Generates a fresh CA + leaf into a private temp dir and moves the files into place. */
async function generate(dir: string): Promise<void> {
    const work = await fs.mkdtemp(path.join(dir, 'gen-'));
    try {
        const curve = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
        await openssl(
            [
                'req', '-x509', ...curve, '-sha256', '-days', String(CA_DAYS),
                '-keyout', CA_KEY, '-out', CA_CERT,
                '-subj', '/O=Azure Compute Gallery for VS Code (tests)/CN=ACG ARM Emulator Test CA',
                '-addext', 'basicConstraints=critical,CA:TRUE,pathlen:0',
                '-addext', 'keyUsage=critical,keyCertSign,cRLSign',
                '-addext', 'subjectKeyIdentifier=hash',
            ],
            work,
        );
        await openssl(
            ['req', '-new', ...curve, '-keyout', LEAF_KEY, '-out', 'leaf.csr', '-subj', '/CN=127.0.0.1'],
            work,
        );
        await fs.writeFile(
            path.join(work, 'leaf.ext'),
            [
                'basicConstraints=critical,CA:FALSE',
                'keyUsage=critical,digitalSignature,keyEncipherment',
                'extendedKeyUsage=serverAuth',
                'subjectAltName=DNS:localhost,IP:127.0.0.1,IP:::1',
                'subjectKeyIdentifier=hash',
                'authorityKeyIdentifier=keyid,issuer',
                '',
            ].join('\n'),
        );
        const serial = '0x' + [...Array(16)].map(() => Math.floor(Math.random() * 16).toString(16)).join('');
        await openssl(
            [
                'x509', '-req', '-in', 'leaf.csr', '-CA', CA_CERT, '-CAkey', CA_KEY, '-set_serial', serial,
                '-sha256', '-days', String(LEAF_DAYS), '-extfile', 'leaf.ext', '-out', LEAF_CERT,
            ],
            work,
        );
        for (const file of [CA_KEY, LEAF_KEY]) {
            await fs.chmod(path.join(work, file), 0o600);
        }
        // Keys first, the CA last: a concurrent reader validates all four before use anyway.
        for (const file of [CA_KEY, LEAF_KEY, LEAF_CERT, CA_CERT]) {
            await fs.rename(path.join(work, file), path.join(dir, file));
        }
    } finally {
        await fs.rm(work, { recursive: true, force: true });
    }
}

async function acquireLock(dir: string): Promise<() => Promise<void>> {
    const lockPath = path.join(dir, LOCK);
    const deadline = Date.now() + LOCK_WAIT_MS;
    for (;;) {
        try {
            const handle = await fs.open(lockPath, 'wx');
            await handle.writeFile(String(process.pid));
            await handle.close();
            return async () => {
                await fs.rm(lockPath, { force: true });
            };
        } catch (err) {
            if ((err as NodeJS.ErrnoException).code !== 'EEXIST') {
                throw err;
            }
            const stat = await fs.stat(lockPath).catch(() => undefined);
            if (stat && Date.now() - stat.mtimeMs > LOCK_STALE_MS) {
                await fs.rm(lockPath, { force: true });
                continue;
            }
            if (Date.now() > deadline) {
                throw new Error(`Timed out waiting for certificate lock ${lockPath}`);
            }
            await new Promise((resolve) => setTimeout(resolve, 100));
        }
    }
}
