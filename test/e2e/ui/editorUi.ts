/**
 * What the schema UI test reads from and does in the code-server editor, on top of test/harness/browser.ts: the
 * active editor's lines with their squiggles (the underlined text, read from the rendered characters), the cursor
 * position from the status bar, the suggest widget (rows and the details pane), hovers, the Problems panel, quick
 * open and Go to Line. Everything is read from the screen (DOM of the workbench), nothing from VS Code's API.
 */
import type { Locator, Page } from 'playwright-core';
import { quickInput } from '../../harness/browser';

export type Severity = 'error' | 'warning' | 'info';

export interface Squiggle {
    severity: Severity;
    /** 1-based line number shown in the gutter. */
    line: number;
    /** The characters of that line the squiggle underlines. */
    text: string;
}

export interface EditorView {
    /** Rendered lines by 1-based line number (spaces normalised). */
    lines: Map<number, string>;
    squiggles: Squiggle[];
}

/** The editor of the active editor group (the text editor, not widgets inside it). */
export function activeEditor(page: Page): Locator {
    return page.locator('.part.editor .editor-group-container.active .editor-container .monaco-editor').first();
}

/**
 * The lines of the active editor as rendered and the squiggles on them. Lines are matched to the gutter's line
 * numbers and squiggles to lines by their position on screen; the underlined text is the characters whose centre
 * lies under the squiggle. Only rendered (visible) lines are seen: keep test files shorter than the editor.
 */
export async function readEditor(page: Page): Promise<EditorView> {
    // No named helpers inside the page function: tsx (esbuild keepNames) would wrap them in __name(), which the page lacks.
    const raw = await activeEditor(page).evaluate((editor) => {
        const numbers = [...editor.querySelectorAll('.margin-view-overlays .line-numbers')].map((el) => ({
            n: Number((el.textContent ?? '').trim()),
            rect: el.getBoundingClientRect(),
        }));
        const lines = [...editor.querySelectorAll('.view-lines .view-line')].map((el) => {
            const rect = el.getBoundingClientRect();
            const centre = rect.top + rect.height / 2;
            const number = numbers.find((n) => Math.abs(n.rect.top + n.rect.height / 2 - centre) < rect.height / 2);
            return { el, rect, n: number?.n ?? -1, text: (el.textContent ?? '').replace(/\u00a0/g, ' ') };
        });
        const range = document.createRange();
        const squiggles = [...editor.querySelectorAll('.view-overlays [class*="squiggly-"]')].flatMap((el) => {
            const severity = /squiggly-(error|warning|info)\b/.exec(el.className)?.[1];
            const rect = el.getBoundingClientRect();
            const centre = rect.top + rect.height / 2;
            const line = lines.find((l) => Math.abs(l.rect.top + l.rect.height / 2 - centre) < l.rect.height / 2);
            if (!severity || !line) {
                return [];
            }
            // The characters whose centre lies under the squiggle.
            let text = '';
            const walker = document.createTreeWalker(line.el, NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                const content = node.textContent ?? '';
                for (let i = 0; i < content.length; i++) {
                    range.setStart(node, i);
                    range.setEnd(node, i + 1);
                    const r = range.getBoundingClientRect();
                    const x = r.left + r.width / 2;
                    if (x >= rect.left && x <= rect.right) {
                        text += content[i] === '\u00a0' ? ' ' : content[i];
                    }
                }
            }
            return [{ severity, line: line.n, text }];
        });
        return { lines: lines.map((l) => [l.n, l.text] as const), squiggles };
    });
    return {
        lines: new Map(raw.lines.map(([n, text]) => [n, text])),
        squiggles: raw.squiggles.map((s) => ({ ...s, severity: s.severity as Severity })).sort((a, b) => a.line - b.line),
    };
}

/** The editor's text as rendered, lines joined with \n (line numbers 1..max; missing lines empty). */
export function editorText(view: EditorView): string {
    const max = Math.max(0, ...view.lines.keys());
    return Array.from({ length: max }, (_, i) => view.lines.get(i + 1) ?? '').join('\n');
}

