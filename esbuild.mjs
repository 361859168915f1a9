// Bundles the extension. `node esbuild.mjs [--production] [--watch]`
//
// Three Node bundles so activation stays light (the Azure SDK is ~1 MB minified):
//   dist/extension.js  activation: tree, commands, sign-in          (loaded by VS Code)
//   dist/azure.js      @azure/arm-compute and the service layer     (loaded on the first Azure call)
//   dist/identity.js   @azure/identity, only for the opt-in sign-in method
//   dist/templates.js  the JSON language service and our schemas, on the first JSON document that needs them
//   dist/forms.js      the resource forms' host side (panels, validation, form definitions), on the first form
// and one browser bundle:
//   dist/webview.js    the resource forms (src/webview/app), loaded by the form webviews
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** Leaves the lazily loaded modules out of extension.js and points their imports at the sibling bundles. */
const lazyBundles = {
  name: 'lazy-bundles',
  setup(build) {
    build.onResolve({ filter: /^\.\/armServices$/ }, () => ({ path: './azure.js', external: true }));
    build.onResolve({ filter: /^\.\/identityCredential$/ }, () => ({ path: './identity.js', external: true }));
    build.onResolve({ filter: /^\.\/GalleryTemplateLanguageService$/ }, () => ({ path: './templates.js', external: true }));
    build.onResolve({ filter: /^\.\/formHost$/ }, () => ({ path: './forms.js', external: true }));
  },
};

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['vscode'],
  sourcemap: !production,
  sourcesContent: false,
  minify: production,
  logLevel: 'info',
  metafile: true,
  // ESM builds first: jsonc-parser's `main` is a UMD file whose require('./impl/…') esbuild cannot follow.
  mainFields: ['module', 'main'],
};

const builds = [
  // dynamic-import off: the lazy bundles are loaded with require(), as VS Code's extension host expects of CommonJS.
  { ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', plugins: [lazyBundles], supported: { 'dynamic-import': false } },
  { ...common, entryPoints: ['src/azure/armServices.ts'], outfile: 'dist/azure.js' },
  { ...common, entryPoints: ['src/azure/identityCredential.ts'], outfile: 'dist/identity.js' },
  { ...common, entryPoints: ['src/schemas/GalleryTemplateLanguageService.ts'], outfile: 'dist/templates.js' },
  { ...common, entryPoints: ['src/webview/formHost.ts'], outfile: 'dist/forms.js' },
  {
    ...common,
    entryPoints: ['src/webview/app/main.ts'],
    outfile: 'dist/webview.js',
    platform: 'browser',
    format: 'esm',
    target: ['chrome120'],
    external: [],
    mainFields: ['browser', 'module', 'main'],
  },
];

if (watch) {
  const contexts = await Promise.all(builds.map((options) => esbuild.context(options)));
  await Promise.all(contexts.map((ctx) => ctx.watch()));
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
