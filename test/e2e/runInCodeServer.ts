/**
 * Launcher A: runs the extension-host suite (test/e2e/suite) inside code-server.
 *
 *   npx tsx test/e2e/runInCodeServer.ts [--seed <seed.json>] [--grep <pattern>]
 *
 * code-server has no --extensionTestsPath, so: bundle the suite (buildSuite.ts), package the
 * extension, start the ARM emulator, start code-server with the extension + the test auth provider +
 * the test-runner extension (which runs the bundle named by ACG_E2E_SUITE and writes the results to
 * ACG_E2E_RESULT), open the workbench in headless Chromium (the extension host only starts when a
 * browser connects), click Allow whenever VS Code asks to allow a sign-in, and wait for the results.
 *
 * Prints one line per test as it finishes, the failures, and `N passed, N failed`; exits 1 on failure.
 * Environment: ACG_VSIX, ACG_E2E_TIMEOUT (per test, ms), ACG_E2E_TOTAL_TIMEOUT (whole run, ms),
 * ACG_HEADFUL=1, ACG_KEEP_TEMP=1.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { allowSignIn, openWorkbench, signInDialogVisible, type Workbench } from '../harness/browser';
import { launchCodeServer, type CodeServerHandle } from '../harness/codeServer';
import { startEmulator, type EmulatorHandle } from '../harness/emulator';
import { packageExtension } from '../harness/packageExtension';
import { DEFAULT_SEED, emulatorCloudSettings, readSeed, testAuthEnv } from '../harness/seed';
import { buildSuite } from './buildSuite';
import type { E2eSuiteResult, E2eTestResult } from './suite/index';
import { closeStarted, exitWith, reportFailure } from './ui/checkRun';

const AUTH_PROVIDER_DIR = path.join(__dirname, 'auth-provider');
const RUNNER_DIR = path.join(__dirname, 'runner-extension');

function argValue(flag: string): string | undefined {
    const i = process.argv.indexOf(flag);
    return i >= 0 ? process.argv[i + 1] : undefined;
}

function delay(ms: number): Promise<void> {
    return new Promise((r) => setTimeout(r, ms));
}

function testLine(t: E2eTestResult, failureNo: number): string {
    const ms = t.durationMs !== undefined && t.durationMs > 75 ? ` (${t.durationMs} ms)` : '';
    if (t.state === 'passed') {
        return `  ✓ ${t.fullTitle}${ms}`;
    }
    if (t.state === 'failed') {
        return `  ${failureNo}) ${t.fullTitle}`;
    }
    return `  - ${t.fullTitle}`;
}

/** Reads the JSON lines appended to `file` since `offset`. */
function readNewLines(file: string, offset: number): { tests: E2eTestResult[]; offset: number } {
    let text: string;
    try {
        text = fs.readFileSync(file, 'utf8');
    } catch {
        return { tests: [], offset };
    }
    const end = text.lastIndexOf('\n') + 1;
    if (end <= offset) {
        return { tests: [], offset };
    }
    const tests = text
        .slice(offset, end)
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as E2eTestResult);
    return { tests, offset: end };
}

