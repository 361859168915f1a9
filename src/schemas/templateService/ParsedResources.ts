/**
 * Resource objects the incremental analysis just parsed, by resource id, so validation need not parse them again and
 * the next edit inside a string value can patch them instead (templateResources.ts, patchStringEdit).
 */
import type { Node, ParseError } from 'jsonc-parser';
import { parseTree } from 'jsonc-parser';
import type { ParsedNodes } from '../templateResources';
import { LruCache } from './LruCache';

/** How templates are parsed (JSONC), as in templateResources.ts. */
const PARSE_OPTIONS = { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true } as const;

/** A parsed resource object (offsets relative to its start). */
export interface ParsedResource {
  readonly node: Node;
  readonly syntaxErrors: boolean;
}

export class ParsedResources {
  private readonly nodes = new LruCache<ParsedResource>(16);

  /** A resource object parsed without syntax errors, for the analysis to patch instead of parsing again. */
  readonly clean: ParsedNodes = (resourceId) => {
    const parsed = this.nodes.get(String(resourceId));
    return parsed && !parsed.syntaxErrors ? parsed.node : undefined;
  };

  get(resourceId: number): ParsedResource | undefined {
    return this.nodes.get(String(resourceId));
  }

  set(resourceId: number, parsed: ParsedResource): void {
    this.nodes.set(String(resourceId), parsed);
  }

  delete(resourceId: number): void {
    this.nodes.delete(String(resourceId));
  }
}

/** The resource object `text` holds, parsed as the analysis parses it, and whether it had syntax errors. */
export function parseResourceText(text: string): { readonly node: Node | undefined; readonly syntaxErrors: boolean } {
  const errors: ParseError[] = [];
  const node = parseTree(text, errors, PARSE_OPTIONS);
  return { node, syntaxErrors: errors.length > 0 };
}

/** The resource object `text` holds, if it parses to anything. */
export function parsedResource(text: string): ParsedResource | undefined {
  const { node, syntaxErrors } = parseResourceText(text);
  return node && { node, syntaxErrors };
}
