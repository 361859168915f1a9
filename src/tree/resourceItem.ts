import * as vscode from 'vscode';
import { resourceNodeId } from './nodeIds';
import type { TreeContext } from './TreeContext';

/** A TreeItem for an ARM resource: id = lower-cased ARM id, and "Deleting…"/"Creating…" while an action runs. */
export function resourceTreeItem(
  ctx: TreeContext,
  armId: string,
  label: string,
  collapsible: vscode.TreeItemCollapsibleState,
  contextValue: string,
): vscode.TreeItem {
  const item = new vscode.TreeItem(label, collapsible);
  item.id = resourceNodeId(armId);
  item.contextValue = contextValue;
  const pending = ctx.pending.get(item.id);
  if (pending) {
    item.description = pending;
    item.iconPath = new vscode.ThemeIcon('loading~spin');
    item.contextValue = `${contextValue};pending`;
  }
  return item;
}

/**
 * What a screen reader reads for a row: its kind and name, then each part of its description and of what its
 * icon shows, separated by commas ("image version 1.2.0, latest, Replicating 40%, 1 of 3 regions"). Parts
 * given twice (a description that repeats the facts) are read once.
 */
export function accessibleLabel(kind: string | undefined, name: string, ...facts: Array<string | vscode.TreeItemLabel | boolean | undefined>): string {
  const parts: string[] = [];
  for (const fact of facts) {
    const text = typeof fact === 'string' ? fact : typeof fact === 'object' ? fact.label : '';
    for (const part of text.split(' · ').map((p) => p.trim())) {
      if (part && !parts.some((p) => p.toLowerCase() === part.toLowerCase())) {
        parts.push(part);
      }
    }
  }
  const spoken = [kind ? `${kind} ${name}` : name, ...parts].join(', ');
  // Read as a sentence: "Image version 1.2.0, latest, …".
  return kind ? `${spoken.charAt(0).toUpperCase()}${spoken.slice(1)}` : spoken;
}

/** Appends "**key**: value" lines as plain text (any text from Azure is escaped by appendText). */
/**
 * Text from Azure as a hover shows it, never as a link: the hover's Markdown turns a bare `http://…`, `https://…` or
 * `www.…` into a link (GFM autolinks) that opens on a click, http included and without the modal the tree's "Open Link…"
 * shows (a community gallery's publisher is a stranger). A zero-width space after the scheme's colon, or after "www",
 * breaks the autolink while the text reads the same; appendText escapes the rest of Markdown.
 */
export function unlinked(text: string): string {
  return text.replace(/\b([a-z][a-z0-9+.-]*):(?=\/\/)/gi, '$1:\u200B').replace(/\b(www)(?=\.)/gi, '$1\u200B');
}

export function markdownFacts(title: string, facts: ReadonlyArray<[string, string | undefined]>): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  md.appendMarkdown('**');
  md.appendText(unlinked(title));
  md.appendMarkdown('**\n\n');
  for (const [key, value] of facts) {
    if (value === undefined || value === '') {
      continue;
    }
    md.appendText(key);
    md.appendMarkdown(': ');
    md.appendText(unlinked(value));
    md.appendMarkdown('  \n');
  }
  return md;
}

export function formatDate(value: Date | string | undefined): string | undefined {
  if (value === undefined) {
    return undefined;
  }
  const d = value instanceof Date ? value : new Date(value);
  return Number.isNaN(d.getTime()) ? String(value) : d.toISOString().slice(0, 10);
}
