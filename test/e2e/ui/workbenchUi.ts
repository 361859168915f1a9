/**
 * What the Explorer UI test reads from and does on the code-server workbench, on top of
 * test/harness/browser.ts: tree rows with their description and icon (message rows such as
 * "Load more…" have role=button, not treeitem), rows found by their path, context menus, modal
 * dialogs, multi-select quick picks, hovers, notifications and the active editor.
 */
import type { Locator, Page } from 'playwright-core';
import { allowSignIn, clickWelcomeButton, openViewContainer, quickInput, viewPane } from '../../harness/browser';

export interface Row {
    /** data-index of the row in the view's list (valid until the list changes). */
    index: number;
    label: string;
    description: string;
    ariaLabel: string;
    /** codicon id of the item's icon (e.g. "star-full"), '' when none. */
    icon: string;
    level: number;
    expanded: boolean | undefined;
    /** Labels from the top row down to this one. */
    path: string[];
}

/** Every rendered row of the view (the list is virtualised: make the window tall enough for what you read). */
export async function readRows(page: Page, view: string): Promise<Row[]> {
    const raw = await viewPane(page, view)
        .first()
        .locator('.monaco-list-row[data-index]')
        .evaluateAll((els) =>
            els
                .map((el) => {
                    const iconEl = el.querySelector('.custom-view-tree-node-item-icon');
                    const icon = [...(iconEl?.classList ?? [])].find((c) => c.startsWith('codicon-') && c !== 'codicon-colored');
                    const expanded = el.getAttribute('aria-expanded');
                    return {
                        index: Number(el.getAttribute('data-index')),
                        label: (el.querySelector('.label-name')?.textContent ?? '').trim(),
                        description: (el.querySelector('.label-description')?.textContent ?? '').trim(),
                        ariaLabel: el.getAttribute('aria-label') ?? '',
                        icon: icon ? icon.slice('codicon-'.length) : '',
                        level: Number(el.getAttribute('aria-level') ?? '0'),
                        expanded: expanded === null ? undefined : expanded === 'true',
                    };
                })
                .sort((a, b) => a.index - b.index),
        );
    const stack: string[] = [];
    return raw.map((r) => {
        stack.length = Math.max(0, r.level - 1);
        stack.push(r.label);
        return { ...r, path: [...stack] };
    });
}

/** The rows directly under the row whose path ends with `parentPath` (labels, innermost last). */
export function childrenOf(rows: readonly Row[], parentPath: readonly string[]): Row[] {
    const parent = findRow(rows, parentPath);
    return parent ? rows.filter((r) => r.level === parent.level + 1 && sameStart(r.path, parent.path)) : [];
}

function sameStart(path: readonly string[], prefix: readonly string[]): boolean {
    return prefix.every((p, i) => path[i] === p);
}

/** The row whose path ends with `tail` (e.g. ['win-server-g2', '1.10.0']). */
export function findRow(rows: readonly Row[], tail: readonly string[]): Row | undefined {
    return rows.find((r) => r.path.length >= tail.length && tail.every((t, i) => r.path[r.path.length - tail.length + i] === t));
}

export function describeRows(rows: readonly Row[]): string {
    return rows.map((r) => `${'  '.repeat(Math.max(0, r.level - 1))}${r.label}${r.description ? ` — ${r.description}` : ''} [${r.icon}]`).join('\n');
}

/** Prints the view as it is shown now, indented: the end of every UI runner's log. */
export async function logShownTree(page: Page, view: string): Promise<void> {
    const rows = await readRows(page, view);
    console.log(`\ntree as shown:\n${describeRows(rows)
        .split('\n')
        .map((l) => `  ${l}`)
        .join('\n')}`);
}

/** Polls the view until `done(rows)` holds; returns those rows, or throws with what was shown. */
export async function waitForRows(page: Page, view: string, what: string, done: (rows: Row[]) => boolean, timeout = 20_000): Promise<Row[]> {
    const deadline = Date.now() + timeout;
    let rows = await readRows(page, view);
    while (!done(rows)) {
        if (Date.now() > deadline) {
            throw new Error(`timed out waiting for ${what}; the view shows:\n${describeRows(rows)}`);
        }
        await page.waitForTimeout(100);
        rows = await readRows(page, view);
    }
    return rows;
}

