/**
 * The VS Code side of template support: completion and hover providers plus a diagnostics collection for JSON, JSONC
 * and ARM template documents, all answered by the pure GalleryTemplateLanguageService.
 *
 * Who serves what, so nothing is shown twice:
 *  - Body files (*.gallery.json, *.imagedefinition.json, *.imageversion.json, *.image.json and their *.patch.json
 *    variants): VS Code's JSON language features, through the `jsonValidation` contribution (see contributes.json).
 *    Here they only get the gallery checks (source region, end of life, ranges, unknown properties) and live values.
 *  - ARM templates opened as `arm-template` while the Azure Resource Manager Tools extension is installed: that
 *    extension already completes, describes and validates resources from Microsoft's schemas, so by default
 *    (`azureComputeGallery.templates.schemaFeatures`: "auto") only the gallery checks and live values are added.
 *  - Every other template (json / jsonc, or arm-template without ARM Tools): schema completions, hover and
 *    diagnostics for the gallery resources, plus the gallery checks and live values.
 *
 * The language service module (and vscode-json-languageservice with it) is loaded on first use with `import()`;
 * give it its own esbuild entry like armServices if activation size matters.
 */
import * as vscode from 'vscode';
import { inertNotificationText } from '../azure/armError';
import { lazyImport } from '../azure/lazyImport';
import { RESOURCE_SCHEME } from '../properties/ResourceDocumentProvider';
import type {
  CompletionItem as LspCompletionItem,
  CompletionList as LspCompletionList,
  Diagnostic as LspDiagnostic,
  Hover as LspHover,
  MarkupContent,
  Range as LspRange,
} from 'vscode-json-languageservice';
import type { FeatureOptions, GalleryTemplateLanguageService, LiveValueProvider, ServiceDocument } from './GalleryTemplateLanguageService';
import { PROVIDER_SNIPPET_LANGUAGE, readSnippetFiles, type TemplateSnippet } from './templateSnippets';

export const ARM_TOOLS_EXTENSION_ID = 'msazurermtools.azurerm-vscode-tools';
const SETTING_SECTION = 'azureComputeGallery.templates';
const SETTING_SCHEMA_FEATURES = 'schemaFeatures';
const LANGUAGES = ['json', 'jsonc', 'arm-template'] as const;
const VALIDATION_DELAY_MS = 300;

export interface TemplateSupportOptions {
  readonly log: vscode.LogOutputChannel;
  /** Values from Azure (regions, existing images…) offered in completions; optional. */
  readonly liveValues?: LiveValueProvider;
  /** Where the extension is installed: the snippet files for arm-template documents are read from there (templateSnippets.ts). */
  readonly extensionUri?: vscode.Uri;
}

/** Registers the providers and the diagnostics; dispose the result to remove them. */
export function registerTemplateSupport(options: TemplateSupportOptions): vscode.Disposable {
  const support = new TemplateSupport(options);
  return vscode.Disposable.from(support, ...support.register());
}

class TemplateSupport implements vscode.Disposable {
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('azure-compute-gallery');
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly adapters = new WeakMap<vscode.TextDocument, { version: number; document: ServiceDocument }>();
  /** The service, loaded on first use; a failed load is tried again on the next use. */
  private readonly loadService = lazyImport(() => this.importService());
  /** The service once loaded (edits are reported to it as they happen, not after a promise turn). */
  private loaded: GalleryTemplateLanguageService | undefined;
  private loadFailureShown = false;
  /** The snippet files, read on the first completion in an arm-template document. */
  private readonly loadSnippets = lazyImport(() => this.readSnippets());

  constructor(private readonly options: TemplateSupportOptions) {}

