/**
 * Starts the ARM emulator (test/emulator) in this process for a harness run.
 *
 * The module is loaded lazily (so that a harness command fails with a clear message, not an import
 * error, while the emulator is being changed) and can be swapped with ACG_EMULATOR_MODULE=<path>
 * (another module with the same `startEmulator` contract) when debugging the harness itself.
 */
import * as path from 'node:path';
import type { EmulatorOptions, RunningEmulator } from '../emulator/ArmEmulator';
import { DEFAULT_SEED, REPO_ROOT } from './seed';

export type StartEmulatorOptions = Pick<EmulatorOptions, 'lroDelayMs' | 'pageSize' | 'host' | 'port' | 'log'> & {
    /** Seed file; default test/emulator/seeds/default.json. */
    seed?: string;
};

/** The part of the running emulator the harness uses. */
export type EmulatorHandle = Pick<RunningEmulator, 'url' | 'port' | 'caCertPath' | 'close'>;

interface EmulatorModule {
    startEmulator(options: EmulatorOptions): Promise<RunningEmulator>;
}

const EMULATOR_MODULE = process.env.ACG_EMULATOR_MODULE ?? path.join(REPO_ROOT, 'test', 'emulator', 'ArmEmulator');

export async function startEmulator(opts: StartEmulatorOptions = {}): Promise<EmulatorHandle> {
    let mod: Partial<EmulatorModule>;
    try {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        mod = require(EMULATOR_MODULE) as Partial<EmulatorModule>;
    } catch (e) {
        throw new Error(`Cannot load the ARM emulator (${EMULATOR_MODULE}): ${e instanceof Error ? e.message : String(e)}`);
    }
    if (typeof mod.startEmulator !== 'function') {
        throw new Error(`${EMULATOR_MODULE} does not export startEmulator()`);
    }
    return mod.startEmulator({ ...opts, seed: opts.seed ?? DEFAULT_SEED });
}
