import * as assert from 'node:assert/strict';
import * as esbuild from 'esbuild';
import type { BuildFailure, BuildOptions, Metafile } from 'esbuild';
import { buildOptions, LAZY_BUNDLES, STARTUP_BUNDLE, startupBundleLeaks } from '../../esbuild.mjs';

/** The start-up bundle's build exactly as `npm run build` runs it (guard included), in memory. */
async function buildStartup(change: Partial<BuildOptions> = {}): Promise<esbuild.BuildResult & { metafile: Metafile }> {
  const { startup } = buildOptions(false);
  const result = await esbuild.build({ ...startup, sourcemap: false, write: false, logLevel: 'silent', ...change });
  assert.ok(result.metafile, 'the build makes a metafile');
  return { ...result, metafile: result.metafile };
}

function failureText(err: unknown): string {
  const errors = (err as Partial<BuildFailure>).errors;
  return Array.isArray(errors) ? errors.map((e) => e.text).join('\n') : String(err);
}

describe(`Start-up bundle (${STARTUP_BUNDLE}) holds no lazily loaded code`, function () {
  this.timeout(60_000);

  it('the real build leaves out the Azure SDK, @azure/identity, jsonc-parser and the JSON language service', async () => {
    let result;
    try {
      result = await buildStartup();
    } catch (err) {
      assert.fail(`the start-up bundle's build failed:\n${failureText(err)}`);
    }
    const inputs = Object.keys(result.metafile.outputs[STARTUP_BUNDLE]?.inputs ?? {});
    assert.ok(inputs.includes('src/extension.ts'), `the metafile lists what went into ${STARTUP_BUNDLE}: ${inputs.join(', ')}`);
    assert.deepEqual(startupBundleLeaks(result.metafile), []);
    const packages = inputs.filter((input) => /node_modules\/(@azure|@azure-rest|@typespec|jsonc-parser|vscode-json-languageservice)\b/.test(input));
    assert.deepEqual(packages, [], 'no SDK, identity or JSON language service file at all');
  });

  it('activation still loads each lazy bundle on first use (require of ./azure.js, ./identity.js, ./templates.js, ./forms.js)', async () => {
    const result = await buildStartup();
    const required = (result.metafile.outputs[STARTUP_BUNDLE]?.imports ?? []).filter((i) => i.external && i.kind === 'require-call').map((i) => i.path);
    for (const lazy of LAZY_BUNDLES) {
      const path = `./${lazy.outfile.slice('dist/'.length)}`;
      assert.ok(required.includes(path), `${STARTUP_BUNDLE} requires ${path} (${lazy.what}); it requires: ${required.join(', ')}`);
    }
  });

  it('the build fails, naming the package and the imports that brought it in, when a start-up module imports jsonc-parser', async () => {
    const leaking = {
      // A start-up module that parses JSON with jsonc-parser, next to the real activation code.
      contents: "import { parseTree } from 'jsonc-parser';\nexport { activate, deactivate } from './src/extension';\nexport const parse = parseTree;\n",
      sourcefile: 'src/leakingModule.ts',
      resolveDir: buildOptions(false).startup.absWorkingDir ?? process.cwd(),
      loader: 'ts' as const,
    };
    await assert.rejects(buildStartup({ entryPoints: undefined, stdin: leaking }), (err: unknown) => {
      const text = failureText(err);
      assert.match(text, /^jsonc-parser is in dist\/extension\.js but belongs in dist\/templates\.js; imported via src\/leakingModule\.ts → node_modules\/jsonc-parser\/lib\/esm\/main\.js$/m);
      return true;
    });
  });

  it('an @azure/identity or SDK file, however deeply nested, and an inlined lazy module are each named once', () => {
    const metafile: Metafile = {
      inputs: {
        'src/extension.ts': { bytes: 1, imports: [{ path: 'src/azure/AzureAccount.ts', kind: 'import-statement' }, { path: './azure.js', kind: 'require-call', external: true }] },
        'src/azure/AzureAccount.ts': { bytes: 1, imports: [{ path: 'src/azure/identityCredential.ts', kind: 'dynamic-import' }, { path: 'node_modules/small-lib/index.js', kind: 'import-statement' }] },
        'src/azure/identityCredential.ts': { bytes: 1, imports: [{ path: 'node_modules/@azure/identity/dist/esm/index.js', kind: 'import-statement' }] },
        'node_modules/@azure/identity/dist/esm/index.js': { bytes: 1, imports: [{ path: 'node_modules/@azure/identity/node_modules/@azure/msal-node/dist/index.mjs', kind: 'import-statement' }, { path: 'node_modules/@azure/core-rest-pipeline/dist/esm/index.js', kind: 'import-statement' }] },
        'node_modules/@azure/identity/node_modules/@azure/msal-node/dist/index.mjs': { bytes: 1, imports: [] },
        'node_modules/@azure/core-rest-pipeline/dist/esm/index.js': { bytes: 1, imports: [] },
        'node_modules/small-lib/index.js': { bytes: 1, imports: [] },
      },
      outputs: {
        'dist/extension.js': {
          bytes: 1,
          entryPoint: 'src/extension.ts',
          exports: [],
          imports: [],
          inputs: Object.fromEntries(
            ['src/extension.ts', 'src/azure/AzureAccount.ts', 'src/azure/identityCredential.ts', 'node_modules/@azure/identity/dist/esm/index.js', 'node_modules/@azure/identity/node_modules/@azure/msal-node/dist/index.mjs', 'node_modules/@azure/core-rest-pipeline/dist/esm/index.js', 'node_modules/small-lib/index.js'].map((p) => [p, { bytesInOutput: 1 }]),
          ),
        },
      },
    };
    assert.deepEqual(startupBundleLeaks(metafile), [
      { module: 'src/azure/identityCredential.ts', belongsTo: 'dist/identity.js', importedVia: ['src/extension.ts', 'src/azure/AzureAccount.ts', 'src/azure/identityCredential.ts'] },
      { module: '@azure/identity', belongsTo: 'dist/identity.js', importedVia: ['src/extension.ts', 'src/azure/AzureAccount.ts', 'src/azure/identityCredential.ts', 'node_modules/@azure/identity/dist/esm/index.js'] },
      {
        module: '@azure/msal-node',
        belongsTo: 'dist/identity.js',
        importedVia: ['src/extension.ts', 'src/azure/AzureAccount.ts', 'src/azure/identityCredential.ts', 'node_modules/@azure/identity/dist/esm/index.js', 'node_modules/@azure/identity/node_modules/@azure/msal-node/dist/index.mjs'],
      },
      {
        module: '@azure/core-rest-pipeline',
        belongsTo: 'dist/azure.js',
        importedVia: ['src/extension.ts', 'src/azure/AzureAccount.ts', 'src/azure/identityCredential.ts', 'node_modules/@azure/identity/dist/esm/index.js', 'node_modules/@azure/core-rest-pipeline/dist/esm/index.js'],
      },
    ]);
  });
});
