/**
 * UI end-to-end test of the localisation (issue 10) in a real VS Code (code-server + headless Chromium): the
 * extension's runtime strings come from l10n/bundle.l10n.<locale>.json when VS Code runs in that locale.
 *
 * The packaged extension gets a pseudo-locale bundle at test time (l10n-dev's pseudo-localisation of
 * l10n/bundle.l10n.json, written as l10n/bundle.l10n.qps-ploc.json into a temp copy of the .vsix only; nothing is
 * committed), and code-server starts with `--locale qps-ploc`. The manifest (package.nls.json) has no pseudo file,
 * so the workbench's own texts and our command and view titles stay English. What it checks on screen:
 *
 *  - the tree: after signing in, the subscription's "Managed images" row (a vscode.l10n.t label) is pseudo text;
 *  - a form (the webview gets the host's bundle): its heading, a field label and a field message are pseudo text;
 *  - a notification: Sign Out's notice is pseudo text.
 *
 *   flock /tmp/acg-e2e.lock npx tsx test/e2e/ui/l10n.e2e.ts
 *
 * Screenshots: test-results/l10n-tree.png, test-results/l10n-form.png (l10n-failure.png when a check fails).
 * Environment: ACG_VSIX (skip packaging), ACG_HEADFUL=1, ACG_KEEP_TEMP=1 (keep user data and logs).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { getL10nPseudoLocalized } from '@vscode/l10n-dev';
import type { FrameLocator } from 'playwright-core';
import { formFrame } from './formUi';
import { openWorkbench, resizeSidebar, runCommand, screenshot, type Workbench } from '../../harness/browser';
import { launchCodeServer, type CodeServerHandle } from '../../harness/codeServer';
import { startEmulator, type EmulatorHandle } from '../../harness/emulator';
import { packageExtension } from '../../harness/packageExtension';
import { REPO_ROOT, DEFAULT_SEED, DEFAULT_TEST_ACCOUNT, emulatorCloudSettings, readSeed, testAuthEnv } from '../../harness/seed';
import { packFolderAsVsix } from '../../harness/vsix';
import { CheckRun, closeStarted, exitWith, reportFailure, since } from './checkRun';
import { childrenOf, contextMenu, expandRow, rowLocator, signInFromView, waitForRows, waitForToast } from './workbenchUi';

const AUTH_PROVIDER_DIR = path.resolve(__dirname, '..', 'auth-provider');
const LOCALE = 'qps-ploc';
const VIEW = 'Galleries';
const SUB_NAME = 'Contoso Production';

const english = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'l10n', 'bundle.l10n.json'), 'utf8')) as Record<string, string>;
const pseudo = getL10nPseudoLocalized(english) as Record<string, string>;

/** The pseudo text of a bundle message, with its {0}… filled in. */
function p(message: string, ...args: string[]): string {
    const text = pseudo[message];
    if (!text) {
        throw new Error(`l10n/bundle.l10n.json has no "${message}" (run npm run l10n)`);
    }
    return args.reduce((t, a, i) => t.replace(`{${i}}`, a), text);
}

/** A copy of the packaged extension with l10n/bundle.l10n.<locale>.json added (the repository is not touched). */
function withPseudoBundle(vsix: string): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'acg-l10n-vsix-'));
    const unzip = spawnSync('unzip', ['-q', vsix, 'extension/*', '-d', dir], { encoding: 'utf8' });
    if (unzip.status !== 0) {
        throw new Error(`unzip ${vsix} failed: ${unzip.stderr}`);
    }
    const extension = path.join(dir, 'extension');
    if (!fs.existsSync(path.join(extension, 'l10n', 'bundle.l10n.json'))) {
        throw new Error(`the packaged extension has no l10n/bundle.l10n.json (is l10n/ in .vscodeignore's allow list?)`);
    }
    fs.writeFileSync(path.join(extension, 'l10n', `bundle.l10n.${LOCALE}.json`), `${JSON.stringify(pseudo, null, 2)}\n`);
    return packFolderAsVsix(extension, path.join(dir, 'azure-compute-gallery-pseudo.vsix'));
}

/**
 * A minimal language pack for the pseudo locale (no translations of VS Code itself: its texts stay English). VS Code
 * runs in a locale only when a language pack provides it; without one, `--locale qps-ploc` falls back to English and
 * `vscode.env.language` is "en", so no extension bundle for the locale would be loaded.
 */
function pseudoLanguagePack(): string {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'acg-l10n-pack-')), 'pseudo-language-pack');
    fs.mkdirSync(path.join(dir, 'translations'), { recursive: true });
    fs.writeFileSync(
        path.join(dir, 'package.json'),
        JSON.stringify({
            name: 'vscode-language-pack-qps-ploc-test',
            publisher: 'acg-test',
            version: '1.0.0',
            engines: { vscode: '*' },
            contributes: { localizations: [{ languageId: LOCALE, languageName: 'Pseudo Language', localizedLanguageName: 'Pseudo Language', translations: [{ id: 'vscode', path: './translations/main.i18n.json' }] }] },
        }),
    );
    fs.writeFileSync(path.join(dir, 'translations', 'main.i18n.json'), JSON.stringify({ version: '1.0.0', contents: {} }));
    return dir;
}

