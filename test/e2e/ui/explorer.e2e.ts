/**
 * UI end-to-end test of the Compute Gallery explorer in a real VS Code (code-server + headless Chromium),
 * against its own ARM emulator whose data is written when the test starts (test/e2e/explorerSeed.ts:
 * end-of-life dates relative to today, small pages so lists have a "Load more"). What it checks on screen:
 *
 *  - Select Subscriptions (multi-select quick pick) hides a subscription;
 *  - each node kind with its label, description and icon: subscription, gallery (location · resource group),
 *    image definition (OS type · state · generation · architecture · security type, end-of-life warning),
 *    image version (numeric order, `latest` star once every page is loaded, excluded from latest, end of life
 *    passed / within 30 days from the version's own date or its definition's), the "Managed images" folder and
 *    managed images (OS · state · source · zone resilient);
 *  - "Load more image versions…" loads the next page;
 *  - a version still replicating shows its progress, and its hover shows replication per region;
 *  - a list that fails shows "Couldn't list … — click to retry" (and no notification), and recovers on click;
 *  - Show Properties opens the resource's ARM JSON in a read-only JSON editor;
 *  - Delete asks in a modal dialog, then the version is gone from the tree;
 *  - a failing delete is reported once;
 *  - deleting a gallery with children offers "Delete All", deletes everything in order and says so.
 *
 *   npx tsx test/e2e/ui/explorer.e2e.ts
 *
 * Prints one line per check and `N passed, N failed`; exit code 1 on failure. A failing check stops the run
 * (later checks build on the tree state of earlier ones).
 * Screenshots in test-results/: explorer-tree.png, explorer-replication-hover.png, explorer-properties.png,
 * explorer-delete-dialog.png, explorer-cascade-dialog.png, explorer-after-cascade.png (explorer-failure.png
 * when a check fails).
 * Environment: ACG_VSIX (skip packaging), ACG_HEADFUL=1, ACG_KEEP_TEMP=1 (keep user data and logs).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { startEmulator, type RunningEmulator } from '../../emulator/ArmEmulator';
import { openWorkbench, resizeSidebar, screenshot, type Workbench } from '../../harness/browser';
import { CheckRun, closeStarted, exitWith, reportFailure, since } from './checkRun';
import { launchCodeServer, type CodeServerHandle } from '../../harness/codeServer';
import { packageExtension } from '../../harness/packageExtension';
import { DEFAULT_TEST_ACCOUNT, emulatorCloudSettings, testAuthEnv } from '../../harness/seed';
import { EmulatorClient } from '../emulatorClient';
import { DEV_TEST, EXPLORER_TENANT, PRODUCTION, explorerSeed, ids } from '../explorerSeed';
import {
    activeEditor,
    childrenOf,
    clearToasts,
    clickDialogButton,
    contextMenu,
    errorToastTexts,
    describeRows,
    expandRow,
    findRow,
    hoverText,
    quickPickRows,
    readRows,
    rowLocator,
    runCommandToQuickPick,
    setQuickPickTick,
    signInFromView,
    waitForDialog,
    waitForRows,
    waitForToast,
    type Row,
} from './workbenchUi';

const AUTH_PROVIDER_DIR = path.resolve(__dirname, '..', 'auth-provider');
const VIEW = 'Galleries';
const API = 'api-version=2025-12-03';
/** Long enough that the version created at start is still replicating when the test looks at it. */
const REPLICATION_MS_PER_REGION = 180_000;

function expect(condition: boolean, message: string): asserts condition {
    if (!condition) {
        throw new Error(message);
    }
}

function equal<T>(actual: T, expected: T, what: string): void {
    const a = JSON.stringify(actual);
    const e = JSON.stringify(expected);
    expect(a === e, `${what}: expected ${e}, got ${a}`);
}

/**
 * Waits until the emulator has answered no ARM request for `quietMs` (the version watcher's occasional
 * re-read of the replicating version aside), i.e. the tree has finished listing what it wanted to.
 */
