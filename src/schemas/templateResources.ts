/**
 * Finds gallery, image definition, image version and managed image resources in the text of an ARM deployment
 * template (JSON or JSONC). Pure: no 'vscode', no language service.
 *
 * Understands: `resources` as an array (languageVersion 1.0) or an object of symbolic names (languageVersion 2.0),
 * child resources nested in a parent's `resources` ("type": "images" under a gallery, "versions" under an image
 * definition, or the full type), full types at the top level with "gallery/image" names, `existing: true` references,
 * and the inner templates of nested deployments (Microsoft.Resources/deployments with properties.template).
 * ARM compares types and template keywords case-insensitively, and so does this module.
 *
 * Large templates: `updateTemplateAnalysis` reuses the analysis of the previous version of the text. An edit inside
 * one resource re-parses only that resource (the innermost of ours that contains the edit); the resources before it
 * are kept and the ones after it are shifted. Each resource has an `id` that survives such updates while its text is
 * unchanged, so callers can keep per-resource results.
 */
import type { Node, ParseError } from 'jsonc-parser';
import { parseTree } from 'jsonc-parser';
import type { GalleryResourceKind } from './resourceKinds';
import { kindOfArmType } from './resourceKinds';

export interface OffsetRange {
  readonly offset: number;
  readonly length: number;
}

export interface TemplateResource extends OffsetRange {
  /** Stable while the resource's text is unchanged across `updateTemplateAnalysis` calls. */
  readonly id: number;
  readonly kind: GalleryResourceKind;
  /** The full ARM type, e.g. "Microsoft.Compute/galleries/images", whatever was written. */
  readonly fullType: string;
  /** The type as written ("images" for a nested child). */
  readonly declaredType: string;
  readonly apiVersion: string | undefined;
  /** The name as written (may be an ARM expression). */
  readonly name: string | undefined;
  /** Range of the name's string value. */
  readonly nameRange: OffsetRange | undefined;
  /** Key of the resource in a languageVersion 2.0 `resources` object. */
  readonly symbolicName: string | undefined;
  readonly existing: boolean;
  /** True when declared inside another resource's `resources` (then `name` holds only the child's own segment). */
  readonly nested: boolean;
  /** Full type of the resource this one is declared in (any type, not only ours). */
  readonly parentType: string | undefined;
  /** Names of the enclosing resources, outermost first, as written (only for nested declarations). */
  readonly parentNames: readonly string[];
}

/** A member of the template's top-level `resources` (of any type). */
export interface TemplateEntry extends OffsetRange {
  readonly symbolicName: string | undefined;
}

export interface TemplateAnalysis {
  /** The document looks like an ARM deployment template ($schema, contentVersion or languageVersion next to resources). */
  readonly isTemplate: boolean;
  /** Our four kinds, in document order (parents before their children). */
  readonly resources: readonly TemplateResource[];
  readonly entries: readonly TemplateEntry[];
}

/** The part of the text that differs between two versions: [start, oldEnd) became [start, newEnd). */
export interface TextChange {
  readonly start: number;
  readonly oldEnd: number;
  readonly newEnd: number;
}

/** The resource object an edit re-parsed: its new id and node (offsets relative to its start), and what it was before. */
export interface ReparsedNode {
  readonly resourceId: number;
  readonly node: Node;
  readonly previous: TemplateResource;
}

export interface TemplateUpdate {
  readonly analysis: TemplateAnalysis;
  /** Undefined when the text did not change. */
  readonly change: TextChange | undefined;
  /** How much had to be parsed again. */
  readonly reparsed: 'nothing' | 'resource' | 'entry' | 'document';
  /** Ids of the previous analysis that no longer exist (the re-parsed resources); all of them for 'document'. */
  readonly replacedIds: ReadonlySet<number> | 'all';
  /** The resources that took their place (new ids), unless 'all' were replaced. */
  readonly added?: readonly TemplateResource[];
  /** The re-parsed resource object (offsets relative to its start), when `reparsed` is 'resource'. */
  readonly reparsedNode?: ReparsedNode;
  /**
   * When `reparsed` is 'resource': ids of our resources enclosing the re-parsed one (kept, grown by the edit), and
   * whether the re-parsed object has syntax errors (then the enclosing ones may read differently too).
   */
  readonly enclosingIds?: readonly number[];
  readonly reparsedSyntaxErrors?: boolean;
}

