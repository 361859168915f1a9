/**
 * UI end-to-end test of soft delete and deletion safety in the Compute Gallery explorer (issue 11), in a real VS Code
 * (code-server + headless Chromium) against the ARM emulator seeded with test/emulator/seeds/lifecycle.json
 * (lifecycleGallery has soft delete; its definition "weekly" holds 1.0.0–1.7.0, 1.2.0 blocked from deletion until
 * its end of life in 60 days, 1.3.0 excluded from latest, and the soft-deleted 0.9.0, deleted 2 days ago).
 * What it checks on screen:
 *
 *  - the blocked version shows a lock and "deletion blocked until <date>";
 *  - "Recently deleted" (after the versions) lists 0.9.0 as "deleted 2 days ago", its hover gives the purge date;
 *  - Restore on it: the version is back among the versions and "Recently deleted" is empty;
 *  - Restore Deleted Image Version from the command palette (subscription, only galleries with soft delete, definition,
 *    deleted version): another deleted version is back among the versions;
 *  - Delete on the blocked version: a modal says why and until when (read from the screen), nothing is sent;
 *  - Delete on the version `latest` resolves to: the modal says it can be restored for 7 days and names the version
 *    that becomes `latest`; Cancel sends nothing.
 *
 *   npx tsx test/e2e/ui/lifecycle.e2e.ts
 *
 * Screenshots in test-results/: lifecycle-tree.png, lifecycle-recently-deleted.png, lifecycle-restored.png, lifecycle-restore-palette.png,
 * lifecycle-blocked-dialog.png, lifecycle-latest-dialog.png (lifecycle-failure.png when a check fails).
 * Environment: ACG_VSIX (skip packaging), ACG_HEADFUL=1, ACG_KEEP_TEMP=1 (keep user data and logs).
 */
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { resizeSidebar, screenshot } from '../../harness/browser';
import { CheckRun, closeStarted, exitWith, reportFailure } from './checkRun';
import { equal, expect, startSeededWorkbench, type StartedHandles } from './seededWorkbench';
import type { RunningEmulator } from '../../emulator/ArmEmulator';
import { REPO_ROOT } from '../../harness/seed';
import { childrenOf, clickDialogButton, contextMenu, describeRows, logShownTree, expandRow, findRow, hoverText, readRows, rowLocator, runCommandToQuickPick, signInFromView, waitForDialog, waitForRows, waitForToast, type Row } from './workbenchUi';

const SEED = path.join(REPO_ROOT, 'test', 'emulator', 'seeds', 'lifecycle.json');
const VIEW = 'Galleries';
const SUBSCRIPTION = 'Contoso Lifecycle';
const WEEKLY = '/subscriptions/6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c9d/resourceGroups/rg-lifecycle/providers/Microsoft.Compute/galleries/lifecycleGallery/images/weekly';



function row(rows: readonly Row[], tail: readonly string[]): Row {
    const found = findRow(rows, tail);
    expect(found !== undefined, `"${tail.join(' › ')}" is not shown; the view shows:\n${describeRows(rows)}`);
    return found;
}

/** The rows of the open quick pick (label and description) once one containing `text` is shown. */
async function pickRowsOnceLoaded(page: Page, text: string): Promise<string[]> {
    const rows = page.locator('.quick-input-widget .monaco-list-row[role="option"]');
    await rows.filter({ hasText: text }).first().waitFor({ state: 'visible', timeout: 20_000 });
    return rows.allInnerTexts();
}

/** Chooses the quick pick row containing `text`, as a user clicks it. */
async function choosePick(page: Page, text: string): Promise<void> {
    const row = page.locator('.quick-input-widget .monaco-list-row[role="option"]').filter({ hasText: text }).first();
    await row.waitFor({ state: 'visible', timeout: 20_000 });
    await row.click();
    await row.waitFor({ state: 'detached', timeout: 10_000 }).catch(() => undefined);
}

/** DELETE and PATCH requests the emulator answered since `from` (what the extension sent to change something). */
function changesSince(emu: RunningEmulator, from: number): string[] {
    return emu.requests.slice(from).filter((r) => r.method === 'DELETE' || r.method === 'PATCH' || r.method === 'PUT').map((r) => `${r.method} ${r.path}`);
}

