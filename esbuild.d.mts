// Types of esbuild.mjs for the TypeScript that imports it (test/unit/startupBundle.test.ts, webviewBundles.test.ts,
// test/bench/formsBench.ts).
import type { BuildOptions, Metafile } from 'esbuild';

export declare const STARTUP_BUNDLE: 'dist/extension.js';

export interface LazyBundle {
  /** The import specifier that is left out of the start-up bundle ('./armServices'). */
  readonly specifier: string;
  readonly entry: string;
  readonly outfile: string;
  readonly what: string;
}
export declare const LAZY_BUNDLES: readonly LazyBundle[];

export declare const STARTUP_FORBIDDEN_PACKAGES: readonly { readonly pattern: RegExp; readonly bundle: string }[];

export interface StartupBundleLeak {
  /** The npm package ("jsonc-parser") or, for one of our lazily loaded modules, its path. */
  readonly module: string;
  /** The bundle it belongs in ("dist/templates.js"). */
  readonly belongsTo: string;
  /** Paths from src/extension.ts to the leaked file, both included. */
  readonly importedVia: readonly string[];
}

export declare function packageOf(inputPath: string): string | undefined;
export declare function startupBundleLeaks(metafile: Metafile): StartupBundleLeak[];
export declare function describeLeak(leak: StartupBundleLeak): string;
/** The form kinds with a page bundle of their own (equal to src/webview/forms/formTypes.ts FORM_KINDS). */
export declare const FORM_KINDS: readonly string[];
/** `dist/webview-<kind>.js`: the page bundle of one form kind. */
export declare function webviewBundle(kind: string): string;
export declare function buildOptions(production: boolean): { startup: BuildOptions; webviews: BuildOptions[]; all: BuildOptions[] };
