/**
 * UI end-to-end test of "Shared with me" (issue 13, §2), in a real VS Code (code-server + headless Chromium) against
 * the ARM emulator seeded with test/emulator/seeds/sharing.json: the Northwind tenant shares northwindShared with the
 * subscription Contoso Production and northwindTenantWide with the Contoso tenant, publishes the community gallery
 * northwind-6f1c…, and has northwindPending waiting for Contoso's acceptance. What it checks on screen:
 *
 *  - "Shared with me" (after the galleries and managed images) lists both shares, once each, and names the region it
 *    looked in (eastus: where Contoso's own gallery is); the pending share is not listed;
 *  - northwindShared › nw-ubuntu-2404 lists its versions newest first, `latest` on 1.1.0 (2.0.0 is excluded from latest);
 *    Copy Image Reference on 1.1.0 puts `{ imageReference: { sharedGalleryImageId } }` on the clipboard;
 *  - Add Community Gallery… (public name, region) shows the gallery with its publisher, contact and links; clicking
 *    the EULA link shows the address in a modal first and opens nothing when cancelled;
 *  - Create Image Version from This… on a community version opens the version form with that version as its source;
 *  - Accept Shared Gallery… (sharer's subscription, gallery name, region, level), confirmed: northwindPending appears.
 *
 *   npx tsx test/e2e/ui/sharing.e2e.ts
 *
 * Screenshots in test-results/: sharing-shared-with-me.png, sharing-copied.png, sharing-community.png,
 * sharing-link-dialog.png, sharing-version-form.png, sharing-accept-dialog.png, sharing-accepted.png (sharing-failure.png when a check fails).
 * Environment: ACG_VSIX (skip packaging), ACG_HEADFUL=1, ACG_KEEP_TEMP=1 (keep user data and logs).
 */
import * as path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { formFrame } from './formUi';
import { quickInput, resizeSidebar, screenshot } from '../../harness/browser';
import { REPO_ROOT } from '../../harness/seed';
import { CheckRun, closeStarted, exitWith, reportFailure } from './checkRun';
import { equal, expect, startSeededWorkbench, type StartedHandles } from './seededWorkbench';
import { childrenOf, clearToasts, clickDialogButton, contextMenu, describeRows, logShownTree, expandRow, findRow, rowLocator, signInFromView, waitForDialog, waitForRows, toastTexts, waitForToast, type Row } from './workbenchUi';

const SEED = path.join(REPO_ROOT, 'test', 'emulator', 'seeds', 'sharing.json');
const VIEW = 'Galleries';
const SUBSCRIPTION = 'Contoso Production';
const SHARED = 'Shared with me';
const NORTHWIND_SUB = '0d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6';
const UNIQUE = `${NORTHWIND_SUB}-NORTHWINDSHARED`;
const PUBLIC_NAME = 'northwind-6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b';

function row(rows: readonly Row[], tail: readonly string[]): Row {
    const found = findRow(rows, tail);
    expect(found !== undefined, `"${tail.join(' › ')}" is not shown; the view shows:\n${describeRows(rows)}`);
    return found;
}

const labelsUnder = (rows: readonly Row[], tail: readonly string[]): string[] => childrenOf(rows, tail).map((r) => r.label);

/** The quick input titled `title` (an input box or a quick pick a command opened). */
async function quickInputTitled(page: Page, title: RegExp, timeout = 20_000): Promise<Locator> {
    const widget = page.locator('.quick-input-widget').filter({ has: page.locator('.quick-input-title', { hasText: title }) }).first();
    await widget.waitFor({ state: 'visible', timeout });
    return widget;
}

/** Types `text` into the input box titled `title` and presses Enter. */
async function answerInput(page: Page, title: RegExp, text: string): Promise<void> {
    const widget = await quickInputTitled(page, title);
    const input = widget.locator('input.input');
    await input.fill(text);
    await input.press('Enter');
    // The next step reuses the widget: wait until this value is gone from it.
    await page.waitForFunction((value) => document.querySelector<HTMLInputElement>('.quick-input-widget input.input')?.value !== value, text, { timeout: 10_000 }).catch(() => undefined);
}