const PARSE_OPTIONS = { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true } as const;
const DEPLOYMENTS_TYPE = 'microsoft.resources/deployments';
const MAX_TEMPLATE_DEPTH = 8;
const NOT_A_TEMPLATE: TemplateAnalysis = { isTemplate: false, resources: [], entries: [] };

let nextId = 1;

export function analyzeTemplateText(text: string): TemplateAnalysis {
  // Cheap test first: large JSON files that are not templates (package-lock.json…) are never parsed.
  if (!text.includes('"resources"') || !/deploymentTemplate\.json|"contentVersion"|"languageVersion"/i.test(text)) {
    return NOT_A_TEMPLATE;
  }
  const root = parseTree(text, [], PARSE_OPTIONS);
  if (!root || root.type !== 'object' || !looksLikeTemplate(root)) {
    return NOT_A_TEMPLATE;
  }
  const resources: TemplateResource[] = [];
  const container = property(root, 'resources');
  const entries = container ? resourceEntries(container).map(({ node, symbolicName }) => ({ offset: node.offset, length: node.length, symbolicName })) : [];
  collectTemplate(root, 0, resources, 0);
  resources.sort((a, b) => a.offset - b.offset);
  return { isTemplate: true, resources, entries };
}

/**
 * Resource objects parsed earlier (offsets relative to the resource's start), by resource id, when the caller keeps
 * them; only objects parsed without syntax errors may be returned. An edit inside one string value of such an object
 * then moves offsets instead of parsing it again.
 */
export type ParsedNodes = (resourceId: number) => Node | undefined;

/**
 * The analysis of `text`, reusing `previous` (the analysis of `previousText`) where the edit allows.
 * Falls back to a full analysis whenever the edit is not strictly inside one resource or changes its extent.
 */
export function updateTemplateAnalysis(
  previous: TemplateAnalysis,
  previousText: string,
  text: string,
  parsedNodes?: ParsedNodes,
  knownChange?: TextChange,
): TemplateUpdate {
  // An empty known change says nothing either way (a no-op edit): compare instead.
  const change = knownChange && (knownChange.start !== knownChange.oldEnd || knownChange.start !== knownChange.newEnd) ? knownChange : findChange(previousText, text);
  if (!change) {
    return { analysis: previous, change, reparsed: 'nothing', replacedIds: new Set() };
  }
  if (previous.isTemplate) {
    // Built field by field, not spread: this runs on every keystroke.
    const byResource = reparseInnermostResource(previous, change, text, parsedNodes);
    if (byResource) {
      return withPartial(byResource, change, 'resource');
    }
    const byEntry = reparseEntry(previous, change, text);
    if (byEntry) {
      return withPartial(byEntry, change, 'entry');
    }
  }
  return { analysis: analyzeTemplateText(text), change, reparsed: 'document', replacedIds: 'all' };
}

/** The innermost of our resources whose object contains the offset (strictly inside its braces). */
export function resourceAtOffset(analysis: TemplateAnalysis, offset: number): TemplateResource | undefined {
  let found: TemplateResource | undefined;
  for (const resource of analysis.resources) {
    if (resource.offset >= offset) {
      break;
    }
    if (offset < resource.offset + resource.length && (!found || resource.offset >= found.offset)) {
      found = resource;
    }
  }
  return found;
}

/** The parsed object of one resource of `text` (the whole document); its offsets are relative to the resource's start. */
export function parseResourceNode(text: string, resource: OffsetRange): Node | undefined {
  return parseTree(text.slice(resource.offset, resource.offset + resource.length), [], PARSE_OPTIONS);
}

/** Where two texts differ, found by comparing blocks from both ends (fast even for large documents). */
export function findChange(before: string, after: string): TextChange | undefined {
  // No separate equality test first: it would compare the texts once more (this runs on every keystroke).
  const limit = Math.min(before.length, after.length);
  let start = 0;
  for (let block = 4096; block >= 1 && start < limit; ) {
    const end = Math.min(limit, start + block);
    if (before.slice(start, end) === after.slice(start, end)) {
      start = end;
    } else {
      block = block > 1 ? Math.floor(block / 8) || 1 : 0;
    }
  }
  let suffix = 0;
  const suffixLimit = limit - start;
  for (let block = 4096; block >= 1 && suffix < suffixLimit; ) {
    const size = Math.min(block, suffixLimit - suffix);
    if (before.slice(before.length - suffix - size, before.length - suffix) === after.slice(after.length - suffix - size, after.length - suffix)) {
      suffix += size;
    } else {
      block = block > 1 ? Math.floor(block / 8) || 1 : 0;
    }
  }
  if (start === before.length && start === after.length) {
    return undefined;
  }
  return { start, oldEnd: before.length - suffix, newEnd: after.length - suffix };
}

