/**
 * Provides a real VS Code for the tests: code-server (VS Code in the browser
 * with a Node extension host), the Node 24 it needs, and the Debian packages
 * (chromium + headers for code-server's native modules).
 *
 *   npx tsx test/harness/setupCodeServer.ts           # install what is missing (silent when all present)
 *   npx tsx test/harness/setupCodeServer.ts --print   # ... then print {"nodeBin","codeServerBin","cacheDir"}
 *
 * Everything lives under the cache root `$ACG_CACHE` (default ~/.cache/acg-vscode):
 *   node24/        npm install --prefix node24 node-linux-<arch>@24
 *   code-server/   npm install --prefix code-server code-server@4.139.1 (run with Node 24 on PATH)
 *
 * code-server's install refuses Node 20 and compiles native modules against the
 * Node 24 headers, so it is kept out of the project's package.json.
 *
 * Each part is marked complete by a marker file written after it verified; a
 * part whose "installing" marker is still there (a run that was interrupted)
 * is wiped and installed again. A lock directory serialises concurrent runs.
 *
 * Environment:
 *   ACG_CACHE      cache root
 *   ACG_SKIP_APT=1 never call apt-get/dpkg-query (non-Debian machines: install the packages yourself)
 *   ACG_CHROMIUM   path of a Chromium binary; when set, the `chromium` package is not required
 */
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const CODE_SERVER_VERSION = '4.139.1';
export const NODE_MAJOR = 24;

export interface CodeServerInstall {
    /** Node 24 binary; run code-server with it. */
    nodeBin: string;
    /** code-server's entry script (`out/node/entry.js`): spawn `nodeBin codeServerBin ...`. */
    codeServerBin: string;
    /** The cache root. */
    cacheDir: string;
}

/** Debian packages: chromium drives the workbench, the -dev packages build code-server's native modules. */
const BUILD_PACKAGES = ['build-essential', 'python3', 'pkg-config', 'libkrb5-dev', 'libx11-dev', 'libxkbfile-dev', 'libsecret-1-dev'];

const COMPLETE_MARKER = '.acg-install-complete';
const INSTALLING_MARKER = '.acg-installing';
const LOCK_WAIT_MS = 30 * 60_000;

export function cacheRoot(): string {
    return process.env.ACG_CACHE ?? path.join(os.homedir(), '.cache', 'acg-vscode');
}

function log(message: string): void {
    process.stderr.write(`[setup-code-server] ${message}\n`);
}

function nodePackageName(): string {
    const arch = process.arch === 'arm64' ? 'arm64' : process.arch === 'x64' ? 'x64' : undefined;
    if (process.platform !== 'linux' || !arch) {
        throw new Error(`setupCodeServer supports linux x64/arm64 only (this is ${process.platform}/${process.arch})`);
    }
    return `node-linux-${arch}`;
}

interface Layout {
    cacheDir: string;
    nodeDir: string;
    nodePkgDir: string;
    nodeBin: string;
    csDir: string;
    csPkgDir: string;
    codeServerBin: string;
}

function layout(cacheDir: string): Layout {
    const nodeDir = path.join(cacheDir, 'node24');
    const nodePkgDir = path.join(nodeDir, 'node_modules', nodePackageName());
    const csDir = path.join(cacheDir, 'code-server');
    const csPkgDir = path.join(csDir, 'node_modules', 'code-server');
    return {
        cacheDir,
        nodeDir,
        nodePkgDir,
        nodeBin: path.join(nodePkgDir, 'bin', 'node'),
        csDir,
        csPkgDir,
        codeServerBin: path.join(csPkgDir, 'out', 'node', 'entry.js'),
    };
}

// ---------------------------------------------------------------- processes

