#!/usr/bin/env node
// Entry point of `npm test` and `npm run demo` (and .ci/run). Plain Node, no dependencies: it must
// work on a fresh checkout, before `npm ci`, with the system Node (20+).
//
//   node test/harness/bootstrap.mjs setup             npm packages (npm ci when missing) + Debian packages,
//                                                     Node 24 and code-server (test/harness/setupCodeServer.ts)
//   node test/harness/bootstrap.mjs test              setup, then: type check, lint, schema generator --check,
//                                                     mocha (unit, emulator and integration tests), the
//                                                     extension-host suite in code-server,
//                                                     the UI e2e tests; ends with `tests: N passed, N failed`
//   node test/harness/bootstrap.mjs e2e [args]        setup + test/e2e/runInCodeServer.ts
//   node test/harness/bootstrap.mjs ui [args]         setup + test/e2e/ui/treeView.e2e.ts
//   node test/harness/bootstrap.mjs electron [args]   npm packages + test/e2e/runInElectron.ts (downloads VS Code)
//   node test/harness/bootstrap.mjs demo [args]       setup + test/harness/demo.ts (--host, --port, --seed)
//
// `test` runs every step even when one fails, then exits 1 if any failed. Steps that report test counts
// (mocha's "N passing / N failing", the harness's "N passed, N failed") add them to the total; a step
// without counts (type check, lint) counts as one test.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

/** Runs a command with inherited output; true when it exits 0. */
function run(label, cmd, args, env = process.env) {
    const start = Date.now();
    console.log(`\n▶ ${label}`);
    const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', env });
    const secs = ((Date.now() - start) / 1000).toFixed(1);
    if (r.error) {
        console.error(`✗ ${label}: ${r.error.message}`);
        return false;
    }
    const ok = r.status === 0;
    console.log(`${ok ? '✓' : '✗'} ${label} (${secs}s${ok ? '' : `, exit ${r.status ?? r.signal}`})`);
    return ok;
}

/** How many lines of a failed step's output the closing recap repeats. */
const RECAP_LINES = 30;

/**
 * A failed step's own account of its failure, repeated after every step has run so that the end of the log (often
 * all that a CI summary keeps) names what failed: the step, then its output from the first failure it reports
 * (a UI runner's "✗", mocha's "N failing", the extension-host suite's "Failures:"), or its last lines.
 */
function failureRecap(label, end, plain) {
    const lines = plain.split('\n');
    const first = lines.findIndex((l) => /^\s*✗ |^\s*\d+ failing\b|^Failures:/.test(l));
    const shown = first >= 0 ? lines.slice(first, first + RECAP_LINES) : lines.slice(-RECAP_LINES);
    while (shown.length && !shown.at(-1).trim()) {
        shown.pop();
    }
    return [`✗ ${label}${end ? ` (${end.slice(2)})` : ''}`, ...shown.map((l) => `    ${l}`)].join('\n');
}

