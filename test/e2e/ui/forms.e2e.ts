/**
 * UI end-to-end test of the resource forms in a real VS Code (code-server + headless Chromium) against
 * the ARM emulator: open each form from the tree's context menu, type into it (inside the webview's
 * nested iframes), see field errors with no request sent, see ARM's error with the input kept, create
 * each kind and see it in the tree, and change one property of each kind.
 * Each form (create and edit of every kind) is also checked with axe-core (test/e2e/ui/axe.ts): no
 * serious or critical accessibility violations.
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
    openWorkbench,
    resizeSidebar,
    runCommand,
    screenshot,
    viewPane,
    type Workbench,
} from '../../harness/browser';
import { axeVersion, expectNoSeriousViolations } from './axe';
import { CheckRun, closeStarted, exitWith, reportFailure, since } from './checkRun';
import { choose, fieldError, formClosed, formFrame, pressButton } from './formUi';
import { signInFromView, treeQuiet } from './workbenchUi';
import { launchCodeServer, type CodeServerHandle } from '../../harness/codeServer';
import { packageExtension } from '../../harness/packageExtension';
import { DEFAULT_SEED, DEFAULT_TEST_ACCOUNT, emulatorCloudSettings, readSeed, testAuthEnv } from '../../harness/seed';
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

async function waitForArm(page: Page, emulator: RunningEmulator, id: string, apiVersion: string, done: (resource: Record<string, unknown>) => boolean, timeout = 30_000): Promise<void> {
    const deadline = Date.now() + timeout;
    let last: Record<string, unknown> | undefined;
    while (Date.now() < deadline) {
        last = await armGet(emulator, id, apiVersion).catch(() => undefined);
        if (last && done(last)) {
            return;
        }
        await page.waitForTimeout(300);
    }
    throw new Error(`${id} did not reach the expected state; Azure has ${JSON.stringify(last)?.slice(0, 600)}`);
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

/**
 * Right-click → menu entry. The menu is built from the row's state when it opens: right after a change
 * the row may still be redrawing (e.g. "Saving…" with fewer actions), so a menu without the entry is
 * closed and opened again.
 */
async function contextMenu(page: Page, label: string, entry: string): Promise<void> {
    for (let attempt = 1; ; attempt++) {
        const r = row(page, label);
        await r.waitFor({ state: 'visible', timeout: 30_000 });
        // Not while the view redraws: a row about to be replaced gives the command an item VS Code has dropped.
        await treeQuiet(page, VIEW);
        await r.click({ button: 'right' });
        const item = page.getByRole('menuitem', { name: entry }).filter({ visible: true }).first();
        if (!(await item.waitFor({ state: 'visible', timeout: 3_000 }).then(() => true, () => false))) {
            await page.keyboard.press('Escape');
            if (attempt === 5) {
                throw new Error(`the context menu of "${label}" has no "${entry}"`);
            }
            await page.waitForTimeout(500);
            continue;
        }
        for (let click = 0; click < 3; click++) {
            // On a busy machine the menu can be redrawn (or closed) between finding the entry and the click:
            // a detached entry means "open the menu again", not a failed test.
            const clicked = await item.click({ timeout: 5_000 }).then(() => true, () => false);
            if (await item.waitFor({ state: 'hidden', timeout: 2_000 }).then(() => true, () => false)) {
                if (clicked) {
                    return;
                }
                break;
            }
        }
        await page.keyboard.press('Escape');
        if (attempt === 5) {
            throw new Error(`the context menu entry "${entry}" of "${label}" could not be clicked`);
        }
        await page.waitForTimeout(500);
    }
}

async function waitForRow(page: Page, label: string, timeout = 30_000): Promise<Locator> {
    const r = row(page, label);
    await r.waitFor({ state: 'visible', timeout });
    return r;
}

