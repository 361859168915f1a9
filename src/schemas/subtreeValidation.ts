/**
 * Re-validating only the part of a resource an edit touched.
 *
 * After a keystroke inside a template resource, the JSON language service would validate the whole resource object
 * again. Most keystrokes land inside one value (a date, a region, an ID), and what the language service reports for
 * that value does not depend on the rest of the resource, nor does what it reports elsewhere depend on that value,
 * provided every schema between the resource and the value is "transparent" (see `childSchema`). Then the
 * diagnostics of the rest are kept from the previous version and only the edited value is validated, against the
 * sub-schema for its path, in a small virtual document that keeps the value's property key (the language service
 * reports some problems of an object, such as a missing property, on its key).
 *
 * Pure (no 'vscode'): jsonc-parser trees and vscode-json-languageservice. The caller falls back to validating the
 * whole resource whenever `findEditedSubtree` or `SubtreeValidator.validate` answers undefined; a random-keystroke test
 * (test/unit/schemas/templateLanguageService.test.ts) checks the result equals a full validation.
 */
import type { Node } from 'jsonc-parser';
import type { Diagnostic, JSONSchema, LanguageService } from 'vscode-json-languageservice';
import { getLanguageService, TextDocument } from 'vscode-json-languageservice';
import type { TextChange } from './templateResources';

type JSONSchemaRef = JSONSchema | boolean;

/** A step from a container to a child: a property key or an array index. */
export type PathStep = string | number;

export interface EditedSubtree {
  /** Steps from the resource object to the edited value. Never empty: an edit of the resource's own members is not a subtree. */
  readonly path: readonly PathStep[];
  /** The schema of the edited value, as written in the resource schema (may be a local $ref). */
  readonly schema: JSONSchemaRef;
  /**
   * The part of the resource that is validated again, relative to the resource's start: the property (key and value)
   * holding the edited value, or the array item. `end` is in the new text, `oldEnd` in the previous one.
   */
  readonly start: number;
  readonly end: number;
  readonly oldEnd: number;
  /** Where the edited value itself starts (relative to the resource). */
  readonly valueOffset: number;
  /** The edited value's type, the same in both versions. */
  readonly valueType: Node['type'];
}

/** Keywords whose verdict on a container can depend on the values inside it (or that validate a child twice). */
const VALUE_DEPENDENT_KEYWORDS: readonly string[] = [
  'allOf',
  'oneOf',
  'not',
  'if',
  'then',
  'else',
  'dependencies',
  'dependentSchemas',
  'patternProperties',
  'propertyNames',
  'unevaluatedProperties',
  'unevaluatedItems',
  'contains',
  'minContains',
  'maxContains',
  'uniqueItems',
  'enum',
  'const',
  'prefixItems',
  'additionalItems',
  'discriminator',
];

/** What an anyOf alternative that cannot describe a container may hold: checks of strings and numbers only. */
const SCALAR_ONLY_KEYWORDS: ReadonlySet<string> = new Set([
  'type',
  'pattern',
  'patternErrorMessage',
  'errorMessage',
  'format',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'title',
  'description',
  'markdownDescription',
  '$comment',
  'default',
  'examples',
  'doNotSuggest',
]);

const MAX_REF_DEPTH = 16;

/**
 * Resolves local `#/definitions/…` references the way the JSON language service does (the referenced schema's keywords
 * are merged over the referring one's). Undefined for anything else (remote refs, boolean schemas, cycles).
 */
export function resolveSchema(schema: JSONSchemaRef | undefined, definitions: Readonly<Record<string, JSONSchemaRef>>): JSONSchema | undefined {
  if (schema === undefined || typeof schema === 'boolean') {
    return undefined;
  }
  let current: JSONSchema = schema;
  for (let depth = 0; current.$ref !== undefined; depth++) {
    const match = /^#\/definitions\/([^/]+)$/.exec(current.$ref);
    const target = match?.[1] !== undefined ? definitions[match[1]] : undefined;
    if (depth >= MAX_REF_DEPTH || target === undefined || typeof target === 'boolean') {
      return undefined;
    }
    const rest: JSONSchema = { ...current };
    delete rest.$ref;
    current = { ...rest, ...target };
  }
  return current;
}