/**
 * Signs in as a user does: opens the view container, clicks the view's welcome button (e.g. "Sign in to Azure") and
 * answers VS Code's "wants to sign in" dialog with Allow (test auth provider), then waits for the account's row.
 * On a busy machine the first click can land before the command is registered: it clicks again. Returns the
 * dialog's message.
 */
export async function signInFromView(
    page: Page,
    opts: { container: string; view: string; button: string; account: string },
    timeout = 30_000,
): Promise<string> {
    await openViewContainer(page, opts.container);
    let message: string | undefined;
    for (let attempt = 1; ; attempt++) {
        await clickWelcomeButton(page, opts.view, opts.button, timeout);
        message = await allowSignIn(page, 15_000).catch(() => undefined);
        if (message !== undefined) {
            break;
        }
        if (attempt === 3) {
            throw new Error('VS Code never asked to allow the sign-in');
        }
    }
    await waitForRows(page, opts.view, `the account "${opts.account}"`, (rows) => rows.some((r) => r.level === 1 && r.label.toLowerCase() === opts.account.toLowerCase()), timeout);
    return message;
}

/**
 * Waits until the view's rows have stopped changing: no row added, removed or redrawn for `quietMs` (at most
 * `timeout`, then it goes on). A tree that reloads a node after a save redraws its rows with new items; a right-click
 * on a row about to be replaced gives the command an item VS Code has already dropped.
 */
export async function treeQuiet(page: Page, view: string, quietMs = 800, timeout = 10_000): Promise<void> {
    const list = viewPane(page, view).first().locator('.monaco-list-rows').first();
    await list.waitFor({ state: 'attached', timeout });
    // The page marks the list with the time of its last change; Node polls that. (Only anonymous callbacks run in the
    // page: tsx wraps named ones in a helper the page doesn't have.)
    await list.evaluate((el) => {
        const marked = el as HTMLElement & { acgWatcher?: MutationObserver };
        if (!marked.acgWatcher) {
            marked.dataset.acgChanged = String(Date.now());
            marked.acgWatcher = new MutationObserver(() => {
                marked.dataset.acgChanged = String(Date.now());
            });
            marked.acgWatcher.observe(el, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['aria-label', 'aria-expanded', 'data-index'] });
        }
    });
    const deadline = Date.now() + timeout;
    while (Date.now() < deadline) {
        const quietFor = await list.evaluate((el) => Date.now() - Number((el as HTMLElement).dataset.acgChanged ?? 0));
        if (quietFor >= quietMs) {
            return;
        }
        await page.waitForTimeout(Math.min(quietMs - quietFor + 20, 500));
    }
}

/** Waits for the row at `tail`, and for the view to stop redrawing, and returns a locator for it. */
export async function rowLocator(page: Page, view: string, tail: readonly string[], timeout = 20_000): Promise<Locator> {
    await waitForRows(page, view, `"${tail.join(' › ')}"`, (rs) => findRow(rs, tail) !== undefined, timeout);
    await treeQuiet(page, view);
    const rows = await waitForRows(page, view, `"${tail.join(' › ')}"`, (rs) => findRow(rs, tail) !== undefined, timeout);
    const row = findRow(rows, tail)!;
    // The row at that index, only while it still shows this label at this depth: should the list be redrawn after
    // all, an action waits for the row to be back rather than acting on whatever row took its place.
    const escaped = row.label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return viewPane(page, view)
        .first()
        .locator(`.monaco-list-row[data-index="${row.index}"]${row.level > 0 ? `[aria-level="${row.level}"]` : ''}`)
        .filter({ has: page.locator('.label-name', { hasText: new RegExp(`^\\s*${escaped}\\s*$`) }) });
}

/** Expands the row at `tail` (a single click toggles) and waits until its first child is rendered. */
export async function expandRow(page: Page, view: string, tail: readonly string[], timeout = 20_000): Promise<Row[]> {
    const row = await rowLocator(page, view, tail, timeout);
    if ((await row.getAttribute('aria-expanded')) === 'false') {
        await row.click();
    }
    return waitForRows(page, view, `the children of "${tail.join(' › ')}"`, (rs) => childrenOf(rs, tail).length > 0, timeout);
}

