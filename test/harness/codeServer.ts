/**
 * Starts a throw-away code-server (real VS Code, browser workbench + Node extension host) with
 * the given extensions and settings, in a fresh user-data-dir and extensions-dir.
 *
 * The extension host starts only when a browser opens the workbench (see browser.ts).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { ensureCodeServer } from './setupCodeServer';
import { packFolderAsVsix } from './vsix';

export interface LaunchCodeServerOptions {
    /** .vsix files or extension folders (a folder is packed into a .vsix first). */
    extensions: string[];
    /** User settings, merged over the harness defaults (telemetry off, no welcome page, no trust prompt ...). */
    settings?: Record<string, unknown>;
    /** Extra environment for code-server and so for the extension host (e.g. NODE_EXTRA_CA_CERTS). */
    env?: NodeJS.ProcessEnv;
    /** Folder to open; default: a new empty folder in the temp dir. */
    workspaceDir?: string;
    /** Port to listen on; default: a free one. */
    port?: number;
    /** Address to bind; default 127.0.0.1. */
    host?: string;
    /** Keep the temp dir (user data, logs) after close(); default false unless ACG_KEEP_TEMP=1. */
    keepTemp?: boolean;
    /** Where code-server's own output goes besides <tempDir>/code-server.log; default nowhere. */
    onOutput?: (chunk: string) => void;
    /** The display language (code-server's --locale, e.g. "qps-ploc"); default VS Code's own (English). */
    locale?: string;
    /** Runs once the extensions and settings are in place, before code-server starts (e.g. to add user data). */
    beforeStart?: (dirs: { userDataDir: string; extensionsDir: string }) => void;
}

export interface CodeServerHandle {
    /** Workbench URL (with `?folder=`). */
    url: string;
    /** Base URL, `http://host:port/`. */
    baseUrl: string;
    port: number;
    userDataDir: string;
    extensionsDir: string;
    workspaceDir: string;
    /** Temp root holding user data, extensions, logs. */
    tempDir: string;
    /** code-server's combined stdout/stderr so far. */
    output(): string;
    /** Resolves when the code-server process has exited (after close(), or on its own). */
    exited: Promise<void>;
    /** Stops code-server (the whole process group) and removes the temp dir. Idempotent. */
    close(): Promise<void>;
}

export const DEFAULT_SETTINGS: Readonly<Record<string, unknown>> = {
    'telemetry.telemetryLevel': 'off',
    'workbench.enableExperiments': false,
    'workbench.tips.enabled': false,
    'workbench.startupEditor': 'none',
    'workbench.welcomePage.walkthroughs.openOnInstall': false,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'security.workspace.trust.enabled': false,
    'extensions.autoUpdate': false,
    'extensions.autoCheckUpdates': false,
    'extensions.ignoreRecommendations': true,
    'update.mode': 'none',
    'chat.disableAIFeatures': true,
    'chat.commandCenter.enabled': false,
    'git.enabled': false,
    'git.autoRepositoryDetection': false,
    'npm.autoDetect': 'off',
    'typescript.tsserver.experimental.enableProjectDiagnostics': false,
};

/**
 * code-server runs in its own process group (so close() can kill its server and extension hosts).
 * The flip side: Ctrl-C in a terminal does not reach it. These hooks kill what is still running
 * when this process exits or is interrupted.
 */
const liveGroups = new Set<number>();
let hooksInstalled = false;

function killLiveGroups(): void {
    for (const pid of liveGroups) {
        try {
            process.kill(-pid, 'SIGKILL');
        } catch {
            // gone
        }
    }
    liveGroups.clear();
}

function installExitHooks(): void {
    if (hooksInstalled) {
        return;
    }
    hooksInstalled = true;
    process.once('exit', killLiveGroups);
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
        const onSignal = (): void => {
            killLiveGroups();
            // If nobody else handles the signal, keep its default meaning (terminate).
            if (process.listenerCount(signal) === 1) {
                process.removeListener(signal, onSignal);
                process.kill(process.pid, signal);
            }
        };
        process.on(signal, onSignal);
    }
}

/** A TCP port that is free on `host` right now. */
export function freePort(host = '127.0.0.1'): Promise<number> {
    return new Promise((resolve, reject) => {
        const srv = net.createServer();
        srv.unref();
        srv.on('error', reject);
        srv.listen(0, host, () => {
            const addr = srv.address();
            const port = typeof addr === 'object' && addr ? addr.port : 0;
            srv.close(() => resolve(port));
        });
    });
}

function httpStatus(url: string): Promise<number | undefined> {
    return new Promise((resolve) => {
        const req = http.get(url, { timeout: 2000 }, (res) => {
            res.resume();
            resolve(res.statusCode);
        });
        req.on('timeout', () => req.destroy());
        req.on('error', () => resolve(undefined));
    });
}

function delay(ms: number): Promise<void> {
    return new Promise((r) => setTimeout(r, ms));
}

/** Environment for the Node 24 children: our own Node/tsx options must not leak into them. */
function childEnv(extra: NodeJS.ProcessEnv | undefined): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = { ...process.env };
    delete env.NODE_OPTIONS;
    delete env.ELECTRON_RUN_AS_NODE;
    delete env.VSCODE_IPC_HOOK_CLI;
    return { ...env, ...extra };
}

function resolveVsix(ext: string, vsixDir: string): string {
    const abs = path.resolve(ext);
    const stat = fs.statSync(abs, { throwIfNoEntry: false });
    if (!stat) {
        throw new Error(`extension not found: ${abs}`);
    }
    if (stat.isDirectory()) {
        return packFolderAsVsix(abs, path.join(vsixDir, `${path.basename(abs)}.vsix`));
    }
    return abs;
}

