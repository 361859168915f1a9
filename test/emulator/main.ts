/**
 * CLI: npx tsx test/emulator/main.ts --seed test/emulator/seeds/default.json [--port 0] [--host 127.0.0.1]
 *        [--page-size 50] [--lro-delay-ms 1500] [--replication-ms-per-region 3000] [--retry-after-seconds 1]
 *        [--stale-child-cache-ms 0] [--faults faults.json] [--cert-dir DIR] [--audience URL]... [--quiet]
 *
 * Prints ONE JSON line to stdout when ready: {"url":"https://127.0.0.1:PORT/","caCertPath":"…/ca.pem","port":PORT}
 * then logs requests to stderr. Exits cleanly on SIGINT/SIGTERM.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { startEmulator, type EmulatorOptions } from './ArmEmulator';
import { parseFaultRules } from './faults';
import { describeValue } from './json';

function numberOption(values: Record<string, unknown>, name: string): number | undefined {
    const raw = values[name];
    if (raw === undefined) {
        return undefined;
    }
    const value = Number(raw);
    if (!Number.isFinite(value) || value < 0) {
        throw new Error(`--${name} must be a non-negative number (got '${describeValue(raw)}')`);
    }
    return value;
}

async function main(): Promise<void> {
    const { values } = parseArgs({
        options: {
            seed: { type: 'string' },
            port: { type: 'string' },
            host: { type: 'string' },
            'page-size': { type: 'string' },
            'lro-delay-ms': { type: 'string' },
            'replication-ms-per-region': { type: 'string' },
            'retry-after-seconds': { type: 'string' },
            'stale-child-cache-ms': { type: 'string' },
            faults: { type: 'string' },
            'cert-dir': { type: 'string' },
            audience: { type: 'string', multiple: true },
            quiet: { type: 'boolean' },
        },
        strict: true,
    });
    const options: EmulatorOptions = {};
    if (values.seed) options.seed = values.seed;
    if (values.host) options.host = values.host;
    if (values['cert-dir']) options.certDir = values['cert-dir'];
    if (values.audience) options.audiences = values.audience;
    const numeric: [keyof EmulatorOptions, string][] = [
        ['port', 'port'],
        ['pageSize', 'page-size'],
        ['lroDelayMs', 'lro-delay-ms'],
        ['replicationMsPerRegion', 'replication-ms-per-region'],
        ['retryAfterSeconds', 'retry-after-seconds'],
        ['staleChildCacheMs', 'stale-child-cache-ms'],
    ];
    for (const [key, flag] of numeric) {
        const value = numberOption(values, flag);
        if (value !== undefined) {
            (options as Record<string, unknown>)[key] = value;
        }
    }
    if (values.faults) {
        options.faults = parseFaultRules(JSON.parse(readFileSync(values.faults, 'utf8')));
    }
    if (!values.quiet) {
        options.log = (line) => process.stderr.write(`[arm-emulator] ${line}\n`);
    }

    const emulator = await startEmulator(options);
    process.stdout.write(`${JSON.stringify({ url: emulator.url, caCertPath: emulator.caCertPath, port: emulator.port })}\n`);

    let stopping = false;
    const stop = (signal: string): void => {
        if (stopping) return;
        stopping = true;
        process.stderr.write(`[arm-emulator] ${signal}: shutting down\n`);
        emulator.close().then(
            () => process.exit(0),
            () => process.exit(1),
        );
    };
    process.on('SIGINT', () => stop('SIGINT'));
    process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((err: unknown) => {
    process.stderr.write(`[arm-emulator] failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
});
