/**
 * UI end-to-end test of VM applications in the Compute Gallery explorer (issue 12, the tree), in a real VS Code
 * (code-server + headless Chromium) against the ARM emulator seeded with test/emulator/seeds/applications.json
 * (appsGallery: image definition tools-linux and the VM applications contoso-agent — 1.0.0, 1.1.0, 1.2.0 still
 * replicating to West US 2, 2.0.0 excluded from latest —, empty-app without versions, log-shipper). What it checks on screen:
 *
 *  - the gallery shows its image definition, then a "VM applications" folder listing the applications with their OS;
 *  - an application's versions in numeric order, `latest` on 1.1.0, 2.0.0 excluded, 1.2.0 replicating (hover: per
 *    region); an application without versions says so and offers to create one;
 *  - a version created meanwhile (put in the emulator as if from the portal) replicates after a Refresh, with live
 *    progress, until the notification says it is ready, and `latest` moves to it;
 *  - Copy Application Reference on a version: the notification, and the clipboard holds the galleryApplications entry;
 *  - the forms: Create VM Application… on the folder (a taken name refused at the field; axe), then Create Application
 *    Version… on the new application: the package URL's SAS token hidden once typed and in the JSON (axe); while Azure
 *    creates and replicates it the row is the version with its live progress ("Replicating 33% · 0 of 1 region"), then
 *    it is latest, with one notification ("Created …", none from the watcher);
 *  - VS Code reported no error against the extension (a manifest snippet for a language no installed extension declares
 *    was one);
 *  - Delete on the gallery: one modal naming both kinds, then versions, applications and definitions, then the gallery.
 *
 *   npx tsx test/e2e/ui/applications.e2e.ts
 *
 * Screenshots in test-results/: applications-tree.png, applications-replicated.png, applications-copied.png,
 * applications-form.png, applications-version-form.png, applications-version-json.png, applications-version-creating.png,
 * applications-version-created.png,
 * applications-delete-dialog.png, applications-deleted.png (applications-failure.png when a check fails).
 * Environment: ACG_VSIX (skip packaging), ACG_HEADFUL=1, ACG_KEEP_TEMP=1 (keep user data and logs).
 */
import * as path from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { resizeSidebar, screenshot } from '../../harness/browser';
import { axeVersion, expectNoSeriousViolations } from './axe';
import { CheckRun, closeStarted, exitWith, reportFailure } from './checkRun';
import { choose, fieldError, formClosed, formFrame, pressButton } from './formUi';
import { equal, expect, startSeededWorkbench, type StartedHandles } from './seededWorkbench';
import { REPO_ROOT } from '../../harness/seed';
import { childrenOf, clearToasts, clickDialogButton, contextMenu, describeRows, logShownTree, expandRow, findRow, hoverText, rowLocator, signInFromView, waitForDialog, waitForRows, toastTexts, waitForToast, type Row } from './workbenchUi';

const SEED = path.join(REPO_ROOT, 'test', 'emulator', 'seeds', 'applications.json');
const VIEW = 'Galleries';
const SUBSCRIPTION = 'Contoso Applications';
const GALLERY = '/subscriptions/3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f/resourceGroups/rg-apps/providers/Microsoft.Compute/galleries/appsGallery';
const AGENT = `${GALLERY}/applications/contoso-agent`;



function row(rows: readonly Row[], tail: readonly string[]): Row {
    const found = findRow(rows, tail);
    expect(found !== undefined, `"${tail.join(' › ')}" is not shown; the view shows:\n${describeRows(rows)}`);
    return found;
}

const labelsUnder = (rows: readonly Row[], tail: readonly string[]): string[] => childrenOf(rows, tail).map((r) => r.label);

