/**
 * The emulator as other processes use it: the CLI (main.ts), certificates trusted via NODE_EXTRA_CA_CERTS,
 * certificate reuse/regeneration, and a large generated seed.
 */
import * as assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { startEmulator } from './ArmEmulator';
import { ensureCertificates } from './certificates';
import { armRequest, computeClient, CONTOSO_PROD_SUB, DEFAULT_SEED_PATH } from './testSupport';

const execFileAsync = promisify(execFile);
const REPO_ROOT = path.resolve(__dirname, '..', '..');

describe('emulator processes and certificates', function () {
    this.timeout(20_000);

    it('CLI prints one JSON line when ready, serves NODE_EXTRA_CA_CERTS clients, exits cleanly on SIGTERM', async () => {
        const child = spawn(process.execPath, ['--import', 'tsx', 'test/emulator/main.ts', '--seed', DEFAULT_SEED_PATH, '--port', '0', '--page-size', '5', '--quiet'], {
            cwd: REPO_ROOT,
            stdio: ['ignore', 'pipe', 'pipe'],
        });
        try {
            const firstLine = await new Promise<string>((resolve, reject) => {
                const lines = createInterface({ input: child.stdout });
                lines.once('line', resolve);
                child.once('exit', (code) => reject(new Error(`CLI exited early with ${String(code)}`)));
            });
            const ready = JSON.parse(firstLine) as { url: string; caCertPath: string; port: number };
            assert.match(ready.url, /^https:\/\/127\.0\.0\.1:\d+\/$/);
            assert.equal(ready.url, `https://127.0.0.1:${ready.port}/`);

            // A separate Node process that only trusts the CA through NODE_EXTRA_CA_CERTS.
            const probe = `fetch(${JSON.stringify(`${ready.url}__emulator/health`)}).then(r => r.json()).then(b => console.log(b.status, b.resources))`;
            const { stdout } = await execFileAsync(process.execPath, ['-e', probe], { env: { ...process.env, NODE_EXTRA_CA_CERTS: ready.caCertPath } });
            assert.match(stdout.trim(), /^ok \d+$/);

            const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
            child.kill('SIGTERM');
            assert.equal(await exit, 0);
        } finally {
            if (child.exitCode === null) child.kill('SIGKILL');
        }
    });

    it('ensureCertificates creates a CA-signed loopback leaf, reuses it, and regenerates broken files', async () => {
        const dir = mkdtempSync(path.join(os.tmpdir(), 'acg-certs-'));
        try {
            const paths = await ensureCertificates(dir);
            const ca = new X509Certificate(readFileSync(paths.caCertPath));
            const leaf = new X509Certificate(readFileSync(paths.certPath));
            assert.ok(ca.ca);
            assert.ok(!leaf.ca);
            assert.ok(leaf.verify(ca.publicKey), 'leaf signed by the CA');
            assert.match(leaf.subjectAltName ?? '', /DNS:localhost/);
            assert.match(leaf.subjectAltName ?? '', /IP Address:127\.0\.0\.1/);
            assert.match(leaf.subjectAltName ?? '', /IP Address:0:0:0:0:0:0:0:1/);
            assert.equal(statSync(paths.keyPath).mode & 0o077, 0, 'private key not readable by others');

            const mtime = statSync(paths.certPath).mtimeMs;
            await ensureCertificates(dir);
            assert.equal(statSync(paths.certPath).mtimeMs, mtime, 'reused');

            writeFileSync(paths.certPath, 'garbage');
            await ensureCertificates(dir);
            assert.ok(new X509Certificate(readFileSync(paths.certPath)).verify(new X509Certificate(readFileSync(paths.caCertPath)).publicKey));
        } finally {
            rmSync(dir, { recursive: true, force: true });
        }
    });

    it('handles a 10,000-version definition (seed generator) with fast paging', async () => {
        const parentId = `/subscriptions/${CONTOSO_PROD_SUB}/resourceGroups/rg-gallery-prod/providers/Microsoft.Compute/galleries/shared_gallery.prod/images/sql-server-2022-g2`;
        const started = Date.now();
        const emulator = await startEmulator({ seed: DEFAULT_SEED_PATH, pageSize: 1000 });
        try {
            emulator.store.seed({ generate: [{ kind: 'imageVersions', parentId, count: 10_000, targetRegions: ['East US', 'West US 2'] }] });
            assert.ok(Date.now() - started < 5000, `seeding took ${Date.now() - started} ms`);
            const client = computeClient(emulator);
            const listStarted = Date.now();
            let count = 0;
            for await (const version of client.galleryImageVersions.listByGalleryImage('rg-gallery-prod', 'shared_gallery.prod', 'sql-server-2022-g2')) {
                assert.ok(version.name);
                count++;
            }
            assert.equal(count, 10_000);
            assert.equal(emulator.requests.filter((r) => r.path.endsWith('/versions')).length, 10);
            assert.ok(Date.now() - listStarted < 8000, `listing took ${Date.now() - listStarted} ms`);
            const one = await armRequest(emulator, 'GET', `${parentId}/versions/1.99.99?api-version=2025-12-03&$expand=ReplicationStatus`);
            assert.equal(one.status, 200);
        } finally {
            await emulator.close();
        }
    });
});
