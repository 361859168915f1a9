/**
 * UI end-to-end test of Clean Up Versions and Compare (issue 11) in a real VS Code (code-server + headless Chromium),
 * against the ARM emulator with test/emulator/seeds/lifecycle.json (gallery lifecycleGallery with soft delete;
 * definition weekly: 1.0.0–1.7.0 published weekly, 1.2.0 blocked before its end of life, 1.3.0 excluded from latest,
 * 1.6.0 still Updating, 1.7.0 is `latest`). What it checks on screen:
 *
 *  - "Clean Up Versions…" on weekly: the rules quick pick (checkboxes) and the number's input box;
 *  - the preview document lists every version with its decision and reason, and keeps `latest` (1.7.0), the blocked
 *    1.2.0 and the Updating 1.6.0, while nothing has been deleted yet;
 *  - the modal confirmation says the versions can be restored (soft delete) and that `latest` stays 1.7.0;
 *  - after confirming, the deleted versions are gone from the tree and from the emulator, the preview shows the
 *    outcome of each, and one notification gives the account;
 *  - "Compare with…" on 1.7.0, choosing 1.2.0: the diff editor titled "1.2.0 ↔ 1.7.0 (weekly)" with each side's
 *    ARM JSON, keys sorted;
 *  - two versions selected with Ctrl+click (the view's canSelectMany): "Compare Selected Versions" opens their diff;
 *  - "Restore" on 1.4.0 (one the clean-up deleted) under "Recently deleted": it is back among the versions, gone from
 *    "Recently deleted", and the other four deleted versions are still there;
 *  - 1.7.0 and 1.4.0 selected with Ctrl+click: the context menu offers only what acts on a selection (Delete…,
 *    Compare Selected Versions); Delete asks once, listing both as restorable and naming 1.6.0 as the next `latest`;
 *    confirmed, both are deleted and show under "Recently deleted".
 *
 *   flock /tmp/acg-e2e.lock npx tsx test/e2e/ui/cleanup.e2e.ts
 *
 * Screenshots in test-results/: cleanup-preview-dialog.png, cleanup-after.png, cleanup-compare.png, cleanup-compare-selected.png,
 * cleanup-restored.png, cleanup-multi-menu.png, cleanup-multi-delete-dialog.png, cleanup-multi-deleted.png
 * (cleanup-failure.png when a check fails).
 */
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { quickInput, screenshot } from '../../harness/browser';
import { CheckRun, closeStarted, exitWith, reportFailure } from './checkRun';
import { equal, expect, startSeededWorkbench, type StartedHandles } from './seededWorkbench';
import {
    activeEditor,
    childrenOf,
    clickDialogButton,
    contextMenu,
    logShownTree,
    expandRow,
    rowLocator,
    setQuickPickTick,
    signInFromView,
    waitForDialog,
    waitForRows,
    waitForToast,
    type Row,
} from './workbenchUi';

const SEED = path.resolve(__dirname, '..', '..', 'emulator', 'seeds', 'lifecycle.json');
const VIEW = 'Galleries';
const SUBSCRIPTION = 'Contoso Lifecycle';
const WEEKLY = '/subscriptions/6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c9d/resourceGroups/rg-lifecycle/providers/Microsoft.Compute/galleries/lifecycleGallery/images/weekly';



const versionLabels = (rows: readonly Row[]): string[] => childrenOf(rows, ['weekly']).map((r) => r.label).filter((l) => /^\d+\.\d+\.\d+$/.test(l));

/** Polls the active editor until its text satisfies `done`. */
async function waitForEditorText(page: Page, what: string, done: (text: string, title: string) => boolean, timeout = 20_000): Promise<{ title: string; text: string }> {
    const deadline = Date.now() + timeout;
    let editor = await activeEditor(page);
    while (!done(editor.text, editor.title)) {
        if (Date.now() > deadline) {
            throw new Error(`timed out waiting for ${what}; the editor "${editor.title}" shows:\n${editor.text}`);
        }
        await page.waitForTimeout(150);
        editor = await activeEditor(page);
    }
    return editor;
}

