/**
 * Bundles the extension-host suite (test/e2e/suite/index.ts + every test/e2e/suite/**\/*.test.ts)
 * into out/e2e-suite/index.js: CommonJS for Node, mocha bundled in, `vscode` left external.
 *
 *   npx tsx test/e2e/buildSuite.ts      # prints the bundle path
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as esbuild from 'esbuild';

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const SUITE_DIR = path.join(__dirname, 'suite');
export const SUITE_BUNDLE = path.join(REPO_ROOT, 'out', 'e2e-suite', 'index.js');

function findTestFiles(dir: string): string[] {
    const out: string[] = [];
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) {
            out.push(...findTestFiles(full));
        } else if (entry.isFile() && entry.name.endsWith('.test.ts')) {
            out.push(full);
        }
    }
    return out.sort();
}

/** esbuild plugin: the virtual module `acg-e2e:test-files` lists the test files as lazy requires. */
const testFilesPlugin: esbuild.Plugin = {
    name: 'acg-e2e-test-files',
    setup(build) {
        build.onResolve({ filter: /^acg-e2e:test-files$/ }, () => ({ path: 'test-files', namespace: 'acg-e2e' }));
        build.onLoad({ filter: /.*/, namespace: 'acg-e2e' }, () => {
            const files = findTestFiles(SUITE_DIR);
            const entries = files.map((f) => {
                const rel = path.relative(REPO_ROOT, f).split(path.sep).join('/');
                return `  { file: ${JSON.stringify(rel)}, load: () => { require(${JSON.stringify(f)}); } },`;
            });
            return {
                contents: `module.exports = { __esModule: true, default: [\n${entries.join('\n')}\n] };\n`,
                resolveDir: SUITE_DIR,
                loader: 'js',
                watchFiles: files,
                watchDirs: [SUITE_DIR],
            };
        });
    },
};

/** Builds the bundle; returns its path. */
export async function buildSuite(): Promise<string> {
    const result = await esbuild.build({
        entryPoints: [path.join(SUITE_DIR, 'index.ts')],
        outfile: SUITE_BUNDLE,
        bundle: true,
        platform: 'node',
        format: 'cjs',
        target: 'node20',
        external: ['vscode'],
        sourcemap: 'inline',
        sourcesContent: false,
        logLevel: 'error',
        plugins: [testFilesPlugin],
    });
    if (result.errors.length) {
        throw new Error(`bundling the e2e suite failed:\n${result.errors.map((e) => e.text).join('\n')}`);
    }
    return SUITE_BUNDLE;
}

if (require.main === module) {
    buildSuite().then(
        (file) => console.log(file),
        (e: unknown) => {
            console.error(e);
            process.exit(1);
        },
    );
}