async function armQuiet(emulator: RunningEmulator, quietMs = 750, timeout = 15_000): Promise<void> {
    const relevant = (): number => emulator.requests.filter((r) => !/\/app-arm64\/versions\/1\.0\.0$/i.test(r.path)).length;
    const deadline = Date.now() + timeout;
    let seen = relevant();
    let since = Date.now();
    while (Date.now() - since < quietMs) {
        if (Date.now() > deadline) {
            throw new Error(`the tree kept calling ARM for ${timeout / 1000} s`);
        }
        await new Promise((r) => setTimeout(r, 100));
        const now = relevant();
        if (now !== seen) {
            seen = now;
            since = Date.now();
        }
    }
}

/** Label and description of the rows directly under `parent`, as "label — description". */
function shownUnder(rows: readonly Row[], parent: readonly string[]): string[] {
    return childrenOf(rows, parent).map((r) => (r.description ? `${r.label} — ${r.description}` : r.label));
}

/**
 * Waits until the rows under `parent` are exactly `expected` ("label — description"), riding out lists
 * still loading and rows being redrawn; returns the rows read, or fails with what is shown.
 */
async function expectShown(page: Page, parent: readonly string[], expected: readonly string[], what: string, timeout = 10_000): Promise<Row[]> {
    const same = (rows: readonly Row[]): boolean => JSON.stringify(shownUnder(rows, parent)) === JSON.stringify(expected);
    try {
        return await waitForRows(page, VIEW, what, same, timeout);
    } catch {
        const rows = await readRows(page, VIEW);
        throw new Error(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(shownUnder(rows, parent))}; the view shows:\n${describeRows(rows)}`);
    }
}

function row(rows: readonly Row[], tail: readonly string[]): Row {
    const found = findRow(rows, tail);
    expect(found !== undefined, `"${tail.join(' › ')}" is not shown; the view shows:\n${describeRows(rows)}`);
    return found;
}

async function main(): Promise<number> {
    const account = process.env.ACG_TEST_AUTH_ACCOUNT ?? DEFAULT_TEST_ACCOUNT;
    let emu: RunningEmulator | undefined;
    let cs: CodeServerHandle | undefined;
    let wb: Workbench | undefined;

    const run = new CheckRun();
    const { check } = run;

    try {
        const vsix = await packageExtension();
        console.log(`packaged ${path.relative(process.cwd(), vsix)} (${since(run.t0)})`);
        // The emulator is started here (not through test/harness/emulator.ts) for replicationMsPerRegion.
        emu = await startEmulator({
            seed: explorerSeed({ includeTenant: true }),
            pageSize: 4,
            lroDelayMs: 50, // every delete is done at the SDK's first poll
            replicationMsPerRegion: REPLICATION_MS_PER_REGION,
            retryAfterSeconds: 1,
        });
        const arm = new EmulatorClient(emu.url, fs.readFileSync(emu.caCertPath, 'utf8'));
        // A version that is still replicating while the test looks at it (East US first, then the others).
        await arm.arm('PUT', `${ids.appArm64}/versions/1.0.0?${API}`, EXPLORER_TENANT, {
            location: 'eastus',
            properties: {
                publishingProfile: { targetRegions: [{ name: 'East US' }, { name: 'West Europe' }, { name: 'North Europe' }] },
                storageProfile: { source: { id: ids.imgLinuxSnapshot } },
            },
        });
        console.log(`emulator ${emu.url} (${since(run.t0)})`);
        cs = await launchCodeServer({
            extensions: [vsix, AUTH_PROVIDER_DIR],
            settings: emulatorCloudSettings(emu.url),
            env: { NODE_EXTRA_CA_CERTS: emu.caCertPath, ...testAuthEnv(undefined), ACG_TEST_AUTH_HOME_TENANT: EXPLORER_TENANT },
        });
        console.log(`code-server ${cs.url} (${since(run.t0)})`);
        wb = await openWorkbench(cs.url, { viewport: { width: 1400, height: 1000 } });
        console.log(`workbench ready (${since(run.t0)})\n`);
        console.log('Compute Gallery explorer');
        const page: Page = wb.page;
        let rows: Row[] = [];

        await check('signs in from the view', async () => {
            await signInFromView(page, { container: 'Compute Gallery', view: VIEW, button: 'Sign in to Azure', account });
            await expandRow(page, VIEW, [account]);
            rows = await expectShown(page, [account], [DEV_TEST.displayName, PRODUCTION.displayName], 'subscriptions under the account');
            equal(row(rows, [account, PRODUCTION.displayName]).icon, 'key', 'subscription icon');
        });

        await check('Select Subscriptions: unticking a subscription hides it', async () => {
            const picker = await runCommandToQuickPick(page, 'Compute Gallery: Select Subscriptions', /Subscriptions to show/);
            const deadline = Date.now() + 15_000;
            let picks = await quickPickRows(page);
            while (picks.length < 2 && Date.now() < deadline) {
                await page.waitForTimeout(100);
                picks = await quickPickRows(page);
            }
            equal(picks, [{ label: DEV_TEST.displayName, checked: true }, { label: PRODUCTION.displayName, checked: true }], 'subscriptions offered (all shown so far)');
            // The gallery counts fill in a moment later, redrawing the list; untick once they are shown. (An untick that
            // lands in that redraw can be undone: noted in the issue, not fixed yet.)
            await picker.locator('.monaco-list-row', { hasText: /counting galleries/ }).first().waitFor({ state: 'detached', timeout: 15_000 });
            await picker.locator('.monaco-list-row', { hasText: /\d+ galler(y|ies)/ }).first().waitFor({ timeout: 15_000 });
            await setQuickPickTick(page, picker, DEV_TEST.displayName, false);
            equal((await quickPickRows(page)).map((p) => p.checked), [false, true], 'ticks after unticking Dev/Test');
            await picker.locator('.quick-input-action .monaco-button', { hasText: 'OK' }).click();
            await picker.waitFor({ state: 'hidden' });
            rows = await expectShown(page, [account], [PRODUCTION.displayName], 'subscriptions under the account');
        });

        await check('a subscription shows its galleries (location · resource group · sharing), its managed images folder and Shared with me', async () => {
            rows = await expandRow(page, VIEW, [PRODUCTION.displayName]);
            rows = await expectShown(
                page,
                [PRODUCTION.displayName],
                ['cascadeGallery — eastus · rg-explorer-images · Private', 'exploreGallery — eastus · rg-explorer-images · Private', 'flakyGallery — eastus · rg-explorer-images · Private', 'Managed images', 'Shared with me'],
                'children of the subscription',
            );
            equal(row(rows, ['exploreGallery']).icon, 'library', 'gallery icon');
            equal(row(rows, [PRODUCTION.displayName, 'Managed images']).icon, 'folder-library', 'managed images folder icon');
        });

        await check('image definitions show OS type · state · generation · architecture · security type, and end of life', async () => {
            rows = await expandRow(page, VIEW, ['exploreGallery']);
            rows = await expectShown(
                page,
                ['exploreGallery'],
                [
                    'app-arm64 — Linux · Specialized · Gen1 · Arm64',
                    'rhel-9-soon — Linux · Generalized · Gen2 · x64 · end of life in 20 days',
                    'ubuntu-legacy — Linux · Generalized · Gen1 · x64 · end of life passed',
                    'win-server-g2 — Windows · Generalized · Gen2 · x64 · TrustedLaunch',
                    // After the definitions, the gallery's VM applications folder (issue 12).
                    'VM applications',
                ],
                'definitions of exploreGallery',
            );
            equal(
                childrenOf(rows, ['exploreGallery']).map((r) => r.icon),
                ['terminal-linux', 'warning', 'warning', 'window', 'package'],
                'definition icons (warning when end of life is near or passed)',
            );
        });

        await check('versions: first page in numeric order with "Load more…", no `latest` until every page is loaded', async () => {
            rows = await expandRow(page, VIEW, ['win-server-g2']);
            rows = await expectShown(
                page,
                ['win-server-g2'],
                ['1.10.0', '1.9.0', '1.2.0 — end of life in 10 days', '0.9.0 — end of life passed', 'Load more image versions…'],
                'first page of win-server-g2',
            );
            equal(childrenOf(rows, ['win-server-g2']).map((r) => r.icon), ['versions', 'versions', 'warning', 'warning', 'ellipsis'], 'icons of the first page');
        });

        await check('a "Load more…" that fails is reported once and leaves the list as it was', async () => {
            await clearToasts(page);
            const before = await errorToastTexts(page);
            await arm.setFaults([{ kind: 'throttle', method: 'GET', path: '/images/win-server-g2/versions$', retryAfterSeconds: 0 }]);
            await (await rowLocator(page, VIEW, ['win-server-g2', 'Load more image versions…'])).click();
            const message = await waitForToast(page, /Couldn't load more/);
            expect(/^Couldn't load more: OperationNotAllowed: /.test(message), `error notification: ${message}`);
            await arm.setFaults([]);
            rows = await expectShown(
                page,
                ['win-server-g2'],
                ['1.10.0', '1.9.0', '1.2.0 — end of life in 10 days', '0.9.0 — end of life passed', 'Load more image versions…'],
                'win-server-g2 after the failed "Load more…"',
            );
            const added = (await errorToastTexts(page)).filter((t) => !before.includes(t));
            equal(added.length, 1, `error notifications since "Load more…" was clicked (${JSON.stringify(added)})`);
            await clearToasts(page);
        });

        await check('"Load more image versions…" loads the rest: 2.0.0 excluded from latest, 1.10.0 is `latest` (star)', async () => {
            await (await rowLocator(page, VIEW, ['win-server-g2', 'Load more image versions…'])).click();
            rows = await expectShown(
                page,
                ['win-server-g2'],
                ['2.0.0 — excluded from latest', '1.10.0 — latest', '1.9.0', '1.2.0 — end of life in 10 days', '0.9.0 — end of life passed'],
                'all versions of win-server-g2',
            );
            equal(row(rows, ['win-server-g2', '1.10.0']).icon, 'star-full', 'icon of the latest version');
            equal(row(rows, ['win-server-g2', '1.10.0']).ariaLabel, 'Image version 1.10.0, latest', 'what a screen reader says for the latest version');
        });

        await check("a version's own end-of-life date wins over its definition's; without one it inherits the definition's", async () => {
            rows = await expandRow(page, VIEW, ['ubuntu-legacy']);
            rows = await expectShown(page, ['ubuntu-legacy'], ['1.1.0 — latest', '1.0.0 — end of life passed'], 'versions of ubuntu-legacy (definition end of life passed)');
            rows = await expandRow(page, VIEW, ['rhel-9-soon']);
            rows = await expectShown(page, ['rhel-9-soon'], ['9.4.1 — latest · end of life in 20 days'], 'versions of rhel-9-soon (definition end of life in 20 days)');
        });

        await check('a version still replicating shows its progress; its hover shows replication per region', async () => {
            await expandRow(page, VIEW, ['app-arm64']);
            // The list has no replication status: the extension re-reads the version (after ~5 s) and redraws.
            rows = await waitForRows(page, VIEW, 'replication progress on app-arm64 › 1.0.0', (rs) => /Replicating \d+% · 0 of 3 regions/.test(findRow(rs, ['app-arm64', '1.0.0'])?.description ?? ''), 30_000);
            equal(row(rows, ['app-arm64', '1.0.0']).icon, 'sync', 'icon of a version being replicated (spinning)');
            const hover = await hoverText(page, await rowLocator(page, VIEW, ['app-arm64', '1.0.0']), /Replication/);
            expect(/Replication \(InProgress\)/.test(hover), `hover does not say replication is in progress:\n${hover}`);
            expect(/East US: Replicating \d+%/.test(hover), `hover does not show East US replicating:\n${hover}`);
            expect(/West Europe: Replicating 0% — Queued/.test(hover), `hover does not show West Europe queued:\n${hover}`);
            expect(/North Europe: Replicating 0% — Queued/.test(hover), `hover does not show North Europe queued:\n${hover}`);
            await screenshot(page, 'explorer-replication-hover');
            await page.mouse.move(900, 700);
        });

        await check('managed images show OS · state · source · zone resilient', async () => {
            rows = await expandRow(page, VIEW, [PRODUCTION.displayName, 'Managed images']);
            rows = await expectShown(
                page,
                [PRODUCTION.displayName, 'Managed images'],
                [
                    'img-legacy-vhd — Linux · Specialized · from VHD blob',
                    'img-linux-snapshot — Linux · Generalized · from snapshot snap-ubuntu-osdisk',
                    'img-win-golden — Windows · Generalized · from VM vm-explorer-build · zone resilient',
                ],
                'managed images of Explorer Production',
            );
            equal(row(rows, ['img-win-golden']).icon, 'file-media', 'managed image icon');
            await resizeSidebar(page, 640);
            await page.mouse.move(1100, 700);
            await page.waitForTimeout(200); // let the widened rows repaint
            await screenshot(page, 'explorer-tree');
        });

        await check('a list that fails shows "Couldn\'t list … — click to retry" and no notification; a click after the fault is gone recovers', async () => {
            await clearToasts(page);
            const before = await errorToastTexts(page);
            await arm.setFaults([{ kind: 'throttle', method: 'GET', path: '/galleries/flakyGallery/images$', retryAfterSeconds: 0 }]);
            await expandRow(page, VIEW, ['flakyGallery']);
            rows = await waitForRows(page, VIEW, 'the error row under flakyGallery', (rs) => childrenOf(rs, ['flakyGallery']).some((r) => r.label.startsWith("Couldn't")));
            const children = childrenOf(rows, ['flakyGallery']);
            // The VM applications folder stays: only the image definitions list failed.
            equal(children.map((r) => r.label), ["Couldn't list image definitions — click to retry", 'VM applications'], 'children of flakyGallery while its list fails');
            expect(children[0].description.startsWith('OperationNotAllowed: '), `error row description: ${children[0].description}`);
            equal(children[0].icon, 'error', 'error row icon');
            await arm.setFaults([]);
            await (await rowLocator(page, VIEW, ['flakyGallery', "Couldn't list image definitions — click to retry"])).click();
            rows = await expectShown(page, ['flakyGallery'], ['flaky-def — Linux · Generalized · Gen2 · x64', 'VM applications'], 'children of flakyGallery after the retry');
            equal((await errorToastTexts(page)).filter((t) => !before.includes(t)), [], 'error notifications about the failed list (it is shown in the tree only)');
        });

        await check("Show Properties opens the version's ARM JSON in a read-only JSON editor", async () => {
            await contextMenu(page, await rowLocator(page, VIEW, ['win-server-g2', '1.10.0']), 'Show Properties');
            const versionId = `${ids.winServer}/versions/1.10.0`;
            const deadline = Date.now() + 15_000;
            let editor = await activeEditor(page);
            while (!editor.text.includes(versionId) && Date.now() < deadline) {
                await page.waitForTimeout(100);
                editor = await activeEditor(page);
            }
            expect(editor.title.startsWith('1.10.0.json'), `editor tab: ${editor.title}`);
            expect(editor.text.includes(`"id": "${versionId}"`), `the editor does not show the version's id:\n${editor.text}`);
            expect(editor.text.includes('"type": "Microsoft.Compute/galleries/images/versions"'), `the editor does not show the ARM type:\n${editor.text}`);
            expect(/"properties": \{\s*\n\s*"publishingProfile"/.test(editor.text), `the editor does not show ARM's "properties" envelope:\n${editor.text}`);
            const mode = (await page.locator('.statusbar-item[id="status.editor.mode"]').innerText()).trim();
            equal(mode, 'JSON', 'language mode in the status bar');
            await page.locator('.editor-group-container.active .monaco-editor .view-lines').click();
            await page.keyboard.type('x');
            await page.locator('.monaco-editor-overlaymessage', { hasText: 'Cannot edit in read-only editor' }).waitFor({ state: 'visible', timeout: 5_000 });
            const after = await activeEditor(page);
            expect(after.text === editor.text, 'typing changed the properties document');
            await screenshot(page, 'explorer-properties');
        });

        await check('Delete asks in a modal dialog; the version is gone from the tree, other lists keep their pages', async () => {
            await contextMenu(page, await rowLocator(page, VIEW, ['ubuntu-legacy', '1.0.0']), 'Delete…');
            const { dialog, text } = await waitForDialog(page, /Delete image version/);
            equal(text, { message: 'Delete image version "exploreGallery/ubuntu-legacy/1.0.0"?', detail: 'Soft delete is off in this gallery: the deletion is permanent and the version cannot be restored.', buttons: ['Cancel', 'Delete'] }, 'the confirmation');
            await page.mouse.move(1100, 200); // no tree hover over the dialog in the screenshot
            await screenshot(page, 'explorer-delete-dialog');
            await clickDialogButton(dialog, 'Delete');
            await waitForToast(page, /^Deleted image version "exploreGallery\/ubuntu-legacy\/1\.0\.0"\.$/);
            rows = await expectShown(page, ['ubuntu-legacy'], ['1.1.0 — latest'], 'versions of ubuntu-legacy after the delete');
            // Whatever the tree re-lists after the delete has been asked for by now; once that is answered, the
            // loaded pages of win-server-g2 must still be there.
            await armQuiet(emu!);
            rows = await expectShown(
                page,
                ['win-server-g2'],
                ['2.0.0 — excluded from latest', '1.10.0 — latest', '1.9.0', '1.2.0 — end of life in 10 days', '0.9.0 — end of life passed'],
                'win-server-g2 (both pages loaded) after deleting a version elsewhere',
            );
        });

        await check('a delete that fails is reported once, and the version stays', async () => {
            await clearToasts(page);
            const before = await errorToastTexts(page);
            await arm.setFaults([{ kind: 'throttle', method: 'DELETE', path: '/versions/1\\.2\\.0$', retryAfterSeconds: 0 }]);
            await contextMenu(page, await rowLocator(page, VIEW, ['win-server-g2', '1.2.0']), 'Delete…');
            const { dialog } = await waitForDialog(page, /Delete image version/);
            await clickDialogButton(dialog, 'Delete');
            const message = await waitForToast(page, /Couldn't delete/);
            expect(/^Couldn't delete: OperationNotAllowed: The server rejected the request because too many requests/.test(message), `error notification: ${message}`);
            // The command is finished once its error is shown (the tree was redrawn before): nothing else may follow.
            await page.waitForTimeout(500);
            const added = (await errorToastTexts(page)).filter((t) => !before.includes(t));
            equal(added.length, 1, `error notifications since Delete was confirmed (${JSON.stringify(added)})`);
            await arm.setFaults([]);
            rows = await waitForRows(page, VIEW, '1.2.0 without "Deleting…"', (rs) => /^end of life in 10 days$/.test(findRow(rs, ['win-server-g2', '1.2.0'])?.description ?? ''));
            await clearToasts(page);
        });

        await check('deleting a gallery with children offers "Delete All", deletes everything, says so, and the gallery is gone', async () => {
            await contextMenu(page, await rowLocator(page, VIEW, ['cascadeGallery']), 'Delete…');
            const { dialog, text } = await waitForDialog(page, /contains/);
            equal(
                text,
                {
                    message: 'The gallery "cascadeGallery" contains 2 image definitions and 3 image versions. Delete them all, then the gallery?',
                    detail: 'Versions are deleted first, then image definitions, then the gallery. This cannot be undone.',
                    buttons: ['Cancel', 'Delete All'],
                },
                'the cascade confirmation',
            );
            await page.mouse.move(1100, 200);
            await screenshot(page, 'explorer-cascade-dialog');
            await clickDialogButton(dialog, 'Delete All');
            const done = await waitForToast(page, /everything in it|not completely deleted/, 60_000);
            equal(done, 'Deleted gallery "cascadeGallery" and everything in it. Deleted 6 items.', 'the final notification');
            rows = await waitForRows(page, VIEW, 'cascadeGallery to disappear', (rs) => !findRow(rs, ['cascadeGallery']));
            equal(
                childrenOf(rows, [PRODUCTION.displayName]).map((r) => r.label),
                ['exploreGallery', 'flakyGallery', 'Managed images', 'Shared with me'],
                'children of the subscription after the cascade',
            );
            expect(emu!.store.getResourceJson(ids.cascadeGallery) === undefined, 'the gallery still exists in the emulator');
            await page.mouse.move(1100, 700);
            await screenshot(page, 'explorer-after-cascade');
        });

        rows = await readRows(page, VIEW);
        console.log(`\ntree as shown:\n${describeRows(rows)
            .split('\n')
            .map((l) => `  ${l}`)
            .join('\n')}`);
    } catch (e) {
        run.failed(e);
        await reportFailure('explorer', { wb, cs });
    } finally {
        await closeStarted({ wb, cs, emu });
    }

    return run.summary();
}

exitWith(main);