function run(cmd: string, args: string[], opts: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): Promise<void> {
    log(`$ ${cmd} ${args.join(' ')}`);
    return new Promise((resolve, reject) => {
        // npm/apt output goes to stderr so that stdout stays machine-readable.
        const child = spawn(cmd, args, { cwd: opts.cwd, env: opts.env ?? process.env, stdio: ['ignore', 2, 2] });
        child.on('error', reject);
        child.on('exit', (code, signal) =>
            code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(' ')} failed (${signal ?? `exit ${code}`})`)),
        );
    });
}

function output(cmd: string, args: string[], env?: NodeJS.ProcessEnv): string | undefined {
    const r = spawnSync(cmd, args, { encoding: 'utf8', env: env ?? process.env, timeout: 60_000 });
    return r.status === 0 ? r.stdout.trim() : undefined;
}

function hasCommand(cmd: string): boolean {
    return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

// --------------------------------------------------------------------- apt

function isInstalledDeb(pkg: string): boolean {
    return output('dpkg-query', ['-W', '-f=${Status}', pkg])?.endsWith('install ok installed') ?? false;
}

function requiredDebs(): string[] {
    return process.env.ACG_CHROMIUM ? BUILD_PACKAGES : ['chromium', ...BUILD_PACKAGES];
}

function missingDebs(): string[] {
    if (process.env.ACG_SKIP_APT === '1' || !hasCommand('dpkg-query')) {
        return [];
    }
    return requiredDebs().filter((p) => !isInstalledDeb(p));
}

async function installDebs(pkgs: string[]): Promise<void> {
    const asRoot = process.getuid?.() === 0;
    if (!asRoot && !hasCommand('sudo')) {
        throw new Error(`Missing Debian packages: ${pkgs.join(' ')}. Install them as root (apt-get install ${pkgs.join(' ')}).`);
    }
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const apt = (args: string[]): Promise<void> =>
        asRoot ? run('apt-get', args, { env }) : run('sudo', ['-E', 'apt-get', ...args], { env });
    log(`installing Debian packages: ${pkgs.join(' ')}`);
    await apt(['update']);
    await apt(['install', '-y', '--no-install-recommends', ...pkgs]);
}

// -------------------------------------------------------------------- lock

function pidAlive(pid: number): boolean {
    try {
        process.kill(pid, 0);
        return true;
    } catch (e) {
        return (e as NodeJS.ErrnoException).code === 'EPERM';
    }
}

async function withLock<T>(cacheDir: string, fn: () => Promise<T>): Promise<T> {
    fs.mkdirSync(cacheDir, { recursive: true });
    const lockDir = path.join(cacheDir, '.install.lock');
    const pidFile = path.join(lockDir, 'pid');
    const deadline = Date.now() + LOCK_WAIT_MS;
    let announced = false;
    for (;;) {
        try {
            fs.mkdirSync(lockDir);
            fs.writeFileSync(pidFile, String(process.pid));
            break;
        } catch (e) {
            if ((e as NodeJS.ErrnoException).code !== 'EEXIST') {
                throw e;
            }
            let holder = Number.NaN;
            try {
                holder = Number.parseInt(fs.readFileSync(pidFile, 'utf8'), 10);
            } catch {
                // lock dir created but pid not yet written: give the holder a moment
            }
            const ageMs = Date.now() - fs.statSync(lockDir, { throwIfNoEntry: false })!.mtimeMs;
            if ((Number.isFinite(holder) && !pidAlive(holder)) || (!Number.isFinite(holder) && ageMs > 10_000)) {
                log(`removing stale install lock (pid ${Number.isFinite(holder) ? holder : '?'})`);
                fs.rmSync(lockDir, { recursive: true, force: true });
                continue;
            }
            if (Date.now() > deadline) {
                throw new Error(`Timed out waiting for the install lock ${lockDir} (held by pid ${holder})`);
            }
            if (!announced) {
                log(`waiting for another install (pid ${holder}) to finish ...`);
                announced = true;
            }
            await new Promise((r) => setTimeout(r, 2000));
        }
    }
    try {
        return await fn();
    } finally {
        fs.rmSync(lockDir, { recursive: true, force: true });
    }
}

// ----------------------------------------------------------------- node 24

function nodeVersion(nodeBin: string): string | undefined {
    return fs.existsSync(nodeBin) ? output(nodeBin, ['--version']) : undefined;
}

function nodeOk(l: Layout): boolean {
    if (fs.existsSync(path.join(l.nodeDir, INSTALLING_MARKER))) {
        return false;
    }
    if (fs.existsSync(path.join(l.nodeDir, COMPLETE_MARKER)) && fs.existsSync(l.nodeBin)) {
        return true;
    }
    // Adopt an install made by hand (or by an older harness) once it proves to work.
    const v = nodeVersion(l.nodeBin);
    if (v?.startsWith(`v${NODE_MAJOR}.`) && fs.existsSync(path.join(l.nodePkgDir, 'include', 'node', 'node.h'))) {
        fs.writeFileSync(path.join(l.nodeDir, COMPLETE_MARKER), `${v}\n`);
        return true;
    }
    return false;
}

async function installNode(l: Layout): Promise<void> {
    log(`installing Node ${NODE_MAJOR} into ${l.nodeDir}`);
    fs.rmSync(l.nodeDir, { recursive: true, force: true });
    fs.mkdirSync(l.nodeDir, { recursive: true });
    fs.writeFileSync(path.join(l.nodeDir, INSTALLING_MARKER), `${process.pid}\n`);
    await run('npm', ['install', '--prefix', l.nodeDir, '--no-audit', '--no-fund', '--save-exact', `${nodePackageName()}@${NODE_MAJOR}`], {
        env: cleanNpmEnv(),
    });
    const v = nodeVersion(l.nodeBin);
    if (!v?.startsWith(`v${NODE_MAJOR}.`)) {
        throw new Error(`Node ${NODE_MAJOR} install in ${l.nodeDir} does not run (got ${v ?? 'nothing'})`);
    }
    fs.writeFileSync(path.join(l.nodeDir, COMPLETE_MARKER), `${v}\n`);
    fs.rmSync(path.join(l.nodeDir, INSTALLING_MARKER), { force: true });
}

// ------------------------------------------------------------- code-server

/** Files that only exist once code-server's postinstall built VS Code's dependencies. */
function postinstallArtifacts(l: Layout): string[] {
    const vs = path.join(l.csPkgDir, 'lib', 'vscode');
    return [
        path.join(vs, 'node_modules', '@vscode', 'spdlog', 'build', 'Release', 'spdlog.node'),
        path.join(vs, 'node_modules', 'node-pty', 'package.json'),
        path.join(vs, 'extensions', 'node_modules', 'typescript', 'package.json'),
        path.join(vs, 'bin', 'remote-cli', 'code-server'),
    ];
}

function codeServerVersion(l: Layout): string | undefined {
    return fs.existsSync(l.codeServerBin) ? output(l.nodeBin, [l.codeServerBin, '--version']) : undefined;
}

/**
 * Whether `code-server --version` printed the pinned version. On a machine where code-server never ran,
 * it first logs "info  Wrote default config file to ~/.config/code-server/config.yaml", so look at every line.
 */
function isPinnedVersion(versionOutput: string | undefined): boolean {
    return (versionOutput ?? '').split(/\r?\n/).some((line) => line.trim().startsWith(CODE_SERVER_VERSION));
}

function codeServerOk(l: Layout): boolean {
    if (fs.existsSync(path.join(l.csDir, INSTALLING_MARKER))) {
        return false;
    }
    const marker = path.join(l.csDir, COMPLETE_MARKER);
    if (fs.existsSync(marker) && fs.readFileSync(marker, 'utf8').trim() === CODE_SERVER_VERSION && fs.existsSync(l.codeServerBin)) {
        return true;
    }
    if (!postinstallArtifacts(l).every((f) => fs.existsSync(f))) {
        return false;
    }
    // Adopt a hand-made install once it proves to be the pinned version and to run.
    if (isPinnedVersion(codeServerVersion(l))) {
        fs.writeFileSync(marker, `${CODE_SERVER_VERSION}\n`);
        return true;
    }
    return false;
}

/**
 * This process's environment without what an outer npm / npx put there (npm_config_user_agent names
 * the outer Node version, which code-server's postinstall checks; npm_node_execpath, npm_package_* ...).
 */
function cleanNpmEnv(): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = {};
    for (const [key, value] of Object.entries(process.env)) {
        if (!/^npm_/i.test(key) && key !== 'INIT_CWD' && key !== 'NODE_OPTIONS') {
            env[key] = value;
        }
    }
    return env;
}

function npmEnvForNode24(l: Layout): NodeJS.ProcessEnv {
    return {
        ...cleanNpmEnv(),
        // `npm` is a `#!/usr/bin/env node` script: with Node 24 first on PATH it runs on Node 24, which
        // code-server's postinstall checks, and node-gyp builds against Node 24's headers.
        PATH: `${path.dirname(l.nodeBin)}${path.delimiter}${process.env.PATH ?? ''}`,
        npm_config_nodedir: l.nodePkgDir,
    };
}

async function installCodeServer(l: Layout): Promise<void> {
    log(`installing code-server@${CODE_SERVER_VERSION} into ${l.csDir} (builds native modules; takes a few minutes)`);
    fs.rmSync(l.csDir, { recursive: true, force: true });
    fs.mkdirSync(l.csDir, { recursive: true });
    fs.writeFileSync(path.join(l.csDir, INSTALLING_MARKER), `${process.pid}\n`);
    const env = npmEnvForNode24(l);
    await run('npm', ['install', '--prefix', l.csDir, '--no-audit', '--no-fund', '--save-exact', `code-server@${CODE_SERVER_VERSION}`], { env });
    if (!postinstallArtifacts(l).every((f) => fs.existsSync(f))) {
        // npm versions that do not run dependency install scripts by default skip code-server's
        // postinstall (which installs and builds lib/vscode's dependencies): run it ourselves.
        const npmVersion = output('npm', ['--version'], env) ?? '0';
        const nodeV = nodeVersion(l.nodeBin) ?? `v${NODE_MAJOR}`;
        log('code-server postinstall did not run; running it now');
        await run('sh', ['./postinstall.sh'], {
            cwd: l.csPkgDir,
            env: { ...env, npm_config_user_agent: `npm/${npmVersion} node/${nodeV} linux ${process.arch}` },
        });
    }
    const missing = postinstallArtifacts(l).filter((f) => !fs.existsSync(f));
    if (missing.length) {
        throw new Error(`code-server install is incomplete, missing:\n  ${missing.join('\n  ')}`);
    }
    const v = codeServerVersion(l);
    if (!isPinnedVersion(v)) {
        throw new Error(`code-server in ${l.csDir} does not run (--version gave ${v ?? 'nothing'})`);
    }
    fs.writeFileSync(path.join(l.csDir, COMPLETE_MARKER), `${CODE_SERVER_VERSION}\n`);
    fs.rmSync(path.join(l.csDir, INSTALLING_MARKER), { force: true });
}

/**
 * VS Code's built-in Microsoft sign-in registers the auth provider ids `microsoft` and
 * `microsoft-sovereign-cloud`; the test provider (test/e2e/auth-provider) can only register them when
 * the built-in is gone. code-server has no flag to disable a built-in, so move its folder out of the
 * built-in extensions folder of this test-only install.
 */
function moveMicrosoftAuthAside(l: Layout): void {
    const builtin = path.join(l.csPkgDir, 'lib', 'vscode', 'extensions', 'microsoft-authentication');
    if (!fs.existsSync(builtin)) {
        return;
    }
    const asideDir = path.join(l.csPkgDir, 'lib', 'vscode', 'extensions-disabled');
    const aside = path.join(asideDir, 'microsoft-authentication');
    fs.mkdirSync(asideDir, { recursive: true });
    fs.rmSync(aside, { recursive: true, force: true });
    try {
        fs.renameSync(builtin, aside);
    } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
            return; // a concurrent run moved it first
        }
        throw e;
    }
    log(`moved the built-in microsoft-authentication extension to ${aside}`);
}

