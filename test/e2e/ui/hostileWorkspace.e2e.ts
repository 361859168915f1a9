/**
 * UI end-to-end test of issue 9 in a real VS Code (code-server + headless Chromium): a cloned repository
 * must not be able to redirect the user's Azure token.
 *
 * The user's settings name their cloud (a custom cloud on the ARM emulator, whose host they have not yet
 * confirmed). The opened folder's .vscode/settings.json names another ARM host (a second local HTTPS
 * server started here, which records every request), switches the sign-in method to azureIdentity and
 * "trusts" its own host. What it checks on screen:
 *
 *  - VS Code shows one notice naming the ignored workspace settings, whose "Open User Settings" opens
 *    the user's settings.json;
 *  - signing in asks once whether the token may go to the user's ARM host (the emulator), never the
 *    workspace's; after Allow (and VS Code's own sign-in Allow) the tree shows the user's galleries;
 *  - the workspace's host received no request at all;
 *  - changing only the workspace's value neither reloads the extension nor repeats the notice;
 *  - when the user's own cloud moves to a host not confirmed yet (the same emulator as https://localhost:port),
 *    the view says the token is not sent there and nothing is sent until signing in again confirms it.
 *
 *   npx tsx test/e2e/ui/hostileWorkspace.e2e.ts
 *
 * Screenshot: test-results/hostile-workspace.png (hostile-workspace-failure.png when a check fails).
 * Environment: ACG_VSIX (skip packaging), ACG_HEADFUL=1, ACG_KEEP_TEMP=1 (keep user data and logs).
 */
import * as fs from 'node:fs';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { ensureCertificates } from '../../emulator/certificates';
import { startEmulator, type RunningEmulator } from '../../emulator/ArmEmulator';
import {
    allowSignIn,
    clickWelcomeButton,
    openViewContainer,
    openWorkbench,
    readTreeItems,
    runCommand,
    screenshot,
    signInDialogVisible,
    waitForTreeItem,
    type Workbench,
} from '../../harness/browser';
import { CheckRun, closeStarted, exitWith, reportFailure, since } from './checkRun';
import { launchCodeServer, type CodeServerHandle } from '../../harness/codeServer';
import { packageExtension } from '../../harness/packageExtension';
import { DEFAULT_SEED, DEFAULT_TEST_ACCOUNT, emulatorCloudSettings, readSeed, testAuthEnv } from '../../harness/seed';
import { clearToasts, clickDialogButton, expandRow, waitForDialog, waitForToast } from './workbenchUi';

const AUTH_PROVIDER_DIR = path.resolve(__dirname, '..', 'auth-provider');
const VIEW_CONTAINER = 'Compute Gallery';
const VIEW = 'Galleries';
/**
 * What the notice names: the workspace's custom endpoints. Its "environment" ("custom") equals the user's, so it
 * changes nothing; our own settings are application-scoped, so VS Code drops their workspace values itself
 * (inspect() does not even report them) and they are ignored without a word from us.
 */
const IGNORED = ['microsoft-sovereign-cloud.customEnvironment'];
const NOTICE = /ignored .* from this workspace's settings/i;

interface HostileServer {
    origin: string;
    requests: string[];
    close(): Promise<void>;
}

/** The "other ARM host" the workspace names: records whatever reaches it and answers 404. */
async function startHostileServer(): Promise<HostileServer> {
    const certs = await ensureCertificates();
    const requests: string[] = [];
    const server = https.createServer({ key: fs.readFileSync(certs.keyPath), cert: fs.readFileSync(certs.certPath) }, (req, res) => {
        requests.push(`${req.method ?? ''} ${req.url ?? ''}${req.headers.authorization ? ' (with Authorization)' : ''}`);
        res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":{"code":"NotFound","message":"hostile"}}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return {
        origin: `https://127.0.0.1:${(server.address() as AddressInfo).port}`,
        requests,
        close: () =>
            new Promise<void>((resolve) => {
                server.close(() => resolve());
                server.closeAllConnections();
            }),
    };
}

function hostileWorkspaceSettings(origin: string, name: string, environment = 'custom'): Record<string, unknown> {
    return {
        'microsoft-sovereign-cloud.environment': environment,
        'microsoft-sovereign-cloud.customEnvironment': {
            name,
            portalUrl: origin,
            managementEndpointUrl: origin,
            resourceManagerEndpointUrl: origin,
            activeDirectoryEndpointUrl: origin,
            activeDirectoryResourceId: origin,
        },
        'azureComputeGallery.signInMethod': 'azureIdentity',
        'azureComputeGallery.trustedArmHosts': [origin],
    };
}

/** The extension's own log ("Azure Compute Gallery" output channel) in the user-data dir. */
function extensionLog(userDataDir: string): string {
    let text = '';
    const walk = (dir: string, depth: number): void => {
        for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
            const full = path.join(dir, entry.name);
            if (entry.isDirectory() && depth < 6) {
                walk(full, depth + 1);
            } else if (entry.isFile() && full.includes('acg-tools.azure-compute-gallery') && entry.name.endsWith('.log')) {
                text += fs.readFileSync(full, 'utf8');
            }
        }
    };
    walk(path.join(userDataDir, 'logs'), 0);
    return text;
}