/**
 * Right-clicks the row and chooses a context-menu entry by its label. A click that lands while the menu
 * is still settling can be ignored by the workbench (the menu stays open): then it is clicked again.
 */
export async function contextMenu(page: Page, row: Locator, entry: string | RegExp, timeout = 10_000): Promise<void> {
    await row.click({ button: 'right' });
    const item = page.getByRole('menuitem', { name: entry }).filter({ visible: true }).first();
    await item.waitFor({ state: 'visible', timeout });
    for (let attempt = 1; ; attempt++) {
        await item.click();
        if (await item.waitFor({ state: 'hidden', timeout: 2_000 }).then(() => true, () => false)) {
            return;
        }
        if (attempt === 3) {
            throw new Error(`the context menu stayed open after clicking "${String(entry)}" ${attempt} times`);
        }
    }
}

export interface DialogText {
    message: string;
    detail: string;
    buttons: string[];
}

/** The modal dialog currently shown (waits for one matching `text`). */
export async function waitForDialog(page: Page, text: RegExp, timeout = 20_000): Promise<{ dialog: Locator; text: DialogText }> {
    const dialog = page.locator('.monaco-dialog-box').filter({ hasText: text }).first();
    await dialog.waitFor({ state: 'visible', timeout });
    const message = (await dialog.locator('.dialog-message-text').first().innerText().catch(() => '')).trim();
    const detail = (await dialog.locator('.dialog-message-detail').first().innerText().catch(() => '')).trim();
    const buttons = (await dialog.locator('.dialog-buttons .monaco-button').allInnerTexts()).map((b) => b.trim()).filter(Boolean);
    return { dialog, text: { message, detail, buttons } };
}

export async function clickDialogButton(dialog: Locator, name: string, timeout = 10_000): Promise<void> {
    await dialog.getByRole('button', { name, exact: true }).click();
    await dialog.waitFor({ state: 'hidden', timeout });
}

/**
 * Runs a palette command that answers with a quick pick of its own (harness runCommand waits for the
 * quick input to close, which it then never does); waits for the pick titled `pickTitle`.
 */
export async function runCommandToQuickPick(page: Page, command: string, pickTitle: RegExp, timeout = 20_000): Promise<Locator> {
    const widget = quickInput(page);
    await page.locator('.monaco-workbench').focus().catch(() => undefined);
    await page.keyboard.press('F1');
    const input = widget.locator('input.input');
    await input.waitFor({ state: 'visible', timeout });
    await input.fill(`>${command}`);
    await widget.locator('.monaco-list-row[role="option"]').filter({ hasText: command }).first().click();
    const picker = page.locator('.quick-input-widget').filter({ has: page.locator('.quick-input-title', { hasText: pickTitle }) });
    await picker.first().waitFor({ state: 'visible', timeout });
    return picker.first();
}

/** Rows of the open quick pick: label, and whether its checkbox is ticked (multi-select picks). */
export async function quickPickRows(page: Page): Promise<Array<{ label: string; checked: boolean | undefined }>> {
    return quickInput(page)
        .locator('.monaco-list-row[role="option"], .monaco-list-row[role="checkbox"]')
        .evaluateAll((els) =>
            els.map((el) => {
                const checked = el.getAttribute('aria-checked');
                return {
                    label: (el.querySelector('.label-name')?.textContent ?? el.getAttribute('aria-label') ?? '').trim(),
                    checked: checked === null ? undefined : checked === 'true',
                };
            }),
        );
}

/**
 * Ticks or unticks the row labelled `label` of a multi-select quick pick by clicking its checkbox, as a
 * user would; clicks again when the pick was redrawn under the click (items filled in meanwhile).
 */
