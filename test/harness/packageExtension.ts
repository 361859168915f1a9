/**
 * Packages the extension under test into a .vsix for code-server.
 *
 *   ACG_VSIX=/path/file.vsix   use this .vsix, do not package
 *
 * Otherwise runs `npm run package` (vsce, which runs `vscode:prepublish` = the production build) and
 * returns <repo>/azure-compute-gallery.vsix; falls back to `npm run build` + `vsce package` into a temp
 * file when the project has no `package` script.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT } from './seed';

export const EXTENSION_ID = 'acg-tools.azure-compute-gallery';
export const PACKAGED_VSIX = path.join(REPO_ROOT, 'azure-compute-gallery.vsix');

function run(cmd: string, args: string[], quiet: boolean): Promise<string> {
    return new Promise((resolve, reject) => {
        const child = spawn(cmd, args, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_OPTIONS: '' } });
        let out = '';
        const onData = (b: Buffer): void => {
            out += b.toString('utf8');
            if (!quiet) {
                process.stderr.write(b);
            }
        };
        child.stdout.on('data', onData);
        child.stderr.on('data', onData);
        child.on('error', reject);
        child.on('exit', (code) =>
            code === 0 ? resolve(out) : reject(new Error(`${cmd} ${args.join(' ')} failed (exit ${code}):\n${out.slice(-4000)}`)),
        );
    });
}

/** Returns the path of a freshly packaged .vsix of the extension (or $ACG_VSIX). */
export async function packageExtension(opts: { quiet?: boolean } = {}): Promise<string> {
    const quiet = opts.quiet ?? true;
    if (process.env.ACG_VSIX) {
        const vsix = path.resolve(process.env.ACG_VSIX);
        if (!fs.existsSync(vsix)) {
            throw new Error(`ACG_VSIX=${vsix} does not exist`);
        }
        return vsix;
    }
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
    if (pkg.scripts?.package) {
        const before = fs.statSync(PACKAGED_VSIX, { throwIfNoEntry: false })?.mtimeMs ?? 0;
        await run('npm', ['run', 'package'], quiet);
        const after = fs.statSync(PACKAGED_VSIX, { throwIfNoEntry: false })?.mtimeMs ?? 0;
        if (!after || after === before) {
            throw new Error(`npm run package did not (re)write ${PACKAGED_VSIX}`);
        }
        return PACKAGED_VSIX;
    }
    await run('npm', ['run', 'build'], quiet);
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'acg-vsix-')), 'azure-compute-gallery.vsix');
    await run('npx', ['--no-install', 'vsce', 'package', '--no-dependencies', '-o', out], quiet);
    return out;
}
