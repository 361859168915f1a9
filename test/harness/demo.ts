/**
 * "Run it": the extension in a real VS Code (code-server) against the ARM emulator, no Azure account.
 *
 *   npx tsx test/harness/demo.ts [--host 127.0.0.1] [--port 8080] [--seed test/emulator/seeds/default.json]
 *   npm run demo -- --port 8080
 *
 * Starts the emulator with the seed, packages the extension, starts code-server with the extension,
 * the test sign-in provider and the custom-cloud settings that point at the emulator, prints the URL
 * to open, and stays up until Ctrl-C. Binds 127.0.0.1 unless --host says otherwise (code-server runs
 * with --auth none: anyone who can reach the port gets a VS Code with a terminal on this machine).
 */
import * as path from 'node:path';
import { launchCodeServer, type CodeServerHandle } from './codeServer';
import { startEmulator, type EmulatorHandle } from './emulator';
import { packageExtension } from './packageExtension';
import { DEFAULT_SEED, emulatorCloudSettings, readSeed, testAuthEnv } from './seed';

const AUTH_PROVIDER_DIR = path.resolve(__dirname, '..', 'e2e', 'auth-provider');

function usage(): never {
    console.log('usage: npx tsx test/harness/demo.ts [--host 127.0.0.1] [--port N] [--seed file.json]');
    process.exit(0);
}

function parseArgs(argv: string[]): { host: string; port?: number; seed: string } {
    let host = '127.0.0.1';
    let port: number | undefined;
    let seed = DEFAULT_SEED;
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
        const value = (): string => {
            const v = inline ?? argv[++i];
            if (v === undefined) {
                throw new Error(`${flag} needs a value`);
            }
            return v;
        };
        switch (flag) {
            case '--host':
                host = value();
                break;
            case '--port': {
                const v = value();
                port = Number(v);
                if (!Number.isInteger(port) || port < 0 || port > 65535) {
                    throw new Error(`--port must be a port number (got ${v})`);
                }
                break;
            }
            case '--seed':
                seed = path.resolve(value());
                break;
            case '-h':
            case '--help':
                usage();
                break;
            default:
                throw new Error(`unknown argument ${arg} (see --help)`);
        }
    }
    return { host, port: port === 0 ? undefined : port, seed };
}

async function main(): Promise<void> {
    const args = parseArgs(process.argv.slice(2));
    const seed = readSeed(args.seed);
    let emu: EmulatorHandle | undefined;
    let cs: CodeServerHandle | undefined;
    let stopping = false;
    const stop = async (code: number): Promise<void> => {
        if (stopping) {
            return;
        }
        stopping = true;
        await cs?.close().catch(() => undefined);
        await emu?.close().catch(() => undefined);
        process.exit(code);
    };
    process.on('SIGINT', () => void stop(0));
    process.on('SIGTERM', () => void stop(0));

    try {
        console.log('packaging the extension …');
        const vsix = await packageExtension();
        emu = await startEmulator({ seed: args.seed });
        console.log(`ARM emulator: ${emu.url} (seed ${path.relative(process.cwd(), args.seed)})`);
        console.log('starting code-server …');
        cs = await launchCodeServer({
            extensions: [vsix, AUTH_PROVIDER_DIR],
            settings: emulatorCloudSettings(emu.url),
            env: { NODE_EXTRA_CA_CERTS: emu.caCertPath, ...testAuthEnv(seed) },
            host: args.host,
            ...(args.port !== undefined ? { port: args.port } : {}),
        });
    } catch (e) {
        console.error(e instanceof Error ? e.message : e);
        await stop(1);
        return;
    }
    const shownHost = args.host === '0.0.0.0' || args.host === '::' ? '<this machine>' : args.host;
    const url = cs.url.replace(/^http:\/\/[^/]+\//, `http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${cs.port}/`);
    console.log(`\nOpen ${url}`);
    console.log(
        `Sign-in uses a test provider (no Azure account needed): click "Sign in to Azure" in the Compute Gallery view, then Allow; you are ${testAuthEnv(seed).ACG_TEST_AUTH_ACCOUNT}.`,
    );
    console.log('Ctrl-C stops code-server and the emulator.');
    // code-server exiting on its own ends the demo too.
    void cs.exited.then(() => {
        if (!stopping) {
            console.error(`code-server exited unexpectedly:\n${cs?.output().slice(-3000) ?? ''}`);
            void stop(1);
        }
    });
}

main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
});