export async function setQuickPickTick(page: Page, picker: Locator, label: string, checked: boolean): Promise<void> {
    const row = picker.locator('.monaco-list-row[role="checkbox"]').filter({ has: page.locator('.label-name', { hasText: label }) }).first();
    for (let attempt = 1; attempt <= 3; attempt++) {
        if ((await row.getAttribute('aria-checked')) === String(checked)) {
            return;
        }
        await row.locator('.monaco-checkbox').click();
        const deadline = Date.now() + 2_000;
        while (Date.now() < deadline && (await row.getAttribute('aria-checked')) !== String(checked)) {
            await page.waitForTimeout(50);
        }
    }
    if ((await row.getAttribute('aria-checked')) !== String(checked)) {
        throw new Error(`"${label}" stays ${checked ? 'unticked' : 'ticked'} after 3 clicks on its checkbox`);
    }
}

/** Texts of the toasts on screen, whatever their kind. */
export async function toastTexts(page: Page): Promise<string[]> {
    return page.locator('.notifications-toasts .notification-list-item').allInnerTexts();
}

/** Texts of the error toasts on screen (red error icon). */
export async function errorToastTexts(page: Page): Promise<string[]> {
    return page.locator('.notifications-toasts .notification-list-item').evaluateAll((els) =>
        els
            .filter((el) => el.querySelector('.notification-list-item-icon.codicon-error') !== null)
            .map((el) => (el.querySelector('.notification-list-item-message')?.textContent ?? '').trim()),
    );
}

/** Waits for a toast whose text matches; returns its text. */
export async function waitForToast(page: Page, text: RegExp, timeout = 20_000): Promise<string> {
    const toast = page.locator('.notifications-toasts .notification-list-item').filter({ hasText: text }).first();
    await toast.waitFor({ state: 'visible', timeout });
    return (await toast.locator('.notification-list-item-message').first().innerText()).trim();
}

/** Closes the toasts on screen (so the next check sees only new ones); best effort, a few seconds at most. */
export async function clearToasts(page: Page): Promise<void> {
    const toasts = page.locator('.notifications-toasts .notification-list-item');
    for (let i = (await toasts.count()) - 1; i >= 0; i--) {
        const toast = toasts.nth(i);
        // Toasts come and go on their own: never wait long for one.
        await toast.hover({ timeout: 1_000 }).catch(() => undefined);
        await toast.locator('.codicon-notifications-clear').first().click({ timeout: 1_000 }).catch(() => undefined);
    }
    await page.waitForFunction(() => document.querySelectorAll('.notifications-toasts .notification-list-item').length === 0, undefined, { timeout: 3_000 }).catch(() => undefined);
}

/** The text the workbench's hover shows for `target` after pointing at it (waits until it matches `text`). */
export async function hoverText(page: Page, target: Locator, text: RegExp, timeout = 15_000): Promise<string> {
    const hover = page.locator('.workbench-hover, .monaco-hover').filter({ hasText: text }).first();
    const deadline = Date.now() + timeout;
    // A hover opens after a delay and can close when the tree redraws: point again until it shows.
    while (Date.now() < deadline) {
        await page.mouse.move(5, 5);
        await target.locator('.label-name').first().hover();
        if (await hover.waitFor({ state: 'visible', timeout: 4_000 }).then(() => true, () => false)) {
            return (await hover.innerText()).replace(/\u00a0/g, ' ').trim();
        }
    }
    const shown = await page.locator('.workbench-hover, .monaco-hover').allInnerTexts();
    throw new Error(`no hover matching ${text} appeared; hovers shown: ${JSON.stringify(shown)}`);
}

/** The active editor tab's accessible title (e.g. "1.10.0.json, preview") and the text of its visible lines. */
export async function activeEditor(page: Page): Promise<{ title: string; text: string }> {
    const title = ((await page.locator('.tabs-container .tab.active').first().getAttribute('aria-label').catch(() => '')) ?? '').trim();
    const lines = await page
        .locator('.editor-group-container.active .monaco-editor .view-lines .view-line')
        .evaluateAll((els) =>
            els
                .map((el) => ({ top: Number.parseFloat((el as HTMLElement).style.top || '0'), text: (el.textContent ?? '').replace(/\u00a0/g, ' ') }))
                .sort((a, b) => a.top - b.top)
                .map((l) => l.text),
        );
    return { title, text: lines.join('\n') };
}
