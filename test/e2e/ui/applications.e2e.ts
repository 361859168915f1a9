/**
 * UI end-to-end test of VM applications in the Compute Gallery explorer (issue 12, the tree), in a real VS Code
 * (code-server + headless Chromium) against the ARM emulator seeded with test/emulator/seeds/applications.json
 * (appsGallery: image definition tools-linux and the VM applications contoso-agent — 1.0.0, 1.1.0, 1.2.0 still
 * replicating to West US 2, 2.0.0 excluded from latest —, empty-app without versions, log-shipper). What it checks on screen:
 *
 *  - the gallery shows its image definition, then a "VM applications" folder listing the applications with their OS;
 *  - an application's versions in numeric order, `latest` on 1.1.0, 2.0.0 excluded, 1.2.0 replicating (hover: per
 *    region); an application without versions says so and points to the portal;
 *  - a version created meanwhile (put in the emulator as if from the portal) replicates after a Refresh, with live
 *    progress, until the notification says it is ready, and `latest` moves to it;
 *  - Copy Application Reference on a version: the notification, and the clipboard holds the galleryApplications entry;
 *  - Delete on the gallery: one modal naming both kinds, then versions, applications and definitions, then the gallery.
 *
 *   npx tsx test/e2e/ui/applications.e2e.ts
 *
 * Screenshots in test-results/: applications-tree.png, applications-replicated.png, applications-copied.png,
 * applications-delete-dialog.png, applications-deleted.png (applications-failure.png when a check fails).
 * Environment: ACG_VSIX (skip packaging), ACG_HEADFUL=1, ACG_KEEP_TEMP=1 (keep user data and logs).
 */
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { resizeSidebar, screenshot } from '../../harness/browser';
import { CheckRun, closeStarted, exitWith, reportFailure } from './checkRun';
import { equal, expect, startSeededWorkbench, type StartedHandles } from './seededWorkbench';
import { REPO_ROOT } from '../../harness/seed';
import { childrenOf, clearToasts, clickDialogButton, contextMenu, describeRows, expandRow, findRow, hoverText, readRows, rowLocator, signInFromView, waitForDialog, waitForRows, waitForToast, type Row } from './workbenchUi';

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
        const { emu, wb, account } = await startSeededWorkbench(started, run.t0, { seed: SEED, emulator: { lroDelayMs: 50, retryAfterSeconds: 1 }, clipboard: true });
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
            rows = await waitForRows(page, VIEW, '1.3.0 showing its progress', (rs) => /^Replicating \d+% · 0 of 1 regions$/.test(findRow(rs, ['contoso-agent', '1.3.0'])?.description ?? ''), 30_000);
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

        await check('Delete on the gallery: one modal naming what it holds, then versions, applications and the definition, then the gallery', async () => {
            await clearToasts(page);
            const from = emulator.requests.length;
            await contextMenu(page, await rowLocator(page, VIEW, [SUBSCRIPTION, 'appsGallery']), 'Delete…');
            const { dialog, text } = await waitForDialog(page, /appsGallery/, 30_000);
            console.log(`    modal: ${text.message}\n    detail: ${text.detail}`);
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

        rows = await readRows(page, VIEW);
        console.log(`\ntree as shown:\n${describeRows(rows)
            .split('\n')
            .map((l) => `  ${l}`)
            .join('\n')}`);
    } catch (e) {
        run.failed(e);
        await reportFailure('applications', started);
    } finally {
        await closeStarted(started);
    }
    return run.summary();
}

exitWith(main);
