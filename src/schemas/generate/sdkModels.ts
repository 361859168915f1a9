/**
 * Reads the model declarations of @azure/arm-compute (the .d.ts files in node_modules) with the TypeScript parser.
 * The SDK is generated from the same TypeSpec as the REST API (galleries 2025-12-03, images 2026-04-01), so it is the
 * freshest source for which properties are read-only and for their documentation.
 */
import * as fs from 'node:fs';
import * as ts from 'typescript';

export interface SdkMember {
  readonly name: string;
  readonly readonly: boolean;
  readonly optional: boolean;
  readonly doc: string | undefined;
  /** Referenced model name, with arrays / records unwrapped ("TargetRegion" for `TargetRegion[]`). */
  readonly typeName: string | undefined;
  readonly isArray: boolean;
  /** The written type, e.g. `"Windows" | "Linux"` or `string`. */
  readonly typeText: string;
}

export interface SdkInterface {
  readonly name: string;
  readonly doc: string | undefined;
  readonly bases: readonly string[];
  readonly members: ReadonlyMap<string, SdkMember>;
}

export interface SdkEnumMember {
  readonly value: string;
  readonly doc: string | undefined;
}

export class SdkModelIndex {
  private readonly interfaces = new Map<string, SdkInterface>();
  private readonly enums = new Map<string, SdkEnumMember[]>();

  constructor(files: readonly string[]) {
    for (const file of files) {
      this.read(file);
    }
  }

  interface(name: string): SdkInterface | undefined {
    return this.interfaces.get(name);
  }

  /** Members of an interface including the ones it inherits (own members win). */
  allMembers(name: string): Map<string, SdkMember> {
    const result = new Map<string, SdkMember>();
    const visit = (interfaceName: string, depth: number): void => {
      const declaration = this.interfaces.get(interfaceName);
      if (!declaration || depth > 10) {
        return;
      }
      for (const base of declaration.bases) {
        visit(base, depth + 1);
      }
      for (const [memberName, member] of declaration.members) {
        result.set(memberName, member);
      }
    };
    visit(name, 0);
    return result;
  }

  /** Values of a `KnownXxx` enum (the SDK's list of documented values of an extensible string). */
  knownValues(typeName: string): readonly SdkEnumMember[] | undefined {
    return this.enums.get(`Known${typeName}`);
  }

  private read(file: string): void {
    const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
    for (const statement of source.statements) {
      if (ts.isInterfaceDeclaration(statement) && !this.interfaces.has(statement.name.text)) {
        this.interfaces.set(statement.name.text, readInterface(statement));
      } else if (ts.isEnumDeclaration(statement) && !this.enums.has(statement.name.text)) {
        this.enums.set(statement.name.text, readEnum(statement));
      }
    }
  }
}

function readInterface(declaration: ts.InterfaceDeclaration): SdkInterface {
  const bases: string[] = [];
  for (const clause of declaration.heritageClauses ?? []) {
    for (const type of clause.types) {
      if (ts.isIdentifier(type.expression)) {
        bases.push(type.expression.text);
      }
    }
  }
  const members = new Map<string, SdkMember>();
  for (const member of declaration.members) {
    if (!ts.isPropertySignature(member) || !member.type) {
      continue;
    }
    const name = ts.isIdentifier(member.name) || ts.isStringLiteral(member.name) ? member.name.text : undefined;
    if (!name) {
      continue;
    }
    const { typeName, isArray } = referencedModel(member.type);
    members.set(name, {
      name,
      readonly: member.modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.ReadonlyKeyword) ?? false,
      optional: member.questionToken !== undefined,
      doc: docOf(member),
      typeName,
      isArray,
      typeText: member.type.getText(),
    });
  }
  return { name: declaration.name.text, doc: docOf(declaration), bases, members };
}

function readEnum(declaration: ts.EnumDeclaration): SdkEnumMember[] {
  const result: SdkEnumMember[] = [];
  for (const member of declaration.members) {
    if (member.initializer && ts.isStringLiteral(member.initializer)) {
      result.push({ value: member.initializer.text, doc: docOf(member) });
    }
  }
  return result;
}

function referencedModel(type: ts.TypeNode): { typeName: string | undefined; isArray: boolean } {
  if (ts.isArrayTypeNode(type)) {
    return { typeName: referencedModel(type.elementType).typeName, isArray: true };
  }
  if (ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName)) {
    const name = type.typeName.text;
    const args = type.typeArguments ?? [];
    if (name === 'Array' && args[0]) {
      return { typeName: referencedModel(args[0]).typeName, isArray: true };
    }
    if (name === 'Record' && args[1]) {
      return { typeName: referencedModel(args[1]).typeName, isArray: false };
    }
    return { typeName: name, isArray: false };
  }
  return { typeName: undefined, isArray: false };
}

function docOf(node: ts.Node): string | undefined {
  const parts: string[] = [];
  for (const doc of ts.getJSDocCommentsAndTags(node)) {
    if (ts.isJSDoc(doc)) {
      const text = ts.getTextOfJSDocComment(doc.comment);
      if (text) {
        parts.push(text.trim());
      }
    }
  }
  return parts.length ? parts.join('\n') : undefined;
}