async function main(): Promise<number> {
    const seedPath = DEFAULT_SEED;
    const seed = readSeed(seedPath);
    let emulator: RunningEmulator | undefined;
    let cs: CodeServerHandle | undefined;
    let wb: Workbench | undefined;

    const run = new CheckRun(async () => {
        if (wb) {
            await screenshot(wb.page, `forms-failure-${run.results.length}`).catch(() => undefined);
            if (process.env.ACG_FORMS_DEBUG) {
                for (const frame of wb.page.frames()) {
                    const html = await frame.evaluate(() => document.getElementById('app')?.outerHTML ?? '').catch(() => '');
                    if (html) {
                        console.log(`--- form DOM ---\n${html.slice(0, 4000)}`);
                    }
                }
            }
        }
    });
    const { check } = run;
    /** axe-core on the form that is open now (its document only, not VS Code's webview wrapper). */
    const AXE = axeVersion();
    const accessible = (formName: string, frame: () => FrameLocator, after?: () => Promise<void>): Promise<void> =>
        check(`the ${formName} form has no serious or critical accessibility violations (axe-core ${AXE})`, async () => {
            await expectNoSeriousViolations(frame(), formName);
            await after?.();
        });

    try {
        const vsix = await packageExtension();
        emulator = await startEmulator({ seed: seedPath, lroDelayMs: 400, replicationMsPerRegion: 300, retryAfterSeconds: 0 });
        cs = await launchCodeServer({
            extensions: [vsix, AUTH_PROVIDER_DIR],
            settings: emulatorCloudSettings(emulator.url),
            env: { NODE_EXTRA_CA_CERTS: emulator.caCertPath, ...testAuthEnv(seed) },
        });
        wb = await openWorkbench(cs.url, { viewport: { width: 1500, height: 1000 } });
        console.log(`workbench ready (${since(run.t0)})\n`);
        const page = wb.page;
        const emu = emulator;

        await check('signs in and shows the subscription', async () => {
            await signInFromView(page, { container: 'Compute Gallery', view: VIEW, button: 'Sign in to Azure', account: testAuthEnv(seed).ACG_TEST_AUTH_ACCOUNT ?? DEFAULT_TEST_ACCOUNT });
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
            await pressButton(form, 'Create gallery');
            await form.locator('#summary').filter({ hasText: /attention/ }).waitFor({ timeout: 5_000 });
            await page.waitForTimeout(500);
            const writes = await writesSince(emu, before);
            if (writes.length > 0) {
                throw new Error(`requests were sent: ${writes.map((w) => `${w.method} ${w.path}`).join(', ')}`);
            }
        });
        await accessible('create gallery', () => form);

        await check('ARM\'s error is shown in the form and the input is kept', async () => {
            // Throttled on every try: the SDK gives up after its retries and ARM's message reaches the form.
            await setFaults(emu, [{ kind: 'throttle', method: 'PUT', path: '/galleries/e2eGallery$', times: 4, retryAfterSeconds: 0 }]);
            await form.getByLabel('Gallery name', { exact: true }).fill('e2eGallery');
            await form.getByLabel('Description', { exact: true }).fill('Made by the forms e2e test');
            await pressButton(form, 'Show JSON');
            if ((await form.locator('#json pre').innerText()).includes('softDeletePolicy')) {
                throw new Error('the JSON view has a soft-delete policy before "Soft delete" is ticked');
            }
            // Issue 11: soft delete is offered when creating, and the request shows it.
            await form.getByLabel('Soft delete', { exact: true }).check();
            const json = await form.locator('#json pre').innerText();
            if (
                !json.includes(`PUT ${ARM}/${RG}/providers/Microsoft.Compute/galleries/e2eGallery?api-version=2025-12-03`) ||
                !json.includes('"description": "Made by the forms e2e test"') ||
                !/"softDeletePolicy": \{\s*"isSoftDeleteEnabled": true\s*\}/.test(json)
            ) {
                throw new Error(`the JSON view shows:\n${json}`);
            }
            await form.locator('#json pre').scrollIntoViewIfNeeded();
            await screenshot(page, 'forms-gallery-soft-delete-json');
            await pressButton(form, 'Create gallery');
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
            await pressButton(form, 'Create gallery');
            await row(page, 'e2eGallery').filter({ hasText: 'Creating…' }).waitFor({ timeout: 10_000 });
            await row(page, 'e2eGallery').filter({ hasText: 'eastus · rg-gallery-prod' }).waitFor({ timeout: 30_000 });
            const gallery = await armGet(emu, `${ARM}/${RG}/providers/Microsoft.Compute/galleries/e2eGallery`, '2025-12-03');
            const props = gallery.properties as { description?: string; provisioningState?: string; softDeletePolicy?: { isSoftDeleteEnabled?: boolean } };
            if (props.description !== 'Made by the forms e2e test' || props.provisioningState !== 'Succeeded' || props.softDeletePolicy?.isSoftDeleteEnabled !== true) {
                throw new Error(`in Azure: ${JSON.stringify(props)}`);
            }
            await setFaults(emu, []);
            await screenshot(page, 'forms-gallery-created');
        });

        await check('"Edit…" on the gallery shows its description; its name is locked', async () => {
            await contextMenu(page, 'e2eGallery', 'Edit…');
            form = await formFrame(page, /Edit gallery/);
            const description = form.getByLabel('Description', { exact: true });
            await form.getByRole('button', { name: 'Save changes' }).and(form.locator(':enabled')).waitFor({ timeout: 20_000 });
            if ((await description.inputValue()) !== 'Made by the forms e2e test') {
                throw new Error(`the form shows the description "${await description.inputValue()}"`);
            }
            if (!(await form.getByLabel('Soft delete', { exact: true }).isChecked())) {
                throw new Error('the edit form does not show the gallery\'s soft delete as on');
            }
            const nameReadonly = await form.getByLabel('Gallery name', { exact: true }).getAttribute('readonly');
            if (nameReadonly === null) {
                throw new Error('the gallery name is editable in the update form');
            }
        });
        await accessible('edit gallery', () => form);

        await check('"Save changes" in the gallery\'s edit form changes its description', async () => {
            const description = form.getByLabel('Description', { exact: true });
            await description.fill('Changed by the forms e2e test');
            await pressButton(form, 'Show JSON');
            // The policy did not change: the PATCH leaves it out.
            const json = await form.locator('#json pre').innerText();
            if (json.includes('softDeletePolicy') || !json.includes('"description": "Changed by the forms e2e test"')) {
                throw new Error(`the JSON view shows:\n${json}`);
            }
            await pressButton(form, 'Save changes');
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
        // ---- image definition ---------------------------------------------------------------------
        const galleryId = `${ARM}/${RG}/providers/Microsoft.Compute/galleries/e2eGallery`;
        await check('"Create Image Definition…" on the gallery: a bad SKU is refused in the form, nothing is sent', async () => {
            await contextMenu(page, 'e2eGallery', 'Create Image Definition…');
            form = await formFrame(page, /Create image definition/);
            const gallery = form.getByLabel('Gallery', { exact: true });
            await gallery.locator(`option[value="${galleryId}"]`).waitFor({ state: 'attached', timeout: 20_000 });
            if ((await gallery.inputValue()) !== galleryId) {
                throw new Error(`the gallery is "${await gallery.inputValue()}"`);
            }
            const before = await requestCount(emu);
            await form.getByLabel('Image definition name', { exact: true }).fill('e2e-def');
            await form.getByLabel('Publisher', { exact: true }).fill('Contoso');
            await form.getByLabel('Offer', { exact: true }).fill('E2E');
            await form.getByLabel('SKU', { exact: true }).fill('gen2.');
            await pressButton(form, 'Create image definition');
            await form.locator('#summary').filter({ hasText: /attention/ }).waitFor({ timeout: 5_000 });
            const message = await fieldError(form, 'SKU');
            if (!/period/.test(message)) {
                throw new Error(`SKU error is "${message}"`);
            }
            await page.waitForTimeout(300);
            const sent = await writesSince(emu, before);
            if (sent.length > 0) {
                throw new Error(`requests were sent: ${sent.map((w) => `${w.method} ${w.path}`).join(', ')}`);
            }
        });
        await accessible('create image definition', () => form);

        await check('creating the image definition shows it under the gallery', async () => {
            await form.getByLabel('SKU', { exact: true }).fill('gen2');
            await form.getByLabel('Release notes URI', { exact: true }).fill('https://contoso.example/notes/1');
            await form.getByLabel('Security type', { exact: true }).scrollIntoViewIfNeeded();
            await screenshot(page, 'forms-definition');
            await pressButton(form, 'Create image definition');
            await form.locator('h1').waitFor({ state: 'detached', timeout: 30_000 }).catch(() => undefined);
            await expand(page, 'e2eGallery');
            await waitForRow(page, 'e2e-def', 30_000);
            const def = await armGet(emu, `${galleryId}/images/e2e-def`, '2025-12-03');
            const p = def.properties as { features?: unknown; identifier?: { sku?: string } };
            if (p.identifier?.sku !== 'gen2' || JSON.stringify(p.features) !== JSON.stringify([{ name: 'SecurityType', value: 'TrustedLaunchSupported' }])) {
                throw new Error(`in Azure: ${JSON.stringify(p)}`);
            }
        });

        await check('"Edit…" on the definition opens with its identity locked', async () => {
            await contextMenu(page, 'e2e-def', 'Edit…');
            form = await formFrame(page, /Edit image definition/);
            await form.getByRole('button', { name: 'Save changes' }).and(form.locator(':enabled')).waitFor({ timeout: 20_000 });
            if ((await form.getByLabel('Publisher', { exact: true }).getAttribute('readonly')) === null) {
                throw new Error('the publisher is editable in the update form');
            }
        });
        await accessible('edit image definition', () => form);

        await check('"Save changes" in the definition\'s edit form changes its release notes URI', async () => {
            await form.getByLabel('Release notes URI', { exact: true }).fill('https://contoso.example/notes/2');
            await pressButton(form, 'Save changes');
            await waitForArm(page, emu, `${galleryId}/images/e2e-def`, '2025-12-03', (r) => (r.properties as { releaseNoteUri?: string }).releaseNoteUri === 'https://contoso.example/notes/2');
        });

        // ---- image versions: every kind of source --------------------------------------------------
        const definitionId = `${galleryId}/images/e2e-def`;
        const BUILD = `${ARM}/${BUILD_RG}/providers`;
        const openVersionForm = async (): Promise<FrameLocator> => {
            await contextMenu(page, 'e2e-def', 'Create Image Version…');
            const f = await formFrame(page, /Create image version/);
            const region = f.getByLabel('Region, row 1', { exact: true });
            await region.locator('option[value="eastus"]').waitFor({ state: 'attached', timeout: 20_000 });
            return f;
        };
        const createVersion = async (name: string, setSource: (f: FrameLocator) => Promise<void>): Promise<void> => {
            form = await openVersionForm();
            await form.getByLabel('Version', { exact: true }).fill(name);
            await setSource(form);
            if (name === '7.0.5') {
                await pressButton(form, 'Show JSON');
                await form.locator('#json pre').scrollIntoViewIfNeeded();
                await screenshot(page, 'forms-version-json');
            }
            await pressButton(form, 'Create image version');
            if (name === '7.0.1') {
                await expand(page, 'e2e-def');
            }
            await waitForRow(page, name, 30_000);
            await waitForArm(page, emu, `${definitionId}/versions/${name}`, '2025-12-03', (r) => (r.properties as { provisioningState?: string }).provisioningState === 'Succeeded');
            await formClosed(page, /New image version/);
        };

        await check('a version number that is not Major.Minor.Patch is refused in the form, nothing is sent', async () => {
            form = await openVersionForm();
            const before = await requestCount(emu);
            await form.getByLabel('Version', { exact: true }).fill('7.0');
            await pressButton(form, 'Create image version');
            await form.locator('#summary').filter({ hasText: /attention/ }).waitFor({ timeout: 5_000 });
            if (!/Major\.Minor\.Patch/.test(await fieldError(form, 'Version'))) {
                throw new Error(`version error is "${await fieldError(form, 'Version')}"`);
            }
            await page.waitForTimeout(300);
            if ((await writesSince(emu, before)).length > 0) {
                throw new Error('a request was sent');
            }
            await pressButton(form, 'Cancel');
        });

        await check('a picker can be searched, and takes a pasted resource ID of the right kind only', async () => {
            form = await openVersionForm();
            const before = await requestCount(emu);
            // A valid version first: its "Enter a version" error would otherwise appear on blur and move the radios.
            await form.getByLabel('Version', { exact: true }).fill('7.0.9');
            await form.getByLabel(/^A virtual machine/).check();
            const vm = `${BUILD}/Microsoft.Compute/virtualMachines/vm-build-ubuntu2404-arm`;
            const select = form.getByLabel('Virtual machine', { exact: true });
            await select.locator(`option[value="${vm}"]`).waitFor({ state: 'attached', timeout: 20_000 });
            const search = form.getByLabel('Search Virtual machine', { exact: true });
            const status = form.locator(`#${(await search.getAttribute('aria-describedby')) ?? 'missing'}`);
            const listed = (await select.locator('option').count()) - 1;
            // Words of the name narrow the list, and the count says how many match of how many.
            await search.fill('ubuntu2404 arm');
            await status.filter({ hasText: new RegExp(`^1 of ${listed} match\\.$`) }).waitFor({ timeout: 5_000 });
            if ((await select.locator('option').count()) !== 2) {
                throw new Error(`the list shows ${await select.locator('option').count()} options for "ubuntu2404 arm"`);
            }
            // The ID of something else is refused, with the reason; nothing can be used.
            await search.fill(`${BUILD}/Microsoft.Storage/storageAccounts/stcontosobuildvhds`);
            await status.filter({ hasText: 'not a virtual machine' }).waitFor({ timeout: 5_000 });
            if ((await form.getByRole('button', { name: 'Use this ID' }).count()) !== 0) {
                throw new Error('"Use this ID" is offered for a storage account');
            }
            // A VM that is not in the list (another subscription, or beyond the first 10,000) is taken as typed.
            const elsewhere = '/subscriptions/00000000-0000-0000-0000-0000000000aa/resourceGroups/rg-other/providers/Microsoft.Compute/virtualMachines/vm-elsewhere';
            await search.fill(elsewhere);
            await pressButton(form, 'Use this ID');
            if ((await select.inputValue()) !== elsewhere || !/vm-elsewhere \(not listed\)/.test(await select.locator('option:checked').innerText())) {
                throw new Error(`the picker holds "${await select.inputValue()}"`);
            }
            // Enter in the search box takes a pasted ID of a listed VM (ARM ids ignore case).
            await search.fill(vm.toUpperCase());
            await search.press('Enter');
            if ((await select.inputValue()) !== vm) {
                throw new Error(`after Enter the picker holds "${await select.inputValue()}"`);
            }
            await page.waitForTimeout(300);
            if ((await writesSince(emu, before)).length > 0) {
                throw new Error('a request was sent');
            }
        });
        await accessible('create image version', () => form, () => pressButton(form, 'Cancel'));

        await check('creates a version from a managed image', () =>
            createVersion('7.0.1', (f) => choose(f, 'Managed image', `${BUILD}/Microsoft.Compute/images/img-ubuntu2404-arm-20261105`)),
        );
        await check('creates a version from a virtual machine', () =>
            createVersion('7.0.2', async (f) => {
                await f.getByLabel(/^A virtual machine/).check();
                await choose(f, 'Virtual machine', `${BUILD}/Microsoft.Compute/virtualMachines/vm-build-ubuntu2404-arm`);
            }),
        );
        await check('creates a version from an OS snapshot and a data disk (LUN 0)', () =>
            createVersion('7.0.3', async (f) => {
                await f.getByLabel(/^An OS disk or snapshot/).check();
                await choose(f, 'OS disk or snapshot', `${BUILD}/Microsoft.Compute/snapshots/snap-ubuntu2404-arm-osdisk-20261105`);
                await pressButton(f, 'Add data disk');
                await choose(f, 'Disk or snapshot, row 1', `${BUILD}/Microsoft.Compute/disks/disk-scratch-unattached`);
            }),
        );
        await check('creates a version from VHDs in a storage account', () =>
            createVersion('7.0.4', async (f) => {
                await f.getByLabel(/^VHDs in a storage account/).check();
                await choose(f, 'Storage account', `${BUILD}/Microsoft.Storage/storageAccounts/stcontosobuildvhds`);
                await f.getByLabel('OS disk VHD URI', { exact: true }).fill('https://stcontosobuildvhds.blob.core.windows.net/vhds/e2e.vhd');
            }),
        );
        await check('creates a version from another image version, replicated to a second region', () =>
            createVersion('7.0.5', async (f) => {
                await f.getByLabel(/^Another image version/).check();
                await choose(f, 'Image version', `${ARM}/${RG}/providers/Microsoft.Compute/galleries/shared_gallery.prod/images/web-frontend-linux/versions/2026.11.0`);
                await pressButton(f, 'Add region');
                await choose(f, 'Region, row 2', 'westeurope');
            }),
        );

        await check('"Edit…" on a version opens its edit form', async () => {
            await contextMenu(page, '7.0.1', 'Edit…');
            form = await formFrame(page, /Edit image version/);
            await form.getByRole('button', { name: 'Save changes' }).and(form.locator(':enabled')).waitFor({ timeout: 20_000 });
        });
        await accessible('edit image version', () => form);

        await check('"Save changes" in the version\'s edit form excludes it from latest', async () => {
            await form.getByLabel('Exclude from latest', { exact: true }).check();
            await pressButton(form, 'Save changes');
            await waitForArm(page, emu, `${definitionId}/versions/7.0.1`, '2025-12-03', (r) => (r.properties as { publishingProfile?: { excludeFromLatest?: boolean } }).publishingProfile?.excludeFromLatest === true);
            await screenshot(page, 'forms-versions');
        });

        // ---- image version: deletion safety (issue 11) ----------------------------------------------
        await check('removing a replicated region of a version is refused in its edit form, with the reason; nothing is sent', async () => {
            await contextMenu(page, '7.0.5', 'Edit…');
            form = await formFrame(page, /Edit image version/);
            await form.getByRole('button', { name: 'Save changes' }).and(form.locator(':enabled')).waitFor({ timeout: 20_000 });
            const allow = form.getByLabel('Allow removing replicated regions', { exact: true });
            const block = form.getByLabel('Block deletion before end of life', { exact: true });
            if ((await allow.isChecked()) || (await block.isChecked())) {
                throw new Error('the edit form does not show the version\'s safety profile (both off)');
            }
            const before = await requestCount(emu);
            await pressButton(form, 'Remove row 2 of Target regions');
            await pressButton(form, 'Save changes');
            await form.locator('#summary').filter({ hasText: /attention/ }).waitFor({ timeout: 5_000 });
            const message = (await form.locator('#f-targetRegions-error').innerText()).trim();
            if (!/West ?Europe is already replicated.*does not allow removing replicated regions.*Tick "Allow removing replicated regions"/i.test(message)) {
                throw new Error(`the target regions' error is "${message}"`);
            }
            await page.waitForTimeout(300);
            if ((await writesSince(emu, before)).length > 0) {
                throw new Error('a request was sent');
            }
        });

        await check('blocking deletion with no end-of-life date is warned about next to the checkbox', async () => {
            const block = form.getByLabel('Block deletion before end of life', { exact: true });
            await block.check();
            const warningId = ((await block.getAttribute('aria-describedby')) ?? '').split(' ').find((id) => id.endsWith('-warning'));
            const warning = warningId ? (await form.locator(`#${warningId}`).innerText()).trim() : '';
            if (!/No end-of-life date is set: this version cannot be deleted at all/.test(warning)) {
                throw new Error(`the warning is "${warning}"`);
            }
            await form.getByLabel('Allow removing replicated regions', { exact: true }).check();
            await pressButton(form, 'Show JSON');
            await block.scrollIntoViewIfNeeded();
            await screenshot(page, 'forms-version-safety');
        });
        await accessible('edit image version (deletion safety, with its warning)', () => form);

        await check('"Save changes" with "Allow removing replicated regions" ticked in the same edit drops the region and sets the safety profile', async () => {
            const json = await form.locator('#json pre').innerText();
            if (!/"safetyProfile": \{\s*"allowDeletionOfReplicatedLocations": true,\s*"blockDeletionBeforeEndOfLife": true\s*\}/.test(json)) {
                throw new Error(`the JSON view shows:\n${json}`);
            }
            await pressButton(form, 'Save changes');
            await waitForArm(page, emu, `${definitionId}/versions/7.0.5`, '2025-12-03', (r) => {
                const p = r.properties as { safetyProfile?: Record<string, unknown>; publishingProfile?: { targetRegions?: { name?: string }[] } };
                const regions = (p.publishingProfile?.targetRegions ?? []).map((t) => (t.name ?? '').toLowerCase().replace(/\s/g, ''));
                return p.safetyProfile?.allowDeletionOfReplicatedLocations === true && p.safetyProfile.blockDeletionBeforeEndOfLife === true && regions.join() === 'eastus';
            });
            await formClosed(page, /7\.0\.5/, 30_000).catch(() => undefined);
        });

        // ---- managed image --------------------------------------------------------------------------
        await check('"Create Managed Image…": a bad name is refused in the form, nothing is sent', async () => {
            await contextMenu(page, 'Managed images', 'Create Managed Image…');
            form = await formFrame(page, /Create managed image/);
            await choose(form, 'Existing resource group', BUILD_RG);
            await choose(form, 'Location', 'eastus');
            const before = await requestCount(emu);
            await form.getByLabel('Image name', { exact: true }).fill('-img');
            await pressButton(form, 'Create managed image');
            await form.locator('#summary').filter({ hasText: /attention/ }).waitFor({ timeout: 5_000 });
            if (!/starts with a letter or a digit/.test(await fieldError(form, 'Image name'))) {
                throw new Error(`name error is "${await fieldError(form, 'Image name')}"`);
            }
            await page.waitForTimeout(300);
            if ((await writesSince(emu, before)).length > 0) {
                throw new Error('a request was sent');
            }
        });
        await accessible('create managed image', () => form);

        await check('creates a managed image from a snapshot; it appears under "Managed images"', async () => {
            await form.getByLabel('Image name', { exact: true }).fill('img-e2e');
            await form.getByLabel(/^An OS disk snapshot/).check();
            await choose(form, 'Snapshot', `${BUILD}/Microsoft.Compute/snapshots/snap-ubuntu2404-arm-osdisk-20261105`);
            await form.getByLabel('VM generation', { exact: true }).selectOption('V2');
            await pressButton(form, 'Create managed image');
            await expand(page, 'Managed images');
            await waitForRow(page, 'img-e2e', 30_000);
        });

        await check('"Edit…" on the managed image opens its edit form; a tag row can be added', async () => {
            await contextMenu(page, 'img-e2e', 'Edit…');
            form = await formFrame(page, /Edit managed image/);
            await form.getByRole('button', { name: 'Save changes' }).and(form.locator(':enabled')).waitFor({ timeout: 20_000 });
            await pressButton(form, 'Add tag');
            await form.getByLabel('Name, row 1', { exact: true }).fill('owner');
            await form.getByLabel('Value, row 1', { exact: true }).fill('e2e');
        });
        await accessible('edit managed image', () => form);

        await check('"Save changes" in the managed image\'s edit form adds the tag', async () => {
            await pressButton(form, 'Save changes');
            await waitForArm(page, emu, `${BUILD}/Microsoft.Compute/images/img-e2e`, '2026-04-01', (r) => JSON.stringify(r.tags) === JSON.stringify({ owner: 'e2e' }));
            await formClosed(page, /Edit img-e2e/, 30_000);
        });

        // ---- nothing typed is lost ------------------------------------------------------------------
        await check('a result that arrives while the form is hidden is shown when it is shown again (issue 9)', async () => {
            // The check that "hiddenGallery" does not exist yet is held for a few seconds, then throttled: the create
            // stops with nothing sent, while the form is hidden behind another one.
            await setFaults(emu, [
                { kind: 'slow', method: 'GET', path: '/galleries/hiddenGallery$', delayMs: 5_000, times: 1 },
                { kind: 'throttle', method: 'GET', path: '/galleries/hiddenGallery$', retryAfterSeconds: 0 },
            ]);
            await contextMenu(page, SUB_NAME, 'Create Gallery…');
            form = await formFrame(page, /Create gallery/);
            const before = await requestCount(emu);
            await choose(form, 'Existing resource group', RG);
            await choose(form, 'Location', 'eastus');
            await form.getByLabel('Gallery name', { exact: true }).fill('hiddenGallery');
            await pressButton(form, 'Create gallery');
            await form.locator('#status').filter({ hasText: /Creating the gallery/ }).waitFor({ timeout: 15_000 });
            await contextMenu(page, 'Managed images', 'Create Managed Image…');
            await formFrame(page, /Create managed image/);
            await page.waitForTimeout(7_000);
            await page.locator('.tabs-container .tab').filter({ hasText: 'New gallery' }).first().click();
            form = await formFrame(page, /Create gallery/);
            await form
                .locator('#result')
                .filter({ hasText: /Couldn't check whether gallery "hiddenGallery" already exists \(.*too many requests.*\), so nothing was sent/i })
                .waitFor({ timeout: 15_000 });
            const button = (await form.locator('#submit').innerText()).trim();
            if (button !== 'Create gallery') {
                throw new Error(`the form still looks busy: its button says "${button}"`);
            }
            const writes = await writesSince(emu, before);
            if (writes.length > 0) {
                throw new Error(`requests were sent: ${writes.map((w) => `${w.method} ${w.path}`).join(', ')}`);
            }
            await setFaults(emu, []);
            await screenshot(page, 'forms-result-after-hidden');
            await pressButton(form, 'Cancel');
            await formClosed(page, /New gallery/);
        });

        await check('typed values survive hiding the form and reloading the window', async () => {
            await contextMenu(page, SUB_NAME, 'Create Gallery…');
            form = await formFrame(page, /Create gallery/);
            await form.getByLabel('Gallery name', { exact: true }).fill('kept_across_reload');
            await form.getByLabel('Description', { exact: true }).fill('typed before hiding');
            // Hide it behind another form, then bring it back.
            await contextMenu(page, 'Managed images', 'Create Managed Image…');
            await formFrame(page, /Create managed image/);
            await page.locator('.tabs-container .tab').filter({ hasText: 'New gallery' }).first().click();
            form = await formFrame(page, /Create gallery/);
            if ((await form.getByLabel('Description', { exact: true }).inputValue()) !== 'typed before hiding') {
                throw new Error('the description was lost when the form was hidden');
            }
            await page.waitForTimeout(500);
            // VS Code's own reload (it saves the open editors first), as a user would run it.
            await runCommand(page, 'Developer: Reload Window');
            await page.locator('.monaco-workbench .part.statusbar').waitFor({ state: 'visible', timeout: 60_000 });
            await page.locator('.tabs-container .tab').filter({ hasText: 'New gallery' }).first().click({ timeout: 60_000 });
            form = await formFrame(page, /Create gallery/);
            const name = form.getByLabel('Gallery name', { exact: true });
            await name.waitFor({ state: 'visible', timeout: 30_000 });
            const value = await name.inputValue();
            if (value !== 'kept_across_reload') {
                throw new Error(`after the reload the name is "${value}"`);
            }
            await screenshot(page, 'forms-after-reload');
        });
    } catch (e) {
        run.failed(e);
        await reportFailure('forms', { wb, cs });
    } finally {
        await closeStarted({ wb, cs, emu: emulator });
    }
    return run.summary();
}

exitWith(main);