function everythingPresent(l: Layout): boolean {
    return missingDebs().length === 0 && nodeOk(l) && codeServerOk(l);
}

/**
 * Makes sure Node 24, code-server and the Debian packages are installed (installing what is missing),
 * and that the built-in Microsoft authentication is moved aside. Idempotent, silent when all is there.
 */
export async function ensureCodeServer(): Promise<CodeServerInstall> {
    const l = layout(cacheRoot());
    if (!everythingPresent(l)) {
        await withLock(l.cacheDir, async () => {
            const debs = missingDebs();
            if (debs.length) {
                await installDebs(debs);
            }
            if (!nodeOk(l)) {
                await installNode(l);
            }
            if (!codeServerOk(l)) {
                await installCodeServer(l);
            }
        });
    }
    moveMicrosoftAuthAside(l);
    return { nodeBin: l.nodeBin, codeServerBin: l.codeServerBin, cacheDir: l.cacheDir };
}

async function main(): Promise<void> {
    const install = await ensureCodeServer();
    if (process.argv.includes('--print')) {
        process.stdout.write(`${JSON.stringify(install)}\n`);
    }
}

if (require.main === module) {
    main().catch((e: unknown) => {
        log(e instanceof Error ? (e.stack ?? e.message) : String(e));
        process.exit(1);
    });
}
