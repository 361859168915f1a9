#!/usr/bin/env node
// Entry point of `npm test` and `npm run demo` (and .ci/run). Plain Node, no dependencies: it must
// work on a fresh checkout, before `npm ci`, with the system Node (20+).
//
//   node test/harness/bootstrap.mjs setup             npm packages (npm ci when missing) + Debian packages,
//                                                     Node 24 and code-server (test/harness/setupCodeServer.ts)
//   node test/harness/bootstrap.mjs test              setup, then: unit tests (npm run test:unit), the
//                                                     extension-host suite in code-server, the UI e2e test
//   node test/harness/bootstrap.mjs e2e [args]        setup + test/e2e/runInCodeServer.ts
//   node test/harness/bootstrap.mjs ui [args]         setup + test/e2e/ui/treeView.e2e.ts
//   node test/harness/bootstrap.mjs electron [args]   npm packages + test/e2e/runInElectron.ts (downloads VS Code)
//   node test/harness/bootstrap.mjs demo [args]       setup + test/harness/demo.ts (--host, --port, --seed)
//
// `test` runs every step even when one fails, then exits 1 if any failed.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

function run(label, cmd, args) {
    const start = Date.now();
    console.log(`\n▶ ${label}`);
    const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', env: process.env });
    const secs = ((Date.now() - start) / 1000).toFixed(1);
    if (r.error) {
        console.error(`✗ ${label}: ${r.error.message}`);
        return false;
    }
    const ok = r.status === 0;
    console.log(`${ok ? '✓' : '✗'} ${label} (${secs}s${ok ? '' : `, exit ${r.status ?? r.signal}`})`);
    return ok;
}

function ensureNpmPackages() {
    if (existsSync(TSX) && existsSync(join(ROOT, 'node_modules', 'playwright-core'))) {
        return true;
    }
    const lock = existsSync(join(ROOT, 'package-lock.json'));
    return run(lock ? 'npm ci' : 'npm install', 'npm', [lock ? 'ci' : 'install', '--no-audit', '--no-fund']);
}

function tsx(label, file, args = []) {
    return run(label, TSX, [join(ROOT, file), ...args]);
}

function setup() {
    return ensureNpmPackages() && tsx('set up code-server, Node 24, Chromium', 'test/harness/setupCodeServer.ts');
}

const [command = 'test', ...rest] = process.argv.slice(2);
let ok;
switch (command) {
    case 'setup':
        ok = setup();
        break;
    case 'test': {
        if (!setup()) {
            ok = false;
            break;
        }
        const results = [
            run('unit tests (mocha)', 'npm', ['run', '--silent', 'test:unit']),
            tsx('extension-host suite in code-server', 'test/e2e/runInCodeServer.ts', rest),
            tsx('UI end-to-end test (tree view)', 'test/e2e/ui/treeView.e2e.ts', rest),
        ];
        ok = results.every(Boolean);
        console.log(`\n${ok ? 'all test steps passed' : 'some test steps FAILED'}`);
        break;
    }
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
