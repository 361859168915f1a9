/**
 * UI end-to-end test of sharing a gallery (issue 13 §1) in a real VS Code (code-server + headless Chromium) against the
 * ARM emulator seeded with test/emulator/seeds/sharing.json: the signed-in subscription "Contoso Production" owns the
 * private gallery contosoToShare; Northwind (another tenant) has subscription 0d1e2f3a-… What it checks on screen:
 *
 *  - the gallery row says "Private";
 *  - Share… opens the Share form (axe-core: no serious or critical violations); choosing "Subscriptions and tenants"
 *    and adding Northwind's subscription and tenant lists the one request it will send (POST …/share, Add) before
 *    anything is sent; Save sends it, the form closes and the row says "Shared with 1 subscription and 1 tenant";
 *  - Remove from Sharing…: pick the tenant; the modal names it alone, as "Northwind Traders (GUID)"; the row says "Shared with 1 subscription";
 *  - Stop Sharing: a modal names the subscription that loses access ("Northwind Images (GUID)"); confirmed, the row says "Private";
 *  - Share… → Community: saving without the confirmation shows the error and sends nothing; the form says every Azure
 *    user can use the images; confirmed, the row says "Community: contoso-<GUID>" (its public name).
 *
 *   flock /tmp/acg-e2e.lock npx tsx test/e2e/ui/share.e2e.ts
 *
 * Screenshots in test-results/: share-private.png, share-form.png, share-shared.png, share-stop-dialog.png,
 * share-community-form.png, share-community.png (share-failure.png when a check fails).
 * Environment: ACG_VSIX (skip packaging), ACG_HEADFUL=1, ACG_KEEP_TEMP=1 (keep user data and logs).
 */
import * as path from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { formFrame } from './formUi';
import { resizeSidebar, screenshot } from '../../harness/browser';
import { REPO_ROOT } from '../../harness/seed';
import { axeVersion, expectNoSeriousViolations } from './axe';
import { CheckRun, closeStarted, exitWith, reportFailure } from './checkRun';
import { equal, expect, startSeededWorkbench, type StartedHandles } from './seededWorkbench';
import { clearToasts, clickDialogButton, contextMenu, logShownTree, expandRow, findRow, quickPickRows, rowLocator, setQuickPickTick, signInFromView, waitForDialog, waitForRows, waitForToast } from './workbenchUi';

const SEED = path.join(REPO_ROOT, 'test', 'emulator', 'seeds', 'sharing.json');
const VIEW = 'Galleries';
const SUBSCRIPTION = 'Contoso Production';
const GALLERY_NAME = 'contosoToShare';
const GALLERY = '/subscriptions/8f3b1c2d-4e5f-4a6b-9c7d-0e1f2a3b4c5d/resourceGroups/rg-sharing/providers/Microsoft.Compute/galleries/contosoToShare';
const NORTHWIND_SUB = '0d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6';
const NORTHWIND_TENANT = '4b5c6d7e-8f90-4a1b-9c2d-3e4f5a6b7c8d';
const CONFIRM = 'I understand who gains and who loses access, as described here';

/** The Share form inside the active webview (VS Code nests it in two iframes). */
/** The gallery row's description once it matches. */
async function galleryDescription(page: Page, what: string, matches: (description: string) => boolean, timeout = 30_000): Promise<string> {
    const rows = await waitForRows(page, VIEW, what, (rs) => matches(findRow(rs, [SUBSCRIPTION, GALLERY_NAME])?.description ?? ''), timeout);
    return findRow(rows, [SUBSCRIPTION, GALLERY_NAME])?.description ?? '';
}