async function main(): Promise<number> {
    const run = new CheckRun();
    const { check } = run;
    const started: StartedHandles = {};

    try {
        const { emu, wb, account } = await startSeededWorkbench(started, run.t0, { seed: SEED, emulator: { lroDelayMs: 50, retryAfterSeconds: 1, replicationMsPerRegion: 15_000 }, clipboard: true });
        const emulator = emu;
        console.log('VM applications in the explorer');
        const page: Page = wb.page;
        let rows: Row[] = [];

        await check('a gallery shows its image definition, then "VM applications" with each application and its OS', async () => {
            await signInFromView(page, { container: 'Compute Gallery', view: VIEW, button: 'Sign in to Azure', account });
            await expandRow(page, VIEW, [account]);
            await expandRow(page, VIEW, [account, SUBSCRIPTION]);
            await resizeSidebar(page, 640);
            rows = await expandRow(page, VIEW, [SUBSCRIPTION, 'appsGallery']);
            rows = await waitForRows(page, VIEW, 'the children of appsGallery', (rs) => labelsUnder(rs, ['appsGallery']).includes('VM applications'));
            equal(labelsUnder(rows, ['appsGallery']), ['tools-linux', 'VM applications'], 'children of appsGallery');
            equal(row(rows, ['appsGallery', 'VM applications']).icon, 'package', 'icon of the folder');
            rows = await expandRow(page, VIEW, ['appsGallery', 'VM applications']);
            const apps = childrenOf(rows, ['appsGallery', 'VM applications']);
            equal(apps.map((r) => `${r.label} — ${r.description} [${r.icon}]`), ['contoso-agent — Windows [package]', 'empty-app — Windows [package]', 'log-shipper — Linux [package]'], 'the applications');
            expect(apps[0].ariaLabel === 'VM application contoso-agent, Windows', `what a screen reader says: ${apps[0].ariaLabel}`);
        });

        await check('an application lists its versions newest first, latest on 1.1.0, 2.0.0 excluded, 1.2.0 replicating (hover: per region)', async () => {
            rows = await expandRow(page, VIEW, ['VM applications', 'contoso-agent']);
            rows = await waitForRows(page, VIEW, 'latest among the versions', (rs) => childrenOf(rs, ['contoso-agent']).some((r) => /latest/.test(r.description) && r.label === '1.1.0'));
            const versions = childrenOf(rows, ['contoso-agent']);
            equal(versions.map((r) => r.label), ['2.0.0', '1.2.0', '1.1.0', '1.0.0'], 'versions of contoso-agent');
            equal(row(rows, ['contoso-agent', '2.0.0']).description, 'excluded from latest', '2.0.0');
            equal(row(rows, ['contoso-agent', '1.1.0']).icon, 'star-full', 'icon of latest');
            equal(row(rows, ['contoso-agent', '1.2.0']).icon, 'sync', 'icon of the replicating version (spinning)');
            // The list has no replication status (as in Azure): the row says "Creating" until the hover (or the watcher) reads it.
            const hover = await hoverText(page, await rowLocator(page, VIEW, ['contoso-agent', '1.2.0']), /Replication/);
            expect(hover.includes('VM application version 1.2.0'), `hover of 1.2.0:\n${hover}`);
            expect(/West US 2: Replicating \d+%/.test(hover) && /East US: Completed/.test(hover), `hover of 1.2.0 gives no per-region replication:\n${hover}`);
            rows = await waitForRows(page, VIEW, '1.2.0 showing its progress', (rs) => /^Replicating \d+% · 1 of 2 regions$/.test(findRow(rs, ['contoso-agent', '1.2.0'])?.description ?? ''));
            const replicating = row(rows, ['contoso-agent', '1.2.0']);
            expect(replicating.ariaLabel.startsWith('VM application version 1.2.0, Replicating'), `what a screen reader says: ${replicating.ariaLabel}`);
            rows = await expandRow(page, VIEW, ['VM applications', 'empty-app']);
            equal(labelsUnder(rows, ['empty-app']), ['No application versions — create one'], 'children of empty-app');
            await page.mouse.move(1100, 700);
            await screenshot(page, 'applications-tree');
        });

        await check('a version created meanwhile replicates live after a Refresh, the notification says it is ready, and latest moves to it', async () => {
            const now = Date.now();
            const doneAt = now + 12_000;
            emulator.store.putResource(
                {
                    id: `${AGENT}/versions/1.3.0`,
                    location: 'eastus',
                    properties: {
                        publishingProfile: {
                            source: { mediaLink: 'https://stcontosoapps.blob.core.windows.net/packages/agent-1.3.0.zip' },
                            manageActions: { install: 'install.cmd', remove: 'remove.cmd' },
                            targetRegions: [{ name: 'East US', regionalReplicaCount: 1 }],
                            publishedDate: new Date(now).toISOString(),
                        },
                        provisioningState: 'Creating',
                    },
                },
                { replication: [{ region: 'East US', startAt: now, endAt: doneAt, fails: false }], pending: { until: doneAt, outcome: 'Succeeded' } },
            );
            await clearToasts(page);
            await contextMenu(page, await rowLocator(page, VIEW, ['VM applications', 'contoso-agent']), 'Refresh');
            rows = await waitForRows(page, VIEW, '1.3.0 creating', (rs) => findRow(rs, ['contoso-agent', '1.3.0'])?.icon === 'sync');
            // The watcher re-reads it (with replication status) and the row shows the progress, live.
            rows = await waitForRows(page, VIEW, '1.3.0 showing its progress', (rs) => /^Replicating \d+% · 0 of 1 region$/.test(findRow(rs, ['contoso-agent', '1.3.0'])?.description ?? ''), 30_000);
            const toast = await waitForToast(page, /VM application version appsGallery\/contoso-agent\/1\.3\.0 is ready/, 60_000);
            equal(toast, 'VM application version appsGallery/contoso-agent/1.3.0 is ready and replicated to 1 region.', 'the notification');
            rows = await waitForRows(page, VIEW, '1.3.0 settled as latest', (rs) => findRow(rs, ['contoso-agent', '1.3.0'])?.icon === 'star-full');
            equal(row(rows, ['contoso-agent', '1.3.0']).description, 'latest', '1.3.0 once replicated');
            equal(row(rows, ['contoso-agent', '1.1.0']).icon, 'versions', '1.1.0 is no longer latest');
            await page.mouse.move(1100, 700);
            await screenshot(page, 'applications-replicated');
        });

        await check('Copy Application Reference on 1.1.0 copies its galleryApplications entry and says how to use it', async () => {
            await clearToasts(page);
            await contextMenu(page, await rowLocator(page, VIEW, ['contoso-agent', '1.1.0']), 'Copy Application Reference');
            const toast = await waitForToast(page, /Copied the application reference/);
            expect(toast.startsWith('Copied the application reference for contoso-agent 1.1.0: paste it into applicationProfile.galleryApplications'), `the notification: ${toast}`);
            const copied = await page.evaluate(() => navigator.clipboard.readText()).catch((e: unknown) => `(clipboard not readable: ${String(e)})`);
            console.log(`    clipboard: ${copied.replace(/\s+/g, ' ')}`);
            equal(JSON.parse(copied) as unknown, { packageReferenceId: `${AGENT}/versions/1.1.0`, order: 1, treatFailureAsDeploymentFailure: false }, 'the clipboard');
            await screenshot(page, 'applications-copied');
        });

        // ---- the forms (issue 12 §2, §4): create an application and a version, see them appear and replicate ----------
        const AXE = axeVersion();
        const NEW_APP = `${GALLERY}/applications/forms-agent`;
        const SIG = 'uiTestSignature';
        const PACKAGE = `https://stcontosoapps.blob.core.windows.net/packages/forms-agent/1.0.0.zip?sv=2024-08-04&sr=b&sp=r&sig=${SIG}%3D`;
        let form!: FrameLocator;

        await check('"Create VM Application…" on the "VM applications" folder opens the form with the gallery and its region filled in', async () => {
            await clearToasts(page);
            await contextMenu(page, await rowLocator(page, VIEW, ['appsGallery', 'VM applications']), 'Create VM Application…');
            form = await formFrame(page, /Create VM application/);
            await choose(form, 'Gallery', GALLERY);
            equal(await form.getByLabel('Gallery', { exact: true }).inputValue(), GALLERY, 'the gallery');
            await choose(form, 'Location', 'eastus');
            await form.getByLabel('VM application name', { exact: true }).fill('contoso-agent');
            await form.getByLabel('Description', { exact: true }).click();
            // The names taken in the gallery arrive from the host a moment after the form opens.
            let taken = '';
            for (let i = 0; i < 50 && !/already has/.test(taken); i++) {
                await page.waitForTimeout(200);
                taken = await fieldError(form, 'VM application name');
            }
            expect(/already has a VM application named "contoso-agent"/.test(taken), `a taken name: "${taken}"`);
        });

        await check(`the VM application form has no serious or critical accessibility violations (axe-core ${AXE})`, async () => {
            await expectNoSeriousViolations(form, 'create VM application');
        });

        await check('custom actions: a parameter row names the action above it; a parameter of an action not listed is refused in its cell', async () => {
            const actions = form.getByRole('group', { name: 'Custom actions', exact: true });
            const parameters = form.getByRole('group', { name: 'Custom action parameters', exact: true });
            await pressButton(form, 'Add custom action');
            await actions.getByLabel('Name, row 1', { exact: true }).fill('collect-logs');
            await actions.getByLabel('Script, row 1', { exact: true }).fill('./collect.sh --days "$days"');
            await actions.getByLabel('Description, row 1', { exact: true }).fill('Zips the agent logs');
            await pressButton(form, 'Add parameter');
            equal(await parameters.getByLabel('Custom action, row 1', { exact: true }).inputValue(), 'collect-logs', 'a new parameter row names the last action');
            await parameters.getByLabel('Parameter, row 1', { exact: true }).fill('days');
            await parameters.getByLabel('Required, row 1', { exact: true }).selectOption('true');
            await parameters.getByLabel('Default value, row 1', { exact: true }).fill('7');
            await pressButton(form, 'Add parameter');
            await parameters.getByLabel('Custom action, row 2', { exact: true }).fill('upload-logs');
            await parameters.getByLabel('Parameter, row 2', { exact: true }).fill('target');
            await parameters.getByLabel('Description, row 2', { exact: true }).click();
            const error = form.locator('#f-customActionParameters-error');
            await error.filter({ hasText: 'upload-logs' }).waitFor({ timeout: 10_000 });
            equal((await error.innerText()).trim(), 'Row 2, Custom action: There is no custom action "upload-logs" above.', 'the parameter table\'s error');
            await form.getByRole('button', { name: 'Remove row 2 of Custom action parameters', exact: true }).press('Enter');
            await error.filter({ hasText: 'upload-logs' }).waitFor({ state: 'detached', timeout: 10_000 });
            await actions.scrollIntoViewIfNeeded();
            await page.mouse.move(1100, 700);
            await screenshot(page, 'applications-custom-actions');
        });

        await check('creating "forms-agent" from the form: it appears under "VM applications" with its OS, and ARM has what the form showed', async () => {
            await form.getByLabel('VM application name', { exact: true }).fill('forms-agent');
            await form.getByLabel('Supported OS type', { exact: true }).selectOption('Linux');
            await form.getByLabel('Description', { exact: true }).fill('Made by the VM applications UI test');
            await page.mouse.move(1100, 700);
            await screenshot(page, 'applications-form');
            await pressButton(form, 'Create VM application');
            await formClosed(page, /New VM application/, 30_000);
            // "Creating…" while the request runs, then the application as Azure lists it.
            rows = await waitForRows(page, VIEW, 'forms-agent listed with its OS', (rs) => findRow(rs, ['VM applications', 'forms-agent'])?.description === 'Linux', 30_000);
            equal(labelsUnder(rows, ['appsGallery', 'VM applications']), ['contoso-agent', 'empty-app', 'forms-agent', 'log-shipper'], 'the applications');
            const stored = emulator.store.getResourceJson(NEW_APP) as unknown as { properties: { supportedOSType: string; description: string } } | undefined;
            equal(stored?.properties.supportedOSType, 'Linux', 'stored OS type');
            equal(
                (stored?.properties as { customActions?: unknown } | undefined)?.customActions,
                [{ name: 'collect-logs', script: './collect.sh --days "$days"', description: 'Zips the agent logs', parameters: [{ name: 'days', required: true, type: 'String', defaultValue: '7' }] }],
                'the custom action ARM has',
            );
            rows = await expandRow(page, VIEW, ['VM applications', 'forms-agent']);
            equal(labelsUnder(rows, ['forms-agent']), ['No application versions — create one'], 'children of forms-agent');
        });

        await check('"Create Application Version…" on it: the package URL\'s SAS token is hidden once typed and in the JSON', async () => {
            await contextMenu(page, await rowLocator(page, VIEW, ['VM applications', 'forms-agent']), 'Create Application Version…');
            form = await formFrame(page, /Create VM application version/);
            await choose(form, 'VM application', NEW_APP);
            await form.getByLabel('Version', { exact: true }).fill('1.0.0');
            const link = form.getByLabel('Package URL', { exact: true });
            await link.fill(PACKAGE);
            await form.getByLabel('Install command', { exact: true }).fill('mv forms-agent agent.zip && unzip agent.zip && ./install.sh');
            await form.getByLabel('Remove command', { exact: true }).fill('./uninstall.sh');
            await form.getByLabel('Package file name', { exact: true }).click();
            await page.waitForTimeout(300);
            const shown = await link.inputValue();
            equal(shown, 'https://stcontosoapps.blob.core.windows.net/packages/forms-agent/1.0.0.zip?<SAS hidden>', 'the package URL once left');
            await pressButton(form, 'Show JSON');
            const json = await form.locator('#json pre').innerText();
            expect(!json.includes(SIG) && json.includes('1.0.0.zip?<SAS hidden>'), `the JSON shows the SAS:\n${json}`);
            expect(/"name": "eastus"/.test(json), `the application's region is the first target region:\n${json}`);
            await page.mouse.move(1100, 700);
            await form.locator('#json').scrollIntoViewIfNeeded();
            await screenshot(page, 'applications-version-json');
            await link.scrollIntoViewIfNeeded();
            await screenshot(page, 'applications-version-form');
        });

        await check(`the VM application version form has no serious or critical accessibility violations (axe-core ${AXE})`, async () => {
            await expectNoSeriousViolations(form, 'create VM application version');
        });

        await check('creating 1.0.0: its row shows live replication ("Replicating …%") while Azure creates it, then latest; one notification; Azure got the whole URL', async () => {
            await clearToasts(page);
            await pressButton(form, 'Create VM application version');
            // Azure's create finishes once the version is replicated (15 s here): as soon as Azure has accepted it, the
            // row is the version itself, with its progress read live, not a placeholder.
            rows = await waitForRows(page, VIEW, '1.0.0 replicating under forms-agent', (rs) => /^Replicating \d+% · 0 of 1 region$/.test(findRow(rs, ['forms-agent', '1.0.0'])?.description ?? ''), 15_000);
            // Read again while it replicates (the watcher's next check, 5 s later): the percentage moves.
            rows = await waitForRows(page, VIEW, '1.0.0 further along', (rs) => /^Replicating [1-9]\d% · 0 of 1 region$/.test(findRow(rs, ['forms-agent', '1.0.0'])?.description ?? ''), 15_000);
            const replicating = row(rows, ['forms-agent', '1.0.0']);
            equal(replicating.icon, 'sync', 'icon of 1.0.0 while it replicates (spinning)');
            expect(replicating.ariaLabel.startsWith('VM application version 1.0.0, Replicating'), `what a screen reader says: ${replicating.ariaLabel}`);
            const during = emulator.store.getResourceJson(`${NEW_APP}/versions/1.0.0`) as unknown as { properties: { provisioningState: string } } | undefined;
            equal(during?.properties.provisioningState, 'Creating', 'the version in Azure while the row shows its progress');
            await page.mouse.move(1100, 700);
            await screenshot(page, 'applications-version-creating');
            await formClosed(page, /New VM application version/, 60_000);
            const toast = await waitForToast(page, /Created VM application version/, 30_000);
            equal(toast, 'Created VM application version "appsGallery/forms-agent/1.0.0".', 'the notification');
            // The form's notification is the create's one outcome: the watcher, which drew the progress, says nothing more.
            await page.waitForTimeout(6_000);
            const others = await toastTexts(page);
            expect(!others.some((t) => /1\.0\.0 is ready/.test(t)), `a second notification about 1.0.0:\n${others.join('\n')}`);
            const stored = emulator.store.getResourceJson(`${NEW_APP}/versions/1.0.0`) as unknown as { properties: { publishingProfile: { source: { mediaLink: string } } } } | undefined;
            equal(stored?.properties.publishingProfile.source.mediaLink, PACKAGE, 'the package link ARM stored');
            rows = await waitForRows(page, VIEW, '1.0.0 settled as latest', (rs) => findRow(rs, ['forms-agent', '1.0.0'])?.icon === 'star-full', 30_000);
            equal(row(rows, ['forms-agent', '1.0.0']).description, 'latest', '1.0.0 once replicated');
            const settled = emulator.store.getResourceJson(`${NEW_APP}/versions/1.0.0`) as unknown as { properties: { provisioningState: string } } | undefined;
            equal(settled?.properties.provisioningState, 'Succeeded', 'the version in Azure once the row is latest');
            await page.mouse.move(1100, 700);
            await screenshot(page, 'applications-version-created');
        });

        await check('"Edit…" on forms-agent: its values from Azure, the OS type locked, the package URL hidden on its version', async () => {
            await contextMenu(page, await rowLocator(page, VIEW, ['VM applications', 'forms-agent']), 'Edit…');
            form = await formFrame(page, /Edit VM application/);
            await form.getByRole('button', { name: 'Save changes' }).and(form.locator(':enabled')).waitFor({ timeout: 20_000 });
            equal(await form.getByLabel('Description', { exact: true }).inputValue(), 'Made by the VM applications UI test', 'the description');
            equal(await form.getByLabel('Supported OS type', { exact: true }).isDisabled(), true, 'the OS type is locked');
            await expectNoSeriousViolations(form, 'edit VM application');
            await form.getByLabel('Description', { exact: true }).fill('Edited in the VM applications UI test');
            const from = emulator.requests.length;
            await pressButton(form, 'Save changes');
            await formClosed(page, /Edit appsGallery\/forms-agent/, 30_000);
            equal(emulator.requests.slice(from).filter((r) => r.method !== 'GET').map((r) => r.method), ['PATCH'], 'what was sent');
            const stored = emulator.store.getResourceJson(NEW_APP) as unknown as { properties: { description: string; supportedOSType: string } } | undefined;
            equal([stored?.properties.description, stored?.properties.supportedOSType], ['Edited in the VM applications UI test', 'Linux'], 'what ARM has');
            // The version's edit form shows the package link as Azure has it, with its SAS token hidden.
            await contextMenu(page, await rowLocator(page, VIEW, ['forms-agent', '1.0.0']), 'Edit…');
            form = await formFrame(page, /Edit VM application version/);
            await form.getByRole('button', { name: 'Save changes' }).and(form.locator(':enabled')).waitFor({ timeout: 20_000 });
            equal(await form.getByLabel('Package URL', { exact: true }).inputValue(), 'https://stcontosoapps.blob.core.windows.net/packages/forms-agent/1.0.0.zip?<SAS hidden>', 'the package URL in the edit form');
            await expectNoSeriousViolations(form, 'edit VM application version');
            await page.mouse.move(1100, 700);
            await screenshot(page, 'applications-version-edit');
            await pressButton(form, 'Cancel');
            await formClosed(page, /Edit appsGallery\/forms-agent\/1\.0\.0/, 15_000);
        });

        await check('VS Code reported no error against the extension (its contributions, e.g. snippets, all usable without other extensions)', () => {
            const ours = wb.consoleErrors.filter((e) => e.includes('[acg-tools.azure-compute-gallery]'));
            equal(ours, [], 'console errors naming the extension');
            return Promise.resolve();
        });

        await check('Delete on the gallery: one modal naming what it holds (no "Listing everything" notification beside it), then versions, applications and the definition, then the gallery', async () => {
            await clearToasts(page);
            const from = emulator.requests.length;
            const row = await rowLocator(page, VIEW, [SUBSCRIPTION, 'appsGallery']);
            await contextMenu(page, row, 'Delete…');
            const asked = Date.now();
            const { dialog, text } = await waitForDialog(page, /appsGallery/, 30_000);
            const listing = Date.now() - asked;
            console.log(`    modal: ${text.message}\n    detail: ${text.detail}\n    listing before the modal: ${listing} ms`);
            // The listing shows in the status bar; only a slow one (over 1.5 s) also becomes a cancellable notification,
            // which would then still be on screen beside the modal.
            if (listing < 1_200) {
                const toasts = await toastTexts(page);
                expect(!toasts.some((t) => /Listing everything/.test(t)), `a notification beside the modal:\n${toasts.join('\n')}`);
            }
            expect(/VM application/.test(text.message) && /image definition/.test(text.message), `the modal names both kinds: ${text.message}`);
            await page.mouse.move(1100, 200);
            await screenshot(page, 'applications-delete-dialog');
            await clickDialogButton(dialog, 'Delete All');
            await waitForToast(page, /Deleted gallery "appsGallery" and everything in it/, 60_000);
            const deletes = emulator.requests.slice(from).filter((r) => r.method === 'DELETE').map((r) => r.path.replace(/\?.*$/, '').slice(GALLERY.length) || '(gallery)');
            console.log(`    deletes: ${deletes.join(', ')}`);
            const position = (re: RegExp) => deletes.findIndex((d) => re.test(d));
            const lastVersion = Math.max(...deletes.map((d, i) => (/\/versions\//.test(d) ? i : -1)));
            const firstParent = Math.min(...deletes.map((d, i) => (/^\/(applications|images)\/[^/]+$/.test(d) ? i : deletes.length)));
            expect(deletes.filter((d) => /^\/applications\/contoso-agent\/versions\//.test(d)).length === 5, `every contoso-agent version deleted: ${deletes.join(', ')}`);
            expect(lastVersion < firstParent, `versions before their applications and definitions: ${deletes.join(', ')}`);
            expect(deletes[deletes.length - 1] === '(gallery)' && position(/^\/applications\/empty-app$/) >= 0, `the gallery last, empty-app too: ${deletes.join(', ')}`);
            expect(emulator.store.getResourceJson(GALLERY) === undefined, 'the gallery is gone from the emulator');
            rows = await waitForRows(page, VIEW, 'appsGallery gone', (rs) => findRow(rs, [SUBSCRIPTION, 'appsGallery']) === undefined && findRow(rs, [SUBSCRIPTION, 'appsOnlyGallery']) !== undefined);
            await page.mouse.move(1100, 700);
            await screenshot(page, 'applications-deleted');
        });

        await logShownTree(page, VIEW);
    } catch (e) {
        run.failed(e);
        await reportFailure('applications', started);
    } finally {
        await closeStarted(started);
    }
    return run.summary();
}

exitWith(main);