function acceptsType(type: JSONSchema['type'], nodeType: 'object' | 'array'): boolean {
  if (type === undefined) {
    return true;
  }
  return Array.isArray(type) ? type.includes(nodeType) : type === nodeType;
}

/**
 * The schema of a container's child, when the container's schema is transparent for it: what the language service
 * reports for the child is exactly its own validation against that schema, and nothing it reports for the container
 * (or the container's ancestors) depends on the child's value. Transparent means: no keyword that looks into values
 * (VALUE_DEPENDENT_KEYWORDS); the child is a declared property (objects) or the array has one `items` schema; and an
 * `anyOf` (the "object, or an ARM expression" wrapping of the generated schemas) whose first alternative is the only
 * one accepting the container's type, the others being scalar checks that merely report a type mismatch, so the
 * first alternative is always the one whose problems are reported.
 */
export function childSchema(
  schema: JSONSchemaRef,
  containerType: 'object' | 'array',
  step: PathStep,
  definitions: Readonly<Record<string, JSONSchemaRef>>,
): JSONSchemaRef | undefined {
  if (typeof schema === 'boolean') {
    return undefined;
  }
  // Cached per schema object (the schemas are immutable); array indices share one entry.
  let known = childSchemas.get(schema);
  if (!known) {
    known = new Map();
    childSchemas.set(schema, known);
  }
  const key = typeof step === 'number' ? `${containerType}[]` : `${containerType}.${step}`;
  let found = known.get(key);
  if (found === undefined) {
    found = findChildSchema(schema, containerType, step, definitions, 0) ?? null;
    known.set(key, found);
  }
  return found ?? undefined;
}

const childSchemas = new WeakMap<JSONSchema, Map<string, JSONSchemaRef | null>>();

function findChildSchema(
  schema: JSONSchemaRef,
  containerType: 'object' | 'array',
  step: PathStep,
  definitions: Readonly<Record<string, JSONSchemaRef>>,
  depth: number,
): JSONSchemaRef | undefined {
  const resolved = resolveSchema(schema, definitions);
  if (!resolved || depth > MAX_REF_DEPTH || VALUE_DEPENDENT_KEYWORDS.some((keyword) => keyword in resolved)) {
    return undefined;
  }
  if (resolved.anyOf !== undefined) {
    if ('properties' in resolved || 'items' in resolved || 'additionalProperties' in resolved) {
      return undefined;
    }
    const [first, ...others] = resolved.anyOf.map((alternative) => resolveSchema(alternative, definitions));
    if (!first || !acceptsType(first.type, containerType)) {
      return undefined;
    }
    for (const other of others) {
      if (!other || acceptsType(other.type, containerType) || Object.keys(other).some((keyword) => !SCALAR_ONLY_KEYWORDS.has(keyword))) {
        return undefined;
      }
    }
    return findChildSchema(first, containerType, step, definitions, depth + 1);
  }
  if (containerType === 'object' && typeof step === 'string') {
    const properties = resolved.properties;
    return properties && Object.prototype.hasOwnProperty.call(properties, step) ? properties[step] : undefined;
  }
  if (containerType === 'array' && typeof step === 'number') {
    const items = resolved.items;
    return items !== undefined && !Array.isArray(items) ? items : undefined;
  }
  return undefined;
}

/**
 * The deepest value of the resource that holds the whole edit strictly inside it (its quotes, braces or brackets
 * untouched) in both versions, reached through transparent schemas only. `oldRoot` and `newRoot` are the resource
 * objects of the previous and the new text, parsed without errors, with offsets relative to the resource's start;
 * `change` is relative to the resource's start too. Undefined when no such value exists below the resource itself.
 *
 * Why it is sound: both texts parse cleanly and are identical outside the edited value, which is one complete value
 * at the same place and path in both, so everything outside it parses the same way.
 */
