// Bundles the extension. `node esbuild.mjs [--production] [--watch]`
//
// Five Node bundles, so that activation loads only the first (the Azure SDK alone is ~1 MB minified):
//   dist/extension.js  the start-up bundle: tree, commands, sign-in    (loaded by VS Code at activation)
//   dist/azure.js      @azure/arm-compute and the service layer       (on the first Azure call)
//   dist/identity.js   @azure/identity                                (only for the opt-in sign-in method)
//   dist/templates.js  the JSON language service and our schemas      (on the first JSON document that needs them)
//   dist/forms.js      the forms' host side (panels, validation, form definitions), on the first form
// and one browser bundle:
//   dist/webview-<kind>.js  the forms' browser side (src/webview/app), one bundle per form kind holding only that
//                      kind's form (the page of a gallery form never loads the image version form), loaded by the
//                      form webviews
//
// The start-up bundle is guarded: its build fails when one of the lazily loaded packages or modules ends up in it
// (startupBundleLeaks below, read from esbuild's metafile). test/unit/startupBundle.test.ts runs the same build in
// `npm test`; `npm run bench` builds through this file too.
//
// Importing this file (the guard's test does) builds nothing; running it does.
import * as esbuild from 'esbuild';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = dirname(fileURLToPath(import.meta.url));

/** The bundle VS Code loads at activation (package.json `main`), relative to the repository. */
export const STARTUP_BUNDLE = 'dist/extension.js';

/**
 * Modules with a bundle of their own. The start-up bundle's `import('./armServices')` (and the others) becomes
 * `require('./azure.js')`: the module and everything it pulls in stay out of dist/extension.js.
 */
export const LAZY_BUNDLES = [
  { specifier: './armServices', entry: 'src/azure/armServices.ts', outfile: 'dist/azure.js', what: 'the Azure SDK, loaded on the first Azure call' },
  { specifier: './identityCredential', entry: 'src/azure/identityCredential.ts', outfile: 'dist/identity.js', what: '@azure/identity, loaded only for signInMethod "azureIdentity"' },
  { specifier: './GalleryTemplateLanguageService', entry: 'src/schemas/GalleryTemplateLanguageService.ts', outfile: 'dist/templates.js', what: 'the JSON language service, loaded on the first template' },
  { specifier: './formHost', entry: 'src/webview/formHost.ts', outfile: 'dist/forms.js', what: 'the forms, loaded on the first form' },
];

/**
 * npm packages that must never be in the start-up bundle, first match wins: each belongs to a lazy bundle.
 * `@azure/core-*`, `@azure-rest/*` and `@typespec/ts-http-runtime` are the SDK's runtime; vscode-uri comes with
 * the JSON language service. @vscode/l10n (3 KB) is allowed: activation configures it, and each bundle keeps its
 * own copy (the lazy bundles' copies are configured when they load: FormPanels, registerTemplateSupport).
 */
export const STARTUP_FORBIDDEN_PACKAGES = [
  { pattern: /^(@azure\/identity|@azure\/msal-.*)$/, bundle: 'dist/identity.js' },
  { pattern: /^(@azure\/.*|@azure-rest\/.*|@typespec\/ts-http-runtime)$/, bundle: 'dist/azure.js' },
  { pattern: /^(jsonc-parser|vscode-json-languageservice|vscode-languageserver-types|vscode-languageserver-textdocument|vscode-uri)$/, bundle: 'dist/templates.js' },
];

/** The npm package a bundled file belongs to ("node_modules/a/node_modules/@s/b/x.js" → "@s/b"), or undefined. */
export function packageOf(inputPath) {
  const at = inputPath.lastIndexOf('node_modules/');
  if (at === -1) {
    return undefined;
  }
  const [first = '', second = ''] = inputPath.slice(at + 'node_modules/'.length).split('/');
  return first.startsWith('@') ? `${first}/${second}` : first;
}

/**
 * What went into the start-up bundle that belongs to a lazy bundle, from esbuild's metafile: one entry per
 * offending package (or module), with the shortest chain of imports that brought it in.
 * @param {import('esbuild').Metafile} metafile
 * @returns {{ module: string, belongsTo: string, importedVia: string[] }[]}
 */
export function startupBundleLeaks(metafile) {
  const output = metafile.outputs[STARTUP_BUNDLE];
  if (!output) {
    throw new Error(`the metafile has no ${STARTUP_BUNDLE} (outputs: ${Object.keys(metafile.outputs).join(', ')})`);
  }
  const leaks = new Map();
  for (const input of Object.keys(output.inputs)) {
    const pkg = packageOf(input);
    const belongsTo = pkg === undefined
      ? LAZY_BUNDLES.find((lazy) => lazy.entry === input)?.outfile
      : STARTUP_FORBIDDEN_PACKAGES.find((rule) => rule.pattern.test(pkg))?.bundle;
    const module = pkg ?? input;
    if (belongsTo !== undefined && !leaks.has(module)) {
      const reached = pkg === undefined ? (path) => path === input : (path) => packageOf(path) === pkg;
      leaks.set(module, { module, belongsTo, importedVia: importChain(metafile, output.entryPoint, reached) ?? [input] });
    }
  }
  return [...leaks.values()];
}

