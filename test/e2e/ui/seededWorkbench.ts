/**
 * The start that the seeded UI runners share (lifecycle, clean-up, VM applications, sharing): package the extension, start the
 * ARM emulator with a seed, start code-server with the extension and the test sign-in pointed at that emulator, and
 * open the workbench. Each handle goes into `started` as soon as it exists, so the runner's
 * `finally { await closeStarted(started) }` also cleans up after a failure half-way, and `reportFailure(name, started)`
 * describes what was on screen. Also the two assertions those runners use.
 */
import * as path from 'node:path';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../emulator/ArmEmulator';
import { openWorkbench, type Workbench } from '../../harness/browser';
import { launchCodeServer, type CodeServerHandle } from '../../harness/codeServer';
import { packageExtension } from '../../harness/packageExtension';
import { DEFAULT_TEST_ACCOUNT, emulatorCloudSettings, readSeed, testAuthEnv } from '../../harness/seed';
import { since } from './checkRun';

const AUTH_PROVIDER_DIR = path.resolve(__dirname, '..', 'auth-provider');

/** What a runner has started so far (filled in as each piece comes up). */
export interface StartedHandles {
    wb?: Workbench;
    cs?: CodeServerHandle;
    emu?: RunningEmulator;
}

export interface SeededWorkbench {
    readonly emu: RunningEmulator;
    readonly cs: CodeServerHandle;
    readonly wb: Workbench;
    /** The test account the seed signs in as (the first row of the view once signed in). */
    readonly account: string;
}

export interface SeededWorkbenchOptions {
    /** Path of the emulator seed (test/emulator/seeds/*.json). */
    readonly seed: string;
    /** Emulator timing (LRO delay, Retry-After…); the seed is the one above. */
    readonly emulator?: Omit<EmulatorOptions, 'seed'>;
    readonly viewport?: { readonly width: number; readonly height: number };
    /** Let the page read and write the clipboard (Copy … commands). */
    readonly clipboard?: boolean;
}

export async function startSeededWorkbench(started: StartedHandles, t0: number, options: SeededWorkbenchOptions): Promise<SeededWorkbench> {
    const seed = readSeed(options.seed);
    const auth = testAuthEnv(seed);
    const vsix = await packageExtension();
    console.log(`packaged ${path.relative(process.cwd(), vsix)} (${since(t0)})`);
    const emu = await startEmulator({ ...options.emulator, seed: options.seed });
    started.emu = emu;
    console.log(`emulator ${emu.url} (${since(t0)})`);
    const cs = await launchCodeServer({
        extensions: [vsix, AUTH_PROVIDER_DIR],
        settings: emulatorCloudSettings(emu.url),
        env: { NODE_EXTRA_CA_CERTS: emu.caCertPath, ...auth },
    });
    started.cs = cs;
    console.log(`code-server ${cs.url} (${since(t0)})`);
    const wb = await openWorkbench(cs.url, { viewport: options.viewport ?? { width: 1400, height: 1000 } });
    started.wb = wb;
    if (options.clipboard) {
        await wb.page.context().grantPermissions(['clipboard-read', 'clipboard-write']).catch(() => undefined);
    }
    console.log(`workbench ready (${since(t0)})\n`);
    return { emu, cs, wb, account: auth.ACG_TEST_AUTH_ACCOUNT ?? DEFAULT_TEST_ACCOUNT };
}

export function expect(condition: boolean, message: string): asserts condition {
    if (!condition) {
        throw new Error(message);
    }
}

/** Compares as JSON, so arrays and objects are compared by value; the message shows both. */
export function equal<T>(actual: T, expected: T, what: string): void {
    const a = JSON.stringify(actual);
    const e = JSON.stringify(expected);
    expect(a === e, `${what}: expected ${e}, got ${a}`);
}