  register(): vscode.Disposable[] {
    const selector = LANGUAGES.map((language) => ({ language }));
    const disposables: vscode.Disposable[] = [
      this.diagnostics,
      vscode.languages.registerCompletionItemProvider(selector, { provideCompletionItems: (document, position, token) => this.complete(document, position, token) }, '"', ':'),
      vscode.languages.registerHoverProvider(selector, { provideHover: (document, position, token) => this.hover(document, position, token) }),
      vscode.workspace.onDidOpenTextDocument((document) => this.schedule(document, 0)),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (this.isCandidate(event.document)) {
          // What changed, so a large template is not compared with its previous version on every keystroke.
          this.loaded?.didChange(event.document.uri.toString(), event.document.version, event.contentChanges);
        }
        this.schedule(event.document, VALIDATION_DELAY_MS);
      }),
      vscode.workspace.onDidCloseTextDocument((document) => this.forget(document)),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(SETTING_SECTION)) {
          this.revalidateAll();
        }
      }),
      vscode.extensions.onDidChange(() => this.revalidateAll()),
    ];
    this.revalidateAll();
    return disposables;
  }

  dispose(): void {
    for (const timer of this.timers.values()) {
      clearTimeout(timer);
    }
    this.timers.clear();
  }

  private async importService(): Promise<GalleryTemplateLanguageService> {
    try {
      const { GalleryTemplateLanguageService: Service, configureL10n } = await import('./GalleryTemplateLanguageService');
      if (vscode.l10n.bundle) {
        configureL10n({ contents: vscode.l10n.bundle });
      }
      return (this.loaded = new Service({ liveValues: this.options.liveValues }));
    } catch (error) {
      const message = vscode.l10n.t('Compute Gallery couldn\'t load its template support, so gallery resources in JSON files get no completions or checks: {0}. Reinstall the extension; if it persists, report it with the "Azure Compute Gallery" output.', String(error));
      this.options.log.error(message);
      if (!this.loadFailureShown) {
        // Said once, plainly (the next use tries again): otherwise the only sign is help that never appears.
        this.loadFailureShown = true;
        void vscode.window.showErrorMessage(inertNotificationText(message));
      }
      throw error;
    }
  }

  private isCandidate(document: vscode.TextDocument): boolean {
    return (LANGUAGES as readonly string[]).includes(document.languageId) && document.uri.scheme !== RESOURCE_SCHEME;
  }

  /** Schema features for this document: off where ARM Tools already serves the template (unless the setting says otherwise). */
  private features(document: vscode.TextDocument): FeatureOptions {
    const setting = vscode.workspace.getConfiguration(SETTING_SECTION, document.uri).get<string>(SETTING_SCHEMA_FEATURES, 'auto');
    if (setting === 'on') {
      return { schemaFeatures: true };
    }
    if (setting === 'off') {
      return { schemaFeatures: false };
    }
    const armTools = vscode.extensions.getExtension(ARM_TOOLS_EXTENSION_ID) !== undefined;
    return { schemaFeatures: !(armTools && document.languageId === 'arm-template') };
  }

  /** The service's view of a document; rebuilt once per version, positions delegated to VS Code's own line index. */
  private adapt(document: vscode.TextDocument): ServiceDocument {
    const cached = this.adapters.get(document);
    if (cached && cached.version === document.version) {
      return cached.document;
    }
    const text = document.getText();
    const adapted: ServiceDocument = {
      uri: document.uri.toString(),
      languageId: document.languageId,
      version: document.version,
      getText: () => text,
      positionAt: (offset) => {
        const position = document.positionAt(offset);
        return { line: position.line, character: position.character };
      },
      offsetAt: (position) => document.offsetAt(new vscode.Position(position.line, position.character)),
    };
    this.adapters.set(document, { version: document.version, document: adapted });
    return adapted;
  }

  private async complete(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.CompletionList | undefined> {
    if (!this.isCandidate(document)) {
      return undefined;
    }
    try {
      const service = await this.loadService();
      const list = await service.doComplete(this.adapt(document), { line: position.line, character: position.character }, this.features(document));
      let snippets: vscode.CompletionItem[] = [];
      if (document.languageId === PROVIDER_SNIPPET_LANGUAGE) {
        const typed = prefixRange(document, position);
        snippets = (await this.loadSnippets()).map((snippet) => toSnippetItem(snippet, typed));
      }
      if (token.isCancellationRequested || (!list && snippets.length === 0)) {
        return undefined;
      }
      const completions = list ? toCompletionList(list) : new vscode.CompletionList([]);
      completions.items.push(...snippets);
      return completions;
    } catch (error) {
      this.options.log.error(`Template completion failed: ${String(error)}`);
      return undefined;
    }
  }

  /** The snippets json and jsonc get from the manifest, for arm-template (which the manifest cannot name). */
  private async readSnippets(): Promise<TemplateSnippet[]> {
    const { extensionUri } = this.options;
    if (!extensionUri) {
      return [];
    }
    const { snippets, problems } = await readSnippetFiles(async (file) =>
      new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, 'src', 'schemas', file))),
    );
    for (const problem of problems) {
      this.options.log.error(`Template snippets: ${problem}`);
    }
    return snippets;
  }

  private async hover(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    if (!this.isCandidate(document)) {
      return undefined;
    }
    try {
      const service = await this.loadService();
      const hover = await service.doHover(this.adapt(document), { line: position.line, character: position.character }, this.features(document));
      return hover && !token.isCancellationRequested ? toHover(hover) : undefined;
    } catch (error) {
      this.options.log.error(`Template hover failed: ${String(error)}`);
      return undefined;
    }
  }

  private schedule(document: vscode.TextDocument, delay: number): void {
    if (!this.isCandidate(document)) {
      return;
    }
    const key = document.uri.toString();
    const pending = this.timers.get(key);
    if (pending) {
      clearTimeout(pending);
    }
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        void this.validate(document);
      }, delay),
    );
  }

  private async validate(document: vscode.TextDocument): Promise<void> {
    if (document.isClosed) {
      return;
    }
    const version = document.version;
    try {
      const service = await this.loadService();
      const found = await service.doValidation(this.adapt(document), this.features(document));
      if (!document.isClosed && document.version === version) {
        this.diagnostics.set(document.uri, found.map(toDiagnostic));
      }
    } catch (error) {
      this.options.log.error(`Template validation of ${document.uri.toString()} failed: ${String(error)}`);
    }
  }

  private forget(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    const pending = this.timers.get(key);
    if (pending) {
      clearTimeout(pending);
      this.timers.delete(key);
    }
    this.diagnostics.delete(document.uri);
    this.loaded?.forget(key);
  }

  private revalidateAll(): void {
    for (const document of vscode.workspace.textDocuments) {
      this.schedule(document, 0);
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// LSP (vscode-json-languageservice) → VS Code API

function toRange(range: LspRange): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

function toMarkdown(content: string | MarkupContent): vscode.MarkdownString {
  if (typeof content === 'string') {
    return new vscode.MarkdownString(content);
  }
  return content.kind === 'markdown' ? new vscode.MarkdownString(content.value) : new vscode.MarkdownString().appendText(content.value);
}

/**
 * What the user has typed of a snippet prefix before the cursor: letters, digits, "_" and "-" ("acg-gal"). A
 * language's own word rule may stop at "-", and the snippet must replace all of it, as VS Code does for manifest
 * snippets.
 */
function prefixRange(document: vscode.TextDocument, position: vscode.Position): vscode.Range {
  const before = document.lineAt(position.line).text.slice(0, position.character);
  const typed = /[\w-]*$/.exec(before)?.[0] ?? '';
  return new vscode.Range(position.line, position.character - typed.length, position.line, position.character);
}

/** A snippet as VS Code lists manifest snippets: its prefix, its name beside it, inserted as a snippet over what was typed of it. */
function toSnippetItem(snippet: TemplateSnippet, range: vscode.Range): vscode.CompletionItem {
  const item = new vscode.CompletionItem({ label: snippet.prefix, description: snippet.name }, vscode.CompletionItemKind.Snippet);
  item.insertText = new vscode.SnippetString(snippet.body);
  item.range = range;
  item.filterText = snippet.prefix;
  item.detail = snippet.description;
  return item;
}

function toCompletionList(list: LspCompletionList): vscode.CompletionList {
  return new vscode.CompletionList(list.items.map(toCompletionItem), list.isIncomplete);
}

/** LSP completion item kinds are 1-based, VS Code's enum is the same list 0-based. */
function toCompletionKind(kind: number | undefined): vscode.CompletionItemKind | undefined {
  return kind === undefined ? undefined : kind - 1;
}

const SNIPPET_FORMAT = 2;

function toCompletionItem(item: LspCompletionItem): vscode.CompletionItem {
  const result = new vscode.CompletionItem(item.label, toCompletionKind(item.kind));
  const edit = item.textEdit;
  const text = edit?.newText ?? item.insertText ?? item.label;
  result.insertText = item.insertTextFormat === SNIPPET_FORMAT ? new vscode.SnippetString(text) : text;
  if (edit) {
    result.range = 'range' in edit ? toRange(edit.range) : { inserting: toRange(edit.insert), replacing: toRange(edit.replace) };
  }
  if (item.documentation !== undefined) {
    result.documentation = toMarkdown(item.documentation);
  }
  result.detail = item.detail;
  result.sortText = item.sortText;
  result.filterText = item.filterText;
  if (item.labelDetails) {
    result.label = { label: item.label, description: item.labelDetails.description, detail: item.labelDetails.detail };
  }
  if (item.command) {
    result.command = { title: item.command.title, command: item.command.command, arguments: item.command.arguments };
  }
  if (item.additionalTextEdits) {
    result.additionalTextEdits = item.additionalTextEdits.map((extra) => new vscode.TextEdit(toRange(extra.range), extra.newText));
  }
  return result;
}

function toHover(hover: LspHover): vscode.Hover {
  const contents = Array.isArray(hover.contents) ? hover.contents : [hover.contents];
  const markdown = contents.map((content) =>
    typeof content === 'string' || 'kind' in content ? toMarkdown(content) : new vscode.MarkdownString().appendCodeblock(content.value, content.language),
  );
  return new vscode.Hover(markdown, hover.range ? toRange(hover.range) : undefined);
}

/** LSP severities are 1 (error) … 4 (hint); VS Code's are 0 … 3. */
function toDiagnostic(diagnostic: LspDiagnostic): vscode.Diagnostic {
  const message = typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
  const severity = ((diagnostic.severity ?? 1) - 1) as vscode.DiagnosticSeverity;
  const result = new vscode.Diagnostic(toRange(diagnostic.range), message, severity);
  result.source = diagnostic.source;
  if (typeof diagnostic.code === 'string' || typeof diagnostic.code === 'number') {
    result.code = diagnostic.code;
  }
  return result;
}
