/**
 * Latency of the template language service on a generated ~5,000-line ARM template full of gallery resources,
 * against the plain JSON language service on a 10-line body file (the cost a user already accepts for JSON).
 *
 *   npx tsx src/schemas/bench/templateBench.ts [--iterations 1000] [--json]
 *
 * Measured per operation (median and p95 over the rounds, operations interleaved, after warm-up rounds):
 *   - completion, same document version (e.g. Ctrl+Space again, or a second provider call for the same keystroke);
 *   - completion after an edit (a new version: typing inside the resource, then asking for completions there);
 *   - validation, same version, and after an edit (two digits of a date replaced, never the same text twice,
 *     moving to the next resource every 100 keystrokes: what the debounced diagnostics pass pays);
 *   - validation after typing (one letter inserted per keystroke: the text after it moves).
 * Edits are reported to the service the way the extension does (didChange, from onDidChangeTextDocument), inside the
 * timed part. The target is our latency ≤ 2× the baseline's for the same operation.
 */
import { performance } from 'node:perf_hooks';
import type { LanguageService } from 'vscode-json-languageservice';
import { getLanguageService, TextDocument } from 'vscode-json-languageservice';
import type { ContentChange } from '../GalleryTemplateLanguageService';
import { GalleryTemplateLanguageService } from '../GalleryTemplateLanguageService';
import { bodySchema, templateResourceSchema } from '../schemaCatalog';

export interface BenchTemplate {
  readonly text: string;
  readonly lines: number;
  readonly resources: number;
  /** Offsets just after `"publishingProfile": {` in every version resource, for completion requests and edits. */
  readonly completionOffsets: readonly number[];
}

/** A deployable-looking template: galleries with nested definitions and versions, plus top-level full-type resources. */
export function generateBenchTemplate(targetLines = 5000): BenchTemplate {
  const resources: string[] = [];
  let count = 0;
  const gallery = (g: number): string => {
    const versions = [0, 1, 2]
      .map(
        (v) => `            {
              "type": "versions",
              "apiVersion": "2025-12-03",
              "name": "1.${g}.${v}",
              "location": "[parameters('location')]",
              "dependsOn": [ "[resourceId('Microsoft.Compute/galleries/images', 'gallery${g}', 'image${g}')]" ],
              "properties": {
                "publishingProfile": {
                  "targetRegions": [
                    { "name": "westeurope", "regionalReplicaCount": 1, "storageAccountType": "Standard_ZRS" },
                    { "name": "northeurope", "regionalReplicaCount": "2", "storageAccountType": "Standard_LRS" }
                  ],
                  "excludeFromLatest": false,
                  "endOfLifeDate": "2099-12-31T00:00:00Z"
                },
                "storageProfile": {
                  "source": { "id": "[parameters('sourceImageId')]" }
                },
                "safetyProfile": { "allowDeletionOfReplicatedLocations": false }
              }
            }`,
      )
      .join(',\n');
    count += 5;
    return `    {
      "type": "Microsoft.Compute/galleries",
      "apiVersion": "2025-12-03",
      "name": "gallery${g}",
      "location": "[parameters('location')]",
      "properties": { "description": "Gallery ${g}" },
      "resources": [
        {
          "type": "images",
          "apiVersion": "2025-12-03",
          "name": "image${g}",
          "location": "[parameters('location')]",
          "dependsOn": [ "[resourceId('Microsoft.Compute/galleries', 'gallery${g}')]" ],
          "properties": {
            "osType": "Linux",
            "osState": "Generalized",
            "hyperVGeneration": "V2",
            "identifier": { "publisher": "contoso", "offer": "offer${g}", "sku": "sku${g}" },
            "recommended": { "vCPUs": { "min": 2, "max": 16 }, "memory": { "min": "4", "max": 64 } },
            "features": [ { "name": "SecurityType", "value": "TrustedLaunchSupported" } ]
          },
          "resources": [
${versions}
          ]
        }
      ]
    }`;
  };
  const header = `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "location": { "type": "string", "defaultValue": "westeurope" },
    "sourceImageId": { "type": "string" }
  },
  "resources": [
`;
  let text = '';
  for (let g = 0; ; g++) {
    resources.push(gallery(g));
    text = `${header}${resources.join(',\n')}\n  ]\n}\n`;
    if (text.split('\n').length >= targetLines) {
      break;
    }
  }
  const completionOffsets: number[] = [];
  const marker = '"publishingProfile": {';
  for (let at = text.indexOf(marker); at >= 0; at = text.indexOf(marker, at + 1)) {
    completionOffsets.push(at + marker.length);
  }
  return { text, lines: text.split('\n').length, resources: count, completionOffsets };
}

