/**
 * UI end-to-end test of the JSON schemas and template support in a real VS Code (code-server + headless Chromium),
 * driven with the keyboard and read from the screen:
 *
 *  1. a body file (ubuntu.imagedefinition.json, schema from our `jsonValidation` contribution): Ctrl+Space at
 *     `"osType": ` suggests "Windows" and "Linux" with our descriptions; accepting one inserts it;
 *  2. in that file a wrong enum value gets a squiggle and the schema's message, a misspelt property our
 *     "did you mean" warning, both in the Problems panel;
 *  3. an ARM deployment template (language json, Microsoft's `$schema`, which cannot be downloaded here, and no ARM
 *     Tools): Ctrl+Space inside an image version's `publishingProfile` offers targetRegions, excludeFromLatest and
 *     endOfLifeDate (not replicaCount, which is there already), with descriptions; accepting one inserts it there;
 *     hover describes the property;
 *  4. in the template, the version name "1.0" and target regions without the version's location are underlined,
 *     with our messages in the Problems panel and the hover; fixing the name removes only that squiggle;
 *  5. F1 "Compute Gallery: New Resource Body File…" opens an image version body with no problems: breaking it shows
 *     a schema error and a gallery check, undoing the edits clears them again;
 *     The same command's "New VM application version body" opens a *.applicationversion.json whose schema
 *     (jsonValidation) and application-version checks are live: a wrong type and a location missing from the target
 *     regions are both in the Problems panel;
 *  6. an ARM template in the `arm-template` language (declared by test/e2e/arm-template-language, a stand-in for the ARM
 *     Tools extension): typing "acg-gal" offers our gallery snippet (from the completion provider: the manifest gives
 *     snippets to json and jsonc only), and Enter inserts the gallery resource;
 *  7. live values (sources.template.json, an image version with an empty `location` and `storageProfile.source.id`):
 *     signed out, Ctrl+Space in the source id offers no Azure resources; after signing in from the Compute Gallery
 *     view (test auth provider, VS Code's Allow dialog) it lists the emulator's managed images by name with
 *     "managed image · location · subscription", and accepting one inserts its full resource ID (both read from the
 *     seed); Ctrl+Space in the location offers the emulator's regions: "westeurope" (West Europe) is inserted.
 *
 *   npx tsx test/e2e/ui/schemas.e2e.ts
 *
 * Screenshots: test-results/schemas-*.png (schemas-failure.png when a check fails).
 * Environment: ACG_VSIX (skip packaging), ACG_HEADFUL=1, ACG_KEEP_TEMP=1 (keep user data and logs).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { openWorkbench, quickInput, screenshot, type Workbench } from '../../harness/browser';
import { CheckRun, closeStarted, exitWith, reportFailure, since } from './checkRun';
import { launchCodeServer, type CodeServerHandle } from '../../harness/codeServer';
import { startEmulator, type EmulatorHandle } from '../../harness/emulator';
import { packageExtension } from '../../harness/packageExtension';
import { DEFAULT_SEED, DEFAULT_TEST_ACCOUNT, emulatorCloudSettings, readSeed, testAuthEnv, type SeedExpectations } from '../../harness/seed';
import { REGIONS } from '../../emulator/regions';
import { loadSeed } from '../../emulator/seed';
import { signInFromView } from './workbenchUi';
import {
    acceptSuggestion,
    activeTab,
    describeSquiggles,
    editorText,
    find,
    focusSuggestion,
    goTo,
    hidePanel,
    openFile,
    openProblems,
    problemsOf,
    readEditor,
    select,
    showHover,
    showSuggestDetails,
    suggestOutcome,
    suggestRows,
    suggestWidget,
    triggerSuggest,
    waitForEditor,
    waitForProblems,
    type EditorView,
    type ProblemRow,
    type SuggestRow,
} from './editorUi';

const AUTH_PROVIDER_DIR = path.resolve(__dirname, '..', 'auth-provider');
const ARM_TEMPLATE_LANGUAGE_DIR = path.resolve(__dirname, '..', 'arm-template-language');
const ARM_LANGUAGE_FILE = 'empty.armtemplate.json';
const FIXTURES_DIR = path.resolve(__dirname, '..', 'fixtures-schemas');
const BODY_FILE = 'ubuntu.imagedefinition.json';
const TEMPLATE_FILE = 'azuredeploy.json';
const NEW_FILE_COMMAND = 'Compute Gallery: New Resource Body File';
const NEW_FILE_PICK = 'New image version body';
const NEW_FILE_NAME = '1.0.0.imageversion.json';
const NEW_APP_FILE_PICK = 'New VM application version body';
const NEW_APP_FILE_NAME = '1.0.0.applicationversion.json';
const SOURCE = 'Azure Compute Gallery';
const LIVE_FILE = 'sources.template.json';
const LIVE_REGION = 'westeurope';

function assert(condition: unknown, message: string): asserts condition {
    if (!condition) {
        throw new Error(message);
    }
}

function labels(rows: readonly SuggestRow[]): string {
    return rows.map((r) => r.label).join(', ');
}

function has(rows: readonly SuggestRow[], label: string): boolean {
    return rows.some((r) => r.label === label);
}

function problemText(rows: readonly ProblemRow[]): string {
    return rows.map((r) => `    ${r.ariaLabel || r.text}`).join('\n') || '    (none)';
}

/** What the source id completions must offer: a managed image of an enabled subscription, as seeded. */
interface SeededImage {
    id: string;
    name: string;
    location: string;
    subscription: string;
}