/**
 * One change covering `first` followed by `second` (whose offsets are in the text `first` produced): from the first
 * offset either touches to the last, in the coordinates of the text before both and after both.
 */
export function composeChanges(first: TextChange, second: TextChange): TextChange {
  const start = Math.min(first.start, second.start);
  const end = Math.max(first.newEnd, second.oldEnd); // in the text between the two edits
  return { start, oldEnd: end - (first.newEnd - first.oldEnd), newEnd: end + (second.newEnd - second.oldEnd) };
}

interface PartialUpdate {
  readonly analysis: TemplateAnalysis;
  readonly replacedIds: ReadonlySet<number>;
  readonly added: readonly TemplateResource[];
  readonly reparsedNode?: ReparsedNode;
  readonly enclosingIds?: readonly number[];
  readonly reparsedSyntaxErrors?: boolean;
}

function withPartial(partial: PartialUpdate, change: TextChange, reparsed: 'resource' | 'entry'): TemplateUpdate {
  return {
    analysis: partial.analysis,
    change,
    reparsed,
    replacedIds: partial.replacedIds,
    added: partial.added,
    reparsedNode: partial.reparsedNode,
    enclosingIds: partial.enclosingIds,
    reparsedSyntaxErrors: partial.reparsedSyntaxErrors,
  };
}

function reparseInnermostResource(previous: TemplateAnalysis, change: TextChange, text: string, parsedNodes: ParsedNodes | undefined): PartialUpdate | undefined {
  // Resources are sorted by offset and nest properly: walk back from the last one starting before the edit.
  let target: TemplateResource | undefined;
  let targetIndex = -1;
  for (let i = lastStartingBefore(previous.resources, change.start); i >= 0; i--) {
    const resource = previous.resources[i];
    if (resource && change.oldEnd < resource.offset + resource.length - 1) {
      target = resource; // the first containing one, going back, is the innermost
      targetIndex = i;
      break;
    }
  }
  if (!target) {
    return undefined;
  }
  const delta = change.newEnd - change.oldEnd;
  const before = parsedNodes?.(target.id);
  const patched = before && patchStringEdit(before, relativeChange(change, target.offset), text.slice(target.offset, target.offset + target.length + delta));
  if (patched) {
    return withPatchedResource(previous, targetIndex, patched, change);
  }
  const errors: ParseError[] = [];
  const node = parseExactObject(text, target.offset, target.length + delta, errors);
  if (!node) {
    return undefined;
  }
  const enclosingIds: number[] = [];
  const reparsed: TemplateResource[] = [];
  collectResourceObject(
    node,
    target.offset,
    { parentType: target.parentType, parentNames: target.parentNames, nested: target.nested, symbolicName: target.symbolicName },
    reparsed,
    0,
  );
  reparsed.sort((a, b) => a.offset - b.offset);
  const oldEnd = target.offset + target.length;
  const previousResources = previous.resources;
  const count = previousResources.length;
  const resources: TemplateResource[] = [];
  const replacedIds = new Set<number>();
  let index = 0;
  // Before the edited resource: unchanged, except its ancestors, which grow by delta.
  for (; index < count; index++) {
    const resource = previousResources[index];
    if (resource.offset >= target.offset) {
      break;
    }
    if (resource.offset + resource.length >= oldEnd) {
      enclosingIds.push(resource.id);
      resources.push(delta !== 0 ? grown(resource, delta) : resource);
    } else {
      resources.push(resource);
    }
  }
  // The edited resource and the ones inside it: replaced by the re-parsed ones.
  for (; index < count; index++) {
    const resource = previousResources[index];
    if (resource.offset >= oldEnd) {
      break;
    }
    replacedIds.add(resource.id);
  }
  for (const resource of reparsed) {
    resources.push(resource);
  }
  for (; index < count; index++) {
    const resource = previousResources[index];
    resources.push(delta === 0 ? resource : shifted(resource, delta));
  }
  const entries = movedEntries(previous.entries, oldEnd, delta);
  const first = reparsed[0];
  const reparsedNode = first && first.offset === target.offset ? { resourceId: first.id, node, previous: target } : undefined;
  return { analysis: { isTemplate: true, resources, entries }, replacedIds, added: reparsed, reparsedNode, enclosingIds, reparsedSyntaxErrors: errors.length > 0 };
}