async function waitForLog(userDataDir: string, text: RegExp, timeout = 15_000): Promise<string> {
    const deadline = Date.now() + timeout;
    for (;;) {
        const log = extensionLog(userDataDir);
        if (text.test(log)) {
            return log;
        }
        if (Date.now() > deadline) {
            throw new Error(`the extension's log never showed ${text}; it has:\n${log.slice(-2000) || '(nothing)'}`);
        }
        await new Promise((r) => setTimeout(r, 250));
    }
}

/**
 * The visible lines of the editor VS Code 1.139 opens settings in (a modal editor, without an editor tab, so
 * workbenchUi's activeEditor() would wait for a tab); empty while none is shown.
 */
async function modalEditorText(page: Page): Promise<string> {
    return page.locator('.monaco-modal-editor-block .monaco-editor .view-lines').evaluateAll((els) =>
        els
            .map((lines) =>
                [...lines.querySelectorAll('.view-line')]
                    .map((el) => ({ top: Number.parseFloat((el as HTMLElement).style.top || '0'), text: (el.textContent ?? '').replace(/\u00a0/g, ' ') }))
                    .sort((a, b) => a.top - b.top)
                    .map((l) => l.text)
                    .join('\n'),
            )
            .join('\n'),
    );
}

/**
 * Edits the user's settings.json the way a user would (Preferences: Open User Settings (JSON), Replace All,
 * save): code-server does not notice a write to that file from outside.
 */
async function replaceInUserSettings(page: Page, file: string, from: string, to: string): Promise<void> {
    await runCommand(page, 'Preferences: Open User Settings (JSON)');
    const editor = page.locator('.monaco-editor').filter({ has: page.locator('.view-lines') }).last();
    await editor.waitFor({ state: 'visible', timeout: 15_000 });
    await editor.locator('.view-lines').first().click();
    await page.keyboard.press('Control+H');
    const find = page.locator('.find-widget.visible');
    await find.waitFor({ state: 'visible', timeout: 10_000 });
    await find.locator('.find-part textarea, .find-part input').first().fill(from);
    await find.locator('.replace-part textarea, .replace-part input').first().fill(to);
    await page.keyboard.press('Control+Alt+Enter');
    await page.keyboard.press('Escape');
    // Saving can be slow on a busy machine (VS Code aborts slow save participants): save until it is on disk.
    for (let attempt = 1; !fs.readFileSync(file, 'utf8').includes(to); attempt++) {
        if (attempt > 3) {
            throw new Error(`the user settings were not saved with "${to}":\n${fs.readFileSync(file, 'utf8')}`);
        }
        await page.keyboard.press('Control+S');
        const deadline = Date.now() + 5_000;
        while (!fs.readFileSync(file, 'utf8').includes(to) && Date.now() < deadline) {
            await page.waitForTimeout(200);
        }
    }
    const modal = page.locator('.monaco-modal-editor-block');
    for (let attempt = 0; attempt < 3 && (await modal.count()) > 0; attempt++) {
        await page.keyboard.press('Escape');
        await modal.first().waitFor({ state: 'detached', timeout: 3_000 }).catch(() => undefined);
    }
}