const BASELINE_BODY = `{
  "location": "westeurope",
  "properties": {
    "osType": "Linux",
    "osState": "Generalized",
    "hyperVGeneration": "V2",
    "identifier": { "publisher": "contoso", "offer": "ubuntu", "sku": "22_04" },
    "recommended": { "vCPUs": { "min": 2, "max": 16 } }
  }
}
`;

interface Stats {
  readonly median: number;
  readonly p95: number;
}

interface Operation<T> {
  readonly name: string;
  /** Builds the iteration's input (the editor's side, not timed). */
  readonly prepare: (i: number) => T;
  readonly run: (input: T) => Promise<unknown>;
}

/**
 * Runs every operation once per round, round after round (interleaved, so machine noise and JIT state hit all of them
 * alike), after `warmup` untimed rounds; returns the median and p95 per operation.
 */
async function measureInterleaved(operations: readonly Operation<unknown>[], rounds: number, warmup: number): Promise<Map<string, Stats>> {
  const samples = new Map<string, number[]>(operations.map((operation) => [operation.name, []]));
  for (let round = -warmup; round < rounds; round++) {
    for (const operation of operations) {
      const input = operation.prepare(round);
      const start = performance.now();
      await operation.run(input);
      const elapsed = performance.now() - start;
      if (round >= 0) {
        samples.get(operation.name)?.push(elapsed);
      }
    }
  }
  const stats = new Map<string, Stats>();
  for (const [name, values] of samples) {
    values.sort((a, b) => a - b);
    stats.set(name, { median: values[Math.floor(values.length / 2)] ?? 0, p95: values[Math.floor(values.length * 0.95)] ?? 0 });
  }
  return stats;
}

function operation<T>(name: string, prepare: (i: number) => T, run: (input: T) => Promise<unknown>): Operation<unknown> {
  return { name, prepare, run: (input) => run(input as T) };
}

function baselineService(): LanguageService {
  const service = getLanguageService({});
  service.configure({ validate: true, schemas: [{ uri: 'acg-bench://imageDefinition.schema.json', fileMatch: ['*.imagedefinition.json'], schema: bodySchema('imageDefinition') }] });
  return service;
}

/**
 * The editor's side of a keystroke: two digits of one version's endOfLifeDate change (to `generation % 100`), applied as an incremental
 * change so the document's line index is updated the way an editor does it (not timed).
 */
function applyEdit(document: TextDocument, template: BenchTemplate, resourceIndex: number, generation: number): { document: TextDocument; offset: number; change: ContentChange } {
  const anchor = template.completionOffsets[resourceIndex % template.completionOffsets.length] ?? 0;
  const text = document.getText();
  const at = text.indexOf('"endOfLifeDate": "20', anchor) + '"endOfLifeDate": "20'.length;
  const digits = String(generation % 100).padStart(2, '0');
  const updated = TextDocument.update(document, [{ range: { start: document.positionAt(at), end: document.positionAt(at + 2) }, text: digits }], document.version + 1);
  updated.positionAt(0);
  return { document: updated, offset: anchor, change: { rangeOffset: at, rangeLength: 2, text: digits } };
}

/**
 * The editor's side of typing one character: a letter inserted into a version's dependsOn expression (after
 * `'image`), so the document grows and everything after the keystroke moves, as when typing (not timed).
 */
