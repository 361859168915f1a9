/**
 * Driving a resource form in the real VS Code: the form's document inside the webview's nested iframes, its buttons,
 * pickers and field errors. Shared by the forms and VM applications UI tests.
 */
import type { FrameLocator, Page } from 'playwright-core';

/** The form inside the active webview: VS Code nests it in two iframes. */
export async function formFrame(page: Page, heading: RegExp): Promise<FrameLocator> {
    const deadline = Date.now() + 30_000;
    for (;;) {
        const outers = page.locator('iframe.webview.ready');
        const count = await outers.count();
        for (let i = count - 1; i >= 0; i--) {
            const outer = outers.nth(i);
            if (!(await outer.isVisible())) {
                continue;
            }
            const frame = outer.contentFrame().locator('iframe#active-frame').contentFrame();
            const h1 = frame.locator('h1');
            if ((await h1.count()) > 0 && heading.test((await h1.first().innerText().catch(() => '')) ?? '')) {
                return frame;
            }
        }
        if (Date.now() > deadline) {
            throw new Error(`no form with a heading like ${String(heading)} appeared`);
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
