/**
 * Extension-host entry point of the end-to-end suite (the @vscode/test-electron convention:
 * `run(): Promise<void>` resolves when every test passed, rejects otherwise).
 *
 * Bundled by test/e2e/buildSuite.ts into out/e2e-suite/index.js (mocha bundled in, `vscode`
 * external), then loaded
 *   - by the test-runner extension (test/e2e/runner-extension) in code-server, which calls
 *     `runWithResults()` to get per-test results, or
 *   - by VS Code desktop itself as `--extensionTestsPath` (test/e2e/runInElectron.ts), which calls `run()`.
 *
 * Environment: ACG_E2E_GREP (only tests whose full title matches), ACG_E2E_TIMEOUT (ms per test, 60000).
 */
import Mocha from 'mocha';
import testFiles from 'acg-e2e:test-files';
import { mapStack } from './sourceMap';

export interface E2eTestResult {
    title: string;
    fullTitle: string;
    state: 'passed' | 'failed' | 'pending';
    durationMs?: number;
    error?: string;
}

export interface E2eSuiteResult {
    passed: number;
    failed: number;
    pending: number;
    failures: Array<{ title: string; error: string }>;
    tests: E2eTestResult[];
}

function describeError(err: unknown): string {
    if (err instanceof Error) {
        return mapStack(err.stack ?? `${err.name}: ${err.message}`);
    }
    return String(err);
}

/** Runs every bundled test file; `onTest` is called as each test (or failing hook) finishes. */
export function runWithResults(onTest?: (test: E2eTestResult) => void): Promise<E2eSuiteResult> {
    const timeout = Number.parseInt(process.env.ACG_E2E_TIMEOUT ?? '', 10);
    const mocha = new Mocha({
        ui: 'bdd',
        color: false,
        reporter: 'spec', // to the extension host's console (VS Code desktop prints it on stdout)
        timeout: Number.isFinite(timeout) && timeout > 0 ? timeout : 60_000,
    });
    if (process.env.ACG_E2E_GREP) {
        mocha.grep(process.env.ACG_E2E_GREP);
    }
    for (const { file, load } of testFiles) {
        mocha.suite.emit('pre-require', globalThis, file, mocha);
        load();
        mocha.suite.emit('post-require', globalThis, file, mocha);
    }

    const result: E2eSuiteResult = { passed: 0, failed: 0, pending: 0, failures: [], tests: [] };
    const record = (test: E2eTestResult): void => {
        result.tests.push(test);
        if (test.state === 'passed') {
            result.passed++;
        } else if (test.state === 'failed') {
            result.failed++;
            result.failures.push({ title: test.fullTitle, error: test.error ?? '' });
        } else {
            result.pending++;
        }
        try {
            onTest?.(test);
        } catch {
            // a reporting problem must not change the test outcome
        }
    };

    return new Promise((resolve) => {
        const runner = mocha.run(() => resolve(result));
        runner.on('pass', (t: Mocha.Test) =>
            record({ title: t.title, fullTitle: t.fullTitle(), state: 'passed', durationMs: t.duration }),
        );
        runner.on('fail', (t: Mocha.Runnable, err: unknown) =>
            record({ title: t.title, fullTitle: t.fullTitle(), state: 'failed', durationMs: t.duration, error: describeError(err) }),
        );
        runner.on('pending', (t: Mocha.Test) => record({ title: t.title, fullTitle: t.fullTitle(), state: 'pending' }));
    });
}

/** The @vscode/test-electron entry point. */
export async function run(): Promise<void> {
    const result = await runWithResults();
    if (result.failed > 0) {
        throw new Error(`${result.failed} test(s) failed.`);
    }
}