async function main(): Promise<number> {
    const run = new CheckRun();
    const { check } = run;
    const started: StartedHandles = {};

    try {
        const { emu, wb, account } = await startSeededWorkbench(started, run.t0, { seed: SEED, emulator: { lroDelayMs: 50, retryAfterSeconds: 1 } });
        const emulator = emu;
        console.log('Soft delete and deletion safety');
        const page: Page = wb.page;
        let rows: Row[] = [];
        const blockedEol = String(((emulator.store.getResourceJson(`${WEEKLY}/versions/1.2.0`)?.properties as { publishingProfile?: { endOfLifeDate?: string } } | undefined)?.publishingProfile?.endOfLifeDate ?? ''));
        const blockedDay = blockedEol.slice(0, 10);
        expect(/^\d{4}-\d{2}-\d{2}$/.test(blockedDay), `the seed's 1.2.0 has no end-of-life date (${blockedEol})`);

        await check('signs in and shows the versions of "weekly", the blocked one with a lock and its date, then "Recently deleted"', async () => {
            await signInFromView(page, { container: 'Compute Gallery', view: VIEW, button: 'Sign in to Azure', account });
            await expandRow(page, VIEW, [account]);
            await expandRow(page, VIEW, [account, SUBSCRIPTION]);
            await expandRow(page, VIEW, ['lifecycleGallery']);
            await resizeSidebar(page, 640);
            rows = await expandRow(page, VIEW, ['lifecycleGallery', 'weekly']);
            rows = await waitForRows(page, VIEW, 'every version of weekly and "Recently deleted"', (rs) => childrenOf(rs, ['weekly']).some((r) => r.label === 'Recently deleted') && childrenOf(rs, ['weekly']).some((r) => r.label === '1.7.0' && /latest/.test(r.description)));
            const labels = childrenOf(rows, ['weekly']).map((r) => r.label);
            equal(labels, ['1.7.0', '1.6.0', '1.5.0', '1.4.0', '1.3.0', '1.2.0', '1.1.0', '1.0.0', 'Recently deleted'], 'children of weekly');
            const blocked = row(rows, ['weekly', '1.2.0']);
            equal(blocked.icon, 'lock', 'icon of the blocked version');
            equal(blocked.description, `deletion blocked until ${blockedDay}`, 'description of the blocked version');
            expect(blocked.ariaLabel.includes(`deletion blocked until ${blockedDay}`), `what a screen reader says: ${blocked.ariaLabel}`);
            equal(row(rows, ['weekly', 'Recently deleted']).icon, 'trash', 'icon of "Recently deleted"');
            const hover = await hoverText(page, await rowLocator(page, VIEW, ['weekly', '1.2.0']), /Deletion/);
            expect(hover.includes(`Deletion: blocked until its end of life, ${blockedDay}`), `hover of 1.2.0:\n${hover}`);
            expect(/Published: \d{4}-\d{2}-\d{2} \(1 month ago\)/.test(hover), `hover of 1.2.0 does not give its age:\n${hover}`);
            await page.mouse.move(1100, 700);
            await screenshot(page, 'lifecycle-tree');
        });

        await check('"Recently deleted" lists 0.9.0, "deleted 2 days ago"; its hover gives when it is purged', async () => {
            rows = await expandRow(page, VIEW, ['weekly', 'Recently deleted']);
            const deleted = childrenOf(rows, ['weekly', 'Recently deleted']);
            equal(deleted.map((r) => `${r.label} — ${r.description}`), ['0.9.0 — deleted 2 days ago'], 'rows under "Recently deleted"');
            equal(deleted[0].icon, 'history', 'icon of a soft-deleted version');
            const hover = await hoverText(page, await rowLocator(page, VIEW, ['Recently deleted', '0.9.0']), /Purged/);
            expect(/Deleted: \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC \(2 days ago\)/.test(hover), `hover of 0.9.0:\n${hover}`);
            expect(/Purged for good: \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/.test(hover), `hover of 0.9.0:\n${hover}`);
            await page.mouse.move(1100, 700);
            await screenshot(page, 'lifecycle-recently-deleted');
        });

        await check('Restore brings 0.9.0 back among the versions, and "Recently deleted" is empty', async () => {
            const from = emulator.requests.length;
            await contextMenu(page, await rowLocator(page, VIEW, ['Recently deleted', '0.9.0']), 'Restore');
            await waitForToast(page, /^Restored image version "lifecycleGallery\/weekly\/0\.9\.0"\.$/, 30_000);
            rows = await waitForRows(page, VIEW, '0.9.0 among the versions of weekly', (rs) => childrenOf(rs, ['weekly']).some((r) => r.label === '0.9.0'));
            rows = await waitForRows(page, VIEW, '"Recently deleted" to be empty', (rs) => childrenOf(rs, ['weekly', 'Recently deleted']).map((r) => r.label).join() === 'No recently deleted versions');
            const labels = childrenOf(rows, ['weekly']).map((r) => r.label);
            equal(labels.slice(-2), ['0.9.0', 'Recently deleted'], 'the last children of weekly');
            equal(changesSince(emulator, from), [`PATCH ${WEEKLY}/versions/0.9.0`], 'what Restore sent');
            await page.mouse.move(1100, 700);
            await screenshot(page, 'lifecycle-restored');
        });

        await check('"Restore Deleted Image Version" from the command palette: subscription → only galleries with soft delete → definition → deleted version; it is back among the versions', async () => {
            // Another version deleted a day ago (as if by someone else): the palette finds it without the tree.
            const deletedId = `${WEEKLY}/versions/0.8.0`;
            const seeded = emulator.store.getResourceJson(`${WEEKLY}/versions/1.0.0`) as unknown as { location: string; properties: Record<string, unknown> };
            emulator.store.addSoftDeleted({ id: deletedId, location: seeded.location, properties: { ...seeded.properties, provisioningState: 'Succeeded' } }, Date.now() - 24 * 60 * 60 * 1000);
            const from = emulator.requests.length;
            await runCommandToQuickPick(page, 'Restore Deleted Image Version', /Choose a deleted image version to restore/);
            await choosePick(page, SUBSCRIPTION);
            const galleries = await pickRowsOnceLoaded(page, 'lifecycleGallery');
            expect(!galleries.some((l) => l.includes('plainGallery')), `galleries offered: ${galleries.join(', ')}`);
            await choosePick(page, 'lifecycleGallery');
            await choosePick(page, 'weekly');
            const versions = await pickRowsOnceLoaded(page, '0.8.0');
            expect(versions.length === 1 && /^0\.8\.0\s*deleted 1 day ago$/.test(versions[0].trim()), `deleted versions offered: ${JSON.stringify(versions)}`);
            await page.mouse.move(1100, 700);
            await screenshot(page, 'lifecycle-restore-palette');
            await choosePick(page, '0.8.0');
            await waitForToast(page, /^Restored image version "lifecycleGallery\/weekly\/0\.8\.0"\.$/, 30_000);
            equal(changesSince(emulator, from), [`PATCH ${WEEKLY}/versions/0.8.0`], 'what Restore sent');
            rows = await waitForRows(page, VIEW, '0.8.0 among the versions of weekly', (rs) => childrenOf(rs, ['weekly']).some((r) => r.label === '0.8.0'));
        });

        await check('Delete on the blocked version says why and until when, and sends nothing', async () => {
            const from = emulator.requests.length;
            await contextMenu(page, await rowLocator(page, VIEW, ['weekly', '1.2.0']), 'Delete…');
            const { dialog, text } = await waitForDialog(page, /can't be deleted yet/);
            equal(text.message, `Image version "lifecycleGallery/weekly/1.2.0" can't be deleted yet: its safety profile blocks deletion until its end of life (${blockedDay}).`, 'the refusal');
            equal(text.detail, `Azure refuses to delete it before ${blockedDay}. Nothing was sent to Azure.`, 'the refusal detail');
            await page.mouse.move(1100, 200);
            await screenshot(page, 'lifecycle-blocked-dialog');
            await clickDialogButton(dialog, text.buttons[0] ?? 'OK');
            await page.waitForTimeout(500);
            equal(changesSince(emulator, from), [], 'what Delete sent');
            rows = await readRows(page, VIEW);
            row(rows, ['weekly', '1.2.0']);
        });

        await check('Delete on the version `latest` resolves to names the next `latest` and says it can be restored; Cancel sends nothing', async () => {
            const from = emulator.requests.length;
            await contextMenu(page, await rowLocator(page, VIEW, ['weekly', '1.7.0']), 'Delete…');
            const { dialog, text } = await waitForDialog(page, /Delete image version/);
            equal(text.message, 'Delete image version "lifecycleGallery/weekly/1.7.0"?', 'the confirmation');
            equal(
                text.detail.split(/\n+/),
                [
                    'Soft delete is on in this gallery: the version can be restored for 7 days from "Recently deleted" under its image definition, then it is purged.',
                    'Version 1.7.0 is the one "latest" resolves to: afterwards "latest" resolves to 1.6.0.',
                ],
                'the confirmation detail',
            );
            equal(text.buttons, ['Cancel', 'Delete'], 'the buttons');
            await page.mouse.move(1100, 200);
            await screenshot(page, 'lifecycle-latest-dialog');
            await clickDialogButton(dialog, 'Cancel');
            await page.waitForTimeout(500);
            equal(changesSince(emulator, from), [], 'what a cancelled Delete sent');
        });

        await logShownTree(page, VIEW);
    } catch (e) {
        run.failed(e);
        await reportFailure('lifecycle', started);
    } finally {
        await closeStarted(started);
    }
    return run.summary();
}

exitWith(main);