function applyInsertion(document: TextDocument, template: BenchTemplate, resourceIndex: number, generation: number): { document: TextDocument; change: ContentChange } {
  const anchor = template.completionOffsets[resourceIndex % template.completionOffsets.length] ?? 0;
  const text = document.getText();
  const at = text.lastIndexOf("'image", text.indexOf('"publishingProfile"', anchor - 40)) + "'image".length;
  const letter = String.fromCharCode(0x61 + (generation % 26));
  const updated = TextDocument.update(document, [{ range: { start: document.positionAt(at), end: document.positionAt(at) }, text: letter }], document.version + 1);
  updated.positionAt(0);
  return { document: updated, change: { rangeOffset: at, rangeLength: 0, text: letter } };
}

export interface BenchResult {
  readonly template: { readonly lines: number; readonly resources: number; readonly characters: number };
  readonly rows: readonly { readonly operation: string; readonly ours: Stats; readonly baseline: Stats; readonly ratio: number }[];
  /** Not a target: the least an edit's re-validation can cost, for reading the last row. */
  readonly reference: { readonly operation: string; readonly stats: Stats };
}

export async function runTemplateBench(iterations = 1000): Promise<BenchResult> {
  const template = generateBenchTemplate();
  const today = new Date('2026-01-01T00:00:00Z');
  const ours = new GalleryTemplateLanguageService({ now: () => today });
  const plain = baselineService();
  const bodyDoc = TextDocument.create('file:///bench/body.imagedefinition.json', 'json', 1, BASELINE_BODY);
  const bodyPosition = bodyDoc.positionAt(BASELINE_BODY.indexOf('"recommended"'));

  const middle = Math.floor(template.completionOffsets.length / 2);
  const sameDoc = TextDocument.create('file:///bench/template.json', 'json', 1, template.text);
  const samePosition = sameDoc.positionAt(template.completionOffsets[middle] ?? 0);

  // One document per edited-then-asked operation, so each request follows exactly one keystroke.
  // Completion: typing in one resource and asking for completions there. Validation: keystrokes in changing resources.
  const editStream = (
    uri: string,
    resourceOf: (edit: number) => number,
  ): (() => { document: TextDocument; position: { line: number; character: number }; change: ContentChange }) => {
    let document = TextDocument.create(uri, 'json', 1, template.text);
    let edits = 0;
    return () => {
      edits++;
      const step = applyEdit(document, template, resourceOf(edits), edits);
      document = step.document;
      return { document, position: document.positionAt(step.offset), change: step.change };
    };
  };
  // Every keystroke makes a text never seen before (100 two-digit values per resource, then the next resource),
  // so no cache can answer for the service: each sample is the work of a real keystroke.
  const editForCompletion = editStream('file:///bench/edited-for-completion.json', (edit) => Math.floor(edit / 100));
  const editForValidation = editStream('file:///bench/edited-for-validation.json', (edit) => Math.floor(edit / 100));
  // Typing: one letter more per keystroke, 50 in one resource, then in the next one.
  let typed = TextDocument.create('file:///bench/typed.json', 'json', 1, template.text);
  let keystrokes = 0;
  const typing = (): { document: TextDocument; change: ContentChange } => {
    keystrokes++;
    const step = applyInsertion(typed, template, Math.floor(keystrokes / 50), keystrokes);
    typed = step.document;
    return step;
  };

  // The baseline parses its document on every request, as VS Code's JSON server does per keystroke.
  const none = (): undefined => undefined;
  // For context: the plain service validating one version resource of the template alone (what an edit re-validates).
  const versionStart = template.text.lastIndexOf('{', template.text.lastIndexOf('"type": "versions"', template.completionOffsets[middle] ?? 0));
  const versionEnd = template.text.indexOf('"safetyProfile"', versionStart);
  const versionText = template.text.slice(versionStart, template.text.indexOf('}', template.text.indexOf('}', versionEnd) + 1) + 1);
  const plainTemplate = getLanguageService({});
  plainTemplate.configure({ validate: true, schemas: [{ uri: 'acg-bench://version.json', fileMatch: ['*.version.json'], schema: templateResourceSchema('imageVersion') }] });
  const versionDoc = TextDocument.create('file:///bench/one.version.json', 'json', 1, versionText);
  const operations = [
    operation('reference: one resource', none, () => Promise.resolve(plainTemplate.doValidation(versionDoc, plainTemplate.parseJSONDocument(versionDoc)))),
    operation('baseline completion', none, () => Promise.resolve(plain.doComplete(bodyDoc, bodyPosition, plain.parseJSONDocument(bodyDoc)))),
    operation('baseline validation', none, () => Promise.resolve(plain.doValidation(bodyDoc, plain.parseJSONDocument(bodyDoc)))),
    operation('completion, same version', none, () => ours.doComplete(sameDoc, samePosition)),
    // The editor reports each edit as it happens (onDidChangeTextDocument → didChange); timed with the request.
    operation('completion after an edit', editForCompletion, (input) => {
      ours.didChange(input.document.uri, input.document.version, [input.change]);
      return ours.doComplete(input.document, input.position);
    }),
    operation('validation, same version', none, () => ours.doValidation(sameDoc)),
    operation('validation after an edit', editForValidation, (input) => {
      ours.didChange(input.document.uri, input.document.version, [input.change]);
      return ours.doValidation(input.document);
    }),
    operation('validation after typing', typing, (input) => {
      ours.didChange(input.document.uri, input.document.version, [input.change]);
      return ours.doValidation(input.document);
    }),
  ];
  const stats = await measureInterleaved(operations, iterations, Math.max(50, Math.floor(iterations / 4)));
  const get = (name: string): Stats => stats.get(name) ?? { median: Number.NaN, p95: Number.NaN };
  const rows = [
    { operation: 'completion, same version', baseline: 'baseline completion' },
    { operation: 'completion after an edit', baseline: 'baseline completion' },
    { operation: 'validation, same version', baseline: 'baseline validation' },
    { operation: 'validation after an edit', baseline: 'baseline validation' },
    { operation: 'validation after typing', baseline: 'baseline validation' },
  ].map(({ operation: name, baseline }) => {
    const ours = get(name);
    const reference = get(baseline);
    return { operation: name, ours, baseline: reference, ratio: ours.median / reference.median };
  });

  return {
    template: { lines: template.lines, resources: template.resources, characters: template.text.length },
    rows,
    reference: { operation: `plain service validating one version resource alone (${versionText.split('\n').length} lines)`, stats: get('reference: one resource') },
  };
}