async function main(): Promise<number> {
    const seed = readSeed(DEFAULT_SEED);
    const account = testAuthEnv(seed).ACG_TEST_AUTH_ACCOUNT ?? DEFAULT_TEST_ACCOUNT;
    let emu: EmulatorHandle | undefined;
    let cs: CodeServerHandle | undefined;
    let wb: Workbench | undefined;
    const run = new CheckRun();
    const { check } = run;

    try {
        const vsix = withPseudoBundle(await packageExtension());
        console.log(`packaged with a ${LOCALE} bundle: ${vsix} (${since(run.t0)})`);
        emu = await startEmulator({ seed: DEFAULT_SEED });
        cs = await launchCodeServer({
            extensions: [vsix, AUTH_PROVIDER_DIR, pseudoLanguagePack()],
            settings: emulatorCloudSettings(emu.url),
            env: { NODE_EXTRA_CA_CERTS: emu.caCertPath, ...testAuthEnv(seed) },
            locale: LOCALE,
            // VS Code's server reads the installed language packs from <user-data>/languagepacks.json, which the
            // desktop's extension management writes when a pack is installed; `code-server --install-extension`
            // does not, so the test writes the entry for its pack itself.
            beforeStart: ({ userDataDir, extensionsDir }) => {
                const pack = fs.readdirSync(extensionsDir).find((d) => d.startsWith('acg-test.vscode-language-pack-qps-ploc-test'));
                if (!pack) {
                    throw new Error(`the pseudo language pack is not in ${extensionsDir}`);
                }
                const translations = path.join(extensionsDir, pack, 'translations', 'main.i18n.json');
                const entry = { hash: 'acg-l10n-e2e', extensions: [{ extensionIdentifier: { id: 'acg-test.vscode-language-pack-qps-ploc-test' }, version: '1.0.0' }], translations: { vscode: translations }, label: 'Pseudo Language' };
                fs.writeFileSync(path.join(userDataDir, 'languagepacks.json'), JSON.stringify({ [LOCALE]: entry }));
            },
        });
        wb = await openWorkbench(cs.url, { viewport: { width: 1400, height: 900 } });
        console.log(`workbench ready in ${LOCALE} (${since(run.t0)})\n`);
        const page = wb.page;

        await check('signs in from the view (its welcome text is the manifest\'s, still English)', async () => {
            await signInFromView(page, { container: 'Compute Gallery', view: VIEW, button: 'Sign in to Azure', account });
            await expandRow(page, VIEW, [account]);
            await resizeSidebar(page, 460);
        });

        const managedImages = p('Managed images');
        await check(`the tree shows the subscription's "Managed images" row in pseudo text ("${managedImages}")`, async () => {
            await expandRow(page, VIEW, [SUB_NAME]);
            const rows = await waitForRows(page, VIEW, `"${managedImages}" under "${SUB_NAME}"`, (rs) => childrenOf(rs, [account, SUB_NAME]).some((r) => r.label === managedImages));
            if (rows.some((r) => r.label === 'Managed images')) {
                throw new Error('an English "Managed images" row is shown as well');
            }
            await page.mouse.move(1000, 700);
            await screenshot(page, 'l10n-tree');
        });

        const heading = p('Create {0}', p('gallery'));
        let form!: FrameLocator;
        await check(`"Create Gallery…" opens a form whose heading is pseudo text ("${heading}")`, async () => {
            await contextMenu(page, await rowLocator(page, VIEW, [account, SUB_NAME]), 'Create Gallery…');
            form = await formFrame(page, heading);
        });
        await check(`the form's labels are pseudo text ("${p('Gallery name')}", "${p('Description')}")`, async () => {
            await form.getByLabel(p('Gallery name'), { exact: true }).waitFor({ state: 'visible', timeout: 15_000 });
            await form.getByLabel(p('Description'), { exact: true }).waitFor({ state: 'visible', timeout: 5_000 });
            const english = await form.getByText('Gallery name', { exact: true }).count();
            if (english > 0) {
                throw new Error('the English label "Gallery name" is on the form as well');
            }
        });
        await check(`a field message is pseudo text ("${p('Use only letters, digits, underscores (_) and periods (.).')}")`, async () => {
            const name = form.getByLabel(p('Gallery name'), { exact: true });
            await name.fill('bad name!');
            await name.blur();
            await form.getByText(p('Use only letters, digits, underscores (_) and periods (.).'), { exact: true }).waitFor({ state: 'visible', timeout: 10_000 });
            await screenshot(page, 'l10n-form');
        });

        const notice = p('Compute Gallery no longer uses your Azure account. To remove the account from VS Code itself, use the Accounts menu in the activity bar.');
        await check(`Sign Out's notification is pseudo text ("${notice.slice(0, 40)}…")`, async () => {
            await runCommand(page, 'Compute Gallery: Sign out of Azure');
            await waitForToast(page, new RegExp(notice.slice(0, 30).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
        });
    } catch (e) {
        run.failed(e);
        await reportFailure('l10n', { wb, cs });
    } finally {
        await closeStarted({ wb, cs, emu });
    }
    return run.summary();
}

exitWith(main);
