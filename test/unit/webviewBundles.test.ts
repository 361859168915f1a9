import * as assert from 'node:assert/strict';
import * as vm from 'node:vm';
import * as esbuild from 'esbuild';
import { buildOptions, FORM_KINDS as BUNDLED_KINDS, webviewBundle } from '../../esbuild.mjs';
import { FORM_KINDS } from '../../src/webview/forms/formTypes';

/** The forms' page bundles: one per form kind, each holding only its own form (esbuild.mjs `onePageForm`). */
describe('form page bundles (one per form kind)', function () {
  this.timeout(60_000);

  it('esbuild builds a page for every form kind the forms know, and for nothing else', () => {
    assert.deepEqual([...BUNDLED_KINDS].sort(), [...FORM_KINDS].sort());
    const { webviews } = buildOptions(true);
    assert.deepEqual(
      webviews.map((w) => w.outfile),
      BUNDLED_KINDS.map((k) => webviewBundle(k)),
    );
  });

  it('the gallery page holds the gallery form and the page code, not the other forms', async () => {
    const gallery = buildOptions(true).webviews.find((w) => w.outfile === webviewBundle('gallery'));
    assert.ok(gallery);
    const result = await esbuild.build({ ...gallery, write: false, logLevel: 'silent' });
    const inputs = Object.keys(result.metafile?.outputs[webviewBundle('gallery')]?.inputs ?? {});
    assert.ok(inputs.includes('src/webview/forms/galleryForm.ts'), 'its own form');
    assert.ok(inputs.includes('src/webview/app/main.ts'), 'the page');
    for (const other of ['imageVersionForm', 'imageDefinitionForm', 'managedImageForm', 'applicationVersionForm', 'gallerySharingForm']) {
      assert.ok(!inputs.includes(`src/webview/forms/${other}.ts`), `${other} is not in the gallery page`);
    }
  });

  it('a page asked for another kind says so instead of showing a wrong form', async () => {
    const page = buildOptions(false).webviews.find((w) => w.outfile === webviewBundle('managedImage'));
    assert.ok(page);
    // The page's registry alone, as the bundle resolves it.
    const result = await esbuild.build({
      ...page,
      entryPoints: undefined,
      stdin: { contents: "export { formDefinition } from './src/webview/forms/formRegistry';", resolveDir: process.cwd(), loader: 'ts' },
      write: false,
      format: 'cjs',
      platform: 'node',
      sourcemap: false,
      logLevel: 'silent',
    });
    // Loaded as Node loads a CommonJS file (vm, not eval): the registry as the page would use it.
    const module = { exports: {} as { formDefinition?: (kind: string) => { kind: string } } };
    const run = vm.runInThisContext(`(function (module, exports, require) {${result.outputFiles?.[0]?.text ?? ''}\n})`) as (m: typeof module, e: unknown, r: NodeJS.Require) => void;
    run(module, module.exports, require);
    assert.equal(module.exports.formDefinition?.('managedImage').kind, 'managedImage');
    assert.throws(() => module.exports.formDefinition?.('gallery'), /This page holds the managedImage form only, not gallery\./);
  });
});
