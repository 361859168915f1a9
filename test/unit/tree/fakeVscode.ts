/**
 * The `vscode` module for tree tests in plain Node: the benchmark's data classes (test/bench/vscodeApi.ts)
 * plus recording fakes of the few window / workspace calls the tree and Select Subscriptions make.
 * Anything not here is undefined, so code that needs more fails loudly instead of testing less.
 */
export { EventEmitter, l10n, MarkdownString, ThemeColor, ThemeIcon, TreeItem, TreeItemCollapsibleState } from '../../bench/vscodeApi';

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
/** The `detail` of each message shown with options (a modal's second line), in order: "warning: …". */
export const shownDetails: string[] = [];
/** Values written with workspace.getConfiguration('azureComputeGallery').update(key, value). */
export const settings = new Map<string, unknown>();
/** The quick picks created, newest last. */
export const quickPicks: FakeQuickPick[] = [];

/** Command handlers registered with commands.registerCommand, by id. */
export const registeredCommands = new Map<string, (...args: unknown[]) => unknown>();
/** Text written with env.clipboard.writeText, newest last. */
export const clipboardWrites: string[] = [];
/** Every window.withProgress call, in order: where it shows, whether it offers Cancel, and the token it got. */
export const progressCalls: Array<{ title: string; location: number | undefined; cancellable: boolean; token: FakeCancellationToken }> = [];
/**
 * How the next modal/notification questions are answered (showWarningMessage with items): the item to choose,
 * taken in order; undefined = dismissed.
 */
export const answers: Array<string | undefined> = [];

/** How the next showQuickPick calls are answered: a function of the offered items; none queued = the test did not expect one. */
export const quickPickAnswers: Array<(items: readonly unknown[]) => unknown> = [];
/** The items and options of each showQuickPick call. */
export const shownQuickPicks: Array<{ items: readonly unknown[]; options: Record<string, unknown> | undefined }> = [];
/** How the next showInputBox calls are answered (undefined = Escape). */
export const inputAnswers: Array<string | undefined> = [];
/** The options of each showInputBox call (a test can call their validateInput). */
export const inputBoxes: Array<{ title?: string; prompt?: string; validateInput?: (value: string) => string | undefined }> = [];
/** Commands run with commands.executeCommand, with their arguments. */
export const executedCommands: Array<{ id: string; args: unknown[] }> = [];
/** Documents opened with workspace.openTextDocument (the text their content provider gave), and shown ones. */
export const openedDocuments: Array<{ uri: string; text: string }> = [];
const contentProviders = new Map<string, { provideTextDocumentContent(uri: Uri, token: FakeCancellationToken): string | Promise<string> }>();

export function resetFakes(): void {
  quickPickAnswers.length = 0;
  shownQuickPicks.length = 0;
  inputAnswers.length = 0;
  inputBoxes.length = 0;
  executedCommands.length = 0;
  openedDocuments.length = 0;
  shownMessages.length = 0;
  shownDetails.length = 0;
  settings.clear();
  quickPicks.length = 0;
  registeredCommands.clear();
  clipboardWrites.length = 0;
  openedExternal.length = 0;
  progressCalls.length = 0;
  answers.length = 0;
}

/** The parts of vscode.Uri the commands use. */
export class Uri {
  private constructor(
    readonly scheme: string,
    readonly path: string,
    readonly query: string,
  ) {}
  static from(parts: { scheme: string; path?: string; query?: string }): Uri {
    return new Uri(parts.scheme, parts.path ?? '', parts.query ?? '');
  }
  /** Enough for links: the scheme, and the rest kept as the path. */
  static parse(value: string): Uri {
    const colon = value.indexOf(':');
    return new Uri(value.slice(0, colon), value.slice(colon + 1), '');
  }
  toString(): string {
    return `${this.scheme}:${this.path}${this.query ? `?${this.query}` : ''}`;
  }
}

export const languages = {
  setTextDocumentLanguage: <T>(doc: T): Promise<T> => Promise.resolve(doc),
};

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

/** Links opened with env.openExternal, newest last. */
export const openedExternal: string[] = [];

export const env = {
  openExternal: (uri: Uri): Promise<boolean> => {
    openedExternal.push(uri.toString());
    return Promise.resolve(true);
  },
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
  registerTextDocumentContentProvider: (scheme: string, provider: { provideTextDocumentContent(uri: Uri, token: FakeCancellationToken): string | Promise<string> }): Disposable => {
    contentProviders.set(scheme, provider);
    return new Disposable(() => contentProviders.delete(scheme));
  },
  openTextDocument: async (uri: Uri): Promise<{ uri: Uri; getText(): string }> => {
    const provider = contentProviders.get(uri.scheme);
    if (!provider) {
      throw new Error(`no content provider for ${uri.scheme}`);
    }
    const text = await provider.provideTextDocumentContent(uri, new FakeCancellationToken());
    openedDocuments.push({ uri: uri.toString(), text });
    return { uri, getText: () => text };
  },
  /** The text a provider gives for `uri` now (after an update). */
  textOf: async (uri: string): Promise<string | undefined> => {
    const scheme = uri.slice(0, uri.indexOf(':'));
    const doc = openedDocuments.find((d) => d.uri === uri);
    const provider = contentProviders.get(scheme);
    if (!doc || !provider) {
      return undefined;
    }
    const [path, query] = uri.slice(scheme.length + 1).split('?');
    return provider.provideTextDocumentContent(Uri.from({ scheme, path, query: query ?? '' }), new FakeCancellationToken());
  },
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
    const options = items.find((i): i is { detail?: unknown } => typeof i === 'object' && i !== null);
    if (typeof options?.detail === 'string') {
      shownDetails.push(`${kind}: ${options.detail}`);
    }
    // Only a question (items to choose from) takes an answer; a plain notice resolves undefined.
    const asks = items.some((i) => typeof i === 'string');
    return Promise.resolve(asks ? answers.shift() : undefined);
  };
}

export const window = {
  withProgress: <T>(options: { title?: string; location?: number; cancellable?: boolean }, task: (progress: { report(value: unknown): void }, token: FakeCancellationToken) => Promise<T>): Promise<T> => {
    progressToken = new FakeCancellationToken();
    progressCalls.push({ title: options.title ?? '', location: options.location, cancellable: options.cancellable === true, token: progressToken });
    return task({ report: () => undefined }, progressToken);
  },
  setStatusBarMessage: (): Disposable => new Disposable(() => undefined),
  /** Items may be a promise (as VS Code allows): answered once they are known. */
  showQuickPick: async (itemsOrPromise: readonly unknown[] | Promise<readonly unknown[]>, options?: Record<string, unknown>): Promise<unknown> => {
    const answer = quickPickAnswers.shift();
    const items = await itemsOrPromise;
    shownQuickPicks.push({ items, options });
    if (!answer) {
      throw new Error('showQuickPick not expected in this test');
    }
    return answer(items);
  },
  showInputBox: (options: { title?: string; prompt?: string; validateInput?: (value: string) => string | undefined }): Promise<string | undefined> => {
    inputBoxes.push(options);
    return Promise.resolve(inputAnswers.shift());
  },
  showTextDocument: <T>(doc: T): Promise<T> => Promise.resolve(doc),
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
  executeCommand: (id: string, ...args: unknown[]): Promise<undefined> => {
    executedCommands.push({ id, args });
    return Promise.resolve(undefined);
  },
  registerCommand: (id: string, handler: (...args: unknown[]) => unknown): Disposable => {
    registeredCommands.set(id, handler);
    return new Disposable(() => registeredCommands.delete(id));
  },
};
