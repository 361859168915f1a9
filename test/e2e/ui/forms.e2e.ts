/**
 * UI end-to-end test of the resource forms in a real VS Code (code-server + headless Chromium) against
 * the ARM emulator: open each form from the tree's context menu, type into it (inside the webview's
 * nested iframes), see field errors with no request sent, see ARM's error with the input kept, create
 * each kind and see it in the tree, and change one property of each kind.
 *
 *   npx tsx test/e2e/ui/forms.e2e.ts
 *
 * Prints one line per check and `N passed, N failed`; exit code 1 on failure. Screenshots go to
 * test-results/forms-*.png. Environment: ACG_VSIX (skip packaging), ACG_HEADFUL=1, ACG_KEEP_TEMP=1.
 */
import * as fs from 'node:fs';
import * as https from 'node:https';
import * as path from 'node:path';
import type { FrameLocator, Locator, Page } from 'playwright-core';
import {
    allowSignIn,
    clickWelcomeButton,
    notifications,
    openViewContainer,
    openWorkbench,
    resizeSidebar,
    screenshot,
    viewPane,
    type Workbench,
} from '../../harness/browser';
import { launchCodeServer, type CodeServerHandle } from '../../harness/codeServer';
import { packageExtension } from '../../harness/packageExtension';
import { DEFAULT_SEED, emulatorCloudSettings, readSeed, testAuthEnv } from '../../harness/seed';
import { startEmulator } from '../../emulator/ArmEmulator';
import type { FaultRule, RunningEmulator } from '../../emulator/ArmEmulator';
import { makeTestToken } from '../../emulator/tokens';

const AUTH_PROVIDER_DIR = path.resolve(__dirname, '..', 'auth-provider');
const VIEW = 'Galleries';
const TENANT = '7c1f4b2e-3d5a-4e8f-9b6c-2a1d0e9f8c7b';
const SUB = '8f3b1c2d-4e5f-4a6b-9c7d-0e1f2a3b4c5d';
const SUB_NAME = 'Contoso Production';
const RG = 'rg-gallery-prod';
const BUILD_RG = 'rg-image-build';
const ARM = `/subscriptions/${SUB}/resourceGroups`;

interface CheckResult {
    name: string;
    ok: boolean;
    error?: string;
}

class StopRun extends Error {}

// ---- the emulator, seen from the test -------------------------------------------------------------