function relativeChange(change: TextChange, base: number): TextChange {
  return { start: change.start - base, oldEnd: change.oldEnd - base, newEnd: change.newEnd - base };
}

/**
 * The update for an edit inside one string value of the resource at `targetIndex` (see patchStringEdit): only that
 * resource gets a new id. Starts from a copy of the previous list and replaces only what the edit moved: the target,
 * its ancestors (longer or shorter) and, when the length changed, the resources after the edit.
 */
function withPatchedResource(previous: TemplateAnalysis, targetIndex: number, node: Node, change: TextChange): PartialUpdate {
  const previousResources = previous.resources;
  const target = previousResources[targetIndex];
  const delta = change.newEnd - change.oldEnd;
  const oldEnd = target.offset + target.length;
  const nameRange = target.nameRange && target.nameRange.offset >= change.oldEnd ? { offset: target.nameRange.offset + delta, length: target.nameRange.length } : target.nameRange;
  const replacement = withPlace(target, nextId++, target.offset, target.length + delta, nameRange);
  const enclosingIds: number[] = [];
  const resources = previousResources.slice();
  resources[targetIndex] = replacement;
  for (let i = 0; i < targetIndex; i++) {
    const resource = previousResources[i];
    if (resource.offset < target.offset && resource.offset + resource.length >= oldEnd) {
      enclosingIds.push(resource.id);
      if (delta !== 0) {
        resources[i] = grown(resource, delta);
      }
    }
  }
  if (delta !== 0) {
    // After the edit, nested children of the target included.
    for (let i = targetIndex + 1; i < previousResources.length; i++) {
      const resource = previousResources[i];
      if (resource.offset >= change.oldEnd) {
        resources[i] = shifted(resource, delta);
      }
    }
  }
  const entries = movedEntries(previous.entries, oldEnd, delta);
  return {
    analysis: { isTemplate: true, resources, entries },
    replacedIds: new Set([target.id]),
    added: [replacement],
    reparsedNode: { resourceId: replacement.id, node, previous: target },
    enclosingIds,
    reparsedSyntaxErrors: false,
  };
}

/** Members of a resource object that decide what the resource is (and so what the analysis records): never patched. */
const RESOURCE_KEYWORDS: ReadonlySet<string> = new Set(['type', 'name', 'apiversion', 'existing', 'resources', 'scope', 'copy', 'condition']);

/**
 * The resource object after an edit that stays inside one string value: no quote, backslash or control character in
 * the new string, the quotes untouched, and not under one of the resource's own keywords (RESOURCE_KEYWORDS). Returns
 * a copy of `node` (a resource object parsed without errors, offsets relative to its start) with the offsets after
 * the edit moved and that string's value replaced, which is what parsing the new text would give; undefined for any
 * other edit. `change` is relative to the resource's start, `text` is the resource's new text. The copy shares the
 * subtrees the edit does not move; its `parent` links are not to be followed.
 */
export function patchStringEdit(node: Node, change: TextChange, text: string): Node | undefined {
  let edited: Node | undefined;
  for (let current: Node | undefined = node; current && current.type !== 'string'; ) {
    let next: Node | undefined;
    for (const child of current.children ?? []) {
      if (child.offset < change.start && change.oldEnd < child.offset + child.length) {
        next = child;
        break;
      }
    }
    if (!next) {
      return undefined;
    }
    if (current.type === 'property') {
      if (next !== current.children?.[1]) {
        return undefined; // inside the key
      }
    } else if (current === node && next.type === 'property') {
      const key: unknown = next.children?.[0]?.value;
      if (typeof key !== 'string' || RESOURCE_KEYWORDS.has(key.toLowerCase())) {
        return undefined;
      }
    }
    if (next.type === 'string') {
      edited = next;
    }
    current = next;
  }
  if (!edited || edited === node) {
    return undefined;
  }
  const delta = change.newEnd - change.oldEnd;
  const token = text.slice(edited.offset, edited.offset + edited.length + delta);
  if (token.length < 2 || token.charCodeAt(0) !== 0x22 || token.charCodeAt(token.length - 1) !== 0x22) {
    return undefined;
  }
  for (let i = 1; i < token.length - 1; i++) {
    const code = token.charCodeAt(i);
    if (code === 0x22 || code === 0x5c || code < 0x20) {
      return undefined;
    }
  }
  return movedCopy(node, undefined, change, edited, token.slice(1, -1));
}

