/**
 * The Azure layer (the real `@azure/arm-compute` SDK) pointed at a running ARM emulator, signed in with the
 * emulator's test tokens: what the integration tests of the forms drive.
 */
import type { RunningEmulator } from '../emulator/ArmEmulator';
import { makeTestToken } from '../emulator/tokens';
import { createArmServices } from '../../src/azure/armServices';
import { resolveCloud } from '../../src/azure/cloud';
import type { ArmServices } from '../../src/azure/services';

/** The home tenant of the default seed (test/emulator/seeds/default.json). */
export const SEED_TENANT = '7c1f4b2e-3d5a-4e8f-9b6c-2a1d0e9f8c7b';

/** No retries (a fault must show), and quick long-running-operation polls. */
export function armServicesFor(emulator: RunningEmulator): ArmServices {
  const cloud = resolveCloud('custom', { name: 'Emulator', resourceManagerEndpointUrl: emulator.url, managementEndpointUrl: emulator.url });
  return createArmServices({
    cloud,
    credentials: {
      credential: (tenantId) => ({
        getToken: () => Promise.resolve({ token: makeTestToken({ aud: emulator.url, tid: tenantId ?? SEED_TENANT }), expiresOnTimestamp: Date.now() + 3_600_000 }),
      }),
    },
    pollIntervalMs: 20,
    maxRetries: 0,
  });
}

/** Polls `probe` until it gives a value (a message the form posted, a state reached), or fails after `timeout`. */
export async function waitFor<T>(what: string, probe: () => T | undefined, timeout = 20_000): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = probe();
    if (value !== undefined) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}`);
    }
    await new Promise((r) => setTimeout(r, 10));
  }
}