export function findEditedSubtree(rootSchema: JSONSchema, oldRoot: Node, newRoot: Node, change: TextChange): EditedSubtree | undefined {
  const definitions = rootSchema.definitions ?? {};
  const delta = change.newEnd - change.oldEnd;
  let schema: JSONSchemaRef = rootSchema;
  let oldNode = oldRoot;
  let newNode = newRoot;
  const path: PathStep[] = [];
  let found: EditedSubtree | undefined;
  for (;;) {
    if (newNode.type !== 'object' && newNode.type !== 'array') {
      return found;
    }
    const children = newNode.children ?? [];
    const oldChildren = oldNode.children ?? [];
    if (children.length !== oldChildren.length) {
      return found;
    }
    let next: { index: number; newValue: Node; oldValue: Node; start: number; step: PathStep } | undefined;
    for (let index = 0; index < children.length; index++) {
      const child = children[index];
      const oldChild = oldChildren[index];
      const newValue = newNode.type === 'object' ? child?.children?.[1] : child;
      const oldValue = newNode.type === 'object' ? oldChild?.children?.[1] : oldChild;
      if (!child || !oldChild || !newValue || !oldValue) {
        return found;
      }
      if (newValue.offset + newValue.length <= change.start) {
        continue;
      }
      if (newValue.offset < change.start && change.newEnd < newValue.offset + newValue.length) {
        let step: PathStep = index;
        if (newNode.type === 'object') {
          const key: unknown = child.children?.[0]?.value;
          const oldKey: unknown = oldChild.children?.[0]?.value;
          if (typeof key !== 'string' || key !== oldKey) {
            return found;
          }
          step = key;
        }
        next = { index, newValue, oldValue, start: child.offset, step };
      }
      break;
    }
    if (!next) {
      return found;
    }
    const { newValue, oldValue } = next;
    if (oldValue.type !== newValue.type || oldValue.offset !== newValue.offset || oldValue.length !== newValue.length - delta) {
      return found;
    }
    const valueSchema = childSchema(schema, newNode.type, next.step, definitions);
    if (valueSchema === undefined) {
      return found;
    }
    path.push(next.step);
    const end = newValue.offset + newValue.length;
    found = { path: [...path], schema: valueSchema, start: next.start, end, oldEnd: end - delta, valueOffset: newValue.offset, valueType: newValue.type };
    schema = valueSchema;
    oldNode = oldValue;
    newNode = newValue;
  }
}

/** Keywords that only describe a value or word a problem: they never make the language service report anything. */
const ANNOTATION_KEYWORDS: ReadonlySet<string> = new Set([
  'title',
  'description',
  'markdownDescription',
  'default',
  'examples',
  'defaultSnippets',
  'doNotSuggest',
  'suggestSortText',
  'enumDescriptions',
  'markdownEnumDescriptions',
  'errorMessage',
  'patternErrorMessage',
  '$comment',
]);

/** Deep enough for a local $ref inside an anyOf alternative. */
const MAX_ACCEPT_DEPTH = 4;

/**
 * Whether `value` certainly satisfies `schema`, judged only from `type: "string"`, `pattern`, string `enum`, local
 * `$ref` and `anyOf`; false (ask the language service) for any other keyword or any doubt.
 */