function httpsJson(emulator: RunningEmulator, method: string, urlPath: string, body?: unknown): Promise<{ status: number; body: unknown }> {
    const ca = fs.readFileSync(emulator.caCertPath, 'utf8');
    const url = new URL(urlPath.replace(/^\//, ''), emulator.url);
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const token = makeTestToken({ aud: emulator.url, tid: TENANT });
    return new Promise((resolve, reject) => {
        const req = https.request(
            url,
            {
                method,
                ca,
                headers: {
                    authorization: `Bearer ${token}`,
                    ...(payload ? { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(payload)) } : {}),
                },
            },
            (res) => {
                const chunks: Buffer[] = [];
                res.on('data', (c: Buffer) => chunks.push(c));
                res.on('end', () => {
                    const text = Buffer.concat(chunks).toString('utf8');
                    resolve({ status: res.statusCode ?? 0, body: text ? (JSON.parse(text) as unknown) : undefined });
                });
            },
        );
        req.on('error', reject);
        req.end(payload);
    });
}

interface RecordedRequest {
    method: string;
    path: string;
    status: number;
}

/** The emulator's request log, read through its admin endpoint as any test client would. */
async function writesSince(emulator: RunningEmulator, since: number): Promise<RecordedRequest[]> {
    const res = await httpsJson(emulator, 'GET', '/__emulator/requests');
    const all = Array.isArray(res.body) ? (res.body as RecordedRequest[]) : [];
    return all.slice(since).filter((r) => r.method === 'PUT' || r.method === 'PATCH' || r.method === 'DELETE' || r.method === 'POST');
}

async function requestCount(emulator: RunningEmulator): Promise<number> {
    const res = await httpsJson(emulator, 'GET', '/__emulator/requests');
    return Array.isArray(res.body) ? res.body.length : 0;
}

async function setFaults(emulator: RunningEmulator, rules: FaultRule[]): Promise<void> {
    const res = await httpsJson(emulator, 'PUT', '/__emulator/faults', rules);
    if (res.status >= 300) {
        throw new Error(`setting faults answered ${res.status}`);
    }
}

async function armGet(emulator: RunningEmulator, id: string, apiVersion: string): Promise<Record<string, unknown>> {
    const res = await httpsJson(emulator, 'GET', `${id}?api-version=${apiVersion}`);
    if (res.status !== 200) {
        throw new Error(`GET ${id} answered ${res.status}: ${JSON.stringify(res.body)}`);
    }
    return res.body as Record<string, unknown>;
}

// ---- the workbench --------------------------------------------------------------------------------

function escapeRegExp(s: string): string {
    return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The tree row whose label is `label` (exact). */
function row(page: Page, label: string): Locator {
    return viewPane(page, VIEW)
        .first()
        .locator('.monaco-list-row')
        .filter({ has: page.locator('.label-name').filter({ hasText: new RegExp(`^${escapeRegExp(label)}$`) }) })
        .first();
}

async function expand(page: Page, label: string): Promise<void> {
    const r = row(page, label);
    await r.waitFor({ state: 'visible', timeout: 30_000 });
    if ((await r.getAttribute('aria-expanded')) === 'false') {
        await r.click();
    }
    await r.and(page.locator('[aria-expanded="true"]')).waitFor({ timeout: 30_000 });
}

/** Right-click → menu entry (clicked again if the menu was still settling). */
async function contextMenu(page: Page, label: string, entry: string): Promise<void> {
    const r = row(page, label);
    await r.waitFor({ state: 'visible', timeout: 30_000 });
    await r.click({ button: 'right' });
    const item = page.getByRole('menuitem', { name: entry }).filter({ visible: true }).first();
    await item.waitFor({ state: 'visible', timeout: 10_000 });
    for (let attempt = 0; attempt < 3; attempt++) {
        await item.click();
        if (await item.waitFor({ state: 'hidden', timeout: 2_000 }).then(() => true, () => false)) {
            return;
        }
    }
    throw new Error(`the context menu entry "${entry}" did not close the menu`);
}

/** The form inside the active webview: VS Code nests it in two iframes. */
async function formFrame(page: Page, heading: RegExp): Promise<FrameLocator> {
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

/** Waits until the picker has loaded (an option with that value exists), then chooses it. */
async function choose(frame: FrameLocator, label: string | RegExp, value: string): Promise<void> {
    const select = frame.getByLabel(label, { exact: typeof label === 'string' }).first();
    await select.locator(`option[value="${value.replace(/"/g, '\\"')}"]`).waitFor({ state: 'attached', timeout: 20_000 });
    await select.selectOption(value);
}

async function fieldError(frame: FrameLocator, label: string): Promise<string> {
    const input = frame.getByLabel(label, { exact: true }).first();
    const describedBy = (await input.getAttribute('aria-describedby')) ?? '';
    const errorId = describedBy.split(' ').find((id) => id.endsWith('-error'));
    return errorId ? (await frame.locator(`#${errorId}`).innerText()).trim() : '';
}

async function waitForRow(page: Page, label: string, timeout = 30_000): Promise<Locator> {
    const r = row(page, label);
    await r.waitFor({ state: 'visible', timeout });
    return r;
}

async function main(): Promise<number> {
    const t0 = Date.now();
    const seedPath = DEFAULT_SEED;
    const seed = readSeed(seedPath);
    const results: CheckResult[] = [];
    let emulator: RunningEmulator | undefined;
    let cs: CodeServerHandle | undefined;
    let wb: Workbench | undefined;

    const check = async (name: string, fn: () => Promise<void>): Promise<void> => {
        const start = Date.now();
        try {
            await fn();
            results.push({ name, ok: true });
            console.log(`  ✓ ${name} (${Date.now() - start} ms)`);
        } catch (e) {
            const error = e instanceof Error ? e.message : String(e);
            results.push({ name, ok: false, error });
            console.log(`  ✗ ${name}\n      ${error.split('\n').join('\n      ')}`);
            if (wb) {
                await screenshot(wb.page, `forms-failure-${results.length}`).catch(() => undefined);
                if (process.env.ACG_FORMS_DEBUG) {
                    for (const frame of wb.page.frames()) {
                        const html = await frame.evaluate(() => document.getElementById('app')?.outerHTML ?? '').catch(() => '');
                        if (html) {
                            console.log(`--- form DOM ---\n${html.slice(0, 4000)}`);
                        }
                    }
                }
            }
            throw new StopRun();
        }
    };

    try {
        const vsix = await packageExtension();
        emulator = await startEmulator({ seed: seedPath, lroDelayMs: 400, replicationMsPerRegion: 300, retryAfterSeconds: 0 });
        cs = await launchCodeServer({
            extensions: [vsix, AUTH_PROVIDER_DIR],
            settings: emulatorCloudSettings(emulator.url),
            env: { NODE_EXTRA_CA_CERTS: emulator.caCertPath, ...testAuthEnv(seed) },
        });
        wb = await openWorkbench(cs.url, { viewport: { width: 1500, height: 1000 } });
        console.log(`workbench ready (${((Date.now() - t0) / 1000).toFixed(1)}s)\n`);
        const page = wb.page;
        const emu = emulator;

        await check('signs in and shows the subscription', async () => {
            await openViewContainer(page, 'Compute Gallery');
            // On a busy machine the first click can land before the command is registered: click again.
            for (let attempt = 1; ; attempt++) {
                await clickWelcomeButton(page, VIEW, 'Sign in to Azure');
                if (await allowSignIn(page, 15_000).then(() => true, () => false)) {
                    break;
                }
                if (attempt === 3) {
                    throw new Error('VS Code never asked to allow the sign-in');
                }
            }
            await waitForRow(page, SUB_NAME);
            await expand(page, SUB_NAME);
            await waitForRow(page, 'contosoImages');
            await resizeSidebar(page, 420);
        });

        // ---- gallery ------------------------------------------------------------------------------
        let form!: FrameLocator;
        await check('"Create Gallery…" on a subscription opens the form with the subscription filled in', async () => {
            await contextMenu(page, SUB_NAME, 'Create Gallery…');
            form = await formFrame(page, /Create gallery/);
            await form.getByLabel('Gallery name', { exact: true }).waitFor({ state: 'visible' });
            await form.getByLabel('Subscription', { exact: true }).locator(`option[value="${SUB}"]`).waitFor({ state: 'attached', timeout: 20_000 });
            const chosen = await form.getByLabel('Subscription', { exact: true }).inputValue();
            if (chosen !== SUB) {
                throw new Error(`subscription is "${chosen}"`);
            }
        });

        await check('a gallery name with a dash shows a field error and sends nothing', async () => {
            const before = await requestCount(emu);
            await choose(form, 'Existing resource group', RG);
            await choose(form, 'Location', 'eastus');
            await form.getByLabel('Gallery name', { exact: true }).fill('bad-gallery');
            await form.getByLabel('Description', { exact: true }).click();
            const message = await fieldError(form, 'Gallery name');
            if (!/dash/i.test(message)) {
                throw new Error(`field error is "${message}"`);
            }
            await form.getByRole('button', { name: 'Create gallery' }).click();
            await form.locator('#summary').filter({ hasText: /attention/ }).waitFor({ timeout: 5_000 });
            await page.waitForTimeout(500);
            const writes = await writesSince(emu, before);
            if (writes.length > 0) {
                throw new Error(`requests were sent: ${writes.map((w) => `${w.method} ${w.path}`).join(', ')}`);
            }
        });

        await check('ARM\'s error is shown in the form and the input is kept', async () => {
            // Throttled on every try: the SDK gives up after its retries and ARM's message reaches the form.
            await setFaults(emu, [{ kind: 'throttle', method: 'PUT', path: '/galleries/e2eGallery$', times: 4, retryAfterSeconds: 0 }]);
            await form.getByLabel('Gallery name', { exact: true }).fill('e2eGallery');
            await form.getByLabel('Description', { exact: true }).fill('Made by the forms e2e test');
            await form.getByRole('button', { name: 'Create gallery' }).click();
            const result = form.locator('#result');
            await result.filter({ hasText: /too many requests/i }).waitFor({ timeout: 30_000 });
            const name = await form.getByLabel('Gallery name', { exact: true }).inputValue();
            const description = await form.getByLabel('Description', { exact: true }).inputValue();
            if (name !== 'e2eGallery' || description !== 'Made by the forms e2e test') {
                throw new Error(`input lost: name "${name}", description "${description}"`);
            }
            await setFaults(emu, []);
        });

        await check('creating the gallery shows "Creating…" in the tree, then the gallery', async () => {
            await setFaults(emu, [{ kind: 'slow', method: 'PUT', path: '/galleries/e2eGallery$', times: 1, delayMs: 2500 }]);
            await form.getByRole('button', { name: 'Create gallery' }).click();
            await row(page, 'e2eGallery').filter({ hasText: 'Creating…' }).waitFor({ timeout: 10_000 });
            await row(page, 'e2eGallery').filter({ hasText: 'eastus · rg-gallery-prod' }).waitFor({ timeout: 30_000 });
            const gallery = await armGet(emu, `${ARM}/${RG}/providers/Microsoft.Compute/galleries/e2eGallery`, '2025-12-03');
            const props = gallery.properties as { description?: string; provisioningState?: string };
            if (props.description !== 'Made by the forms e2e test' || props.provisioningState !== 'Succeeded') {
                throw new Error(`in Azure: ${JSON.stringify(props)}`);
            }
            await setFaults(emu, []);
            await screenshot(page, 'forms-gallery-created');
        });

        await check('"Edit…" on the gallery changes its description', async () => {
            await contextMenu(page, 'e2eGallery', 'Edit…');
            form = await formFrame(page, /Edit gallery/);
            const description = form.getByLabel('Description', { exact: true });
            await form.getByRole('button', { name: 'Save changes' }).and(form.locator(':enabled')).waitFor({ timeout: 20_000 });
            if ((await description.inputValue()) !== 'Made by the forms e2e test') {
                throw new Error(`the form shows the description "${await description.inputValue()}"`);
            }
            const nameReadonly = await form.getByLabel('Gallery name', { exact: true }).getAttribute('readonly');
            if (nameReadonly === null) {
                throw new Error('the gallery name is editable in the update form');
            }
            await description.fill('Changed by the forms e2e test');
            await form.getByRole('button', { name: 'Save changes' }).click();
            const deadline = Date.now() + 30_000;
            for (;;) {
                const gallery = await armGet(emu, `${ARM}/${RG}/providers/Microsoft.Compute/galleries/e2eGallery`, '2025-12-03');
                if ((gallery.properties as { description?: string }).description === 'Changed by the forms e2e test') {
                    break;
                }
                if (Date.now() > deadline) {
                    throw new Error('the description did not change in Azure');
                }
                await page.waitForTimeout(300);
            }
        });
        void BUILD_RG;
    } catch (e) {
        if (!(e instanceof StopRun)) {
            results.push({ name: 'test setup', ok: false, error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
            console.log(`  ✗ setup failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
        }
        if (wb) {
            const toasts = await notifications(wb.page).catch(() => []);
            if (toasts.length) {
                console.log(`notifications on screen:\n  ${toasts.join('\n  ')}`);
            }
            if (wb.consoleErrors.length) {
                console.log(`browser console errors:\n  ${wb.consoleErrors.slice(-10).join('\n  ')}`);
            }
        }
        if (cs) {
            console.log(`--- code-server output (tail) ---\n${cs.output().slice(-3000)}`);
        }
    } finally {
        await wb?.close().catch(() => undefined);
        await cs?.close().catch(() => undefined);
        await emulator?.close().catch(() => undefined);
    }
    const passed = results.filter((r) => r.ok).length;
    const failed = results.length - passed;
    console.log(`\n${passed} passed, ${failed} failed (${((Date.now() - t0) / 1000).toFixed(1)}s)`);
    return failed > 0 || passed === 0 ? 1 : 0;
}

main().then(
    (code) => process.exit(code),
    (e: unknown) => {
        console.error(e);
        process.exit(1);
    },
);
