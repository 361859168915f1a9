/**
 * How an item of an ARM list becomes a child node: its identity is its parent's plus its own `name`
 * (never the item's `id` text, which Microsoft's own examples give non-canonically, e.g.
 * `…/providers/Microsoft.Compute/locations/westus/Galleries/g/Images/i`, and whose casing varies).
 * An item that cannot be addressed is skipped with one log line; it never fails the whole list.
 */
import { sameArmId, sameResource } from '../azure/armId';

/** The part of a LogOutputChannel these helpers write to. */
export interface WarningLog {
  warn(message: string): void;
}

/** `name` when it can address a resource under a parent: a non-empty path segment that is not `.` or `..`. */
export function usableName(name: unknown): string | undefined {
  if (typeof name !== 'string' || name.trim() === '' || name === '.' || name === '..') {
    return undefined;
  }
  return /[/\\\u0000-\u001f\u007f]/.test(name) ? undefined : name;
}

const warned = new WeakMap<WarningLog, Set<string>>();

/** Writes `message` once per log (so per extension session), however often the list is read again. */
export function warnOnce(log: WarningLog, key: string, message: string): void {
  let seen = warned.get(log);
  if (!seen) {
    seen = new Set();
    warned.set(log, seen);
  }
  if (!seen.has(key)) {
    seen.add(key);
    log.warn(message);
  }
}

/** Quotes text from Azure for a log line (control characters and quotes escaped). */
export function quoted(text: unknown): string {
  return JSON.stringify(typeof text === 'string' ? text : String(text));
}

/**
 * Logs once when a listed item's own id is not the one its parent and name give (casing and escaping aside:
 * Azure writes "rg-café" where a built id has "rg-caf%C3%A9"). The cheap comparison answers almost every item;
 * only a mismatch is parsed.
 */
export function noteUnexpectedId(log: WarningLog, what: string, listedId: string | undefined, builtId: string): void {
  if (listedId !== undefined && !sameArmId(listedId, builtId) && !sameResource(listedId, builtId)) {
    warnOnce(log, `id:${builtId.toLowerCase()}:${listedId}`, `${what} was listed with the id ${quoted(listedId)}; using ${quoted(builtId)}, built from its parent and its name.`);
  }
}

/** Logs once that an item of a list was left out, and why. */
export function noteSkipped(log: WarningLog, listId: string, itemsLabel: string, reason: string, item: { readonly id?: string; readonly name?: string }): void {
  const which = `name ${quoted(item.name ?? '')}, id ${quoted(item.id ?? '')}`;
  warnOnce(log, `skip:${listId}:${which}`, `Skipped one of the ${itemsLabel} of ${listId} (${which}): ${reason}`);
}