type MutableNode = { -readonly [K in keyof Node]: Node[K] };

/**
 * `original` as parsing the edited text would give it: offsets after the edit moved, the nodes around it longer or
 * shorter, `edited` holding `value`. Subtrees the edit leaves where they are (before it, or after a same-length edit)
 * are shared, not copied, so their `parent` links lead into the previous tree: callers must not follow `parent`.
 * Every copy gets the same fields in the same order (one object shape).
 */
function movedCopy(original: Node, parent: Node | undefined, change: TextChange, edited: Node, value: string): Node {
  const delta = change.newEnd - change.oldEnd;
  const offset = original.offset;
  const end = offset + original.length;
  if (parent !== undefined && (end <= change.start || (delta === 0 && offset >= change.oldEnd))) {
    return original;
  }
  const colon = original.colonOffset;
  const moved: MutableNode = {
    type: original.type,
    value: original === edited ? value : (original.value as unknown),
    offset: offset >= change.oldEnd ? offset + delta : offset,
    length: offset < change.start && change.oldEnd <= end ? original.length + delta : original.length,
    colonOffset: colon !== undefined && colon >= change.oldEnd ? colon + delta : colon,
    parent,
    children: undefined,
  };
  const children = original.children;
  if (children) {
    const copies: Node[] = new Array<Node>(children.length);
    for (let i = 0; i < children.length; i++) {
      copies[i] = movedCopy(children[i], moved, change, edited, value);
    }
    moved.children = copies;
  }
  return moved;
}

function reparseEntry(previous: TemplateAnalysis, change: TextChange, text: string): PartialUpdate | undefined {
  const index = previous.entries.findIndex((entry) => entry.offset < change.start && change.oldEnd < entry.offset + entry.length - 1);
  const entry = previous.entries[index];
  if (!entry) {
    return undefined;
  }
  const delta = change.newEnd - change.oldEnd;
  const node = parseExactObject(text, entry.offset, entry.length + delta);
  if (!node) {
    return undefined;
  }
  const inside: TemplateResource[] = [];
  collectResourceObject(node, entry.offset, { parentType: undefined, parentNames: [], nested: false, symbolicName: entry.symbolicName }, inside, 0);
  inside.sort((a, b) => a.offset - b.offset);
  const oldEnd = entry.offset + entry.length;
  const resources = [
    ...previous.resources.filter((resource) => resource.offset < entry.offset),
    ...inside,
    ...previous.resources.filter((resource) => resource.offset >= oldEnd).map((resource) => shifted(resource, delta)),
  ];
  const entries = previous.entries.map((other, i) =>
    i < index ? other : i === index ? { ...other, length: other.length + delta } : { ...other, offset: other.offset + delta },
  );
  const replacedIds = new Set(previous.resources.filter((resource) => resource.offset >= entry.offset && resource.offset < oldEnd).map((resource) => resource.id));
  return { analysis: { isTemplate: true, resources, entries }, replacedIds, added: inside };
}

/** Index of the last resource whose offset is below `offset` (binary search), or -1. */
function lastStartingBefore(resources: readonly TemplateResource[], offset: number): number {
  let low = 0;
  let high = resources.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if ((resources[middle]?.offset ?? Infinity) < offset) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}

/**
 * Parses text[offset, offset + length) and accepts it only if it is one object closed by the range's last character.
 * jsonc-parser recovers from errors without looking at what surrounds a value, so such an object parses the same on
 * its own as inside the whole document; an object left open at the end of the range would not (in the document it
 * would run on), which is why errors at the very end reject the range.
 */
function parseExactObject(text: string, offset: number, length: number, errors: ParseError[] = []): Node | undefined {
  if (length < 2 || text.charCodeAt(offset) !== 0x7b /* { */ || text.charCodeAt(offset + length - 1) !== 0x7d /* } */) {
    return undefined;
  }
  const node = parseTree(text.slice(offset, offset + length), errors, PARSE_OPTIONS);
  if (!node || node.type !== 'object' || node.offset !== 0 || node.length !== length) {
    return undefined;
  }
  return errors.some((error) => error.offset >= length - 1) ? undefined : node;
}