function format(stats: Stats): string {
  return `${stats.median.toFixed(3)} ms (p95 ${stats.p95.toFixed(3)})`;
}

async function main(argv: readonly string[]): Promise<number> {
  const iterationsArg = argv.indexOf('--iterations');
  const iterations = iterationsArg >= 0 ? Number(argv[iterationsArg + 1]) : 1000;
  const result = await runTemplateBench(iterations);
  if (argv.includes('--json')) {
    console.log(JSON.stringify(result, null, 2));
  } else {
    console.log(`template: ${result.template.lines} lines, ${result.template.characters} characters, ${result.template.resources} gallery resources`);
    console.log('baseline: plain vscode-json-languageservice, 10-line image definition body, imageDefinition schema\n');
    for (const row of result.rows) {
      const verdict = row.ratio <= 2 ? 'ok' : 'OVER TARGET';
      console.log(`${row.operation.padEnd(28)} ours ${format(row.ours).padEnd(28)} baseline ${format(row.baseline).padEnd(28)} ratio ${row.ratio.toFixed(2)}x  ${verdict}`);
    }
    console.log(`\nfor reference, ${result.reference.operation}: ${format(result.reference.stats)}`);
  }
  return result.rows.every((row) => row.ratio <= 2) ? 0 : 1;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 2;
    },
  );
}