/** The two sides of the active diff editor (original = left, modified = right), as rendered. */
async function diffSides(page: Page): Promise<{ left: string; right: string }> {
    const sides = await page
        .locator('.editor-group-container.active .monaco-diff-editor')
        .first()
        .evaluate((diff) =>
            ['.editor.original', '.editor.modified'].map((selector) => {
                const lines = [...diff.querySelectorAll(`${selector} .view-lines .view-line`)].map((el) => ({
                    top: Number.parseFloat((el as HTMLElement).style.top || '0'),
                    text: (el.textContent ?? '').replace(/\u00a0/g, ' '),
                }));
                return lines.sort((a, b) => a.top - b.top).map((l) => l.text).join('\n');
            }),
        );
    return { left: sides[0] ?? '', right: sides[1] ?? '' };
}

/** The keys of the top-level object as shown (lines indented by exactly two spaces). */
function topLevelKeys(text: string): string[] {
    return [...text.matchAll(/^ {2}"([^"]+)":/gm)].map((m) => m[1]);
}

async function main(): Promise<number> {
    const run = new CheckRun();
    const { check } = run;
    const started: StartedHandles = {};

    try {
        const { emu, wb, account } = await startSeededWorkbench(started, run.t0, { seed: SEED, emulator: { lroDelayMs: 50 }, viewport: { width: 1600, height: 1000 } });
        console.log('Clean up versions and compare');
        const page: Page = wb.page;
        let rows: Row[] = [];

        await check('signs in and shows the weekly definition with its eight versions', async () => {
            await signInFromView(page, { container: 'Compute Gallery', view: VIEW, button: 'Sign in to Azure', account });
            await expandRow(page, VIEW, [account]);
            await expandRow(page, VIEW, [SUBSCRIPTION]);
            await expandRow(page, VIEW, ['lifecycleGallery']);
            rows = await expandRow(page, VIEW, ['weekly']);
            rows = await waitForRows(page, VIEW, 'the versions of weekly', (rs) => versionLabels(rs).length === 8);
            equal(versionLabels(rows), ['1.7.0', '1.6.0', '1.5.0', '1.4.0', '1.3.0', '1.2.0', '1.1.0', '1.0.0'], 'versions of weekly');
        });

        const deletesBefore = (): number => emu.requests.filter((r) => r.method === 'DELETE').length;

        await check('Clean Up Versions…: rules with checkboxes, then the number, then a preview that keeps latest; nothing deleted yet', async () => {
            await contextMenu(page, await rowLocator(page, VIEW, ['weekly']), 'Clean Up Versions…');
            const picker = page.locator('.quick-input-widget').filter({ has: page.locator('.quick-input-title', { hasText: /Clean up versions of/ }) }).first();
            await picker.waitFor({ state: 'visible', timeout: 20_000 });
            await setQuickPickTick(page, picker, 'Older than N days', true);
            await picker.locator('.quick-input-action .monaco-button', { hasText: 'OK' }).click();
            const input = quickInput(page).locator('input.input');
            await page.locator('.quick-input-widget .quick-input-title', { hasText: 'Older than N days' }).first().waitFor({ state: 'visible', timeout: 10_000 });
            await input.fill('5');
            await input.press('Enter');

            const { text } = await waitForDialog(page, /Delete 5 versions/, 30_000);
            equal(text.message, 'Delete 5 versions from image definition lifecycleGallery/weekly?', 'the confirmation');
            equal(
                text.detail.split('\n'),
                [
                    'Soft delete is on in this gallery: the versions can be restored for 7 days from "Recently deleted" under their image definitions, then they are purged.',
                    'In lifecycleGallery/weekly, "latest" stays 1.7.0.',
                    '3 versions are kept; the preview lists each version and why.',
                ],
                'the confirmation detail',
            );
            expect(text.buttons.includes('Delete 5 Versions') && text.buttons.includes('Cancel'), `the buttons: ${JSON.stringify(text.buttons)}`);
            const preview = await waitForEditorText(page, 'the preview document', (t) => t.includes('| weekly | 1.0.0 |'));
            expect(preview.title.startsWith('Clean up lifecycleGallery-weekly.md'), `preview tab: ${preview.title}`);
            const lines = preview.text.split('\n');
            const rowOf = (version: string): string => lines.find((l) => l.startsWith(`| weekly | ${version} |`)) ?? `(no row for ${version})`;
            expect(/\| keep \| it is `latest` \(would match: older than 5 days\) \|$/.test(rowOf('1.7.0')), `1.7.0: ${rowOf('1.7.0')}`);
            expect(/\| keep \| provisioning state is Updating/.test(rowOf('1.6.0')), `1.6.0: ${rowOf('1.6.0')}`);
            expect(/\| keep \| deletion blocked by its safety profile \(until \d{4}-\d{2}-\d{2}\)/.test(rowOf('1.2.0')), `1.2.0: ${rowOf('1.2.0')}`);
            for (const v of ['1.5.0', '1.4.0', '1.3.0', '1.1.0', '1.0.0']) {
                expect(/\| delete \| older than 5 days \|$/.test(rowOf(v)), `${v}: ${rowOf(v)}`);
            }
            expect(preview.text.includes('Nothing has been sent to Azure'), 'the preview says nothing was sent');
            equal(deletesBefore(), 0, 'DELETE requests before the confirmation');
            await page.mouse.move(1500, 200);
            await screenshot(page, 'cleanup-preview-dialog');
        });

        await check('confirmed: the five versions are deleted, the tree and the preview show it, one notification gives the account', async () => {
            const { dialog } = await waitForDialog(page, /Delete 5 versions/);
            await clickDialogButton(dialog, 'Delete 5 Versions');
            const toast = await waitForToast(page, /^Clean up of lifecycleGallery\/weekly:/, 60_000);
            equal(
                toast,
                'Clean up of lifecycleGallery/weekly: Deleted 5 of 5 versions; 0 failed; 0 not attempted after cancel. The 5 deleted versions can be restored for 7 days from "Recently deleted". The outcome is in the preview document.',
                'the notification',
            );
            rows = await waitForRows(page, VIEW, 'weekly after the clean-up', (rs) => versionLabels(rs).length === 3);
            equal(versionLabels(rows), ['1.7.0', '1.6.0', '1.2.0'], 'versions of weekly after the clean-up');
            for (const v of ['1.0.0', '1.1.0', '1.3.0', '1.4.0', '1.5.0']) {
                expect(emu.store.getResourceJson(`${WEEKLY}/versions/${v}`) === undefined, `${v} still exists in the emulator`);
            }
            const outcome = await waitForEditorText(page, 'the outcome in the preview', (t) => t.includes('Outcome'));
            expect(/\| weekly \| 1\.0\.0 \| [\d-]+ \| deleted \(restorable\) \| older than 5 days \|/.test(outcome.text), `outcome:\n${outcome.text}`);
            expect(/\| weekly \| 1\.7\.0 \| [\d-]+ \| keep \| it is `latest`/.test(outcome.text), `outcome:\n${outcome.text}`);
            await page.mouse.move(1500, 700);
            await screenshot(page, 'cleanup-after');
        });

        await check('Compare with… on 1.7.0, choosing 1.2.0: the diff editor shows both versions\' ARM JSON with keys sorted', async () => {
            // Select the row first and check it is the one under the pointer: a right-click on a row the tree is
            // redrawing (the clean-up's reload) reaches the command without its element (VS Code then passes none).
            const target = await rowLocator(page, VIEW, ['weekly', '1.7.0']);
            await target.click();
            await page.waitForTimeout(300);
            const selected = (await rowLocator(page, VIEW, ['weekly', '1.7.0'])).locator('.label-name').first();
            equal((await selected.innerText()).trim(), '1.7.0', 'the row about to be right-clicked');
            await contextMenu(page, await rowLocator(page, VIEW, ['weekly', '1.7.0']), 'Compare with…');
            const picker = page.locator('.quick-input-widget').filter({ has: page.locator('.quick-input-title', { hasText: /Compare .*1\.7\.0 with/ }) }).first();
            await picker.waitFor({ state: 'visible', timeout: 20_000 });
            const option = picker.locator('.monaco-list-row[role="option"]');
            await option.first().waitFor({ state: 'visible', timeout: 10_000 });
            const offered = await option.evaluateAll((els) => els.map((el) => (el.querySelector('.label-name')?.textContent ?? '').trim()));
            equal(offered, ['1.6.0', '1.2.0'], 'versions offered (newest first)');
            const description = (await option.nth(1).locator('.label-description').first().innerText()).trim();
            expect(/^published \d{4}-\d{2}-\d{2}$/.test(description), `1.2.0's description: ${description}`);
            await option.nth(1).click();
            const tab = page.locator('.tabs-container .tab.active').first();
            await page.waitForFunction(() => document.querySelector('.tabs-container .tab.active')?.getAttribute('aria-label')?.includes('↔'), undefined, { timeout: 20_000 });
            const title = ((await tab.getAttribute('aria-label')) ?? '').trim();
            expect(title.startsWith('1.2.0 ↔ 1.7.0 (weekly)'), `diff tab: ${title}`);
            const deadline = Date.now() + 20_000;
            let sides = await diffSides(page);
            while (!(sides.left.includes('"name": "1.2.0"') && sides.right.includes('"name": "1.7.0"')) && Date.now() < deadline) {
                await page.waitForTimeout(200);
                sides = await diffSides(page);
            }
            expect(sides.left.includes('"name": "1.2.0"'), `left side:\n${sides.left}`);
            expect(sides.right.includes('"name": "1.7.0"'), `right side:\n${sides.right}`);
            expect(sides.left.includes(`"id": "${WEEKLY}/versions/1.2.0"`), `left side id:\n${sides.left}`);
            expect(sides.left.includes('"blockDeletionBeforeEndOfLife": true'), `left side safety profile:\n${sides.left}`);
            expect(sides.right.includes('"blockDeletionBeforeEndOfLife": false'), `right side safety profile:\n${sides.right}`);
            for (const [side, text] of Object.entries(sides)) {
                const keys = topLevelKeys(text);
                expect(keys.length >= 4, `${side}: top-level keys shown: ${JSON.stringify(keys)}`);
                equal(keys, [...keys].sort(), `${side}: top-level keys in order`);
            }
            await screenshot(page, 'cleanup-compare');
        });

        await check('two versions selected (Ctrl+click): Compare Selected Versions opens the same diff', async () => {
            await page.keyboard.press('Escape');
            await (await rowLocator(page, VIEW, ['weekly', '1.2.0'])).click();
            await (await rowLocator(page, VIEW, ['weekly', '1.6.0'])).click({ modifiers: ['Control'] });
            const selected = await page
                .locator('.monaco-list-row[aria-selected="true"] .label-name')
                .evaluateAll((els) => els.map((el) => (el.textContent ?? '').trim()));
            equal(selected, ['1.6.0', '1.2.0'], 'rows selected');
            await contextMenu(page, await rowLocator(page, VIEW, ['weekly', '1.6.0']), 'Compare Selected Versions');
            await page.waitForFunction(() => document.querySelector('.tabs-container .tab.active')?.getAttribute('aria-label')?.startsWith('1.2.0 ↔ 1.6.0 (weekly)'), undefined, { timeout: 20_000 });
            const deadline = Date.now() + 20_000;
            let sides = await diffSides(page);
            while (!(sides.left.includes('"name": "1.2.0"') && sides.right.includes('"name": "1.6.0"')) && Date.now() < deadline) {
                await page.waitForTimeout(200);
                sides = await diffSides(page);
            }
            expect(sides.left.includes('"name": "1.2.0"') && sides.right.includes('"name": "1.6.0"'), `sides:\n${sides.left}\n---\n${sides.right}`);
            await screenshot(page, 'cleanup-compare-selected');
        });


        const recentlyDeleted = (rs: readonly Row[]): string[] => childrenOf(rs, ['weekly', 'Recently deleted']).map((r) => r.label);
        const changesSince = (from: number): string[] =>
            emu.requests.slice(from).filter((r) => r.method === 'DELETE' || r.method === 'PATCH' || r.method === 'PUT').map((r) => `${r.method} ${r.path}`);

        await check('Restore on 1.4.0 (deleted by the clean-up) under "Recently deleted": back among the versions, gone from "Recently deleted"', async () => {
            await page.keyboard.press('Escape');
            rows = await expandRow(page, VIEW, ['weekly', 'Recently deleted']);
            rows = await waitForRows(page, VIEW, 'the clean-up\'s versions under "Recently deleted"', (rs) => recentlyDeleted(rs).includes('1.4.0'));
            for (const v of ['1.5.0', '1.4.0', '1.3.0', '1.1.0', '1.0.0']) {
                expect(recentlyDeleted(rows).includes(v), `${v} under "Recently deleted": ${JSON.stringify(recentlyDeleted(rows))}`);
            }
            const from = emu.requests.length;
            await contextMenu(page, await rowLocator(page, VIEW, ['Recently deleted', '1.4.0']), 'Restore');
            await waitForToast(page, /^Restored image version "lifecycleGallery\/weekly\/1\.4\.0"\.$/, 30_000);
            rows = await waitForRows(page, VIEW, '1.4.0 among the versions of weekly', (rs) => versionLabels(rs).includes('1.4.0'));
            rows = await waitForRows(page, VIEW, '1.4.0 gone from "Recently deleted"', (rs) => !recentlyDeleted(rs).includes('1.4.0') && recentlyDeleted(rs).includes('1.5.0'));
            equal(versionLabels(rows), ['1.7.0', '1.6.0', '1.4.0', '1.2.0'], 'versions of weekly after the restore');
            for (const v of ['1.5.0', '1.3.0', '1.1.0', '1.0.0']) {
                expect(recentlyDeleted(rows).includes(v), `${v} still under "Recently deleted": ${JSON.stringify(recentlyDeleted(rows))}`);
            }
            equal(changesSince(from), [`PATCH ${WEEKLY}/versions/1.4.0`], 'what Restore sent');
            expect(emu.store.getResourceJson(`${WEEKLY}/versions/1.4.0`) !== undefined, '1.4.0 is back in the emulator');
            await page.mouse.move(1500, 700);
            await screenshot(page, 'cleanup-restored');
        });

        await check('1.7.0 and 1.4.0 selected (Ctrl+click): the menu offers only Delete… and Compare Selected; Delete asks once, both restorable, 1.6.0 becomes latest', async () => {
            await (await rowLocator(page, VIEW, ['weekly', '1.7.0'])).click();
            await (await rowLocator(page, VIEW, ['weekly', '1.4.0'])).click({ modifiers: ['Control'] });
            const selected = await page
                .locator('.monaco-list-row[aria-selected="true"] .label-name')
                .evaluateAll((els) => els.map((el) => (el.textContent ?? '').trim()));
            equal(selected, ['1.7.0', '1.4.0'], 'rows selected');
            await (await rowLocator(page, VIEW, ['weekly', '1.4.0'])).click({ button: 'right' });
            const menu = page.getByRole('menuitem').filter({ visible: true });
            await menu.first().waitFor({ state: 'visible', timeout: 10_000 });
            const entries = (await menu.allInnerTexts()).map((t) => t.split('\n')[0].trim()).filter(Boolean);
            equal(entries, ['Compare Selected Versions', 'Delete…'], 'context-menu entries on a multi-selection');
            await page.mouse.move(1500, 700);
            await screenshot(page, 'cleanup-multi-menu');
            const from = emu.requests.length;
            await page.getByRole('menuitem', { name: 'Delete…' }).filter({ visible: true }).first().click();
            const { dialog, text } = await waitForDialog(page, /Delete 2 selected items/, 30_000);
            equal(text.message, 'Delete 2 selected items?', 'the confirmation');
            equal(
                text.detail.split('\n'),
                [
                    '• image version lifecycleGallery/weekly/1.7.0: restorable for 7 days from "Recently deleted" (soft delete)',
                    '• image version lifecycleGallery/weekly/1.4.0: restorable for 7 days from "Recently deleted" (soft delete)',
                    'In lifecycleGallery/weekly, version 1.7.0 is the one "latest" resolves to: afterwards "latest" resolves to 1.6.0.',
                ],
                'the confirmation detail',
            );
            equal(changesSince(from), [], 'sent before the confirmation');
            await page.mouse.move(1500, 200);
            await screenshot(page, 'cleanup-multi-delete-dialog');
            await clickDialogButton(dialog, 'Delete 2 Items');
            const toast = await waitForToast(page, /^Deleted 2:/, 60_000);
            equal(toast, 'Deleted 2: lifecycleGallery/weekly/1.7.0, lifecycleGallery/weekly/1.4.0. The 2 deleted versions can be restored for 7 days from "Recently deleted".', 'the account');
            equal(changesSince(from), [`DELETE ${WEEKLY}/versions/1.7.0`, `DELETE ${WEEKLY}/versions/1.4.0`], 'what Delete sent');
            rows = await waitForRows(page, VIEW, 'weekly after the multi-select delete', (rs) => versionLabels(rs).join() === '1.6.0,1.2.0' && recentlyDeleted(rs).includes('1.7.0') && recentlyDeleted(rs).includes('1.4.0'));
            await page.mouse.move(1500, 700);
            await screenshot(page, 'cleanup-multi-deleted');
        });

        await logShownTree(page, VIEW);
    } catch (e) {
        run.failed(e);
        await reportFailure('cleanup', started);
    } finally {
        await closeStarted(started);
    }
    return run.summary();
}

exitWith(main);
