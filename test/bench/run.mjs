// `npm run bench`: bundles the benchmarks the way the extension is bundled (esbuild, no dev-time
// transforms), with the `vscode` module replaced by test/bench/vscodeApi.ts, then runs them in Node.
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
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
const run = spawnSync(process.execPath, [join(root, 'out/bench/treeBench.js')], { cwd: root, stdio: 'inherit', env: { ...process.env, ACG_ROOT: root } });
process.exit(run.status ?? 1);
