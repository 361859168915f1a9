/**
 * The `vscode` module for tree tests in plain Node: the benchmark's data classes (test/bench/vscodeApi.ts)
 * plus recording fakes of the few window / workspace calls the tree and Select Subscriptions make.
 * Anything not here is undefined, so code that needs more fails loudly instead of testing less.
 */
export { EventEmitter, MarkdownString, ThemeColor, ThemeIcon, TreeItem, TreeItemCollapsibleState } from '../../bench/vscodeApi';

export const ConfigurationTarget = { Global: 1, Workspace: 2, WorkspaceFolder: 3 } as const;
export const QuickPickItemKind = { Separator: -1, Default: 0 } as const;

export class Disposable {
  constructor(private readonly onDispose: () => void) {}
  static from(...items: Array<{ dispose(): unknown }>): Disposable {
    return new Disposable(() => items.forEach((i) => i.dispose()));
  }
  dispose(): void {
    this.onDispose();
  }
}

/** What the code under test showed the user, in order: "error: …", "warning: …", "info: …". */
export const shownMessages: string[] = [];
/** Values written with workspace.getConfiguration('azureComputeGallery').update(key, value). */
export const settings = new Map<string, unknown>();
/** The quick picks created, newest last. */
export const quickPicks: FakeQuickPick[] = [];

export function resetFakes(): void {
  shownMessages.length = 0;
  settings.clear();
  quickPicks.length = 0;
}

export const workspace = {
  getConfiguration: (section?: string) => ({
    get: <T>(key: string): T | undefined => settings.get(section ? `${section}.${key}` : key) as T | undefined,
    update: (key: string, value: unknown): Promise<void> => {
      settings.set(section ? `${section}.${key}` : key, value);
      return Promise.resolve();
    },
  }),
  onDidChangeConfiguration: (): Disposable => new Disposable(() => undefined),
};

type Listener<T> = (e: T) => unknown;

export class FakeQuickPick {
  title: string | undefined;
  placeholder: string | undefined;
  canSelectMany = false;
  matchOnDescription = false;
  busy = false;
  visible = false;
  disposed = false;
  items: ReadonlyArray<{ label: string; kind?: number }> = [];
  selectedItems: ReadonlyArray<{ label: string; kind?: number }> = [];
  private readonly acceptListeners: Array<Listener<void>> = [];
  private readonly hideListeners: Array<Listener<void>> = [];
  onDidAccept = (l: Listener<void>): Disposable => {
    this.acceptListeners.push(l);
    return new Disposable(() => undefined);
  };
  onDidHide = (l: Listener<void>): Disposable => {
    this.hideListeners.push(l);
    return new Disposable(() => undefined);
  };
  show(): void {
    this.visible = true;
  }
  hide(): void {
    this.visible = false;
    this.hideListeners.forEach((l) => l());
  }
  accept(): void {
    this.acceptListeners.forEach((l) => l());
  }
  dispose(): void {
    this.disposed = true;
  }
}

function recordMessage(kind: string) {
  return (message: string): Promise<undefined> => {
    shownMessages.push(`${kind}: ${message}`);
    return Promise.resolve(undefined);
  };
}

export const window = {
  showErrorMessage: recordMessage('error'),
  showWarningMessage: recordMessage('warning'),
  showInformationMessage: recordMessage('info'),
  createQuickPick: (): FakeQuickPick => {
    const qp = new FakeQuickPick();
    quickPicks.push(qp);
    return qp;
  },
};

export const commands = {
  executeCommand: (): Promise<undefined> => Promise.resolve(undefined),
};
