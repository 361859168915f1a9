/**
 * Shared helpers for the schema tests: a JSON language service configured the way VS Code configures it from our
 * `jsonValidation` contribution (contributes.json), fixtures, REST examples, snippet expansion.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ClientCapabilities, CompletionList, Diagnostic, Hover, JSONSchema, LanguageService } from 'vscode-json-languageservice';
import { getLanguageService, TextDocument } from 'vscode-json-languageservice';
import type { GalleryResourceKind } from '../../../src/schemas/resourceKinds';

export const repoRoot = path.resolve(__dirname, '..', '..', '..');
export const schemasDir = path.join(repoRoot, 'src', 'schemas');
export const fixturesDir = path.join(repoRoot, 'test', 'fixtures', 'templates');
/** Microsoft's REST examples, in the repository's reference copy (test/fixtures/reference/SOURCES.md). */
export const restExamplesDir = path.join(repoRoot, 'test', 'fixtures', 'reference', 'rest-examples');

export const CAPABILITIES: ClientCapabilities = {
  textDocument: { completion: { completionItem: { documentationFormat: ['markdown', 'plaintext'] } }, hover: { contentFormat: ['markdown', 'plaintext'] } },
};

export interface Contributions {
  readonly jsonValidation: readonly { readonly fileMatch: readonly string[]; readonly url: string }[];
  readonly snippets: readonly { readonly language: string; readonly path: string }[];
  readonly commands: readonly { readonly command: string; readonly title: string }[];
  readonly configuration: { readonly properties: Record<string, unknown> };
}

export function readJson<T>(file: string): T {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
}

export function contributions(): Contributions {
  return readJson<Contributions>(path.join(schemasDir, 'contributes.json'));
}