/** Chooses the row labelled exactly `label` in the quick pick titled `title` (filtering first by `filter`). */
async function choose(page: Page, title: RegExp, label: string, filter = label): Promise<void> {
    const widget = await quickInputTitled(page, title);
    await widget.locator('input.input').fill(filter);
    const option = quickInput(page).locator('.monaco-list-row[role="option"]').filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }) }).first();
    await option.waitFor({ state: 'visible', timeout: 20_000 });
    await option.click();
}

/** The clipboard's text once it holds `needle` (the command writes it after the quick pick closes), or what it holds after 10 s. */
async function clipboardWith(page: Page, needle: string): Promise<string> {
    const deadline = Date.now() + 10_000;
    let text = '';
    while (Date.now() < deadline) {
        text = await page.evaluate(() => navigator.clipboard.readText()).catch((e: unknown) => `(clipboard not readable: ${String(e)})`);
        if (text.includes(needle)) {
            break;
        }
        await page.waitForTimeout(200);
    }
    return text;
}

async function main(): Promise<number> {
    const run = new CheckRun();
    const { check } = run;
    const started: StartedHandles = {};

    try {
        const { emu, wb, account } = await startSeededWorkbench(started, run.t0, { seed: SEED, emulator: { lroDelayMs: 50, retryAfterSeconds: 1 }, clipboard: true });
        console.log('Shared with me');
        const page: Page = wb.page;
        let rows: Row[] = [];

        await check('"Shared with me" lists the gallery shared with the subscription and the one shared with the tenant, once each, and names the region searched', async () => {
            await signInFromView(page, { container: 'Compute Gallery', view: VIEW, button: 'Sign in to Azure', account });
            await expandRow(page, VIEW, [account]);
            rows = await expandRow(page, VIEW, [account, SUBSCRIPTION]);
            await resizeSidebar(page, 700);
            rows = await waitForRows(page, VIEW, 'the children of the subscription', (rs) => labelsUnder(rs, [SUBSCRIPTION]).includes(SHARED));
            equal(labelsUnder(rows, [SUBSCRIPTION]).slice(-2), ['Managed images', SHARED], 'the last rows under the subscription');
            rows = await expandRow(page, VIEW, [SUBSCRIPTION, SHARED]);
            rows = await waitForRows(page, VIEW, 'the region named on Shared with me', (rs) => findRow(rs, [SUBSCRIPTION, SHARED])?.description === 'eastus');
            const shared = childrenOf(rows, [SUBSCRIPTION, SHARED]);
            equal(
                shared.map((r) => `${r.label} — ${r.description} [${r.icon}]`),
                ['northwindShared — eastus · shared with this subscription [library]', 'northwindTenantWide — eastus · shared with your tenant [library]'],
                'the galleries shared with me',
            );
            expect(row(rows, [SUBSCRIPTION, SHARED]).ariaLabel === 'Shared with me, regions searched: eastus', `what a screen reader says: ${row(rows, [SUBSCRIPTION, SHARED]).ariaLabel}`);
            await page.mouse.move(1100, 700);
            await screenshot(page, 'sharing-shared-with-me');
        });

        await check('a shared image lists its versions newest first with latest on 1.1.0; Copy Image Reference copies its sharedGalleryImageId', async () => {
            rows = await expandRow(page, VIEW, [SHARED, 'northwindShared']);
            equal(
                childrenOf(rows, [SHARED, 'northwindShared']).map((r) => `${r.label} — ${r.description}`),
                ['nw-ubuntu-2404 — Linux · Generalized · Gen2 · x64', 'nw-ws2022 — Windows · Generalized · Gen2 · x64'],
                'images of northwindShared',
            );
            rows = await expandRow(page, VIEW, ['northwindShared', 'nw-ubuntu-2404']);
            rows = await waitForRows(page, VIEW, 'latest among the versions', (rs) => findRow(rs, ['nw-ubuntu-2404', '1.1.0'])?.icon === 'star-full');
            equal(
                childrenOf(rows, ['northwindShared', 'nw-ubuntu-2404']).map((r) => `${r.label} | ${r.description} [${r.icon}]`),
                ['2.0.0 | excluded from latest [versions]', '1.1.0 | latest [star-full]', '1.0.0 |  [versions]'],
                'versions of nw-ubuntu-2404',
            );
            await clearToasts(page);
            await contextMenu(page, await rowLocator(page, VIEW, ['nw-ubuntu-2404', '1.1.0']), 'Copy Image Reference');
            await choose(page, /Copy image reference/, 'This version (1.1.0)', '');
            const copied = await clipboardWith(page, 'sharedGalleryImageId');
            console.log(`    clipboard: ${copied.replace(/\s+/g, ' ')}`);
            equal(JSON.parse(copied) as unknown, { imageReference: { sharedGalleryImageId: `/SharedGalleries/${UNIQUE}/Images/nw-ubuntu-2404/Versions/1.1.0` } }, 'the clipboard');
            await page.mouse.move(1100, 700);
            await screenshot(page, 'sharing-copied');
        });

        await check('Add Community Gallery… shows the gallery with its publisher, contact and links; a link is shown in a modal before anything opens', async () => {
            await contextMenu(page, await rowLocator(page, VIEW, [SUBSCRIPTION, SHARED]), 'Add Community Gallery…');
            await answerInput(page, /^Add community gallery$/, PUBLIC_NAME);
            await choose(page, /Add community gallery: its region/, 'East US');
            const chosen = Date.now();
            rows = await waitForRows(page, VIEW, 'the community gallery', (rs) => findRow(rs, [SHARED, PUBLIC_NAME]) !== undefined, 30_000);
            // A quick look-up shows in the status bar only: no "Looking for…" notification is left beside the new row.
            if (Date.now() - chosen < 1_200) {
                const toasts = await toastTexts(page);
                expect(!toasts.some((t) => /Looking for community gallery/.test(t)), `a notification is left on screen:\n${toasts.join('\n')}`);
            }
            rows = await expandRow(page, VIEW, [SHARED, PUBLIC_NAME]);
            rows = await waitForRows(page, VIEW, 'the publisher of the community gallery', (rs) => findRow(rs, [SHARED, PUBLIC_NAME])?.description.startsWith('publisher') === true);
            equal(row(rows, [SHARED, PUBLIC_NAME]).description, 'publisher northwind.example.com · eastus', 'the community gallery row');
            equal(
                childrenOf(rows, [SHARED, PUBLIC_NAME]).map((r) => `${r.label} — ${r.description} [${r.icon}]`),
                [
                    'Publisher — https://northwind.example.com/ [link-external]',
                    'Contact — images@northwind.example.com [mail]',
                    'EULA — https://northwind.example.com/eula [link-external]',
                    'Privacy statement — https://northwind.example.com/privacy [link-external]',
                    'Disclaimer — https://northwind.example.com/eula [link-external]',
                    'nw-community-ubuntu — Linux · Generalized · Gen2 · x64 [terminal-linux]',
                ],
                'what the community gallery shows',
            );
            await page.mouse.move(1100, 700);
            await screenshot(page, 'sharing-community');
            await (await rowLocator(page, VIEW, [PUBLIC_NAME, 'EULA'])).click();
            const { dialog, text } = await waitForDialog(page, /Open this link/);
            console.log(`    modal: ${text.message} / ${text.detail}`);
            equal(text.detail, 'https://northwind.example.com/eula', 'the link shown before it opens');
            await page.mouse.move(1100, 200);
            await screenshot(page, 'sharing-link-dialog');
            await clickDialogButton(dialog, 'Cancel');
        });

        await check('Create Image Version from This… on a community version opens the version form with it as the source', async () => {
            rows = await expandRow(page, VIEW, [PUBLIC_NAME, 'nw-community-ubuntu']);
            rows = await waitForRows(page, VIEW, 'the community versions', (rs) => findRow(rs, ['nw-community-ubuntu', '1.0.1'])?.icon === 'star-full');
            equal(labelsUnder(rows, [PUBLIC_NAME, 'nw-community-ubuntu']), ['1.0.1', '1.0.0'], 'versions of the community image');
            await contextMenu(page, await rowLocator(page, VIEW, ['nw-community-ubuntu', '1.0.1']), 'Create Image Version from This…');
            const form = await formFrame(page, /Create image version/);
            const field = form.getByLabel('Community image version', { exact: true });
            await field.waitFor({ state: 'visible', timeout: 20_000 });
            equal(await field.inputValue(), `/CommunityGalleries/${PUBLIC_NAME}/Images/nw-community-ubuntu/Versions/1.0.1`, 'the source the form starts with');
            expect(await form.getByLabel(/^A community image version/).isChecked(), 'the source type is the community version');
            await screenshot(page, 'sharing-version-form');
            await page.keyboard.press('Control+W').catch(() => undefined);
            await page.locator('iframe.webview.ready').first().waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => undefined);
        });

        await check('Accept Shared Gallery… with what the sharer gave, confirmed in a modal: northwindPending appears under Shared with me', async () => {
            const accepts = (): number => emu.requests.filter((r) => r.method === 'POST' && /\/accept$/i.test(r.path.replace(/\?.*$/, ''))).length;
            await clearToasts(page);
            await contextMenu(page, await rowLocator(page, VIEW, [SUBSCRIPTION, SHARED]), 'Accept Shared Gallery…');
            await answerInput(page, /Accept shared gallery/, NORTHWIND_SUB);
            await answerInput(page, /Accept shared gallery/, 'northwindPending');
            await choose(page, /Accept shared gallery/, 'East US');
            await choose(page, /Accept shared gallery/, 'Shared with this subscription', '');
            const { dialog, text } = await waitForDialog(page, /northwindPending/);
            console.log(`    modal: ${text.message}\n    detail: ${text.detail}`);
            equal(text.message, 'Accept the shared gallery "northwindPending"?', 'the confirmation');
            expect(text.detail.startsWith(`Gallery "northwindPending" of subscription ${NORTHWIND_SUB} in eastus, shared with subscription 8f3b1c2d-4e5f-4a6b-9c7d-0e1f2a3b4c5d.`), `the detail: ${text.detail}`);
            equal(accepts(), 0, 'nothing sent before the confirmation');
            await page.mouse.move(1100, 200);
            await screenshot(page, 'sharing-accept-dialog');
            await clickDialogButton(dialog, 'Accept');
            await waitForToast(page, /Accepted the shared gallery "northwindPending"/, 30_000);
            equal(accepts(), 1, 'one accept request');
            rows = await waitForRows(page, VIEW, 'northwindPending under Shared with me', (rs) => findRow(rs, [SHARED, 'northwindPending']) !== undefined, 30_000);
            equal(row(rows, [SHARED, 'northwindPending']).description, 'eastus · shared with this subscription', 'the accepted gallery');
            // Listed again, the rows keep what they showed: the region searched, the community gallery's publisher.
            rows = await waitForRows(page, VIEW, 'Shared with me naming its region again', (rs) => findRow(rs, [SUBSCRIPTION, SHARED])?.description === 'eastus');
            equal(row(rows, [SHARED, PUBLIC_NAME]).description, 'publisher northwind.example.com · eastus', 'the community gallery after the refresh');
            await page.mouse.move(1100, 700);
            await screenshot(page, 'sharing-accepted');
        });

        await logShownTree(page, VIEW);
    } catch (e) {
        run.failed(e);
        await reportFailure('sharing', started);
    } finally {
        await closeStarted(started);
    }
    return run.summary();
}

exitWith(main);