function escapeRegExp(s: string): string {
    return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

async function main(): Promise<number> {
    const seed = readSeed(DEFAULT_SEED);
    const account = testAuthEnv(seed).ACG_TEST_AUTH_ACCOUNT ?? DEFAULT_TEST_ACCOUNT;
    const subscription = seed.subscriptions.find((s) => s.state === 'Enabled' && seed.galleriesOf(s.subscriptionId).length > 0);
    if (!subscription) {
        throw new Error(`seed ${DEFAULT_SEED} has no enabled subscription with galleries`);
    }
    const galleries = seed.galleriesOf(subscription.subscriptionId).map((g) => g.name);
    let emu: RunningEmulator | undefined;
    let hostile: HostileServer | undefined;
    let cs: CodeServerHandle | undefined;
    let wb: Workbench | undefined;
    const workspaceDir = fs.mkdtempSync(path.join(os.tmpdir(), 'acg-hostile-workspace-'));
    const run = new CheckRun();
    const { check } = run;

    try {
        const vsix = await packageExtension();
        console.log(`packaged ${path.relative(process.cwd(), vsix)} (${since(run.t0)})`);
        // Started here (not through test/harness/emulator.ts) to see the requests it serves.
        emu = await startEmulator({ seed: DEFAULT_SEED });
        const served = emu.requests;
        hostile = await startHostileServer();
        const emulatorOrigin = new URL(emu.url).origin;
        console.log(`emulator ${emu.url}, the workspace's ARM host ${hostile.origin} (${since(run.t0)})`);
        fs.mkdirSync(path.join(workspaceDir, '.vscode'));
        const workspaceSettings = path.join(workspaceDir, '.vscode', 'settings.json');
        fs.writeFileSync(workspaceSettings, JSON.stringify(hostileWorkspaceSettings(hostile.origin, 'Cloned repository'), null, 2));
        // The user's own cloud; its host is not trusted yet, so signing in asks first.
        const userSettings = { ...emulatorCloudSettings(emu.url) };
        delete userSettings['azureComputeGallery.trustedArmHosts'];
        cs = await launchCodeServer({
            extensions: [vsix, AUTH_PROVIDER_DIR],
            settings: userSettings,
            env: { NODE_EXTRA_CA_CERTS: emu.caCertPath, ...testAuthEnv(seed) },
            workspaceDir,
        });
        const userDataDir = cs.userDataDir;
        console.log(`code-server ${cs.url} (${since(run.t0)})`);
        wb = await openWorkbench(cs.url);
        console.log(`workbench ready (${since(run.t0)})\n`);
        console.log('A folder whose settings name another ARM host');
        const page: Page = wb.page;
        const hostileOrigin = hostile.origin;

        await check('one notice names the ignored workspace settings', async () => {
            await openViewContainer(page, VIEW_CONTAINER);
            const text = await waitForToast(page, NOTICE, 30_000);
            const missing = IGNORED.filter((name) => !text.includes(name));
            if (missing.length) {
                throw new Error(`the notice does not name ${missing.join(', ')}: ${text}`);
            }
        });
        await check('its "Open User Settings" opens the user\'s settings.json, not the workspace\'s', async () => {
            const toast = page.locator('.notifications-toasts .notification-list-item').filter({ hasText: NOTICE }).first();
            await toast.hover();
            await toast.getByRole('button', { name: 'Open User Settings' }).click();
            // The harness writes "security.workspace.trust.enabled" into the user settings only.
            const userOnlyKey = '"security.workspace.trust.enabled"';
            const deadline = Date.now() + 15_000;
            let text = await modalEditorText(page);
            while (!text.includes(userOnlyKey) && Date.now() < deadline) {
                await page.waitForTimeout(250);
                text = await modalEditorText(page);
            }
            if (!text.includes(userOnlyKey) || text.includes(hostileOrigin)) {
                throw new Error(`expected the user settings.json in the settings editor; it shows:\n${text.slice(0, 600) || '(nothing)'}`);
            }
            // VS Code 1.139 shows settings in a modal editor: close it before using the view again.
            const modal = page.locator('.monaco-modal-editor-block');
            for (let attempt = 0; attempt < 3 && (await modal.count()) > 0; attempt++) {
                await page.keyboard.press('Escape');
                await modal.first().waitFor({ state: 'detached', timeout: 3_000 }).catch(() => undefined);
            }
        });
        await check('the workspace did not switch the sign-in method: the view offers "Sign in to Azure"', async () => {
            await openViewContainer(page, VIEW_CONTAINER);
            await clickWelcomeButton(page, VIEW, 'Sign in to Azure');
        });
        await check(`signing in asks once to send the token to the user's ARM host ${emulatorOrigin}; Allow`, async () => {
            const { dialog, text } = await waitForDialog(page, /Send your Azure sign-in token/i);
            const shown = `${text.message}\n${text.detail}`;
            if (!shown.includes(emulatorOrigin) || shown.includes(hostileOrigin)) {
                throw new Error(`the question must name ${emulatorOrigin} only: ${shown}`);
            }
            await clickDialogButton(dialog, 'Allow');
        });
        await check('VS Code asks to allow the sign-in; Allow', async () => {
            const message = await allowSignIn(page);
            if (!/Compute Gallery/i.test(message)) {
                throw new Error(`unexpected sign-in dialog: ${message}`);
            }
        });
        await check(`shows the account, "${subscription.displayName}" and its galleries from the user's cloud`, async () => {
            await waitForTreeItem(page, VIEW, new RegExp(escapeRegExp(account), 'i'));
            await expandRow(page, VIEW, [account]);
            await expandRow(page, VIEW, [subscription.displayName]);
            for (const gallery of galleries) {
                await waitForTreeItem(page, VIEW, gallery);
            }
        });
        await check(`the workspace's host ${hostileOrigin} received no request`, () => {
            if (hostile!.requests.length) {
                return Promise.reject(new Error(`it received ${hostile!.requests.length}:\n${hostile!.requests.join('\n')}`));
            }
            return Promise.resolve();
        });
        await check('a workspace-only change reloads nothing; only the newly ignored setting is told', async () => {
            await waitForLog(userDataDir, NOTICE);
            await clearToasts(page);
            // Other endpoints, and now also another cloud: seen (a notice for the cloud), but nothing reloads.
            fs.writeFileSync(workspaceSettings, JSON.stringify(hostileWorkspaceSettings(hostileOrigin, 'Changed by a pull', 'USGovernment'), null, 2));
            const text = await waitForToast(page, NOTICE, 20_000);
            if (!text.includes('"microsoft-sovereign-cloud.environment"') || text.includes('customEnvironment')) {
                throw new Error(`expected a notice naming only the newly ignored "microsoft-sovereign-cloud.environment": ${text}`);
            }
            const log = extensionLog(userDataDir);
            if (/reloading everything/i.test(log)) {
                throw new Error(`the extension reloaded everything for a workspace-only change:\n${log.slice(-1500)}`);
            }
            const rows = await readTreeItems(page, VIEW);
            const missing = galleries.filter((g) => !rows.some((r) => r.label === g));
            if (missing.length) {
                throw new Error(`galleries no longer shown: ${missing.join(', ')}`);
            }
            if (hostile!.requests.length) {
                throw new Error(`the workspace's host received:\n${hostile!.requests.join('\n')}`);
            }
        });
        const movedOrigin = `https://localhost:${emu.port}`;
        await check(`when the user's cloud moves to ${movedOrigin} (not confirmed), the view says so and nothing is sent`, async () => {
            served.length = 0;
            const userSettingsFile = path.join(userDataDir, 'User', 'settings.json');
            await replaceInUserSettings(page, userSettingsFile, new URL(emulatorOrigin).host, new URL(movedOrigin).host);
            const user = fs.readFileSync(userSettingsFile, 'utf8');
            if (!user.includes(`"resourceManagerEndpointUrl": "${movedOrigin}/"`)) {
                throw new Error(`the user settings were not changed as meant:\n${user}`);
            }
            const message = new RegExp(`not sent to ${escapeRegExp(movedOrigin)} until you allow it`, 'i');
            await waitForTreeItem(page, VIEW, message);
            await page.waitForTimeout(1_000);
            if (served.length) {
                throw new Error(`the emulator was called before the host was confirmed:\n${served.map((r) => `${r.method} ${r.path}`).join('\n')}`);
            }
        });
        await check(`signing in again asks about ${movedOrigin}; Allow shows the galleries again`, async () => {
            await runCommand(page, 'Compute Gallery: Sign in to Azure');
            const { dialog, text } = await waitForDialog(page, /Send your Azure sign-in token/i);
            if (!`${text.message}\n${text.detail}`.includes(movedOrigin)) {
                throw new Error(`the question must name ${movedOrigin}: ${text.message} ${text.detail}`);
            }
            await clickDialogButton(dialog, 'Allow');
            // VS Code may ask again for the new scopes.
            await page.waitForTimeout(1_000);
            if (await signInDialogVisible(page)) {
                await allowSignIn(page);
            }
            await expandRow(page, VIEW, [account]);
            await expandRow(page, VIEW, [subscription.displayName]);
            for (const gallery of galleries) {
                await waitForTreeItem(page, VIEW, gallery);
            }
            if (hostile!.requests.length) {
                throw new Error(`the workspace's host received:\n${hostile!.requests.join('\n')}`);
            }
        });
        const shot = await screenshot(page, 'hostile-workspace');
        console.log(`\nscreenshot ${path.relative(process.cwd(), shot)}`);
    } catch (e) {
        run.failed(e);
        await reportFailure('hostile-workspace', { wb, cs });
    } finally {
        await closeStarted({ wb, cs, emu });
        await hostile?.close().catch(() => undefined);
        fs.rmSync(workspaceDir, { recursive: true, force: true });
    }
    return run.summary();
}

exitWith(main);
