// `npm run bench`: the Explorer benchmarks (bundled the way the extension is bundled, with the `vscode` module
// replaced by test/bench/vscodeApi.ts), the forms benchmark (command → interactive form, webview bundle size) and
// the template language-service benchmark, in one run.
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
// Fails when lazily loaded code (the Azure SDK, @azure/identity, the JSON language service) leaked into dist/extension.js.
const build = spawnSync(process.execPath, [join(root, 'esbuild.mjs'), '--production'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

await esbuild.build({
  entryPoints: [join(root, 'test/bench/treeBench.ts')],
  outfile: join(root, 'out/bench/treeBench.js'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minify: true,
  alias: { vscode: join(root, 'test/bench/vscodeApi.ts') },
  logLevel: 'warning',
});
const tree = spawnSync(process.execPath, [join(root, 'out/bench/treeBench.js')], { cwd: root, stdio: 'inherit', env: { ...process.env, ACG_ROOT: root } });
const forms = spawnSync(join(root, 'node_modules/.bin/tsx'), [join(root, 'test/bench/formsBench.ts'), '--no-build'], { cwd: root, stdio: 'inherit' });
const templates = spawnSync(join(root, 'node_modules/.bin/tsx'), [join(root, 'src/schemas/bench/templateBench.ts'), '--iterations', '1000'], { cwd: root, stdio: 'inherit' });
const failed = [tree, forms, templates].filter((r) => r.status !== 0).length;
console.log(`\nbenchmarks: ${3 - failed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