/** An ancestor of the edited resource: same start, `delta` longer (built field by field, like `shifted`). */
function grown(resource: TemplateResource, delta: number): TemplateResource {
  return withPlace(resource, resource.id, resource.offset, resource.length + delta, resource.nameRange);
}

/** The top-level entries after an edit of `delta` characters ending at `oldEnd` (the one holding it grows). */
function movedEntries(entries: readonly TemplateEntry[], oldEnd: number, delta: number): readonly TemplateEntry[] {
  if (delta === 0) {
    return entries;
  }
  const moved: TemplateEntry[] = new Array<TemplateEntry>(entries.length);
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i];
    moved[i] =
      entry.offset >= oldEnd
        ? { offset: entry.offset + delta, length: entry.length, symbolicName: entry.symbolicName }
        : entry.offset + entry.length >= oldEnd
          ? { offset: entry.offset, length: entry.length + delta, symbolicName: entry.symbolicName }
          : entry;
  }
  return moved;
}

/** The same resource moved by `delta` (built field by field: this runs for every resource after an edit). */
function shifted(resource: TemplateResource, delta: number): TemplateResource {
  return withPlace(
    resource,
    resource.id,
    resource.offset + delta,
    resource.length,
    resource.nameRange ? { offset: resource.nameRange.offset + delta, length: resource.nameRange.length } : undefined,
  );
}

function makeResource(
  id: number,
  kind: GalleryResourceKind,
  offset: number,
  length: number,
  fullType: string,
  declaredType: string,
  apiVersion: string | undefined,
  name: string | undefined,
  nameRange: OffsetRange | undefined,
  symbolicName: string | undefined,
  existing: boolean,
  nested: boolean,
  parentType: string | undefined,
  parentNames: readonly string[],
): TemplateResource {
  return new PlacedResource(id, offset, length, nameRange, { kind, fullType, declaredType, apiVersion, name, symbolicName, existing, nested, parentType, parentNames });
}

/** What a resource is, independent of where it is: shared by every version of it that an edit only moved. */
interface ResourceInfo {
  readonly kind: GalleryResourceKind;
  readonly fullType: string;
  readonly declaredType: string;
  readonly apiVersion: string | undefined;
  readonly name: string | undefined;
  readonly symbolicName: string | undefined;
  readonly existing: boolean;
  readonly nested: boolean;
  readonly parentType: string | undefined;
  readonly parentNames: readonly string[];
}

/**
 * A TemplateResource as the analysis makes it: its place, and what it is in one shared object, so moving the
 * resources after an edit (every keystroke, every resource after it) copies four fields, not fourteen.
 */
class PlacedResource implements TemplateResource {
  constructor(
    readonly id: number,
    readonly offset: number,
    readonly length: number,
    readonly nameRange: OffsetRange | undefined,
    readonly info: ResourceInfo,
  ) {}

  get kind(): GalleryResourceKind {
    return this.info.kind;
  }
  get fullType(): string {
    return this.info.fullType;
  }
  get declaredType(): string {
    return this.info.declaredType;
  }
  get apiVersion(): string | undefined {
    return this.info.apiVersion;
  }
  get name(): string | undefined {
    return this.info.name;
  }
  get symbolicName(): string | undefined {
    return this.info.symbolicName;
  }
  get existing(): boolean {
    return this.info.existing;
  }
  get nested(): boolean {
    return this.info.nested;
  }
  get parentType(): string | undefined {
    return this.info.parentType;
  }
  get parentNames(): readonly string[] {
    return this.info.parentNames;
  }
}

/** The same resource (same kind, type, names…) at another place, possibly under another id. */
export function withPlace(resource: TemplateResource, id: number, offset: number, length: number, nameRange: OffsetRange | undefined): TemplateResource {
  const info: ResourceInfo =
    resource instanceof PlacedResource
      ? resource.info
      : {
          kind: resource.kind,
          fullType: resource.fullType,
          declaredType: resource.declaredType,
          apiVersion: resource.apiVersion,
          name: resource.name,
          symbolicName: resource.symbolicName,
          existing: resource.existing,
          nested: resource.nested,
          parentType: resource.parentType,
          parentNames: resource.parentNames,
        };
  return new PlacedResource(id, offset, length, nameRange, info);
}