function acceptsString(schema: JSONSchemaRef, value: string, definitions: Record<string, JSONSchemaRef>, depth: number): boolean {
  if (typeof schema !== 'object' || depth > MAX_ACCEPT_DEPTH) {
    return false;
  }
  for (const keyword of Object.keys(schema)) {
    if (ANNOTATION_KEYWORDS.has(keyword)) {
      continue;
    }
    switch (keyword) {
      case 'type':
        if (schema.type !== 'string') {
          return false;
        }
        break;
      case 'pattern':
        if (schema.pattern === undefined || !matchesPattern(schema.pattern, value)) {
          return false;
        }
        break;
      case 'enum':
        if (!schema.enum?.includes(value)) {
          return false;
        }
        break;
      case 'anyOf':
        if (!schema.anyOf?.some((alternative) => acceptsString(alternative, value, definitions, depth + 1))) {
          return false;
        }
        break;
      case '$ref': {
        const name = /^#\/definitions\/([^/]+)$/.exec(schema.$ref ?? '')?.[1];
        const target = name === undefined ? undefined : definitions[name];
        if (target === undefined || !acceptsString(target, value, definitions, depth + 1)) {
          return false;
        }
        break;
      }
      default:
        return false;
    }
  }
  return true;
}

const compiledPatterns = new Map<string, RegExp | null>();

/** The pattern as the language service compiles it (Unicode mode); a pattern it would compile differently is not judged. */
function matchesPattern(pattern: string, value: string): boolean {
  let regex = compiledPatterns.get(pattern);
  if (regex === undefined) {
    try {
      regex = pattern.startsWith('(?i)') ? null : new RegExp(pattern, 'u');
    } catch {
      regex = null;
    }
    compiledPatterns.set(pattern, regex);
  }
  return regex !== null && regex.test(value);
}

/**
 * The edited value, when the re-validated part is a string with nothing else the language service could report: the
 * value is one string token without escapes or control characters and, for a property, only its key, white space
 * and the colon precede it. Undefined otherwise.
 */
function plainStringValue(text: string, subtree: EditedSubtree, keyed: boolean): string | undefined {
  const { start, end, valueOffset } = subtree;
  if (end - valueOffset < 2 || text.charCodeAt(valueOffset) !== 0x22 || text.charCodeAt(end - 1) !== 0x22 || !isSimpleStringBody(text, valueOffset + 1, end - 1)) {
    return undefined;
  }
  const value = text.slice(valueOffset + 1, end - 1);
  if (!keyed) {
    return start === valueOffset ? value : undefined;
  }
  if (text.charCodeAt(start) !== 0x22) {
    return undefined;
  }
  const keyEnd = text.indexOf('"', start + 1);
  if (keyEnd < 0 || keyEnd >= valueOffset || !isSimpleStringBody(text, start + 1, keyEnd)) {
    return undefined;
  }
  let colons = 0;
  for (let i = keyEnd + 1; i < valueOffset; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x3a /* : */) {
      colons++;
    } else if (code !== 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) {
      return undefined;
    }
  }
  return colons === 1 ? value : undefined;
}

/** text[from, to) holds no quote, backslash or control character. */
function isSimpleStringBody(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x22 || code === 0x5c || code < 0x20) {
      return false;
    }
  }
  return true;
}

/** A schema diagnostic of a subtree, offsets relative to the resource's start. */
export interface SubtreeDiagnostic {
  readonly offset: number;
  readonly length: number;
  readonly diagnostic: Diagnostic;
}

export interface SubtreeValidation {
  readonly diagnostics: readonly SubtreeDiagnostic[];
  /** The language service's own syntax diagnostics (codes from 0x100) of the subtree, which the caller filters. */
  readonly syntaxCodes: readonly number[];
}

/** Distinct paths (array indices folded) served; beyond this, edits fall back to whole-resource validation. */
const MAX_REGISTERED_PATHS = 256;

/** The language service validating one path's values: its wrapper schema is its only one. */
interface PathValidator {
  readonly service: LanguageService;
  readonly uri: string;
}

/**
 * Validates edited values against the sub-schema of their path. Each path (array indices folded) gets a small wrapper
 * schema and a JSON language service of its own, made on first use: with one schema association per service, each
 * validation finds its schema without matching the document name against every path seen, and a new path never
 * resets the schemas the others have resolved.
 */