async function main(): Promise<number> {
    const run = new CheckRun();
    const { check } = run;
    const started: StartedHandles = {};
    const AXE = axeVersion();

    try {
        const { emu, wb, account } = await startSeededWorkbench(started, run.t0, { seed: SEED, emulator: { lroDelayMs: 300, retryAfterSeconds: 0 } });
        const page: Page = wb.page;
        console.log('Share a gallery');
        const writes = (from: number): string[] =>
            emu.requests
                .slice(from)
                .filter((r) => r.method !== 'GET')
                .map((r) => `${r.method} ${r.path.replace(/\?.*$/, '').replace(GALLERY, '{gallery}')}`);

        await check('the private gallery says "Private"', async () => {
            await signInFromView(page, { container: 'Compute Gallery', view: VIEW, button: 'Sign in to Azure', account });
            await expandRow(page, VIEW, [account]);
            await expandRow(page, VIEW, [account, SUBSCRIPTION]);
            await resizeSidebar(page, 700);
            equal(await galleryDescription(page, 'contosoToShare listed', (d) => d !== ''), 'eastus · rg-sharing · Private', 'the row of contosoToShare');
            await page.mouse.move(1100, 700);
            await screenshot(page, 'share-private');
        });

        let form!: FrameLocator;
        await check(`Share… opens the Share form (axe-core ${AXE}: no serious or critical violations)`, async () => {
            await contextMenu(page, await rowLocator(page, VIEW, [SUBSCRIPTION, GALLERY_NAME]), 'Share…');
            form = await formFrame(page, /gallery sharing/, { editable: true });
            expect(await form.getByRole('radio', { name: /^Private/ }).isChecked(), 'Private is chosen (the gallery is private)');
            await expectNoSeriousViolations(form, 'Share');
        });

        await check('adding a subscription and a tenant lists the one request it sends; Save sends it and the row counts them', async () => {
            await form.getByRole('radio', { name: /^Subscriptions and tenants/ }).check();
            await form.getByRole('button', { name: 'Add subscription', exact: true }).click();
            await form.getByLabel('Subscription ID, row 1', { exact: true }).fill(NORTHWIND_SUB);
            await form.getByRole('button', { name: 'Add tenant', exact: true }).click();
            await form.getByLabel('Tenant ID, row 1', { exact: true }).fill(NORTHWIND_TENANT);
            await form.getByLabel('Tenant ID, row 1', { exact: true }).blur();
            const request = form.locator('#json pre');
            await form.locator('#json pre', { hasText: NORTHWIND_TENANT }).waitFor({ timeout: 10_000 });
            const shown = (await request.innerText()).trim();
            console.log(`    request shown:\n${shown.replace(/^/gm, '      ')}`);
            expect(shown.startsWith(`# 1/1\nPOST ${GALLERY}/share?api-version=2025-12-03`), `the request line: ${shown.split('\n').slice(0, 2).join(' | ')}`);
            equal(JSON.parse(shown.split('\n').slice(2).join('\n')) as unknown, { operationType: 'Add', groups: [{ type: 'Subscriptions', ids: [NORTHWIND_SUB] }, { type: 'AADTenants', ids: [NORTHWIND_TENANT] }] }, 'the body shown');
            // The account's names for the IDs come from its subscription and tenant lists, read while the form opens.
            const warning = form.locator('#f-permission-warning');
            await warning.filter({ hasText: `Northwind Traders (${NORTHWIND_TENANT})` }).waitFor({ timeout: 10_000 }).catch(() => undefined);
            const says = (await warning.innerText()).trim();
            expect(
                says.includes(`These subscriptions can use the images of gallery "contosoToShare": Northwind Images (${NORTHWIND_SUB}).`) &&
                    says.includes(`Every subscription of these tenants can use the images of gallery "contosoToShare": Northwind Traders (${NORTHWIND_TENANT}).`),
                `what the form says it does: ${says}`,
            );
            expect((await form.getByLabel(CONFIRM).count()) === 0, 'nobody loses access: no confirmation asked');
            await screenshot(page, 'share-form');
            const from = emu.requests.length;
            await clearToasts(page);
            await form.getByRole('button', { name: 'Save changes', exact: true }).press('Enter');
            await waitForToast(page, /Changed who gallery "contosoToShare" is shared with/, 30_000);
            equal(writes(from), ['POST {gallery}/share'], 'what was sent');
            equal(await galleryDescription(page, 'the row shows the share', (d) => d.includes('Shared with 1')), 'eastus · rg-sharing · Shared with 1 subscription and 1 tenant', 'the row of contosoToShare');
            await page.mouse.move(1100, 700);
            await screenshot(page, 'share-shared');
        });

        await check('Remove from Sharing…: pick the tenant; the modal names it alone; the row counts the subscription left', async () => {
            await clearToasts(page);
            const from = emu.requests.length;
            await contextMenu(page, await rowLocator(page, VIEW, [SUBSCRIPTION, GALLERY_NAME]), 'Remove from Sharing…');
            const picker = page.locator('.quick-input-widget').filter({ has: page.locator('.quick-input-title', { hasText: /Remove from sharing of gallery contosoToShare/ }) }).first();
            await picker.waitFor({ state: 'visible', timeout: 20_000 });
            equal((await quickPickRows(page)).map((r) => r.label), [NORTHWIND_SUB, NORTHWIND_TENANT], 'what can be removed');
            await setQuickPickTick(page, picker, NORTHWIND_TENANT, true);
            equal((await quickPickRows(page)).map((r) => r.checked), [false, true], 'the tenant ticked');
            await picker.locator('.quick-input-action .monaco-button', { hasText: 'OK' }).click();
            const { dialog, text } = await waitForDialog(page, /with the selected subscriptions and tenants/, 30_000);
            console.log(`    modal: ${text.message}\n    detail: ${text.detail.replace(/\n+/g, ' / ')}`);
            expect(text.detail.includes(NORTHWIND_TENANT) && !text.detail.includes(NORTHWIND_SUB), `the modal names the tenant only: ${text.detail}`);
            equal(writes(from), [], 'nothing sent before the confirmation');
            await clickDialogButton(dialog, 'Remove');
            expect(text.detail.includes(`Northwind Traders (${NORTHWIND_TENANT})`), `the tenant named as the account knows it: ${text.detail}`);
            await waitForToast(page, /is no longer shared with Northwind Traders \(4b5c6d7e/, 30_000);
            equal(writes(from), ['POST {gallery}/share'], 'what was sent');
            equal(await galleryDescription(page, 'the row counts one subscription', (d) => d.endsWith('Shared with 1 subscription')), 'eastus · rg-sharing · Shared with 1 subscription', 'the row of contosoToShare');
        });

        await check('Stop Sharing: a modal names who loses access; confirmed, the row says Private', async () => {
            await clearToasts(page);
            const from = emu.requests.length;
            await contextMenu(page, await rowLocator(page, VIEW, [SUBSCRIPTION, GALLERY_NAME]), 'Stop Sharing');
            const { dialog, text } = await waitForDialog(page, /Stop sharing gallery/, 30_000);
            console.log(`    modal: ${text.message}\n    detail: ${text.detail.replace(/\n+/g, ' / ')}`);
            expect(text.message === 'Stop sharing gallery "contosoToShare" with everyone?', `the question: ${text.message}`);
            expect(text.detail.includes(`Northwind Images (${NORTHWIND_SUB})`), `the modal names the subscription, by name and ID: ${text.detail}`);
            equal(writes(from), [], 'nothing sent before the confirmation');
            await page.mouse.move(1100, 200);
            await screenshot(page, 'share-stop-dialog');
            await clickDialogButton(dialog, 'Stop Sharing');
            await waitForToast(page, /Gallery "contosoToShare" is private now/, 30_000);
            equal(writes(from), ['POST {gallery}/share'], 'what was sent');
            equal(await galleryDescription(page, 'the row shows Private', (d) => d.endsWith('Private')), 'eastus · rg-sharing · Private', 'the row of contosoToShare');
        });

        await check('Community: without the confirmation nothing is sent; confirmed, the row shows the public name', async () => {
            await contextMenu(page, await rowLocator(page, VIEW, [SUBSCRIPTION, GALLERY_NAME]), 'Share…');
            form = await formFrame(page, /gallery sharing/, { editable: true });
            await form.getByRole('radio', { name: /^Community/ }).check();
            await form.getByLabel('Publisher URI', { exact: true }).fill('https://contoso.example.com');
            await form.getByLabel('Publisher contact e-mail', { exact: true }).fill('images@contoso.example.com');
            await form.getByLabel('EULA link', { exact: true }).fill('https://contoso.example.com/eula');
            await form.getByLabel('Public name prefix', { exact: true }).fill('contoso');
            await form.getByLabel('Public name prefix', { exact: true }).blur();
            const from = emu.requests.length;
            await form.getByRole('button', { name: 'Save changes', exact: true }).press('Enter');
            const confirm = form.getByLabel(CONFIRM);
            await confirm.waitFor({ state: 'visible', timeout: 10_000 });
            const described = await form.locator('#f-confirm').evaluate((el) =>
                (el.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' '),
            );
            console.log(`    next to the confirmation: ${described}`);
            expect(/every Azure user, in any tenant, can find its images/.test(described), `the form says what changes for whom: ${described}`);
            expect(/Confirm that you want this change/.test(described), `the confirmation is required: ${described}`);
            equal(writes(from), [], 'nothing sent without the confirmation');
            const shown = await form.locator('#json pre').innerText();
            expect(/# 1\/2\nPATCH .*\n[\s\S]*# 2\/2\nPOST .*\/share/.test(shown) && shown.includes('"EnableCommunity"'), `the requests shown:\n${shown}`);
            await screenshot(page, 'share-community-form');
            await confirm.check();
            await clearToasts(page);
            await form.getByRole('button', { name: 'Save changes', exact: true }).press('Enter');
            await waitForToast(page, /Changed who gallery "contosoToShare" is shared with/, 30_000);
            equal(writes(from), ['PATCH {gallery}', 'POST {gallery}/share'], 'what was sent, in order');
            const description = await galleryDescription(page, 'the row shows the public name', (d) => d.includes('Community'));
            expect(/^eastus · rg-sharing · Community: contoso-[0-9a-f-]{36}$/.test(description), `the row of contosoToShare: ${description}`);
            await page.mouse.move(1100, 700);
            await screenshot(page, 'share-community');
        });

        await logShownTree(page, VIEW);
    } catch (e) {
        run.failed(e);
        await reportFailure('share', started);
    } finally {
        await closeStarted(started);
    }
    return run.summary();
}

exitWith(main);
