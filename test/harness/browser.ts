/**
 * playwright-core helpers that drive the code-server workbench in headless Chromium.
 *
 * Selectors follow VS Code's accessible DOM (role=tab activity bar items, role=treeitem rows with
 * aria-label, `.monaco-dialog-box` modal dialogs, the quick input widget), not internal class
 * names where that can be avoided.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const RESULTS_DIR = path.join(REPO_ROOT, 'test-results');

export const CHROMIUM_ARGS = [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
];

export function chromiumPath(): string {
    return process.env.ACG_CHROMIUM ?? '/usr/bin/chromium';
}

export interface Workbench {
    browser: Browser;
    context: BrowserContext;
    page: Page;
    /** Browser console errors seen so far (for diagnostics). */
    consoleErrors: string[];
    close(): Promise<void>;
}

export interface OpenWorkbenchOptions {
    /** Default true; ACG_HEADFUL=1 shows the window (needs a display). */
    headless?: boolean;
    viewport?: { width: number; height: number };
    /** How long to wait for the workbench to be ready (ms). Default 90s. */
    timeout?: number;
}

/**
 * Launches Chromium with a fresh profile (Playwright uses a new temp user-data-dir per launch),
 * opens the workbench and waits until it is ready (see waitForWorkbench).
 */
export async function openWorkbench(url: string, opts: OpenWorkbenchOptions = {}): Promise<Workbench> {
    const browser = await chromium.launch({
        executablePath: chromiumPath(),
        headless: opts.headless ?? process.env.ACG_HEADFUL !== '1',
        args: CHROMIUM_ARGS,
    });
    try {
        const context = await browser.newContext({ viewport: opts.viewport ?? { width: 1400, height: 900 } });
        const page = await context.newPage();
        const consoleErrors: string[] = [];
        page.on('console', (m) => {
            if (m.type() === 'error') {
                consoleErrors.push(m.text());
            }
        });
        page.on('pageerror', (e) => consoleErrors.push(`pageerror: ${e.message}`));
        await page.goto(url);
        await waitForWorkbench(page, opts.timeout ?? 90_000);
        return { browser, context, page, consoleErrors, close: () => browser.close() };
    } catch (e) {
        await browser.close();
        throw e;
    }
}

/**
 * Ready = the workbench shell is rendered (activity bar + status bar) and the remote connection to
 * the server is up (the status bar's remote indicator exists). The extension host then starts;
 * callers wait for their own UI (a view container, a command) with their own timeouts.
 */
export async function waitForWorkbench(page: Page, timeout = 90_000): Promise<void> {
    await page.locator('.monaco-workbench .part.activitybar').waitFor({ state: 'visible', timeout });
    await page.locator('.monaco-workbench .part.statusbar').waitFor({ state: 'visible', timeout });
    // Dismiss nothing, click nothing: with the harness settings there is no welcome page or trust prompt.
}