export function describeSquiggles(squiggles: readonly Squiggle[]): string {
    return squiggles.length ? squiggles.map((s) => `${s.severity} line ${s.line}: ${JSON.stringify(s.text)}`).join('; ') : 'none';
}

/** Polls the active editor until `done` holds; the error names `what` and shows the last view. */
export async function waitForEditor(page: Page, what: string, done: (view: EditorView) => boolean, timeout = 20_000): Promise<EditorView> {
    const deadline = Date.now() + timeout;
    let last: EditorView | undefined;
    for (;;) {
        last = await readEditor(page).catch(() => last);
        if (last && done(last)) {
            return last;
        }
        if (Date.now() > deadline) {
            const text = last ? editorText(last) : '(no editor)';
            throw new Error(`timed out after ${timeout} ms waiting for ${what}\n  squiggles: ${last ? describeSquiggles(last.squiggles) : '-'}\n  editor:\n    ${text.split('\n').join('\n    ')}`);
        }
        await page.waitForTimeout(150);
    }
}

/** 1-based line and column of the first occurrence of `needle` in the rendered text (column of its first character). */
export function find(view: EditorView, needle: string, after = 0): { line: number; column: number } {
    for (const [line, text] of [...view.lines.entries()].sort((a, b) => a[0] - b[0])) {
        const i = line > after ? text.indexOf(needle) : -1;
        if (i >= 0) {
            return { line, column: i + 1 };
        }
    }
    throw new Error(`"${needle}" is not in the editor:\n${editorText(view)}`);
}

/** The status bar's cursor position ("Ln 4, Col 15"). */
export async function cursorPosition(page: Page): Promise<{ line: number; column: number } | undefined> {
    const texts = await page.locator('.part.statusbar .statusbar-item').allInnerTexts();
    for (const text of texts) {
        const m = /Ln (\d+), Col (\d+)/.exec(text);
        if (m) {
            return { line: Number(m[1]), column: Number(m[2]) };
        }
    }
    return undefined;
}

/** Ctrl+G, "line:column", Enter; waits until the status bar shows the cursor there. */
export async function goTo(page: Page, line: number, column: number, timeout = 10_000): Promise<void> {
    await page.keyboard.press('Control+G');
    const input = quickInput(page).locator('input.input');
    await input.waitFor({ state: 'visible', timeout });
    await page.keyboard.type(`${line}:${column}`);
    await page.keyboard.press('Enter');
    await quickInput(page).waitFor({ state: 'hidden', timeout });
    const deadline = Date.now() + timeout;
    for (;;) {
        const at = await cursorPosition(page);
        if (at?.line === line && at.column === column) {
            return;
        }
        if (Date.now() > deadline) {
            throw new Error(`Go to Line ${line}:${column} left the cursor at ${at ? `${at.line}:${at.column}` : 'an unknown position'}`);
        }
        await page.waitForTimeout(100);
    }
}

/** Selects `length` characters to the right of line:column (Shift+Right), as a user would before overtyping. */
export async function select(page: Page, line: number, column: number, length: number): Promise<void> {
    await goTo(page, line, column);
    for (let i = 0; i < length; i++) {
        await page.keyboard.press('Shift+ArrowRight');
    }
}

/** F1 → file name (quick open) → the row of that file; waits for its editor tab to be active. */
export async function openFile(page: Page, fileName: string, timeout = 20_000): Promise<void> {
    const widget = quickInput(page);
    await page.keyboard.press('F1');
    const input = widget.locator('input.input');
    await input.waitFor({ state: 'visible', timeout });
    await input.fill(fileName);
    const row = widget.locator('.monaco-list-row[role="option"]').filter({ has: page.locator('.label-name', { hasText: fileName }) }).first();
    await row.waitFor({ state: 'visible', timeout });
    await row.click();
    await widget.waitFor({ state: 'hidden', timeout });
    await activeTab(page, fileName).waitFor({ state: 'visible', timeout });
}