function looksLikeTemplate(root: Node): boolean {
  const resources = property(root, 'resources');
  if (!resources || (resources.type !== 'array' && resources.type !== 'object')) {
    return false;
  }
  const schema = stringValue(property(root, '$schema'));
  if (schema !== undefined) {
    return /deploymentTemplate\.json/i.test(schema);
  }
  return property(root, 'contentVersion') !== undefined || property(root, 'languageVersion') !== undefined;
}

function collectTemplate(template: Node, base: number, out: TemplateResource[], depth: number): void {
  const resources = property(template, 'resources');
  for (const { node, symbolicName } of resources ? resourceEntries(resources) : []) {
    collectResourceObject(node, base, { parentType: undefined, parentNames: [], nested: false, symbolicName }, out, depth);
  }
}

interface DeclarationContext {
  readonly parentType: string | undefined;
  readonly parentNames: readonly string[];
  readonly nested: boolean;
  readonly symbolicName: string | undefined;
}

/** Records `node` (a resource object) if it is one of ours, then its children and inner templates. Offsets are base + node offsets. */
function collectResourceObject(node: Node, base: number, context: DeclarationContext, out: TemplateResource[], depth: number): void {
  const declaredType = stringValue(property(node, 'type'));
  if (declaredType === undefined) {
    return;
  }
  const fullType = context.parentType && !isQualifiedType(declaredType) ? `${context.parentType}/${declaredType}` : declaredType;
  const nameNode = property(node, 'name');
  const name = stringValue(nameNode);
  const kind = kindOfArmType(fullType);
  if (kind) {
    out.push(
      makeResource(
        nextId++,
        kind,
        base + node.offset,
        node.length,
        fullType,
        declaredType,
        stringValue(property(node, 'apiVersion')),
        name,
        nameNode && name !== undefined ? { offset: base + nameNode.offset, length: nameNode.length } : undefined,
        context.symbolicName,
        property(node, 'existing')?.value === true,
        context.nested,
        context.parentType,
        context.parentNames,
      ),
    );
  }
  const children = property(node, 'resources');
  if (children) {
    const childContext = { parentType: fullType, parentNames: [...context.parentNames, name ?? ''], nested: true };
    for (const child of resourceEntries(children)) {
      collectResourceObject(child.node, base, { ...childContext, symbolicName: child.symbolicName }, out, depth);
    }
  }
  if (fullType.toLowerCase() === DEPLOYMENTS_TYPE && depth < MAX_TEMPLATE_DEPTH) {
    const inner = property(property(node, 'properties'), 'template');
    if (inner?.type === 'object') {
      collectTemplate(inner, base, out, depth + 1);
    }
  }
}

function resourceEntries(container: Node): { node: Node; symbolicName: string | undefined }[] {
  const entries: { node: Node; symbolicName: string | undefined }[] = [];
  if (container.type === 'array') {
    for (const item of container.children ?? []) {
      if (item.type === 'object') {
        entries.push({ node: item, symbolicName: undefined });
      }
    }
  } else if (container.type === 'object') {
    for (const member of container.children ?? []) {
      const [key, value] = member.children ?? [];
      if (key && value?.type === 'object') {
        entries.push({ node: value, symbolicName: String(key.value) });
      }
    }
  }
  return entries;
}

/** "Microsoft.Compute/galleries/images" is qualified; "images" or "images/versions" are relative to the parent. */
function isQualifiedType(type: string): boolean {
  const slash = type.indexOf('/');
  return slash > 0 && type.slice(0, slash).includes('.');
}

/** The value of a property, keys compared case-insensitively (ARM is case-insensitive for template keywords). */
export function property(object: Node | undefined, key: string): Node | undefined {
  if (!object || object.type !== 'object') {
    return undefined;
  }
  const wanted = key.toLowerCase();
  for (const member of object.children ?? []) {
    const keyNode = member.children?.[0];
    if (typeof keyNode?.value === 'string' && keyNode.value.toLowerCase() === wanted) {
      return member.children?.[1];
    }
  }
  return undefined;
}

export function stringValue(node: Node | undefined): string | undefined {
  return node?.type === 'string' && typeof node.value === 'string' ? node.value : undefined;
}

/** An ARM template expression: "[...]" but not the "[[" escape of a literal bracket. */
export function isArmExpression(value: unknown): boolean {
  return typeof value === 'string' && value.length >= 2 && value.startsWith('[') && value.endsWith(']') && !value.startsWith('[[');
}
