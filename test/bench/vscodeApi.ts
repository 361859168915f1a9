/**
 * The few `vscode` classes the tree builds items with, for benchmarks in plain Node (VS Code's own are
 * plain data classes too). Only what the tree code constructs; anything else throws, so a benchmark
 * cannot silently measure less than the real code does.
 */
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
/** `vscode.l10n.t` as VS Code runs it with no translation loaded: the English text, `{0}` / `{name}` filled in. */
export const l10n = {
  t(message: string | { message: string; args?: unknown[] | Record<string, unknown> }, ...rest: unknown[]): string {
    const text = typeof message === 'string' ? message : message.message;
    const given = typeof message === 'string' ? rest : (message.args ?? []);
    const args: unknown[] | Record<string, unknown> = Array.isArray(given) && given.length === 1 && typeof given[0] === 'object' && given[0] !== null && !Array.isArray(given[0]) ? (given[0] as Record<string, unknown>) : given;
    return text.replace(/\{([^{}]+)\}/g, (whole, key: string) => {
      const value = Array.isArray(args) ? args[Number(key)] : args[key];
      return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : whole;
    });
  },
};
