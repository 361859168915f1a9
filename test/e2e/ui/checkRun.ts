/**
 * The on-screen checks of a UI e2e runner: each check prints ✓/✗, a failing one stops the run (later checks
 * depend on it), a setup failure counts as a failed check, and the run ends with `N passed, N failed`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { notifications, quickInput, screenshot, type Workbench } from '../../harness/browser';
import type { CodeServerHandle } from '../../harness/codeServer';

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

/** What a runner has started: described when the run fails, closed when it ends. */
export interface Started {
    readonly wb?: Workbench;
    readonly cs?: CodeServerHandle;
    readonly emu?: { close(): Promise<unknown> };
}

/**
 * What was on screen and in the logs when a run failed: a screenshot (test-results/<name>-failure.png), the editor
 * tabs, a quick input left open, notifications and browser console errors, the extension's own log and the tail of code-server's output.
 */
export async function reportFailure(name: string, { wb, cs }: Started): Promise<void> {
    if (wb) {
        const shot = await screenshot(wb.page, `${name}-failure`).catch(() => undefined);
        if (shot) {
            console.log(`screenshot of the failure: ${path.relative(process.cwd(), shot)}`);
        }
        const tabs = await wb.page.locator('.tabs-container .tab').allInnerTexts().catch(() => []);
        console.log(`editor tabs: ${tabs.map((t) => t.trim()).join(' | ') || 'none'}`);
        const picker = quickInput(wb.page);
        if (await picker.isVisible().catch(() => false)) {
            const title = (await picker.locator('.quick-input-title').innerText().catch(() => '')).trim();
            const placeholder = (await picker.locator('input').first().getAttribute('placeholder').catch(() => null)) ?? '';
            const items = await picker.locator('.monaco-list-row').allInnerTexts().catch(() => []);
            console.log(`quick input on screen: "${title || placeholder}"${items.length ? `\n  ${items.slice(0, 10).map((i) => i.replace(/\s+/g, ' ').trim()).join('\n  ')}` : ''}`);
        }
        const toasts = await notifications(wb.page).catch(() => []);
        if (toasts.length) {
            console.log(`notifications on screen:\n  ${toasts.join('\n  ')}`);
        }
        if (wb.consoleErrors.length) {
            console.log(`browser console errors:\n  ${wb.consoleErrors.slice(-10).join('\n  ')}`);
        }
    }
    if (cs) {
        for (const log of extensionLogs(cs.userDataDir)) {
            console.log(`--- ${path.basename(log.file)} (tail) ---\n${log.text.slice(-3000)}`);
        }
        console.log(`--- code-server output (tail) ---\n${cs.output().slice(-3000)}`);
    }
}

/** Closes what the runner started, browser first; a failure to close does not hide the run's own result. */
export async function closeStarted({ wb, cs, emu }: Started): Promise<void> {
    await wb?.close().catch(() => undefined);
    await cs?.close().catch(() => undefined);
    await emu?.close().catch(() => undefined);
}

/** Runs a runner's main and exits with its code (1 when it throws). */
export function exitWith(main: () => Promise<number>): void {
    main().then(
        (code) => process.exit(code),
        (e: unknown) => {
            console.error(e);
            process.exit(1);
        },
    );
}

/** The extension's own log (its "Azure Compute Gallery" output channel), non-empty files only. */
function extensionLogs(userDataDir: string): { file: string; text: string }[] {
    const found: { file: string; text: string }[] = [];
    const walk = (dir: string, depth: number): void => {
        for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
            const full = path.join(dir, entry.name);
            if (entry.isDirectory() && depth < 6) {
                walk(full, depth + 1);
            } else if (entry.isFile() && full.includes('acg-tools.azure-compute-gallery') && entry.name.endsWith('.log')) {
                found.push({ file: full, text: fs.readFileSync(full, 'utf8') });
            }
        }
    };
    try {
        walk(path.join(userDataDir, 'logs'), 0);
    } catch {
        // no logs yet
    }
    return found.filter((log) => log.text.trim() !== '');
}
