/**
 * Accessibility check of a form with axe-core, run inside the form's own document (the inner iframe of
 * VS Code's webview, so VS Code's webview wrapper is not part of what is checked).
 *
 * The webview's CSP (`default-src 'none'`, scripts by nonce only) blocks a <script> tag added by the
 * test, so axe's source is evaluated through the DevTools protocol (Playwright's `frame.evaluate` with
 * a string), which the page's CSP does not apply to.
 */
import * as fs from 'node:fs';
import type { AxeResults, ImpactValue, RunOptions } from 'axe-core';
import type { Frame, FrameLocator } from 'playwright-core';

/** Impacts that fail the check. */
const FAILING: readonly ImpactValue[] = ['serious', 'critical'];

export interface AxeViolation {
    readonly id: string;
    readonly impact: ImpactValue;
    readonly help: string;
    /** CSS selectors of the offending elements, as axe reports them. */
    readonly targets: readonly string[];
    /** axe's reason for the first offending element (e.g. the contrast ratio and colours it measured). */
    readonly reason: string;
}

export interface AxeReport {
    /** axe-core's version, as reported by the injected copy. */
    readonly version: string;
    /** Violations with impact serious or critical. */
    readonly violations: readonly AxeViolation[];
}

let axeSource: string | undefined;

function source(): string {
    axeSource ??= fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
    return axeSource;
}

/** The Frame behind a FrameLocator (the form's document). */
async function frameOf(locator: FrameLocator): Promise<Frame> {
    const handle = await locator.owner().elementHandle({ timeout: 10_000 });
    const frame = await handle?.contentFrame();
    if (!frame) {
        throw new Error('the form\'s iframe has no document to check');
    }
    return frame;
}

/** Runs axe-core on the form's whole document; returns its serious and critical violations. */
export async function axeCheck(form: FrameLocator): Promise<AxeReport> {
    const frame = await frameOf(form);
    const present = await frame.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === 'object');
    if (!present) {
        await frame.evaluate(source());
    }
    const options: RunOptions = { resultTypes: ['violations'] };
    const results = await frame.evaluate(async (opts: RunOptions): Promise<Pick<AxeResults, 'testEngine' | 'violations'>> => {
        const axe = (window as unknown as { axe?: { run(context: Document, options: RunOptions): Promise<AxeResults> } }).axe;
        if (!axe) {
            throw new Error('axe-core did not load in the form\'s document');
        }
        const r = await axe.run(document, opts);
        return { testEngine: r.testEngine, violations: r.violations };
    }, options);
    const violations: AxeViolation[] = results.violations
        .filter((v) => v.impact !== undefined && v.impact !== null && FAILING.includes(v.impact))
        .map((v) => ({
            id: v.id,
            impact: v.impact as ImpactValue,
            help: v.help,
            targets: v.nodes.map((n) => n.target.map((t) => (Array.isArray(t) ? t.join(' >>> ') : String(t))).join(' >>> ')),
            reason: (v.nodes[0]?.failureSummary ?? '').replace(/\s+/g, ' ').trim(),
        }));
    return { version: results.testEngine.version, violations };
}

/** One line per violation: rule id, impact, what it means, and the selectors of the elements. */
export function formatViolations(violations: readonly AxeViolation[]): string {
    return violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.targets.join(', ')}${v.reason ? `\n    ${v.reason}` : ''}`).join('\n');
}

/** Throws, listing each serious or critical violation, when axe finds any in the form. */
export async function expectNoSeriousViolations(form: FrameLocator, formName: string): Promise<void> {
    const report = await axeCheck(form);
    if (report.violations.length > 0) {
        throw new Error(
            `axe-core ${report.version} found ${report.violations.length} serious or critical accessibility ` +
                `violation(s) in the ${formName} form:\n${formatViolations(report.violations)}`,
        );
    }
}

/** axe-core's version from its package (for the check's name; the injected copy reports the same). */
export function axeVersion(): string {
    const pkg = JSON.parse(fs.readFileSync(require.resolve('axe-core/package.json'), 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : 'unknown';
}