/** Resolves a contribution path ("./src/schemas/x.json") to the file in the repository. */
export function contributedFile(url: string): string {
  return path.join(repoRoot, url.replace(/^\.\//, ''));
}

let bodyService: LanguageService | undefined;

/** vscode-json-languageservice with our schemas associated exactly as contributes.json associates them in VS Code. */
export function bodyLanguageService(): LanguageService {
  if (!bodyService) {
    bodyService = getLanguageService({ clientCapabilities: CAPABILITIES });
    bodyService.configure({
      validate: true,
      allowComments: false,
      schemas: contributions().jsonValidation.map((entry) => ({
        uri: `file://${contributedFile(entry.url)}`,
        fileMatch: [...entry.fileMatch],
        schema: readJson<JSONSchema>(contributedFile(entry.url)),
      })),
    });
  }
  return bodyService;
}

export function bodyDocument(fileName: string, text: string): TextDocument {
  return TextDocument.create(`file:///work/requests/${fileName}`, 'json', 1, text);
}

/** Diagnostics VS Code's JSON support would show for a body file of this name. */
export async function validateBody(fileName: string, text: string): Promise<Diagnostic[]> {
  const service = bodyLanguageService();
  const document = bodyDocument(fileName, text);
  return service.doValidation(document, service.parseJSONDocument(document));
}

/** Splits "…|…" into the text without the marker and the marker's offset. */
export function withCursor(textWithCursor: string, marker = '|'): { text: string; offset: number } {
  const offset = textWithCursor.indexOf(marker);
  if (offset < 0) {
    throw new Error(`no cursor marker ${marker} in the text`);
  }
  return { text: textWithCursor.slice(0, offset) + textWithCursor.slice(offset + marker.length), offset };
}

export async function completeBody(fileName: string, textWithCursor: string): Promise<CompletionList | null> {
  const { text, offset } = withCursor(textWithCursor);
  const service = bodyLanguageService();
  const document = bodyDocument(fileName, text);
  return service.doComplete(document, document.positionAt(offset), service.parseJSONDocument(document));
}

export async function hoverBody(fileName: string, textWithCursor: string): Promise<Hover | null> {
  const { text, offset } = withCursor(textWithCursor);
  const service = bodyLanguageService();
  const document = bodyDocument(fileName, text);
  return service.doHover(document, document.positionAt(offset), service.parseJSONDocument(document));
}

export function labels(list: CompletionList | null | undefined): string[] {
  return (list?.items ?? []).map((item) => item.label);
}

export function documentationOf(list: CompletionList | null | undefined, label: string): string {
  const item = list?.items.find((candidate) => candidate.label === label);
  const documentation = item?.documentation;
  return typeof documentation === 'string' ? documentation : (documentation?.value ?? '');
}

export function hoverText(hover: Hover | null): string {
  if (!hover) {
    return '';
  }
  const contents = Array.isArray(hover.contents) ? hover.contents : [hover.contents];
  return contents.map((content) => (typeof content === 'string' ? content : content.value)).join('\n');
}

export function messages(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((diagnostic) => (typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value));
}

export function fixture(name: string): string {
  return fs.readFileSync(path.join(fixturesDir, name), 'utf8');
}

export function templateFixtures(): string[] {
  return fs
    .readdirSync(fixturesDir)
    .filter((name) => /\.jsonc?$/.test(name) && !name.startsWith('mistakes'))
    .sort();
}

/** A snippet body as inserted with every placeholder left at its default (first choice, empty tab stops). */
export function expandSnippet(lines: readonly string[]): string {
  return lines
    .join('\n')
    .replace(/\$\{\d+\|([^,|]*)[^|]*\|\}/g, '$1')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\d+/g, '')
    .replace(/\t/g, '  ');
}

export interface RestExample {
  readonly file: string;
  readonly kind: GalleryResourceKind;
  readonly operation: 'create' | 'update' | 'get' | 'list' | 'delete';
  readonly requestBody: unknown;
  /** Bodies of the successful responses (each list item separately). */
  readonly responseBodies: readonly unknown[];
}

/** The galleries/{name}/share action: its bodies are sharing updates ({operationType, groups}), not gallery bodies. */
const SHARING_UPDATE_EXAMPLE = /^Gallery_(AddToSharingProfile|ResetSharingProfile|EnableCommunityGallery)\.json$/;

function kindOfExample(name: string): GalleryResourceKind | undefined {
  if (SHARING_UPDATE_EXAMPLE.test(name)) {
    return undefined;
  }
  if (name.startsWith('GalleryApplicationVersion_')) {
    return 'applicationVersion';
  }
  if (name.startsWith('GalleryApplication_')) {
    return 'application';
  }
  if (name.startsWith('GalleryImageVersion_')) {
    return 'imageVersion';
  }
  if (name.startsWith('GalleryImage_')) {
    return 'imageDefinition';
  }
  if (name.startsWith('Gallery_')) {
    return 'gallery';
  }
  if (name.startsWith('Image_') || name.startsWith('Images_')) {
    return 'managedImage';
  }
  return undefined;
}

function operationOf(name: string): RestExample['operation'] {
  if (/_Create/.test(name)) {
    return 'create';
  }
  if (/_Update/.test(name)) {
    return 'update';
  }
  if (/_List/.test(name)) {
    return 'list';
  }
  if (/_Delete/.test(name)) {
    return 'delete';
  }
  return 'get';
}

function* exampleFiles(dir: string): Generator<string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== 'swagger') {
      yield* exampleFiles(full);
    } else if (entry.isFile() && entry.name.endsWith('.json')) {
      yield full;
    }
  }
}

/** Every x-ms-example of our kinds in test/fixtures/reference/rest-examples, with its request body and responses. */
export function restExamples(): RestExample[] {
  const result: RestExample[] = [];
  for (const file of exampleFiles(restExamplesDir)) {
    const name = path.basename(file);
    const kind = kindOfExample(name);
    if (!kind) {
      continue;
    }
    const example = readJson<{ parameters?: Record<string, unknown>; responses?: Record<string, { body?: unknown }> }>(file);
    const requestBody = Object.values(example.parameters ?? {}).find((value) => typeof value === 'object' && value !== null);
    const responseBodies: unknown[] = [];
    for (const [status, response] of Object.entries(example.responses ?? {})) {
      if (!status.startsWith('2') || response.body === undefined) {
        continue;
      }
      const body = response.body as { value?: unknown[] };
      responseBodies.push(...(Array.isArray(body.value) ? body.value : [body]));
    }
    result.push({ file: path.relative(restExamplesDir, file), kind, operation: operationOf(name), requestBody, responseBodies });
  }
  return result;
}
