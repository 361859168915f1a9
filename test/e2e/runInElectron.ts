/**
 * Launcher B: runs the same extension-host suite in VS Code desktop through @vscode/test-electron,
 * for machines that can download VS Code (it cannot run in the sandbox this harness was written in).
 *
 *   npx tsx test/e2e/runInElectron.ts [--seed <seed.json>] [--grep <pattern>]
 *   (Linux without a display: xvfb-run -a npx tsx test/e2e/runInElectron.ts)
 *
 * Differences from runInCodeServer.ts, because nothing can click VS Code's dialogs here:
 *  - VS Code's built-in Microsoft sign-in is disabled with --disable-extension (desktop has that flag);
 *    the test auth provider is loaded as a second --extensionDevelopmentPath;
 *  - the test auth provider starts signed in (ACG_TEST_AUTH_SIGNED_IN=1), and the product.json of the
 *    downloaded test copy of VS Code (in .vscode-test/, never your installed VS Code) lists our extension
 *    in `trustedExtensionAuthAccess`, so VS Code does not show the "wants to sign in" dialog.
 *
 * Environment: ACG_VSCODE_VERSION (default 'stable'), ACG_E2E_TIMEOUT, ACG_E2E_GREP.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';
import { DEFAULT_SETTINGS } from '../harness/codeServer';
import { startEmulator, type EmulatorHandle } from '../harness/emulator';
import { EXTENSION_ID } from '../harness/packageExtension';
import { DEFAULT_SEED, REPO_ROOT, emulatorCloudSettings, readSeed, testAuthEnv } from '../harness/seed';
import { buildSuite } from './buildSuite';

const AUTH_PROVIDER_DIR = path.join(__dirname, 'auth-provider');
const AUTH_PROVIDER_IDS = ['microsoft', 'microsoft-sovereign-cloud'];

function argValue(flag: string): string | undefined {
    const i = process.argv.indexOf(flag);
    return i >= 0 ? process.argv[i + 1] : undefined;
}

/** product.json of a downloaded VS Code, from its executable path (Linux, macOS, Windows layouts). */
export function findProductJson(vscodeExecutablePath: string): string {
    const dir = path.dirname(vscodeExecutablePath);
    const candidates = [
        path.join(dir, 'resources', 'app', 'product.json'), // Linux, older Windows
        path.join(dir, '..', 'Resources', 'app', 'product.json'), // macOS: Contents/MacOS/Electron
    ];
    // Newer Windows builds keep resources in a <commit> sub-folder next to Code.exe.
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        if (entry.isDirectory()) {
            candidates.push(path.join(dir, entry.name, 'resources', 'app', 'product.json'));
        }
    }
    const found = candidates.find((c) => fs.existsSync(c));
    if (!found) {
        throw new Error(`product.json not found next to ${vscodeExecutablePath}`);
    }
    return found;
}

/** Lets the extension under test use the test sign-in without VS Code's consent dialog. */
export function trustExtensionForAuth(productJson: string): void {
    const product = JSON.parse(fs.readFileSync(productJson, 'utf8')) as Record<string, unknown>;
    const current = product.trustedExtensionAuthAccess;
    let next: string[] | Record<string, string[]>;
    if (Array.isArray(current)) {
        next = current.includes(EXTENSION_ID) ? current : [...(current as string[]), EXTENSION_ID];
    } else {
        const map = { ...((current as Record<string, string[]> | undefined) ?? {}) };
        for (const id of AUTH_PROVIDER_IDS) {
            map[id] = [...new Set([...(map[id] ?? []), EXTENSION_ID])];
        }
        next = map;
    }
    if (JSON.stringify(next) !== JSON.stringify(current)) {
        product.trustedExtensionAuthAccess = next;
        fs.writeFileSync(productJson, `${JSON.stringify(product, null, '\t')}\n`);
    }
}

async function main(): Promise<number> {
    const seedPath = path.resolve(argValue('--seed') ?? process.env.ACG_E2E_SEED ?? DEFAULT_SEED);
    const grep = argValue('--grep') ?? process.env.ACG_E2E_GREP;
    const seed = readSeed(seedPath);

    // extensionDevelopmentPath loads the extension from the repo: its main is the esbuild output in dist/.
    const build = spawnSync('npm', ['run', 'build'], { cwd: REPO_ROOT, stdio: 'inherit' });
    if (build.status !== 0) {
        throw new Error('npm run build failed');
    }
    const suite = await buildSuite();
    const vscodeExecutablePath = await downloadAndUnzipVSCode(process.env.ACG_VSCODE_VERSION ?? 'stable');
    trustExtensionForAuth(findProductJson(vscodeExecutablePath));

    const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'acg-electron-'));
    const userDataDir = path.join(tempDir, 'user-data');
    const extensionsDir = path.join(tempDir, 'extensions');
    const workspaceDir = path.join(tempDir, 'workspace');
    fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
    fs.mkdirSync(extensionsDir, { recursive: true });
    fs.mkdirSync(workspaceDir, { recursive: true });

    let emu: EmulatorHandle | undefined;
    try {
        emu = await startEmulator({ seed: seedPath });
        const settings = { ...DEFAULT_SETTINGS, ...emulatorCloudSettings(emu.url) };
        fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), `${JSON.stringify(settings, null, 2)}\n`);
        const env: Record<string, string | undefined> = {
            NODE_EXTRA_CA_CERTS: emu.caCertPath,
            ...testAuthEnv(seed),
            ACG_TEST_AUTH_SIGNED_IN: '1',
            ACG_E2E_SEED: seedPath,
            ACG_E2E_GREP: grep,
            ACG_E2E_TIMEOUT: process.env.ACG_E2E_TIMEOUT,
        };
        const code = await runTests({
            vscodeExecutablePath,
            extensionDevelopmentPath: [REPO_ROOT, AUTH_PROVIDER_DIR],
            extensionTestsPath: suite,
            extensionTestsEnv: env,
            launchArgs: [
                workspaceDir,
                '--user-data-dir',
                userDataDir,
                '--extensions-dir',
                extensionsDir,
                '--disable-extension',
                'vscode.microsoft-authentication',
                '--disable-workspace-trust',
                '--skip-welcome',
                '--skip-release-notes',
                '--disable-gpu',
            ],
        });
        return code;
    } finally {
        await emu?.close().catch(() => undefined);
        fs.rmSync(tempDir, { recursive: true, force: true });
    }
}

if (require.main === module) {
    main().then(
        (code) => process.exit(code),
        (e: unknown) => {
            // runTests rejects with TestRunFailedError when the suite's run() rejected (tests failed).
            console.error(e instanceof Error ? e.message : e);
            process.exit(1);
        },
    );
}