/** The active editor tab with this name. */
export function activeTab(page: Page, name: string): Locator {
    return page.locator(`.part.editor .editor-group-container.active .tab.active[data-resource-name="${name.replace(/"/g, '\\"')}"]`);
}

export interface SuggestRow {
    /** The label as shown. */
    label: string;
    ariaLabel: string;
    focused: boolean;
}

export function suggestWidget(page: Page): Locator {
    return page.locator('.monaco-editor .suggest-widget.visible').first();
}

/** The rendered rows of the open suggest widget (only those scrolled into view are rendered). */
export async function suggestRows(page: Page): Promise<SuggestRow[]> {
    return suggestWidget(page)
        .locator('.monaco-list-row')
        .evaluateAll((els) =>
            els
                .map((el) => ({
                    index: Number(el.getAttribute('data-index') ?? '0'),
                    label: (el.querySelector('.label-name')?.textContent ?? '').trim(),
                    ariaLabel: el.getAttribute('aria-label') ?? '',
                    focused: el.classList.contains('focused'),
                }))
                .sort((a, b) => a.index - b.index)
                .map(({ label, ariaLabel, focused }) => ({ label, ariaLabel, focused })),
        );
}

/**
 * Ctrl+Space until the suggest widget lists rows for which `done` holds: the first request may come before a
 * language server is ready ("No suggestions."), so it is asked again, as a user would. Returns the rows.
 */
export async function triggerSuggest(page: Page, what: string, done: (rows: SuggestRow[]) => boolean, timeout = 20_000): Promise<SuggestRow[]> {
    const deadline = Date.now() + timeout;
    let rows: SuggestRow[] = [];
    for (;;) {
        await page.keyboard.press('Control+Space');
        const settle = Date.now() + 3_000;
        while (Date.now() < settle) {
            rows = (await suggestWidget(page).isVisible()) ? await suggestRows(page) : [];
            if (done(rows)) {
                return rows;
            }
            await page.waitForTimeout(150);
        }
        if (Date.now() > deadline) {
            throw new Error(`timed out waiting for suggestions: ${what}\n  rows shown: ${rows.map((r) => r.label).join(', ') || 'none'}`);
        }
        await page.keyboard.press('Escape');
    }
}

/**
 * Ctrl+Space once and waits until the suggest widget has answered: rows, or its "No suggestions." message (VS Code
 * shows either only when every completion provider has answered). Returns the rows ([] for "No suggestions.").
 */
export async function suggestOutcome(page: Page, timeout = 10_000): Promise<SuggestRow[]> {
    await page.keyboard.press('Control+Space');
    const message = page.locator('.monaco-editor .suggest-widget .message').filter({ hasText: /^No suggestions\.?$/ }).first();
    const deadline = Date.now() + timeout;
    for (;;) {
        const rows = (await suggestWidget(page).isVisible()) ? await suggestRows(page) : [];
        if (rows.length > 0) {
            return rows;
        }
        if (await message.isVisible()) {
            return [];
        }
        if (Date.now() > deadline) {
            throw new Error(`Ctrl+Space showed neither suggestions nor "No suggestions." within ${timeout} ms`);
        }
        await page.waitForTimeout(150);
    }
}

/** The details pane of the suggest widget (detail line and documentation of the focused row). */
function suggestDetailsPane(page: Page): Locator {
    return page.locator('.monaco-editor .suggest-details-container .suggest-details').first();
}

