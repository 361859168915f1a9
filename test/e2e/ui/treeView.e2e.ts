/**
 * UI end-to-end test of the Compute Gallery view in a real VS Code (code-server + headless Chromium):
 * sign in through the view's welcome button (test auth provider, VS Code's own Allow dialog), expand
 * the account and subscriptions, and check on screen that the seeded subscriptions and galleries of
 * the ARM emulator are shown.
 *
 *   npx tsx test/e2e/ui/treeView.e2e.ts [--seed test/emulator/seeds/default.json]
 *
 * Screenshot: test-results/tree.png (test-results/tree-failure.png when a check fails).
 * Environment: ACG_VSIX (skip packaging), ACG_HEADFUL=1, ACG_KEEP_TEMP=1 (keep user data and logs).
 */
import * as path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import {
    allowSignIn,
    clickWelcomeButton,
    expandTreeItem,
    openViewContainer,
    openWorkbench,
    readTreeItems,
    resizeSidebar,
    screenshot,
    waitForTreeItem,
    type Workbench,
} from '../../harness/browser';
import { CheckRun, closeStarted, exitWith, reportFailure, since } from './checkRun';
import { launchCodeServer, type CodeServerHandle } from '../../harness/codeServer';
import { startEmulator, type EmulatorHandle } from '../../harness/emulator';
import { packageExtension } from '../../harness/packageExtension';
import { DEFAULT_SEED, DEFAULT_TEST_ACCOUNT, emulatorCloudSettings, readSeed, testAuthEnv } from '../../harness/seed';

const AUTH_PROVIDER_DIR = path.resolve(__dirname, '..', 'auth-provider');
const VIEW_CONTAINER = 'Compute Gallery';
const VIEW = 'Galleries';
const SIGN_IN_BUTTON = 'Sign in to Azure';

function argValue(flag: string): string | undefined {
    const i = process.argv.indexOf(flag);
    return i >= 0 ? process.argv[i + 1] : undefined;
}

function escapeRegExp(s: string): string {
    return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

async function main(): Promise<number> {
    const seedPath = path.resolve(argValue('--seed') ?? process.env.ACG_E2E_SEED ?? DEFAULT_SEED);
    const seed = readSeed(seedPath);
    const account = testAuthEnv(seed).ACG_TEST_AUTH_ACCOUNT ?? DEFAULT_TEST_ACCOUNT;
    let emu: EmulatorHandle | undefined;
    let cs: CodeServerHandle | undefined;
    let wb: Workbench | undefined;

    /** Runs one on-screen check; a failing check stops the run (later ones depend on it). */
    const run = new CheckRun();
    const { check } = run;

    try {
        const vsix = await packageExtension();
        console.log(`packaged ${path.relative(process.cwd(), vsix)} (${since(run.t0)})`);
        emu = await startEmulator({ seed: seedPath });
        console.log(`emulator ${emu.url} (${since(run.t0)})`);
        cs = await launchCodeServer({
            extensions: [vsix, AUTH_PROVIDER_DIR],
            settings: emulatorCloudSettings(emu.url),
            env: { NODE_EXTRA_CA_CERTS: emu.caCertPath, ...testAuthEnv(seed) },
        });
        console.log(`code-server ${cs.url} (${since(run.t0)})`);
        wb = await openWorkbench(cs.url);
        console.log(`workbench ready (${since(run.t0)})\n`);
        console.log('Compute Gallery view');
        const page: Page = wb.page;

        await check(`opens the "${VIEW_CONTAINER}" view from the activity bar`, () => openViewContainer(page, VIEW_CONTAINER));
        await check(`shows the "${SIGN_IN_BUTTON}" button while signed out`, () => clickWelcomeButton(page, VIEW, SIGN_IN_BUTTON));
        await check('VS Code asks to allow the sign-in; Allow', async () => {
            const message = await allowSignIn(page);
            if (!/Compute Gallery/i.test(message)) {
                throw new Error(`unexpected sign-in dialog: ${message}`);
            }
        });
        let accountRow: Locator | undefined;
        await check(`shows the signed-in account ${account}`, async () => {
            accountRow = await waitForTreeItem(page, VIEW, new RegExp(escapeRegExp(account), 'i'));
        });
        await check('expands the account', () => expandTreeItem(accountRow!));

        const subscriptions = seed.subscriptions.filter((s) => s.state === 'Enabled');
        if (subscriptions.length === 0) {
            throw new Error(`seed ${seedPath} has no enabled subscriptions to look for`);
        }
        for (const sub of subscriptions) {
            await check(`shows subscription "${sub.displayName}"`, async () => {
                await waitForTreeItem(page, VIEW, sub.displayName);
            });
        }
        for (const sub of subscriptions) {
            const galleries = seed.galleriesOf(sub.subscriptionId);
            if (galleries.length === 0) {
                continue;
            }
            await check(`expands subscription "${sub.displayName}"`, async () => {
                await expandTreeItem(await waitForTreeItem(page, VIEW, sub.displayName));
            });
            for (const gallery of galleries) {
                await check(`shows gallery "${gallery.name}" under "${sub.displayName}"`, async () => {
                    await waitForTreeItem(page, VIEW, gallery.name);
                    const rows = await readTreeItems(page, VIEW);
                    const row = rows.find((r) => r.label === gallery.name && r.path.at(-2) === sub.displayName);
                    if (!row) {
                        const where = rows.filter((r) => r.label === gallery.name).map((r) => r.path.join(' › '));
                        throw new Error(`"${gallery.name}" is not shown under "${sub.displayName}" (found at: ${where.join('; ') || 'nowhere'})`);
                    }
                });
            }
        }
        await resizeSidebar(page, 560); // room for the descriptions (location · resource group)
        await page.mouse.move(900, 600); // no hover highlight in the screenshot
        await page.waitForTimeout(300); // let the last rows paint (icons, descriptions)
        const shot = await screenshot(page, 'tree');
        console.log(`\nscreenshot ${path.relative(process.cwd(), shot)}`);
        const rows = await readTreeItems(page, VIEW);
        console.log('tree as shown:');
        for (const r of rows) {
            console.log(`  ${'  '.repeat(Math.max(0, r.level - 1))}${r.expanded === undefined ? ' ' : r.expanded ? '▾' : '▸'} ${r.label}`);
        }
    } catch (e) {
        run.failed(e);
        await reportFailure('tree', { wb, cs });
    } finally {
        await closeStarted({ wb, cs, emu });
    }

    return run.summary();
}

exitWith(main);
