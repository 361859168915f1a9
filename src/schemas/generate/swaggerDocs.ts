/**
 * Reads the swagger-derived resource pages in test/fixtures/reference/spec (000_*, 001_*, 003_*). Each holds a "## Swagger Schema"
 * block written as a JavaScript object literal (unquoted keys, single quotes), so it is parsed with the TypeScript
 * parser (never evaluated) and turned into JSON, then normalised: `allOf` bases merged into `properties`.
 *
 * What the generator takes from it: which properties are read-only (the ARM template schemas drop them, but GET
 * responses carry them), int32 formats, and per-value enum descriptions (`x-ms-enum.values`).
 */
import * as ts from 'typescript';
import type { JsonObject, JsonValue } from './jsonValue';
import { asArray, asObject, asString, isJsonObject } from './jsonValue';

export interface SwaggerNode {
  readonly description?: string;
  readonly readOnly: boolean;
  readonly type?: string;
  readonly format?: string;
  readonly enumValueDescriptions: ReadonlyMap<string, string>;
  readonly properties: ReadonlyMap<string, SwaggerNode>;
  readonly items?: SwaggerNode;
}

export interface SwaggerDoc {
  /** The `id:` of the page front matter, e.g. "GalleryImage". */
  readonly id: string;
  /** The API version the page was generated from ("The resource version is `2022-01-03`"). */
  readonly apiVersion: string | undefined;
  readonly root: SwaggerNode;
}

/** Whether a page of the spec folder is one of these pages (the others are articles the generator does not read). */
export function isSwaggerDocPage(text: string): boolean {
  return text.includes('## Swagger Schema');
}

export function parseSwaggerDoc(text: string, source: string): SwaggerDoc {
  const id = /^id:\s*(\S+)\s*$/m.exec(text)?.[1];
  if (!id) {
    throw new Error(`${source}: no "id:" in the front matter`);
  }
  const block = /## Swagger Schema\s*\n```[a-z]*\n([\s\S]*?)\n```/.exec(text)?.[1];
  if (!block) {
    throw new Error(`${source}: no "## Swagger Schema" code block`);
  }
  const apiVersion = /The resource version is `([^`]+)`/.exec(text)?.[1];
  const literal = parseObjectLiteral(block, source);
  return { id, apiVersion, root: normalise(literal) };
}

function parseObjectLiteral(code: string, source: string): JsonObject {
  const file = ts.createSourceFile('swagger.ts', `(${code})`, ts.ScriptTarget.ES2022, false, ts.ScriptKind.TS);
  const statement = file.statements[0];
  if (!statement || !ts.isExpressionStatement(statement)) {
    throw new Error(`${source}: the swagger block is not a single expression`);
  }
  let expression: ts.Expression = statement.expression;
  while (ts.isParenthesizedExpression(expression)) {
    expression = expression.expression;
  }
  const value = toJson(expression, source);
  if (!isJsonObject(value)) {
    throw new Error(`${source}: the swagger block is not an object literal`);
  }
  return value;
}

function toJson(node: ts.Expression, source: string): JsonValue {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
    return node.text;
  }
  if (ts.isNumericLiteral(node)) {
    return Number(node.text);
  }
  if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(node.operand)) {
    return -Number(node.operand.text);
  }
  if (node.kind === ts.SyntaxKind.TrueKeyword) {
    return true;
  }
  if (node.kind === ts.SyntaxKind.FalseKeyword) {
    return false;
  }
  if (node.kind === ts.SyntaxKind.NullKeyword) {
    return null;
  }
  if (ts.isArrayLiteralExpression(node)) {
    return node.elements.map((element) => toJson(element, source));
  }
  if (ts.isObjectLiteralExpression(node)) {
    const result: JsonObject = {};
    for (const property of node.properties) {
      if (!ts.isPropertyAssignment(property)) {
        throw new Error(`${source}: unsupported object member ${ts.SyntaxKind[property.kind]}`);
      }
      const name = property.name;
      const key = ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name) ? name.text : undefined;
      if (key === undefined) {
        throw new Error(`${source}: unsupported property name ${ts.SyntaxKind[name.kind]}`);
      }
      result[key] = toJson(property.initializer, source);
    }
    return result;
  }
  throw new Error(`${source}: unsupported expression ${ts.SyntaxKind[node.kind]}`);
}

function normalise(schema: JsonObject): SwaggerNode {
  const properties = new Map<string, SwaggerNode>();
  let description = asString(schema['description']);
  let readOnly = schema['readOnly'] === true;
  let type = asString(schema['type']);
  let format = asString(schema['format']);
  const enumValueDescriptions = new Map<string, string>();

  for (const base of asArray(schema['allOf']) ?? []) {
    const baseNode = isJsonObject(base) ? normalise(base) : undefined;
    if (!baseNode) {
      continue;
    }
    for (const [name, node] of baseNode.properties) {
      properties.set(name, node);
    }
    description ??= baseNode.description;
    readOnly ||= baseNode.readOnly;
    type ??= baseNode.type;
    format ??= baseNode.format;
  }
  for (const [name, value] of Object.entries(asObject(schema['properties']) ?? {})) {
    if (isJsonObject(value)) {
      properties.set(name, normalise(value));
    }
  }
  for (const entry of asArray(asObject(schema['x-ms-enum'])?.['values']) ?? []) {
    const value = asString(asObject(entry)?.['value']);
    const text = asString(asObject(entry)?.['description']);
    if (value !== undefined && text) {
      enumValueDescriptions.set(value, text);
    }
  }
  const itemsValue = asObject(schema['items']);
  return {
    description,
    readOnly,
    type,
    format,
    enumValueDescriptions,
    properties,
    items: itemsValue ? normalise(itemsValue) : undefined,
  };
}