export async function launchCodeServer(opts: LaunchCodeServerOptions): Promise<CodeServerHandle> {
    const install = await ensureCodeServer();
    const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'acg-code-server-'));
    const keepTemp = opts.keepTemp ?? process.env.ACG_KEEP_TEMP === '1';
    const userDataDir = path.join(tempDir, 'user-data');
    const extensionsDir = path.join(tempDir, 'extensions');
    const configFile = path.join(tempDir, 'config.yaml');
    const logFile = path.join(tempDir, 'code-server.log');
    fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
    fs.mkdirSync(extensionsDir, { recursive: true });
    // An explicit (empty) config keeps code-server from writing ~/.config/code-server/config.yaml.
    fs.writeFileSync(configFile, '');
    const workspaceDir = opts.workspaceDir ? path.resolve(opts.workspaceDir) : path.join(tempDir, 'workspace');
    fs.mkdirSync(workspaceDir, { recursive: true });

    const env = childEnv(opts.env);
    const common = ['--config', configFile, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];

    const cleanup = (): void => {
        if (!keepTemp) {
            fs.rmSync(tempDir, { recursive: true, force: true });
        }
    };

    try {
        if (opts.extensions.length) {
            const vsixDir = path.join(tempDir, 'vsix');
            const vsixes = opts.extensions.map((e) => resolveVsix(e, vsixDir));
            const args = [install.codeServerBin, ...common, '--force', ...vsixes.flatMap((v) => ['--install-extension', v])];
            const r = spawnSync(install.nodeBin, args, { env, encoding: 'utf8', timeout: 180_000 });
            const out = `${r.stdout ?? ''}${r.stderr ?? ''}`;
            fs.appendFileSync(logFile, `--- install extensions\n${out}\n`);
            const installed = (out.match(/was successfully installed/g) ?? []).length;
            if (r.status !== 0 || installed < vsixes.length) {
                throw new Error(`code-server --install-extension failed (exit ${r.status}, ${installed}/${vsixes.length} installed):\n${out}`);
            }
        }
        const settings = { ...DEFAULT_SETTINGS, ...opts.settings };
        fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), `${JSON.stringify(settings, null, 2)}\n`);
        opts.beforeStart?.({ userDataDir, extensionsDir });
    } catch (e) {
        cleanup();
        throw e;
    }

    const host = opts.host ?? '127.0.0.1';
    const port = opts.port ?? (await freePort(host));
    const args = [
        install.codeServerBin,
        ...common,
        '--auth',
        'none',
        '--bind-addr',
        `${host.includes(':') ? `[${host}]` : host}:${port}`,
        '--disable-telemetry',
        '--disable-update-check',
        '--disable-workspace-trust',
        '--disable-getting-started-override',
        ...(opts.locale ? ['--locale', opts.locale] : []),
        workspaceDir,
    ];
    const logStream = fs.createWriteStream(logFile, { flags: 'a' });
    let output = '';
    const child: ChildProcess = spawn(install.nodeBin, args, {
        env,
        cwd: workspaceDir,
        detached: true, // own process group: close() kills code-server, its server and extension hosts
        stdio: ['ignore', 'pipe', 'pipe'],
    });
    if (child.pid) {
        installExitHooks();
        liveGroups.add(child.pid);
    }
    const onData = (buf: Buffer): void => {
        const s = buf.toString('utf8');
        output += s;
        if (output.length > 2_000_000) {
            output = output.slice(-1_000_000);
        }
        logStream.write(s);
        opts.onOutput?.(s);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    let exited = false;
    const exitPromise = new Promise<void>((resolve) => {
        const onGone = (): void => {
            exited = true;
            if (child.pid) {
                liveGroups.delete(child.pid);
            }
            resolve();
        };
        child.on('exit', onGone);
        child.on('error', (err) => {
            output += `\nfailed to start code-server: ${err.message}\n`;
            onGone();
        });
    });

    let closed = false;
    const close = async (): Promise<void> => {
        if (closed) {
            return;
        }
        closed = true;
        if (!exited && child.pid) {
            try {
                process.kill(-child.pid, 'SIGTERM');
            } catch {
                // already gone
            }
            await Promise.race([exitPromise, delay(5000)]);
            // The group may still hold extension hosts / pty hosts: make sure.
            try {
                process.kill(-child.pid, 'SIGKILL');
            } catch {
                // all gone
            }
            liveGroups.delete(child.pid);
        }
        await new Promise<void>((r) => logStream.end(r));
        cleanup();
    };

    // Where this process reaches it: the loopback address for wildcard binds.
    const reachHost = host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '::1' : host;
    const baseUrl = `http://${reachHost.includes(':') ? `[${reachHost}]` : reachHost}:${port}/`;
    const deadline = Date.now() + 60_000;
    for (;;) {
        if (exited) {
            await close();
            throw new Error(`code-server exited before it answered HTTP:\n${output}`);
        }
        if ((await httpStatus(`${baseUrl}healthz`)) === 200) {
            break;
        }
        if (Date.now() > deadline) {
            await close();
            throw new Error(`code-server did not answer on ${baseUrl} within 60s:\n${output}`);
        }
        await delay(250);
    }

    return {
        url: `${baseUrl}?folder=${encodeURIComponent(workspaceDir)}`,
        baseUrl,
        port,
        userDataDir,
        extensionsDir,
        workspaceDir,
        tempDir,
        output: () => output,
        exited: exitPromise,
        close,
    };
}
