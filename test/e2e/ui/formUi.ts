/**
 * Driving a resource form in the real VS Code: the form's document inside the webview's nested iframes, its buttons,
 * pickers and field errors. Shared by the UI tests that open forms (forms, VM applications, sharing, l10n).
 */
import type { FrameLocator, Page } from 'playwright-core';

/**
 * The form inside the visible webview whose heading matches (a string: exactly, trimmed): VS Code nests it in two
 * iframes. `editable`: also wait until the form takes input (an edit form's resource has been read).
 */
export async function formFrame(page: Page, heading: RegExp | string, options: { readonly editable?: boolean } = {}): Promise<FrameLocator> {
    const matches = (h1: string): boolean => (typeof heading === 'string' ? h1 === heading : heading.test(h1));
    const deadline = Date.now() + 30_000;
    for (;;) {
        const seen: string[] = [];
        const outers = page.locator('iframe.webview.ready');
        for (let i = (await outers.count()) - 1; i >= 0; i--) {
            const outer = outers.nth(i);
            if (!(await outer.isVisible())) {
                continue;
            }
            const found = outer.contentFrame().locator('iframe#active-frame').contentFrame();
            const h1 = (await found.locator('h1').first().innerText({ timeout: 1_000 }).catch(() => '')).trim();
            seen.push(h1);
            if (matches(h1)) {
                // The locator returned is used for the rest of a check and later ones, so it names this webview's
                // iframe by its id (VS Code sets the name attribute to it), not by its position: a form closing
                // meanwhile removes its iframe and shifts the positions of those after it.
                const name = await outer.getAttribute('name').catch(() => null);
                const frame = name ? page.locator(`iframe.webview[name="${name.replace(/["\\]/g, '\\$&')}"]`).contentFrame().locator('iframe#active-frame').contentFrame() : found;
                if (options.editable) {
                    await frame.locator('fieldset.all:not([disabled])').waitFor({ state: 'attached', timeout: 20_000 });
                }
                return frame;
            }
        }
        if (Date.now() > deadline) {
            throw new Error(`no form with a heading like ${typeof heading === 'string' ? `"${heading}"` : String(heading)} appeared (headings seen: ${seen.map((h) => `"${h}"`).join(', ') || 'none'})`);
        }
        await page.waitForTimeout(200);
    }
}

/**
 * Presses a form button from the keyboard (focus + Enter), as a keyboard-only user would. (A mouse click
 * near the bottom of the webview can land on a notification toast drawn over it.)
 */
export async function pressButton(frame: FrameLocator, name: string): Promise<void> {
    await frame.getByRole('button', { name, exact: true }).press('Enter');
}

/** A successful submit closes the form's tab. */
export async function formClosed(page: Page, tabTitle: RegExp, timeout = 15_000): Promise<void> {
    await page.locator('.tabs-container .tab').filter({ hasText: tabTitle }).first().waitFor({ state: 'detached', timeout });
}

/** Waits until the picker has loaded (an option with that value exists), then chooses it. */
export async function choose(frame: FrameLocator, label: string | RegExp, value: string): Promise<void> {
    const select = frame.getByLabel(label, { exact: typeof label === 'string' }).first();
    await select.locator(`option[value="${value.replace(/"/g, '\\"')}"]`).waitFor({ state: 'attached', timeout: 20_000 });
    await select.selectOption(value);
}

export async function fieldError(frame: FrameLocator, label: string): Promise<string> {
    const input = frame.getByLabel(label, { exact: true }).first();
    const describedBy = (await input.getAttribute('aria-describedby')) ?? '';
    const errorId = describedBy.split(' ').find((id) => id.endsWith('-error'));
    return errorId ? (await frame.locator(`#${errorId}`).innerText()).trim() : '';
}