async function main(): Promise<number> {
    const t0 = Date.now();
    const seedPath = path.resolve(argValue('--seed') ?? process.env.ACG_E2E_SEED ?? DEFAULT_SEED);
    const grep = argValue('--grep') ?? process.env.ACG_E2E_GREP;
    const totalTimeout = Number(process.env.ACG_E2E_TOTAL_TIMEOUT ?? 10 * 60_000);
    const seed = readSeed(seedPath);
    const resultDir = fs.mkdtempSync(path.join(os.tmpdir(), 'acg-e2e-result-'));
    const resultFile = path.join(resultDir, 'result.json');
    const progressFile = `${resultFile}.progress`;

    let emu: EmulatorHandle | undefined;
    let cs: CodeServerHandle | undefined;
    let wb: Workbench | undefined;
    let result: E2eSuiteResult | undefined;
    let failureNo = 0;
    try {
        const [suite, vsix] = await Promise.all([buildSuite(), packageExtension()]);
        emu = await startEmulator({ seed: seedPath });
        const env: NodeJS.ProcessEnv = {
            NODE_EXTRA_CA_CERTS: emu.caCertPath,
            ...testAuthEnv(seed),
            ACG_E2E_SUITE: suite,
            ACG_E2E_RESULT: resultFile,
            ACG_E2E_SEED: seedPath,
        };
        if (grep) {
            env.ACG_E2E_GREP = grep;
        }
        if (process.env.ACG_E2E_TIMEOUT) {
            env.ACG_E2E_TIMEOUT = process.env.ACG_E2E_TIMEOUT;
        }
        cs = await launchCodeServer({
            extensions: [vsix, AUTH_PROVIDER_DIR, RUNNER_DIR],
            settings: emulatorCloudSettings(emu.url),
            env,
        });
        wb = await openWorkbench(cs.url);
        // vscode.env.clipboard in a browser workbench is the page's clipboard: without these permissions
        // headless Chromium never answers readText (a desktop user would have granted them).
        await wb.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(cs.url).origin });
        console.log(`\nextension-host suite in code-server (${((Date.now() - t0) / 1000).toFixed(1)}s to start)\n`);

        let offset = 0;
        const deadline = Date.now() + totalTimeout;
        const startDeadline = Date.now() + 120_000;
        let codeServerExited = false;
        void cs.exited.then(() => (codeServerExited = true));
        const printProgress = (): void => {
            const next = readNewLines(progressFile, offset);
            offset = next.offset;
            for (const t of next.tests) {
                console.log(testLine(t, t.state === 'failed' ? ++failureNo : failureNo));
            }
        };
        while (!fs.existsSync(resultFile)) {
            printProgress();
            // The suite's sign-in makes VS Code ask "The extension … wants to sign in": answer like a user.
            if (await signInDialogVisible(wb.page).catch(() => false)) {
                await allowSignIn(wb.page);
                console.log('    (clicked Allow in VS Code\'s sign-in dialog)');
            }
            if (codeServerExited) {
                throw new Error('code-server exited while the suite was running');
            }
            if (!fs.existsSync(`${resultFile}.started`) && Date.now() > startDeadline) {
                throw new Error(`the test-runner extension did not start within 120s (see ${path.join(cs.tempDir, 'code-server.log')}; ACG_KEEP_TEMP=1 keeps it)`);
            }
            if (Date.now() > deadline) {
                throw new Error(`no test results after ${totalTimeout / 1000}s (is the runner extension installed? see ${cs.tempDir})`);
            }
            await delay(300);
        }
        printProgress();
        result = JSON.parse(fs.readFileSync(resultFile, 'utf8')) as E2eSuiteResult;
    } catch (e) {
        const error = e instanceof Error ? (e.stack ?? e.message) : String(e);
        result = { passed: result?.passed ?? 0, failed: 1, pending: 0, failures: [{ title: 'running the suite in code-server', error }], tests: [] };
        await reportFailure('e2e', { wb, cs });
    } finally {
        await closeStarted({ wb, cs, emu });
        fs.rmSync(resultDir, { recursive: true, force: true });
    }

    if (result.failures.length) {
        console.log('\nFailures:');
        result.failures.forEach((f, i) => {
            console.log(`\n  ${i + 1}) ${f.title}\n     ${f.error.split('\n').join('\n     ')}`);
        });
    }
    const pending = result.pending ? `, ${result.pending} pending` : '';
    console.log(`\n${result.passed} passed, ${result.failed} failed${pending} (${((Date.now() - t0) / 1000).toFixed(1)}s)`);
    return result.failed > 0 || result.passed === 0 ? 1 : 0;
}

exitWith(main);