/** The shortest chain of imports from the entry point to the first file `reached` accepts (both included). */
function importChain(metafile, entry, reached) {
  if (entry === undefined) {
    return undefined;
  }
  const cameFrom = new Map([[entry, undefined]]);
  const queue = [entry];
  while (queue.length > 0) {
    const current = queue.shift();
    if (reached(current)) {
      const chain = [];
      for (let at = current; at !== undefined; at = cameFrom.get(at)) {
        chain.unshift(at);
      }
      return chain;
    }
    for (const imported of metafile.inputs[current]?.imports ?? []) {
      if (!imported.external && !cameFrom.has(imported.path)) {
        cameFrom.set(imported.path, current);
        queue.push(imported.path);
      }
    }
  }
  return undefined;
}

/** One line per leak, for the build's error and the test's failure. */
export function describeLeak(leak) {
  return `${leak.module} is in ${STARTUP_BUNDLE} but belongs in ${leak.belongsTo}; imported via ${leak.importedVia.join(' → ')}`;
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Leaves the lazily loaded modules out of extension.js and points their imports at the sibling bundles. */
const lazyBundles = {
  name: 'lazy-bundles',
  setup(build) {
    for (const lazy of LAZY_BUNDLES) {
      const path = `./${lazy.outfile.slice('dist/'.length)}`;
      build.onResolve({ filter: new RegExp(`^${escapeRegExp(lazy.specifier)}$`) }, () => ({ path, external: true }));
    }
  },
};

/** Fails the start-up bundle's build (or reports it in --watch) when something lazy leaked into it. */
const startupBundleGuard = {
  name: 'startup-bundle-guard',
  setup(build) {
    build.onEnd(async (result) => {
      if (!result.metafile || result.errors.length > 0) {
        return undefined;
      }
      const errors = startupBundleLeaks(result.metafile).map((leak) => ({ text: describeLeak(leak), pluginName: 'startup-bundle-guard' }));
      // esbuild does not log errors returned from onEnd; the build (or --watch) still has to say why it failed.
      if (errors.length > 0 && build.initialOptions.logLevel !== 'silent') {
        const lines = await esbuild.formatMessages(errors, { kind: 'error', color: process.stderr.isTTY });
        process.stderr.write(lines.join(''));
      }
      return { errors };
    });
  },
};

/**
 * The form kinds (src/webview/forms/formTypes.ts FORM_KINDS; test/unit/startupBundle.test.ts holds them equal). Each
 * has its form in src/webview/forms/<kind>Form.ts, exported as `<kind>Form`, and its own page bundle.
 */
export const FORM_KINDS = ['gallery', 'imageDefinition', 'imageVersion', 'application', 'applicationVersion', 'managedImage', 'gallerySharing'];

/** The page bundle of one form kind, relative to the repository (FormPanels loads it). */
export function webviewBundle(kind) {
  return `dist/webview-${kind}.js`;
}

/**
 * In the page bundle of `kind`, the form registry holds that one form: the page imports the registry
 * (hostMessages.ts) and would otherwise pull every form in.
 */
function onePageForm(kind) {
  return {
    name: 'one-page-form',
    setup(build) {
      build.onResolve({ filter: /\/forms\/formRegistry$/ }, () => ({ path: kind, namespace: 'page-form' }));
      build.onLoad({ filter: /.*/, namespace: 'page-form' }, () => ({
        resolveDir: resolve(ROOT, 'src/webview/forms'),
        loader: 'ts',
        contents: [
          `import { ${kind}Form } from './${kind}Form';`,
          `export function formDefinition(kind: string) {`,
          `  if (kind !== ${JSON.stringify(kind)}) throw new Error('This page holds the ${kind} form only, not ' + kind + '.');`,
          `  return ${kind}Form;`,
          `}`,
        ].join('\n'),
      }));
    },
  };
}

export function buildOptions(production) {
  /** @type {import('esbuild').BuildOptions} */
  const common = {
    absWorkingDir: ROOT,
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
  /** @type {import('esbuild').BuildOptions} */
  const startup = {
    ...common,
    entryPoints: ['src/extension.ts'],
    outfile: STARTUP_BUNDLE,
    plugins: [lazyBundles, startupBundleGuard],
    // dynamic-import off: the lazy bundles are loaded with require(), as VS Code's extension host expects of CommonJS.
    supported: { 'dynamic-import': false },
  };
  /** @type {import('esbuild').BuildOptions[]} */
  const webviews = FORM_KINDS.map((kind) => ({
    ...common,
    entryPoints: ['src/webview/app/main.ts'],
    outfile: webviewBundle(kind),
    platform: 'browser',
    format: 'esm',
    target: ['chrome120'],
    external: [],
    mainFields: ['browser', 'module', 'main'],
    plugins: [onePageForm(kind)],
    // Seven bundles of one page: say it once (the build still fails loudly on an error).
    logLevel: 'warning',
  }));
  return { startup, webviews, all: [startup, ...LAZY_BUNDLES.map((lazy) => ({ ...common, entryPoints: [lazy.entry], outfile: lazy.outfile })), ...webviews] };
}

async function main() {
  const production = process.argv.includes('--production');
  const { all } = buildOptions(production);
  if (process.argv.includes('--watch')) {
    const contexts = await Promise.all(all.map((options) => esbuild.context(options)));
    await Promise.all(contexts.map((ctx) => ctx.watch()));
  } else {
    // esbuild has printed the errors (logLevel info); the exit code is what callers check.
    const results = await Promise.allSettled(all.map((options) => esbuild.build(options)));
    if (results.some((r) => r.status === 'rejected')) {
      process.exitCode = 1;
    }
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((err) => {
    console.error(err);
    process.exitCode = 1;
  });
}