/** Like run(), but also reads the test counts the step prints. Resolves { ok, passed, failed, recap }. */
function runCounted(label, cmd, args, env = process.env) {
    const start = Date.now();
    console.log(`\n▶ ${label}`);
    return new Promise((resolve) => {
        const child = spawn(cmd, args, { cwd: ROOT, stdio: ['inherit', 'pipe', 'pipe'], env });
        let text = '';
        child.stdout.on('data', (b) => {
            process.stdout.write(b);
            text += b.toString('utf8');
        });
        child.stderr.on('data', (b) => {
            process.stderr.write(b);
            text += b.toString('utf8');
        });
        const finish = (code, error) => {
            const ok = code === 0 && !error;
            const plain = text.replace(/\x1b\[[0-9;]*m/g, '');
            let passed;
            let failed;
            const ours = [...plain.matchAll(/^(\d+) passed, (\d+) failed/gm)].at(-1);
            if (ours) {
                passed = Number(ours[1]);
                failed = Number(ours[2]);
            } else {
                const passing = [...plain.matchAll(/^\s*(\d+) passing\b/gm)].at(-1);
                const failing = [...plain.matchAll(/^\s*(\d+) failing\b/gm)].at(-1);
                if (passing || failing) {
                    passed = Number(passing?.[1] ?? 0);
                    failed = Number(failing?.[1] ?? 0);
                }
            }
            if (passed === undefined) {
                passed = ok ? 1 : 0;
                failed = ok ? 0 : 1;
            } else if (!ok && failed === 0) {
                failed = 1; // it failed without saying which test: count the step
            }
            const secs = ((Date.now() - start) / 1000).toFixed(1);
            const end = ok ? '' : `, ${error ? error.message : `exit ${code}`}`;
            console.log(`${ok ? '✓' : '✗'} ${label} (${secs}s${end})`);
            resolve({ ok, passed, failed, recap: ok && failed === 0 ? undefined : failureRecap(label, end, plain) });
        };
        child.on('error', (e) => finish(1, e));
        child.on('close', (code) => finish(code));
    });
}

/** npm ci when node_modules is missing or was installed from another package-lock.json. */
function ensureNpmPackages() {
    const lockPath = join(ROOT, 'package-lock.json');
    const marker = join(ROOT, 'node_modules', '.acg-lock-hash');
    const hash = existsSync(lockPath) ? createHash('sha256').update(readFileSync(lockPath)).digest('hex') : '';
    if (existsSync(TSX) && existsSync(marker) && readFileSync(marker, 'utf8') === hash) {
        return true;
    }
    const ok = run(hash ? 'npm ci' : 'npm install', 'npm', [hash ? 'ci' : 'install', '--no-audit', '--no-fund']);
    if (ok) {
        writeFileSync(marker, hash);
    }
    return ok;
}

function tsx(label, file, args = []) {
    return run(label, TSX, [join(ROOT, file), ...args]);
}

function setup() {
    return ensureNpmPackages() && tsx('set up code-server, Node 24, Chromium', 'test/harness/setupCodeServer.ts');
}

/** The emulator's CA (created when missing), for mocha's HTTPS tests against the emulator. */
function emulatorCaPath() {
    const r = spawnSync(TSX, [join(ROOT, 'test', 'emulator', 'ensureCerts.ts')], { cwd: ROOT, encoding: 'utf8' });
    return r.status === 0 ? r.stdout.trim() : undefined;
}

async function testAll(args) {
    if (!setup()) {
        console.log('\ntests: 0 passed, 1 failed (setup failed)');
        return false;
    }
    const ca = emulatorCaPath();
    const mochaEnv = ca ? { ...process.env, NODE_EXTRA_CA_CERTS: ca } : process.env;
    const steps = [
        await runCounted('type check', 'npm', ['run', '--silent', 'typecheck']),
        await runCounted('lint', 'npm', ['run', '--silent', 'lint']),
        await runCounted('schemas match their sources (generator --check)', TSX, [join(ROOT, 'src/schemas/generate/generateSchemas.ts'), '--check']),
        await runCounted('unit, emulator and integration tests (mocha)', 'npm', ['run', '--silent', 'test:unit'], mochaEnv),
        await runCounted('extension-host suite in code-server', TSX, [join(ROOT, 'test/e2e/runInCodeServer.ts'), ...args]),
        await runCounted('UI end-to-end test (tree view)', TSX, [join(ROOT, 'test/e2e/ui/treeView.e2e.ts'), ...args]),
        await runCounted('UI end-to-end test (explorer actions)', TSX, [join(ROOT, 'test/e2e/ui/explorer.e2e.ts')]),
        await runCounted('UI end-to-end test (schemas in body files and templates)', TSX, [join(ROOT, 'test/e2e/ui/schemas.e2e.ts')]),
        await runCounted('UI end-to-end test (create and update forms)', TSX, [join(ROOT, 'test/e2e/ui/forms.e2e.ts')]),
        await runCounted('UI end-to-end test (a workspace cannot redirect the Azure token)', TSX, [join(ROOT, 'test/e2e/ui/hostileWorkspace.e2e.ts')]),
        await runCounted('UI end-to-end test (soft delete, restore and deletion safety)', TSX, [join(ROOT, 'test/e2e/ui/lifecycle.e2e.ts')]),
        await runCounted('UI end-to-end test (clean up versions and compare)', TSX, [join(ROOT, 'test/e2e/ui/cleanup.e2e.ts')]),
        await runCounted('UI end-to-end test (runtime strings in a pseudo locale)', TSX, [join(ROOT, 'test/e2e/ui/l10n.e2e.ts')]),
        await runCounted('UI end-to-end test (VM applications in the explorer)', TSX, [join(ROOT, 'test/e2e/ui/applications.e2e.ts')]),
        await runCounted('UI end-to-end test (share a gallery)', TSX, [join(ROOT, 'test/e2e/ui/share.e2e.ts')]),
        await runCounted('UI end-to-end test (Shared with me: shared and community galleries, invites)', TSX, [join(ROOT, 'test/e2e/ui/sharing.e2e.ts')]),
    ];
    const passed = steps.reduce((n, s) => n + s.passed, 0);
    const failed = steps.reduce((n, s) => n + s.failed, 0);
    const ok = steps.every((s) => s.ok);
    const recaps = steps.map((s) => s.recap).filter(Boolean);
    if (recaps.length) {
        console.log(`\nWhat failed:\n${recaps.join('\n')}`);
    }
    console.log(`\ntests: ${passed} passed, ${failed} failed`);
    return ok && failed === 0;
}

const [command = 'test', ...rest] = process.argv.slice(2);
let ok;
switch (command) {
    case 'setup':
        ok = setup();
        break;
    case 'test':
        ok = await testAll(rest);
        break;
    case 'e2e':
        ok = setup() && tsx('extension-host suite in code-server', 'test/e2e/runInCodeServer.ts', rest);
        break;
    case 'ui':
        ok = setup() && tsx('UI end-to-end test (tree view)', 'test/e2e/ui/treeView.e2e.ts', rest);
        break;
    case 'electron':
        ok = ensureNpmPackages() && tsx('extension-host suite in VS Code desktop', 'test/e2e/runInElectron.ts', rest);
        break;
    case 'demo':
        ok = setup() && tsx('demo', 'test/harness/demo.ts', rest);
        break;
    default:
        console.error(`unknown command "${command}" (setup | test | e2e | ui | electron | demo)`);
        ok = false;
}
process.exit(ok ? 0 : 1);
