/**
 * The few `vscode` classes the tree builds items with, for benchmarks in plain Node (VS Code's own are
 * plain data classes too). Only what the tree code constructs; anything else throws, so a benchmark
 * cannot silently measure less than the real code does.
 */
import * as realL10n from '@vscode/l10n';

/** vscode.l10n in English (no bundle): the same lookup and {0} formatting as @vscode/l10n. */
export const l10n = { bundle: undefined as Record<string, string> | undefined, t: realL10n.t };

export class TreeItem {
  id?: string;
  description?: string | boolean;
  tooltip?: unknown;
  contextValue?: string;
  iconPath?: unknown;
  command?: unknown;
  accessibilityInformation?: unknown;
  constructor(
    public label: string,
    public collapsibleState = 0,
  ) {}
}
export const TreeItemCollapsibleState = { None: 0, Collapsed: 1, Expanded: 2 } as const;
export class ThemeIcon {
  constructor(
    public id: string,
    public color?: ThemeColor,
  ) {}
}
export class ThemeColor {
  constructor(public id: string) {}
}
export class MarkdownString {
  value = '';
  appendText(text: string): this {
    this.value += text.replace(/[\\`*_{}[\]()#+\-.!<>|]/g, '\\$&');
    return this;
  }
  appendMarkdown(text: string): this {
    this.value += text;
    return this;
  }
}
export class EventEmitter<T> {
  private listeners: Array<(e: T) => void> = [];
  readonly event = (listener: (e: T) => void): { dispose(): void } => {
    this.listeners.push(listener);
    return { dispose: () => (this.listeners = this.listeners.filter((l) => l !== listener)) };
  };
  fire(e: T): void {
    for (const l of this.listeners) l(e);
  }
  dispose(): void {
    this.listeners = [];
  }
}
export const workspace = {
  getConfiguration: () => ({ get: (): undefined => undefined }),
};