const MANAGED_IMAGE_ID = /^\/subscriptions\/([^/]+)\/resourceGroups\/[^/]+\/providers\/Microsoft\.Compute\/images\/([^/]+)$/i;

/** The managed images the emulator is seeded with, in the seed's order (only those of enabled subscriptions). */
function seededManagedImages(seedPath: string, seed: SeedExpectations): SeededImage[] {
    const found: SeededImage[] = [];
    for (const resource of loadSeed(seedPath).resources ?? []) {
        const m = MANAGED_IMAGE_ID.exec(resource.id);
        const sub = m && seed.subscriptions.find((s) => s.subscriptionId.toLowerCase() === m[1].toLowerCase() && s.state === 'Enabled');
        if (m && sub) {
            found.push({ id: resource.id, name: resource.name ?? m[2], location: resource.location ?? '', subscription: sub.displayName });
        }
    }
    return found;
}

/** The workspace: a temp copy of the fixtures, so nothing in the repository is touched. */
function makeWorkspace(): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'acg-schemas-ws-'));
    for (const file of fs.readdirSync(FIXTURES_DIR)) {
        if (file.endsWith('.json')) {
            fs.copyFileSync(path.join(FIXTURES_DIR, file), path.join(dir, file));
        }
    }
    fs.writeFileSync(
        path.join(dir, ARM_LANGUAGE_FILE),
        '{\n  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",\n  "contentVersion": "1.0.0.0",\n  "resources": [\n    \n  ]\n}\n',
    );
    return dir;
}

