/**
 * The `vscode` module for tree tests in plain Node: the benchmark's data classes (test/bench/vscodeApi.ts)
 * plus recording fakes of the few window / workspace calls the tree and Select Subscriptions make.
 * Anything not here is undefined, so code that needs more fails loudly instead of testing less.
 */
import * as realL10n from '@vscode/l10n';

export { EventEmitter, MarkdownString, ThemeColor, ThemeIcon, TreeItem, TreeItemCollapsibleState } from '../../bench/vscodeApi';

/**
 * vscode.l10n: the same lookup as @vscode/l10n (English without a bundle; the l10n test configures a pseudo one).
 * `bundle` stays undefined, as in an English VS Code.
 */
export const l10n = { bundle: undefined as Record<string, string> | undefined, t: realL10n.t };

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

/** Command handlers registered with commands.registerCommand, by id. */
export const registeredCommands = new Map<string, (...args: unknown[]) => unknown>();
/** Text written with env.clipboard.writeText, newest last. */
export const clipboardWrites: string[] = [];
/** Titles of window.withProgress calls, in order. */
export const progressTitles: string[] = [];
/**
 * How the next modal/notification questions are answered (showWarningMessage with items): the item to choose,
 * taken in order; undefined = dismissed.
 */
export const answers: Array<string | undefined> = [];

export function resetFakes(): void {
  shownMessages.length = 0;
  settings.clear();
  quickPicks.length = 0;
  registeredCommands.clear();
  clipboardWrites.length = 0;
  progressTitles.length = 0;
  answers.length = 0;
}

export const ProgressLocation = { SourceControl: 1, Window: 10, Notification: 15 } as const;

/** A CancellationToken whose cancel() a test calls (the Cancel button of a progress notification). */
export class FakeCancellationToken {
  isCancellationRequested = false;
  private readonly listeners = new Set<() => unknown>();
  onCancellationRequested = (listener: () => unknown): Disposable => {
    this.listeners.add(listener);
    return new Disposable(() => this.listeners.delete(listener));
  };
  cancel(): void {
    this.isCancellationRequested = true;
    [...this.listeners].forEach((l) => l());
  }
}
/** The token handed to the running withProgress task (the newest). */
export let progressToken = new FakeCancellationToken();

export const env = {
  clipboard: {
    writeText: (text: string): Promise<void> => {
      clipboardWrites.push(text);
      return Promise.resolve();
    },
  },
};

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
  value = '';
  onDidChangeValue = (): Disposable => new Disposable(() => undefined);
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
  return (message: string, ...items: unknown[]): Promise<string | undefined> => {
    shownMessages.push(`${kind}: ${message}`);
    // Only a question (items to choose from) takes an answer; a plain notice resolves undefined.
    const asks = items.some((i) => typeof i === 'string');
    return Promise.resolve(asks ? answers.shift() : undefined);
  };
}

export const window = {
  withProgress: <T>(options: { title?: string }, task: (progress: { report(value: unknown): void }, token: FakeCancellationToken) => Promise<T>): Promise<T> => {
    progressTitles.push(options.title ?? '');
    progressToken = new FakeCancellationToken();
    return task({ report: () => undefined }, progressToken);
  },
  setStatusBarMessage: (): Disposable => new Disposable(() => undefined),
  showQuickPick: (): Promise<undefined> => Promise.reject(new Error('showQuickPick not expected in this test')),
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
  registerCommand: (id: string, handler: (...args: unknown[]) => unknown): Disposable => {
    registeredCommands.set(id, handler);
    return new Disposable(() => registeredCommands.delete(id));
  },
};