function escapeRegExp(s: string): string {
    return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The activity bar entry of a view container, by its title (aria-label may carry a keybinding suffix). */
export function activityBarItem(page: Page, title: string): Locator {
    return page.locator('.part.activitybar [role="tab"]').filter({
        has: page.locator(`a.action-label`).and(page.locator(`[aria-label^="${title.replace(/"/g, '\\"')}"]`)),
    });
}

/**
 * Opens a view container from the activity bar by its title (e.g. "Compute Gallery") and waits
 * until its sidebar is shown. Waits for the entry to appear first (it appears when the extension's
 * contributions are registered, shortly after the extension host connects).
 */
export async function openViewContainer(page: Page, title: string, timeout = 60_000): Promise<void> {
    const item = activityBarItem(page, title).first();
    await item.waitFor({ state: 'visible', timeout });
    if ((await item.getAttribute('aria-selected')) !== 'true') {
        await item.locator('a.action-label').click();
    }
    // The sidebar title is the container title, or "Title: View" when the container has a single view.
    await page
        .locator('.part.sidebar .composite.title h2')
        .filter({ hasText: new RegExp(`^${escapeRegExp(title)}(:|$)`, 'i') })
        .first()
        .waitFor({ state: 'visible', timeout });
}

/** The quick input widget (command palette, quick picks). */
export function quickInput(page: Page): Locator {
    return page.locator('.quick-input-widget');
}

/**
 * Runs a command through the command palette: F1, type the title, wait for a row whose label
 * matches, Enter. `title` is matched as the row's label text ("Category: Title" as shown).
 */
export async function runCommand(page: Page, title: string, timeout = 30_000): Promise<void> {
    const widget = quickInput(page);
    // Focus the workbench first so that F1 reaches it (not an input inside a webview or dialog).
    await page.locator('.monaco-workbench').focus().catch(() => undefined);
    await page.keyboard.press('F1');
    const input = widget.locator('input.input');
    await input.waitFor({ state: 'visible', timeout });
    await input.fill(`>${title}`);
    const row = widget.locator('.monaco-list-row[role="option"]').filter({ hasText: title }).first();
    await row.waitFor({ state: 'visible', timeout });
    // The first row is selected after filtering; make sure it is the one we mean.
    await row.click();
    await widget.waitFor({ state: 'hidden', timeout });
}

/**
 * Answers VS Code's "The extension '…' wants to sign in using …" modal with Allow.
 * Returns the dialog's message text.
 */
export async function allowSignIn(page: Page, timeout = 30_000): Promise<string> {
    const dialog = page.locator('.monaco-dialog-box').filter({ hasText: /wants to sign in/i }).first();
    await dialog.waitFor({ state: 'visible', timeout });
    const message = (await dialog.locator('.dialog-message-row').first().innerText().catch(() => '')).trim();
    await dialog.getByRole('button', { name: /^Allow$/ }).click();
    await dialog.waitFor({ state: 'hidden', timeout });
    return message;
}

/** Is the sign-in consent dialog on screen right now? */
export async function signInDialogVisible(page: Page): Promise<boolean> {
    return page.locator('.monaco-dialog-box').filter({ hasText: /wants to sign in/i }).first().isVisible();
}

/**
 * The pane of a view (e.g. "Galleries") in the open sidebar, found by its header title (the header
 * stays in the DOM, hidden, when the container shows a single view).
 */
export function viewPane(page: Page, viewName: string): Locator {
    return page.locator('.part.sidebar .pane').filter({
        has: page.locator('.pane-header h3.title').filter({ hasText: new RegExp(`^${escapeRegExp(viewName)}$`, 'i') }),
    });
}

/** Expands a view pane if collapsed. */
export async function expandViewPane(page: Page, viewName: string, timeout = 30_000): Promise<Locator> {
    const pane = viewPane(page, viewName).first();
    await pane.waitFor({ state: 'visible', timeout });
    const header = pane.locator('.pane-header').first();
    if ((await header.getAttribute('aria-expanded')) === 'false') {
        await header.click();
    }
    return pane;
}

/** A tree row of a view by (a regexp or exact) aria-label. */
export function treeItem(page: Page, viewName: string, label: string | RegExp): Locator {
    const pane = viewPane(page, viewName).first();
    const re = typeof label === 'string' ? new RegExp(`^${escapeRegExp(label)}$`) : label;
    return pane.locator('[role="treeitem"]').filter({ has: page.locator('.label-name, .monaco-highlighted-label').filter({ hasText: re }) });
}

export interface TreeItemInfo {
    label: string;
    ariaLabel: string;
    level: number;
    expanded: boolean | undefined;
    /** Labels from the root row down to this row (derived from aria-level of the rendered rows). */
    path: string[];
}

/** The rendered rows (role=treeitem) of a view: label text, aria-label, level, expanded state. */
export async function readTreeItems(page: Page, viewName: string): Promise<TreeItemInfo[]> {
    const rows = viewPane(page, viewName).first().locator('[role="treeitem"]');
    const raw = await rows.evaluateAll((els) =>
        els
            .map((el) => {
                const labelEl = el.querySelector('.label-name') ?? el.querySelector('.monaco-highlighted-label');
                const expanded = el.getAttribute('aria-expanded');
                return {
                    index: Number(el.getAttribute('data-index') ?? '0'),
                    label: (labelEl?.textContent ?? '').trim(),
                    ariaLabel: el.getAttribute('aria-label') ?? '',
                    level: Number(el.getAttribute('aria-level') ?? '0'),
                    expanded: expanded === null ? undefined : expanded === 'true',
                };
            })
            .sort((a, b) => a.index - b.index),
    );
    // Rows are rendered in list order (virtualised: only those in view), so ancestors precede descendants.
    const stack: string[] = [];
    return raw.map(({ label, ariaLabel, level, expanded }) => {
        stack.length = Math.max(0, level - 1);
        stack.push(label);
        return { label, ariaLabel, level, expanded, path: [...stack] };
    });
}

/** Waits until a row with this label is rendered in the view; returns it. */
export async function waitForTreeItem(page: Page, viewName: string, label: string | RegExp, timeout = 30_000): Promise<Locator> {
    const item = treeItem(page, viewName, label).first();
    await item.waitFor({ state: 'visible', timeout });
    return item;
}

/** Expands a collapsed tree row (click on its twistie) and waits for it to report expanded. */
export async function expandTreeItem(item: Locator, timeout = 30_000): Promise<void> {
    if ((await item.getAttribute('aria-expanded')) === 'false') {
        // Tree rows toggle on single click (workbench.tree.expandMode defaults to singleClick).
        await item.click();
    }
    await item.and(item.page().locator('[aria-expanded="true"]')).waitFor({ timeout });
}

/** Clicks a button of the view's welcome content (e.g. "Sign in to Azure"). */
export async function clickWelcomeButton(page: Page, viewName: string, buttonText: string, timeout = 30_000): Promise<void> {
    const pane = viewPane(page, viewName).first();
    const button = pane.locator('.welcome-view-content').getByRole('button', { name: buttonText });
    await button.first().waitFor({ state: 'visible', timeout });
    await button.first().click();
}

/**
 * Drags the sash between the side bar and the editor so that the side bar is `width` px wide
 * (long tree labels and descriptions are then readable in screenshots). Best effort.
 */
export async function resizeSidebar(page: Page, width: number): Promise<void> {
    const box = await page.locator('.part.sidebar').boundingBox();
    if (!box) {
        return;
    }
    const sashes = page.locator('.monaco-sash.vertical');
    const count = await sashes.count();
    for (let i = 0; i < count; i++) {
        const sash = await sashes.nth(i).boundingBox();
        if (sash && Math.abs(sash.x + sash.width / 2 - (box.x + box.width)) <= 6 && sash.height > box.height / 2) {
            const x = sash.x + sash.width / 2;
            const y = sash.y + sash.height / 2;
            await page.mouse.move(x, y);
            await page.mouse.down();
            await page.mouse.move(x + (width - box.width) / 2, y, { steps: 4 });
            await page.mouse.move(box.x + width, y, { steps: 4 });
            await page.mouse.up();
            return;
        }
    }
}

/** Saves a full-page screenshot to test-results/<name>.png and returns the path. */
export async function screenshot(page: Page, name: string): Promise<string> {
    fs.mkdirSync(RESULTS_DIR, { recursive: true });
    const file = path.join(RESULTS_DIR, name.endsWith('.png') ? name : `${name}.png`);
    await page.screenshot({ path: file });
    return file;
}

/** Texts of the notification toasts currently shown (errors from the extension show up here). */
export async function notifications(page: Page): Promise<string[]> {
    return page.locator('.notifications-toasts .notification-list-item').evaluateAll((els) =>
        els.map((el) => (el.getAttribute('aria-label') ?? el.textContent ?? '').trim()),
    );
}