/** The details pane's text (detail line and documentation of the focused row), '' when hidden. */
export async function suggestDetails(page: Page): Promise<string> {
    const details = suggestDetailsPane(page);
    if (!(await details.isVisible())) {
        return '';
    }
    return ((await details.innerText().catch(() => '')) ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * Shows the details pane (Ctrl+Space again while the widget is open toggles it) and returns its text. The toggle is
 * pressed only while the pane is hidden: a pane already shown may still be empty while its row is resolved, and a
 * second Ctrl+Space would hide it again.
 */
export async function showSuggestDetails(page: Page, timeout = 5_000): Promise<string> {
    const deadline = Date.now() + timeout;
    let toggled = false;
    for (;;) {
        const shown = await suggestDetailsPane(page).isVisible();
        const text = shown ? await suggestDetails(page) : '';
        if (text) {
            return text;
        }
        if (!shown && !toggled) {
            await page.keyboard.press('Control+Space');
            toggled = true;
        }
        if (Date.now() > deadline) {
            throw new Error(shown ? 'the suggest widget\'s details pane stays empty' : 'the suggest widget shows no details pane');
        }
        await page.waitForTimeout(100);
    }
}

/** Arrow Down/Up until the focused row has this label; returns the details pane's text for it. */
export async function focusSuggestion(page: Page, label: string, timeout = 5_000): Promise<string> {
    const deadline = Date.now() + timeout;
    for (let steps = 0; ; steps++) {
        const rows = await suggestRows(page);
        const focused = rows.find((r) => r.focused);
        if (focused?.label === label) {
            // The details pane follows the focus: wait until it says what the row reads out (its aria-label ends with
            // "docs: <detail><documentation>" once the item is resolved and the pane is shown).
            const settle = Date.now() + 5_000;
            for (;;) {
                const details = await suggestDetails(page);
                const aria = (await suggestRows(page)).find((r) => r.focused)?.ariaLabel ?? '';
                const squeeze = (text: string): string => text.replace(/\s+/g, '');
                if ((details && squeeze(aria).includes(squeeze(details).slice(0, 24))) || Date.now() > settle) {
                    return details;
                }
                await page.waitForTimeout(100);
            }
        }
        if (Date.now() > deadline || steps > 40) {
            throw new Error(`could not focus suggestion "${label}" (rows: ${rows.map((r) => (r.focused ? `[${r.label}]` : r.label)).join(', ')})`);
        }
        await page.keyboard.press('ArrowDown');
        await page.waitForTimeout(50);
    }
}

/**
 * Types `filter` into the open suggest widget (it narrows the list, as when a user starts typing), waits until the
 * focused row is `label`, and accepts it with Enter. Typing makes the pick independent of where the focus was.
 */
export async function acceptSuggestion(page: Page, filter: string, label: string, timeout = 5_000): Promise<void> {
    await page.keyboard.type(filter);
    const deadline = Date.now() + timeout;
    for (;;) {
        const rows = (await suggestWidget(page).isVisible()) ? await suggestRows(page) : [];
        if (rows.find((r) => r.focused)?.label === label) {
            break;
        }
        if (Date.now() > deadline) {
            throw new Error(`after typing "${filter}" the focused suggestion is not "${label}" (rows: ${rows.map((r) => (r.focused ? `[${r.label}]` : r.label)).join(', ') || 'none'})`);
        }
        await page.waitForTimeout(100);
    }
    await page.keyboard.press('Enter');
    await suggestWidget(page).waitFor({ state: 'hidden', timeout });
}

/** Ctrl+K Ctrl+I (Show Hover) at the cursor; returns the hover's text once it is shown. */
export async function showHover(page: Page, what: RegExp, timeout = 10_000): Promise<string> {
    const hover = page.locator('.monaco-editor .monaco-hover:not(.hidden)').first();
    const deadline = Date.now() + timeout;
    let text = '';
    for (;;) {
        await page.keyboard.press('Control+K');
        await page.keyboard.press('Control+I');
        const settle = Date.now() + 2_000;
        while (Date.now() < settle) {
            text = (await hover.isVisible()) ? ((await hover.innerText().catch(() => '')) ?? '').replace(/\s+/g, ' ').trim() : '';
            if (what.test(text)) {
                return text;
            }
            await page.waitForTimeout(150);
        }
        if (Date.now() > deadline) {
            throw new Error(`the hover does not show ${String(what)}; it shows: ${text || 'nothing'}`);
        }
        await page.keyboard.press('Escape');
    }
}

export interface ProblemRow {
    /** aria-label of the row (severity, message, position, source as VS Code reads it out). */
    ariaLabel: string;
    /** Text shown on the row. */
    text: string;
    /** File rows are level 1, problems level 2. */
    level: number;
}

/** The rows of the Problems panel (open it first with openProblems). */
export async function problemRows(page: Page): Promise<ProblemRow[]> {
    return page
        .locator('.part.panel .markers-panel .monaco-list-row')
        .evaluateAll((els) =>
            els
                .map((el) => ({
                    index: Number(el.getAttribute('data-index') ?? '0'),
                    ariaLabel: el.getAttribute('aria-label') ?? '',
                    text: ((el as HTMLElement).innerText ?? '').replace(/\s+/g, ' ').trim(),
                    level: Number(el.getAttribute('aria-level') ?? '0'),
                }))
                .sort((a, b) => a.index - b.index)
                .map(({ ariaLabel, text, level }) => ({ ariaLabel, text, level })),
        );
}

/** Problems under the file row whose label is `fileName` (level-2 rows until the next file row). */
export function problemsOf(rows: readonly ProblemRow[], fileName: string): ProblemRow[] {
    const out: ProblemRow[] = [];
    let inside = false;
    for (const row of rows) {
        if (row.level === 1) {
            inside = row.text.split(' ')[0] === fileName || row.ariaLabel.startsWith(`${fileName} `) || row.ariaLabel.startsWith(`${fileName},`);
        } else if (inside) {
            out.push(row);
        }
    }
    return out;
}

/** F1 → "Focus on Problems View"; waits for the panel. */
export async function openProblems(page: Page, timeout = 15_000): Promise<void> {
    const widget = quickInput(page);
    await page.keyboard.press('F1');
    const input = widget.locator('input.input');
    await input.waitFor({ state: 'visible', timeout });
    await input.fill('>Focus on Problems View');
    const row = widget.locator('.monaco-list-row[role="option"]').filter({ hasText: /Focus on Problems View/ }).first();
    await row.waitFor({ state: 'visible', timeout });
    await row.click();
    await widget.waitFor({ state: 'hidden', timeout });
    await page.locator('.part.panel .markers-panel').first().waitFor({ state: 'visible', timeout });
}

/** F1 → "View: Hide Panel" (gives the editor its height back); nothing to do when no panel is shown. */
export async function hidePanel(page: Page, timeout = 15_000): Promise<void> {
    const panel = page.locator('.part.panel').first();
    if (!(await panel.isVisible())) {
        return;
    }
    const widget = quickInput(page);
    await page.keyboard.press('F1');
    const input = widget.locator('input.input');
    await input.waitFor({ state: 'visible', timeout });
    await input.fill('>View: Hide Panel');
    const row = widget.locator('.monaco-list-row[role="option"]').filter({ hasText: /Hide Panel/ }).first();
    await row.waitFor({ state: 'visible', timeout });
    await row.click();
    await widget.waitFor({ state: 'hidden', timeout });
    await panel.waitFor({ state: 'hidden', timeout });
}

/** Polls the Problems panel until `done` holds. */
export async function waitForProblems(page: Page, what: string, done: (rows: ProblemRow[]) => boolean, timeout = 20_000): Promise<ProblemRow[]> {
    const deadline = Date.now() + timeout;
    let rows: ProblemRow[] = [];
    for (;;) {
        rows = await problemRows(page).catch(() => rows);
        if (done(rows)) {
            return rows;
        }
        if (Date.now() > deadline) {
            throw new Error(`timed out waiting for ${what} in the Problems panel; it shows:\n  ${rows.map((r) => `${'  '.repeat(Math.max(0, r.level - 1))}${r.ariaLabel || r.text}`).join('\n  ') || '(nothing)'}`);
        }
        await page.waitForTimeout(200);
    }
}
