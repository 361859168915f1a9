/**
 * The on-screen checks of a UI e2e runner: each check prints ✓/✗, a failing one stops the run (later checks
 * depend on it), a setup failure counts as a failed check, and the run ends with `N passed, N failed`.
 */
export class StopRun extends Error {}

export interface CheckResult {
    readonly name: string;
    readonly ok: boolean;
    readonly ms: number;
    readonly error?: string;
}

export function since(t0: number): string {
    return `${((Date.now() - t0) / 1000).toFixed(1)}s`;
}

export class CheckRun {
    readonly results: CheckResult[] = [];
    readonly t0 = Date.now();

    /** `onFailure` runs after a failed check is reported (e.g. a screenshot), before the run stops. */
    constructor(private readonly onFailure?: () => Promise<void>) {}

    readonly check = async (name: string, fn: () => Promise<void>): Promise<void> => {
        const start = Date.now();
        try {
            await fn();
            this.results.push({ name, ok: true, ms: Date.now() - start });
            console.log(`  ✓ ${name} (${Date.now() - start} ms)`);
        } catch (e) {
            const error = e instanceof Error ? e.message : String(e);
            this.results.push({ name, ok: false, ms: Date.now() - start, error });
            console.log(`  ✗ ${name}\n      ${error.split('\n').join('\n      ')}`);
            await this.onFailure?.().catch(() => undefined);
            throw new StopRun();
        }
    };

    /** Records an error thrown outside a check (setup); a StopRun was already reported. */
    failed(e: unknown): void {
        if (e instanceof StopRun) {
            return;
        }
        const error = e instanceof Error ? (e.stack ?? e.message) : String(e);
        this.results.push({ name: 'test setup', ok: false, ms: 0, error });
        console.log(`  ✗ setup failed: ${error}`);
    }

    /** Prints the closing line; the process exit code (1 on any failure or when nothing ran). */
    summary(): number {
        const passed = this.results.filter((r) => r.ok).length;
        const failed = this.results.length - passed;
        console.log(`\n${passed} passed, ${failed} failed (${since(this.t0)})`);
        return failed > 0 || passed === 0 ? 1 : 0;
    }
}