async function main(): Promise<number> {
    const seedPath = path.resolve(process.env.ACG_E2E_SEED ?? DEFAULT_SEED);
    const seed = readSeed(seedPath);
    const workspaceDir = makeWorkspace();
    let emu: EmulatorHandle | undefined;
    let cs: CodeServerHandle | undefined;
    let wb: Workbench | undefined;

    /** Runs one on-screen check; a failing check stops the run (later ones build on the editor state). */
    const run = new CheckRun();
    const { check } = run;

    try {
        const vsix = await packageExtension();
        console.log(`packaged ${path.relative(process.cwd(), vsix)} (${since(run.t0)})`);
        emu = await startEmulator({ seed: seedPath });
        cs = await launchCodeServer({
            extensions: [vsix, AUTH_PROVIDER_DIR, ARM_TEMPLATE_LANGUAGE_DIR],
            settings: emulatorCloudSettings(emu.url),
            env: { NODE_EXTRA_CA_CERTS: emu.caCertPath, ...testAuthEnv(seed) },
            workspaceDir,
        });
        console.log(`code-server ${cs.url} (${since(run.t0)})`);
        wb = await openWorkbench(cs.url);
        console.log(`workbench ready (${since(run.t0)})\n`);
        const page: Page = wb.page;

        // ---------------------------------------------------------------------------------------------------
        console.log(`Body file ${BODY_FILE}`);
        let view: EditorView | undefined;
        await check(`opens ${BODY_FILE} from quick open`, async () => {
            await openFile(page, BODY_FILE);
            view = await waitForEditor(page, 'the file content', (v) => editorText(v).includes('"osType": "Linux"'));
        });

        let suggestions: SuggestRow[] = [];
        await check('Ctrl+Space at "osType": suggests "Windows" and "Linux"', async () => {
            const at = find(view!, '"Linux"');
            await select(page, at.line, at.column, '"Linux"'.length);
            await page.keyboard.press('Delete');
            await waitForEditor(page, 'the value deleted', (v) => /"osType": ,\s*$/.test(v.lines.get(at.line) ?? ''));
            suggestions = await triggerSuggest(page, '"Windows" and "Linux"', (rows) => has(rows, '"Windows"') && has(rows, '"Linux"'));
            // Values are the quoted rows (the contributed snippets are listed after them, as for any JSON position).
            const values = suggestions.filter((r) => r.label.startsWith('"'));
            console.log(`      rows: ${labels(suggestions)}`);
            assert(values.length === 2, `expected exactly the two enum values, got: ${labels(values)}`);
            assert(suggestions.slice(0, 2).every((r) => r.label.startsWith('"')), `the values are not listed first: ${labels(suggestions)}`);
        });
        await check('the suggestions describe each value (details pane)', async () => {
            await showSuggestDetails(page);
            const linux = await focusSuggestion(page, '"Linux"');
            const windows = await focusSuggestion(page, '"Windows"');
            console.log(`      details: "Linux" → ${linux}\n      details: "Windows" → ${windows}`);
            assert(/Linux operating system/.test(linux), `"Linux" is described as: ${linux}`);
            assert(/Windows operating system/.test(windows), `"Windows" is described as: ${windows}`);
            const aria = (await suggestRows(page)).find((r) => r.focused)?.ariaLabel ?? '';
            console.log(`      focused row aria-label: ${aria}`);
            assert(aria.includes('The disk holds a Windows operating system'), `the focused row does not read out its description: ${aria}`);
        });
        await screenshot(page, 'schemas-body-suggest');
        await check('typing W and Enter accepts "Windows" into the file', async () => {
            await acceptSuggestion(page, 'W', '"Windows"');
            view = await waitForEditor(page, '"osType": "Windows"', (v) => editorText(v).includes('"osType": "Windows",'));
        });

        // VS Code's JSON support reports schema problems in body files as warnings.
        await check('a wrong enum value ("Windowsx") is underlined', async () => {
            await page.keyboard.press('ArrowLeft'); // inside the closing quote
            await page.keyboard.type('x');
            await page.keyboard.press('Escape'); // close suggestions that typing in a string may open
            view = await waitForEditor(
                page,
                'a squiggle under "Windowsx"',
                (v) => v.squiggles.some((s) => s.text === '"Windowsx"'),
            );
        });
        await check('a misspelt property ("descripton") is underlined as a warning', async () => {
            const at = find(view!, '"osType": "Windowsx",');
            await goTo(page, at.line, (view!.lines.get(at.line) ?? '').length + 1);
            await page.keyboard.press('Enter');
            await page.keyboard.insertText('"descripton": "Ubuntu 22.04 with our agents",');
            await page.keyboard.press('Escape');
            view = await waitForEditor(
                page,
                'a warning squiggle under "descripton"',
                (v) => v.squiggles.some((s) => s.severity === 'warning' && s.text === '"descripton"'),
            );
            console.log(`      squiggles: ${describeSquiggles(view.squiggles)}`);
        });
        await screenshot(page, 'schemas-body-squiggles');
        await check('the Problems panel lists both with our messages', async () => {
            await openProblems(page);
            const rows = await waitForProblems(page, `the two problems of ${BODY_FILE}`, (r) => {
                const mine = problemsOf(r, BODY_FILE).map((p) => p.ariaLabel);
                return mine.some((m) => m.includes('Value is not accepted. Valid values: "Windows", "Linux".')) && mine.some((m) => m.includes('Did you mean "description"?'));
            });
            console.log(`      rows of ${BODY_FILE}:\n  ${problemText(problemsOf(rows, BODY_FILE))}`);
            const unknown = problemsOf(rows, BODY_FILE).find((p) => p.ariaLabel.includes('descripton'));
            assert(unknown?.ariaLabel.includes(SOURCE), `the unknown-property problem does not name "${SOURCE}": ${unknown?.ariaLabel}`);
        });
        await screenshot(page, 'schemas-body-problems');
        await hidePanel(page);

        // ---------------------------------------------------------------------------------------------------
        console.log(`\nARM template ${TEMPLATE_FILE} (language json, remote $schema)`);
        await check(`opens ${TEMPLATE_FILE}`, async () => {
            await openFile(page, TEMPLATE_FILE);
            view = await waitForEditor(page, 'the template content', (v) => editorText(v).includes('"myGallery/ubuntu-22/1.0"'));
        });
        await check('the version name "1.0" and the target regions are underlined as errors', async () => {
            view = await waitForEditor(
                page,
                'error squiggles under the name and the target regions',
                (v) =>
                    v.squiggles.some((s) => s.severity === 'error' && s.text.includes('"myGallery/ubuntu-22/1.0"')) &&
                    v.squiggles.some((s) => s.severity === 'error' && s.text.includes('"northeurope"')),
            );
            console.log(`      squiggles: ${describeSquiggles(view.squiggles)}`);
        });
        await check('the Problems panel shows our messages for them', async () => {
            await openProblems(page);
            const rows = await waitForProblems(page, `the problems of ${TEMPLATE_FILE}`, (r) => {
                const mine = problemsOf(r, TEMPLATE_FILE).map((p) => p.ariaLabel);
                return (
                    mine.some((m) => m.includes('Image version name "1.0" must have three parts, Major.Minor.Patch')) &&
                    mine.some((m) => m.includes('The source region "westeurope" (the version\'s location) is not among the target regions ("northeurope")'))
                );
            });
            const mine = problemsOf(rows, TEMPLATE_FILE);
            console.log(`      rows of ${TEMPLATE_FILE}:\n${problemText(mine)}`);
            const ours = mine.filter((p) => p.ariaLabel.includes('Major.Minor.Patch') || p.ariaLabel.includes('source region'));
            assert(ours.every((p) => p.ariaLabel.includes(SOURCE)), `not all our problems name "${SOURCE}":\n${problemText(ours)}`);
        });
        await screenshot(page, 'schemas-template-problems');
        await hidePanel(page);
        await check('hover on the name shows the problem and the schema description', async () => {
            await openFile(page, TEMPLATE_FILE);
            const at = find(view!, '"myGallery/ubuntu-22/1.0"');
            await goTo(page, at.line, at.column + '"myGallery/ubuntu-22/'.length);
            const text = await showHover(page, /Major\.Minor\.Patch.*2,147,483,647/);
            console.log(`      hover: ${text.slice(0, 300)}`);
            assert(text.includes('must have three parts'), `the hover does not show the problem: ${text}`);
        });
        await screenshot(page, 'schemas-template-hover');
        await page.keyboard.press('Escape');

        let completionLine = 0;
        await check('Ctrl+Space in publishingProfile offers targetRegions, excludeFromLatest, endOfLifeDate', async () => {
            view = await readEditor(page);
            const second = find(view, '"myGallery/ubuntu-22/1.1.0"');
            const profile = find(view, '"publishingProfile": {', second.line);
            const lineText = view.lines.get(profile.line) ?? '';
            await goTo(page, profile.line, lineText.length + 1);
            await page.keyboard.press('Enter');
            completionLine = profile.line + 1;
            await waitForEditor(page, 'a new line in publishingProfile', (v) => (v.lines.get(completionLine) ?? 'x').trim() === '' && (v.lines.get(completionLine + 1) ?? '').includes('"replicaCount": 1'));
            suggestions = await triggerSuggest(page, 'publishing profile properties', (rows) => ['targetRegions', 'excludeFromLatest', 'endOfLifeDate'].every((l) => has(rows, l)));
            console.log(`      rows: ${labels(suggestions)}`);
            console.log(`      aria-label: ${suggestions.find((r) => r.label === 'targetRegions')?.ariaLabel}`);
            assert(!has(suggestions, 'replicaCount'), `replicaCount is offered although the profile has it: ${labels(suggestions)}`);
            assert(!has(suggestions, 'publishedDate'), `the read-only publishedDate is offered: ${labels(suggestions)}`);
        });
        await check('the details pane describes excludeFromLatest', async () => {
            await showSuggestDetails(page);
            const details = await focusSuggestion(page, 'excludeFromLatest');
            console.log(`      details: ${details}`);
            assert(/latest version of the Image Definition won't use this Image Version/.test(details), `excludeFromLatest is described as: ${details}`);
        });
        await screenshot(page, 'schemas-template-suggest');
        await check('typing excl and Enter inserts "excludeFromLatest" on that line of the template', async () => {
            await acceptSuggestion(page, 'excl', 'excludeFromLatest');
            view = await waitForEditor(page, 'the inserted property', (v) => /^\s*"excludeFromLatest": false,\s*$/.test(v.lines.get(completionLine) ?? ''));
            assert((view.lines.get(completionLine + 1) ?? '').includes('"replicaCount": 1'), `the next line changed: ${view.lines.get(completionLine + 1)}`);
            await page.keyboard.press('Escape'); // leave snippet mode
        });
        await check('hover on excludeFromLatest shows its description', async () => {
            const at = find(view!, '"excludeFromLatest"');
            await goTo(page, at.line, at.column + 2);
            const text = await showHover(page, /won't use this Image Version/);
            console.log(`      hover: ${text.slice(0, 200)}`);
        });
        await page.keyboard.press('Escape');
        await check('fixing the name to 1.0.0 removes its squiggle, the target regions one stays', async () => {
            await page.keyboard.press('Control+Home'); // the name is near the top
            view = await waitForEditor(page, 'the first resource on screen', (v) => editorText(v).includes('"myGallery/ubuntu-22/1.0"'));
            const at = find(view, '"myGallery/ubuntu-22/1.0"');
            await select(page, at.line, at.column + '"myGallery/ubuntu-22/'.length, '1.0'.length);
            await page.keyboard.insertText('1.0.0');
            await page.keyboard.press('Escape');
            view = await waitForEditor(
                page,
                'only the target regions squiggle',
                (v) =>
                    editorText(v).includes('"myGallery/ubuntu-22/1.0.0"') &&
                    !v.squiggles.some((s) => s.text.includes('myGallery/ubuntu-22')) &&
                    v.squiggles.some((s) => s.severity === 'error' && s.text.includes('"northeurope"')),
            );
            console.log(`      squiggles: ${describeSquiggles(view.squiggles)}`);
            await openProblems(page);
            await waitForProblems(page, `only the target regions problem in ${TEMPLATE_FILE}`, (r) => {
                const mine = problemsOf(r, TEMPLATE_FILE).map((p) => p.ariaLabel);
                return !mine.some((m) => m.includes('Major.Minor.Patch')) && mine.some((m) => m.includes('The source region "westeurope"'));
            });
        });
        await screenshot(page, 'schemas-template-fixed');
        await hidePanel(page);

        // ---------------------------------------------------------------------------------------------------
        console.log(`\nF1 ${NEW_FILE_COMMAND}…`);
        let original = '';
        await check(`opens "${NEW_FILE_PICK}" as ${NEW_FILE_NAME}`, async () => {
            await page.keyboard.press('F1');
            const input = quickInput(page).locator('input.input');
            await input.waitFor({ state: 'visible', timeout: 10_000 });
            await input.fill(`>${NEW_FILE_COMMAND}`);
            const command = quickInput(page).locator('.monaco-list-row[role="option"]').filter({ hasText: NEW_FILE_COMMAND }).first();
            await command.waitFor({ state: 'visible', timeout: 10_000 });
            await command.click();
            const pick = quickInput(page)
                .locator('.monaco-list-row[role="option"]')
                .filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${NEW_FILE_PICK}$`) }) })
                .first();
            await pick.waitFor({ state: 'visible', timeout: 10_000 });
            await pick.click();
            await activeTab(page, NEW_FILE_NAME).waitFor({ state: 'visible', timeout: 10_000 });
            view = await waitForEditor(page, 'the starting body', (v) => editorText(v).includes('"publishingProfile"') && editorText(v).trimEnd().endsWith('}'));
            original = editorText(view);
        });
        await check('breaking it shows a schema error and a gallery check (validation is live)', async () => {
            const location = find(view!, '"location": "westeurope"');
            await select(page, location.line, location.column + '"location": "'.length, 'westeurope'.length);
            await page.keyboard.insertText('northeurope');
            const count = find(view!, '"replicaCount": 1');
            await select(page, count.line, count.column + '"replicaCount": '.length, 1);
            await page.keyboard.insertText('true');
            await page.keyboard.press('Escape');
            view = await waitForEditor(
                page,
                'squiggles under true and the target regions',
                (v) =>
                    v.squiggles.some((s) => s.text === 'true' && (v.lines.get(s.line) ?? '').includes('"replicaCount": true')) &&
                    v.squiggles.some((s) => s.severity === 'error' && (v.lines.get(s.line) ?? '').includes('"targetRegions": [')),
            );
            console.log(`      squiggles: ${describeSquiggles(view.squiggles)}`);
            await openProblems(page);
            const rows = await waitForProblems(page, `the problems of ${NEW_FILE_NAME}`, (r) => {
                const mine = problemsOf(r, NEW_FILE_NAME).map((p) => p.ariaLabel);
                return mine.some((m) => m.includes('Incorrect type. Expected an integer')) && mine.some((m) => m.includes('The source region "northeurope"'));
            });
            console.log(`      rows of ${NEW_FILE_NAME}:\n${problemText(problemsOf(rows, NEW_FILE_NAME))}`);
        });
        await screenshot(page, 'schemas-new-file-broken');
        await hidePanel(page);
        await check('undoing the edits (Ctrl+Z) leaves the starting body with no squiggles and no problems', async () => {
            await page.locator(`.part.editor .tab[data-resource-name="${NEW_FILE_NAME}"]`).first().click();
            for (let i = 0; i < 10 && editorText(await readEditor(page)) !== original; i++) {
                await page.keyboard.press('Control+Z');
                await page.waitForTimeout(100);
            }
            await waitForEditor(page, 'the starting body again', (v) => editorText(v) === original);
            // The panel changes only when the validators report again (squiggles of replaced text may just collapse).
            await openProblems(page);
            const rows = await waitForProblems(page, `no problems for ${NEW_FILE_NAME}`, (r) => problemsOf(r, NEW_FILE_NAME).length === 0 && r.some((row) => row.level === 1));
            console.log(`      files in the Problems panel: ${rows.filter((r) => r.level === 1).map((r) => r.ariaLabel || r.text).join(' | ')}`);
            await page.locator(`.part.editor .tab[data-resource-name="${NEW_FILE_NAME}"]`).first().click();
            view = await waitForEditor(page, 'the starting body without squiggles', (v) => editorText(v) === original && v.squiggles.length === 0);
        });
        await page.keyboard.press('Control+Home'); // no selection left over from undo in the screenshot
        await page.mouse.move(1300, 850);
        await page.waitForTimeout(200);
        await screenshot(page, 'schemas-new-file');
        await hidePanel(page);

        // ---------------------------------------------------------------------------------------------------
        console.log(`\nF1 ${NEW_FILE_COMMAND}… (VM application version, issue 12)`);
        await check(`"${NEW_APP_FILE_PICK}" opens ${NEW_APP_FILE_NAME}; its schema and the application-version checks are live`, async () => {
            await page.keyboard.press('F1');
            const input = quickInput(page).locator('input.input');
            await input.waitFor({ state: 'visible', timeout: 10_000 });
            await input.fill(`>${NEW_FILE_COMMAND}`);
            await quickInput(page).locator('.monaco-list-row[role="option"]').filter({ hasText: NEW_FILE_COMMAND }).first().click();
            await input.fill('application version');
            const pick = quickInput(page)
                .locator('.monaco-list-row[role="option"]')
                .filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${NEW_APP_FILE_PICK}$`) }) })
                .first();
            await pick.waitFor({ state: 'visible', timeout: 10_000 });
            await pick.click();
            await activeTab(page, NEW_APP_FILE_NAME).waitFor({ state: 'visible', timeout: 10_000 });
            view = await waitForEditor(page, 'the application version body', (v) => editorText(v).includes('"mediaLink"') && editorText(v).trimEnd().endsWith('}'));
            const location = find(view, '"location": "westeurope"');
            await select(page, location.line, location.column + '"location": "'.length, 'westeurope'.length);
            await page.keyboard.insertText('northeurope');
            const count = find(view, '"regionalReplicaCount": 1');
            await select(page, count.line, count.column + '"regionalReplicaCount": '.length, 1);
            await page.keyboard.insertText('true');
            await page.keyboard.press('Escape');
            await openProblems(page);
            const rows = await waitForProblems(page, `the problems of ${NEW_APP_FILE_NAME}`, (r) => {
                const mine = problemsOf(r, NEW_APP_FILE_NAME).map((p) => p.ariaLabel);
                return mine.some((m) => m.includes('Incorrect type. Expected an integer')) && mine.some((m) => m.includes('location of the application version'));
            });
            console.log(`      rows of ${NEW_APP_FILE_NAME}:\n${problemText(problemsOf(rows, NEW_APP_FILE_NAME))}`);
        });
        await screenshot(page, 'schemas-new-application-version');
        await hidePanel(page);

        // ---------------------------------------------------------------------------------------------------
        console.log(`\nLive values in ${LIVE_FILE}`);
        const images = seededManagedImages(seedPath, seed);
        const image = images[0];
        assert(image, `seed ${seedPath} has no managed image in an enabled subscription to look for`);
        const region = REGIONS.find((r) => r.name === LIVE_REGION);
        assert(region, `the emulator knows no region "${LIVE_REGION}"`);
        const account = testAuthEnv(seed).ACG_TEST_AUTH_ACCOUNT ?? DEFAULT_TEST_ACCOUNT;
        const sourceId = async (): Promise<void> => {
            view = await readEditor(page);
            const at = find(view, '"source": { "id": "');
            await goTo(page, at.line, at.column + '"source": { "id": "'.length);
        };
        console.log(`\nARM template in the arm-template language: ${ARM_LANGUAGE_FILE}`);
        await check(`typing "acg-gal" in ${ARM_LANGUAGE_FILE} (arm-template) offers the gallery snippet; Enter inserts the gallery resource`, async () => {
            await openFile(page, ARM_LANGUAGE_FILE);
            view = await waitForEditor(page, 'the empty template', (v) => editorText(v).includes('"resources": ['));
            const language = (await page.locator('.statusbar-item[id="status.editor.mode"]').first().innerText().catch(() => '')).trim();
            assert(language === 'ARM template (test stand-in)', `the file's language in the status bar: "${language}"`);
            const blank = find(view, '"resources": [');
            await goTo(page, blank.line + 1, 5);
            await page.keyboard.type('acg-gal');
            suggestions = await triggerSuggest(page, 'the gallery snippet', (rows) => has(rows, 'acg-gallery'));
            console.log(`      rows: ${labels(suggestions)}`);
            await focusSuggestion(page, 'acg-gallery');
            await page.keyboard.press('Enter');
            await suggestWidget(page).waitFor({ state: 'hidden', timeout: 5_000 });
            view = await waitForEditor(page, 'the gallery resource inserted', (v) => editorText(v).includes('"type": "Microsoft.Compute/galleries"') && editorText(v).includes('"name": "myGallery"'));
            // The snippet replaces all that was typed ("acg-gal"), not only the part after the "-".
            const opened = (view.lines.get(blank.line + 1) ?? '').trim();
            assert(opened === '{' && !editorText(view).includes('acg-'), `the line where "acg-gal" was typed reads "${opened}"`);
            await page.keyboard.press('Escape');
            await page.mouse.move(1300, 850);
            await screenshot(page, 'schemas-arm-template-snippet');
        });

        await check(`opens ${LIVE_FILE}`, async () => {
            await openFile(page, LIVE_FILE);
            view = await waitForEditor(page, 'the template content', (v) => editorText(v).includes('"source": { "id": "" }'));
        });
        await check('signed out, Ctrl+Space in the empty source id offers no Azure resources', async () => {
            await sourceId();
            const rows = await suggestOutcome(page);
            console.log(`      rows: ${labels(rows) || 'No suggestions.'}`);
            const shown = images.filter((i) => has(rows, i.name));
            assert(shown.length === 0, `managed images are offered while signed out: ${shown.map((i) => i.name).join(', ')}`);
            await page.keyboard.press('Escape');
        });
        await check(`signs in as ${account} from the Compute Gallery view (Allow)`, async () => {
            const message = await signInFromView(page, { container: 'Compute Gallery', view: 'Galleries', button: 'Sign in to Azure', account });
            assert(/Compute Gallery/i.test(message), `unexpected sign-in dialog: ${message}`);
        });
        await check(`signed in, Ctrl+Space in the source id lists the seeded managed image "${image.name}"`, async () => {
            await openFile(page, LIVE_FILE);
            await sourceId();
            suggestions = await triggerSuggest(page, `the managed image "${image.name}"`, (rows) => has(rows, image.name));
            console.log(`      rows: ${labels(suggestions)}`);
            // Managed images are listed first (only the rows scrolled into view are read).
            const missing = images.filter((i) => !has(suggestions, i.name));
            assert(missing.length === 0, `not every seeded managed image is among the first rows; missing: ${missing.map((i) => i.name).join(', ')}`);
            const details = await showSuggestDetails(page).then(() => focusSuggestion(page, image.name));
            console.log(`      details: ${image.name} → ${details}`);
            const expected = `managed image · ${image.location} · ${image.subscription}`;
            assert(details.includes(expected), `"${image.name}" is described as "${details}", expected "${expected}"`);
            // Same-named images in other groups are told apart by the group and the whole ID.
            const group = /\/resourceGroups\/([^/]+)/i.exec(image.id)?.[1] ?? '';
            assert(details.includes(`Resource group ${group}`) && details.replace(/\s+/g, '').includes(image.id), `"${image.name}": the details show no resource group "${group}" and ID: "${details}"`);
            await page.mouse.move(1300, 850); // no tab or tree hover in the screenshot
        });
        await screenshot(page, 'schemas-live-source');
        await check(`Enter inserts the full resource ID of "${image.name}" into the source`, async () => {
            await page.keyboard.press('Enter');
            await suggestWidget(page).waitFor({ state: 'hidden', timeout: 5_000 });
            view = await waitForEditor(page, `the ID ${image.id} in the source`, (v) => editorText(v).includes(`"source": { "id": ${JSON.stringify(image.id)} }`));
            console.log(`      line ${find(view, '"source"').line}: ${(view.lines.get(find(view, '"source"').line) ?? '').trim()}`);
        });
        const typed = region.name.slice(0, 6);
        await check(`Ctrl+Space in the empty location offers "${region.name}" (${region.displayName}); typing ${typed} and Enter inserts it`, async () => {
            const at = find(view!, '"location": ""');
            await goTo(page, at.line, at.column + '"location": "'.length);
            suggestions = await triggerSuggest(page, 'the emulator\'s regions', (rows) => REGIONS.some((r) => has(rows, r.name)));
            console.log(`      rows: ${labels(suggestions)}`);
            await page.keyboard.type(typed);
            const details = await showSuggestDetails(page).then(() => focusSuggestion(page, region.name));
            console.log(`      details: ${region.name} → ${details}`);
            assert(details.includes(region.displayName), `"${region.name}" is described as "${details}", expected "${region.displayName}"`);
            await screenshot(page, 'schemas-live-location');
            await page.keyboard.press('Enter');
            await suggestWidget(page).waitFor({ state: 'hidden', timeout: 5_000 });
            view = await waitForEditor(page, `"location": "${region.name}"`, (v) => [...v.lines.values()].some((l) => l.trim() === `"location": "${region.name}",`));
        });
        await page.mouse.move(1300, 850);
        const shot = await screenshot(page, 'schemas-live-values');
        console.log(`\nscreenshots test-results/schemas-*.png (last: ${path.relative(process.cwd(), shot)})`);
    } catch (e) {
        run.failed(e);
        await reportFailure('schemas', { wb, cs });
    } finally {
        await closeStarted({ wb, cs, emu });
        fs.rmSync(workspaceDir, { recursive: true, force: true });
    }

    return run.summary();
}

exitWith(main);