export class SubtreeValidator {
  /** Per edited value's schema object, per key ('' for an array item). */
  private readonly validators = new Map<JSONSchemaRef, Map<string, PathValidator>>();
  private registered = 0;

  /** Language services made so far, one per distinct path validated (tests read it). */
  get languageServicesMade(): number {
    return this.registered;
  }

  /**
   * Diagnostics of the edited value in `resourceText` (the new text of the resource), or undefined when the subtree
   * cannot be validated on its own (too many paths registered, or anything reported outside the value).
   */
  async validate(scope: string, rootSchema: JSONSchema, resourceText: string, subtree: EditedSubtree): Promise<SubtreeValidation | undefined> {
    const last = subtree.path[subtree.path.length - 1];
    if (last === undefined) {
      return undefined;
    }
    const keyed = typeof last === 'string';
    // A string the schema plainly accepts (a string schema, its patterns or enum values, an "anyOf" of those): the
    // language service would report nothing (most keystrokes in ARM expressions, names, IDs, dates), so none is asked.
    // Anything else (a mismatch, a format, other keywords) is left to the language service, which words the problem.
    const value = plainStringValue(resourceText, subtree, keyed);
    if (value !== undefined && acceptsString(subtree.schema, value, rootSchema.definitions ?? {}, 0)) {
      return { diagnostics: [], syntaxCodes: [] };
    }
    const validator = this.validatorFor(scope, rootSchema, subtree);
    if (!validator) {
      return undefined;
    }
    // The property keeps its key (problems of an object are reported there); an array item stays an array item.
    const text = `${keyed ? '{' : '['}${resourceText.slice(subtree.start, subtree.end)}${keyed ? '}' : ']'}`;
    const document = TextDocument.create(validator.uri, 'json', 1, text);
    const found = await validator.service.doValidation(document, validator.service.parseJSONDocument(document), {
      comments: 'ignore',
      trailingCommas: 'ignore',
      schemaValidation: 'error',
      schemaRequest: 'ignore',
    });
    const diagnostics: SubtreeDiagnostic[] = [];
    const syntaxCodes: number[] = [];
    for (const diagnostic of found) {
      if (typeof diagnostic.code === 'number' && diagnostic.code >= 0x100) {
        syntaxCodes.push(diagnostic.code);
        continue;
      }
      const start = document.offsetAt(diagnostic.range.start);
      const end = document.offsetAt(diagnostic.range.end);
      if (start < 1 || end > text.length - 1) {
        return undefined; // about the wrapper itself: not something the whole-resource validation would say
      }
      diagnostics.push({ offset: subtree.start + start - 1, length: end - start, diagnostic });
    }
    return { diagnostics, syntaxCodes };
  }

  private validatorFor(scope: string, rootSchema: JSONSchema, subtree: EditedSubtree): PathValidator | undefined {
    const last = subtree.path[subtree.path.length - 1];
    const key = typeof last === 'string' ? `.${last}` : '';
    let byKey = this.validators.get(subtree.schema);
    if (!byKey) {
      byKey = new Map();
      this.validators.set(subtree.schema, byKey);
    }
    let validator = byKey.get(key);
    if (validator === undefined) {
      if (this.registered >= MAX_REGISTERED_PATHS) {
        return undefined;
      }
      const name = `subtree-${this.registered}.acg-subtree.json`;
      const wrapper: JSONSchema =
        typeof last === 'string'
          ? { type: 'object', properties: { [last]: subtree.schema }, definitions: rootSchema.definitions }
          : { type: 'array', items: subtree.schema, definitions: rootSchema.definitions };
      const service = getLanguageService({});
      service.configure({
        validate: true,
        allowComments: true,
        schemas: [{ uri: `acg-subtree-schema://${encodeURIComponent(scope)}/${this.registered}.json`, fileMatch: [name], schema: wrapper }],
      });
      validator = { service, uri: `acg-subtree://${encodeURIComponent(scope)}/${name}` };
      this.registered++;
      byKey.set(key, validator);
    }
    return validator;
  }
}
