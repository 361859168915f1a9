/**
 * Opens resource forms in webview panels, brings them back after a window reload (WebviewPanelSerializer),
 * and runs their writes under a cancellable progress notification with the tree's "Creating…" item.
 */
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { withAbortSignal } from '../azure/abortSignal';
import { inertNotificationText } from '../azure/armError';
import { armIdProblem, displayName, kindLabel, parseComputeResourceId } from '../azure/armId';
import type { AzureAccount } from '../azure/AzureAccount';
import type { GalleryTreeDataProvider } from '../tree/GalleryTreeDataProvider';
import { listNodeIdOf, resourceNodeId } from '../tree/nodeIds';
import { ArmFormBackend } from './FormBackend';
import type { SubmitEvents, SubmitOutcome, SubmitRequest } from './FormBackend';
import { formHtml, createNonce } from './formHtml';
import { FormSession } from './FormSession';
import { formDefinition } from './forms/formRegistry';
import { formResourceKind } from './forms/formTypes';
import type { FormKind, FormMode, FormValues } from './forms/formTypes';
import { text } from './forms/values';
import { isPersistedFormState, restoreProblem } from './protocol';

import { FORM_VIEW_TYPE } from './FormLauncher';

export interface OpenFormRequest {
  readonly kind: FormKind;
  readonly mode: FormMode;
  /** Prefilled values (the parent chosen in the tree). */
  readonly values?: FormValues;
  /** Update mode: the resource. */
  readonly targetId?: string;
  readonly tenantId?: string;
}

/** The tree row a new resource of this form appears under (the tree's own id function). */
export function parentNodeId(kind: ReturnType<typeof formResourceKind>, resourceId: string): string | undefined {
  const id = parseComputeResourceId(resourceId);
  return id?.kind === kind ? listNodeIdOf(id) : undefined;
}

export class FormPanels implements vscode.Disposable, vscode.WebviewPanelSerializer {
  private readonly open = new Map<string, vscode.WebviewPanel>();

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly account: AzureAccount,
    private readonly tree: GalleryTreeDataProvider,
    private readonly log: vscode.LogOutputChannel,
  ) {
    // dist/forms.js has its own copy of @vscode/l10n (the form definitions' messages): give it VS Code's bundle too.
    if (vscode.l10n.bundle) {
      l10n.config({ contents: vscode.l10n.bundle });
    }
  }

  dispose(): void {
    for (const panel of this.open.values()) {
      panel.dispose();
    }
    this.open.clear();
  }

  private key(request: OpenFormRequest): string {
    const scope = request.mode === 'update' ? (request.targetId ?? '') : Object.values(request.values ?? {}).filter((v) => typeof v === 'string').join('|');
    return `${request.kind}:${request.mode}:${scope}`.toLowerCase();
  }

  /** Opens the form (or brings an identical one to the front). */
  show(request: OpenFormRequest): void {
    const problem = request.targetId !== undefined ? armIdProblem(request.targetId) : undefined;
    if (problem) {
      // The command's error handler shows it once; nothing is opened, nothing is sent.
      throw new Error(problem);
    }
    const key = this.key(request);
    const existing = this.open.get(key);
    if (existing) {
      existing.reveal();
      return;
    }
    const panel = vscode.window.createWebviewPanel(FORM_VIEW_TYPE, this.title(request), vscode.ViewColumn.Active, this.webviewOptions());
    this.attach(panel, request, key);
  }

  /** VS Code brings a form back after a reload with the state the webview saved. */
  deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Thenable<void> {
    if (!isPersistedFormState(state)) {
      this.log.warn('Form: a form could not be restored after the reload (no saved state).');
      panel.dispose();
      return Promise.resolve();
    }
    const problem = restoreProblem(state);
    if (problem) {
      this.log.warn(`Form: a ${state.kind} form was not restored after the reload: ${problem}`);
      void vscode.window.showWarningMessage(inertNotificationText(vscode.l10n.t('A form could not be restored after the reload: {0} Nothing was sent to Azure.', problem)));
      panel.dispose();
      return Promise.resolve();
    }
    const request: OpenFormRequest = {
      kind: state.kind,
      mode: state.mode,
      values: state.values,
      ...(state.targetId ? { targetId: state.targetId } : {}),
      ...(state.tenantId ? { tenantId: state.tenantId } : {}),
    };
    panel.webview.options = this.webviewOptions();
    panel.title = this.title(request);
    this.attach(panel, request, this.key(request));
    return Promise.resolve();
  }

  private webviewOptions(): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return {
      enableScripts: true,
      enableForms: false,
      localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'dist'), vscode.Uri.joinPath(this.extensionUri, 'media')],
    };
  }

  private title(request: OpenFormRequest): string {
    const noun = kindLabel(formResourceKind(request.kind));
    const target = request.targetId ? parseComputeResourceId(request.targetId) : undefined;
    if (request.kind === 'gallerySharing') {
      return vscode.l10n.t('Share {0}', target ? displayName(target) : noun);
    }
    return request.mode === 'update' && target ? vscode.l10n.t('Edit {0}', displayName(target)) : vscode.l10n.t('New {0}', noun);
  }

  private attach(panel: vscode.WebviewPanel, request: OpenFormRequest, key: string): void {
    const definition = formDefinition(request.kind);
    const webview = panel.webview;
    webview.html = formHtml({
      cspSource: webview.cspSource,
      nonce: createNonce(),
      // One page bundle per form kind (esbuild.mjs `webviewBundle`): the page loads only its own form.
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'dist', `webview-${request.kind}.js`)).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', 'forms.css')).toString(),
      title: this.title(request),
      ...(vscode.l10n.bundle ? { l10nBundle: vscode.l10n.bundle } : {}),
      language: vscode.env.language,
    });
    const subscriptionId = text(request.values ?? {}, 'subscriptionId') || (request.targetId ? (parseComputeResourceId(request.targetId)?.subscriptionId ?? '') : '');
    const backend = new ArmFormBackend(
      () => this.account.services(),
      subscriptionId && request.tenantId ? { subscriptionId, tenantId: request.tenantId } : undefined,
    );
    const target = request.targetId ? parseComputeResourceId(request.targetId) : undefined;
    const session = new FormSession({
      definition,
      mode: request.mode,
      ...(request.values ? { values: request.values } : {}),
      ...(request.targetId ? { targetId: request.targetId } : {}),
      ...(request.tenantId ? { tenantId: request.tenantId } : {}),
      ...(target ? { subject: displayName(target) } : {}),
      backend,
      post: (message) => void webview.postMessage(message),
      log: this.log,
      runSubmit: (submit, send) => this.runWithProgress(submit, send, backend.tenantOf(submit.target.subscriptionId)),
      copyText: (value) => Promise.resolve(vscode.env.clipboard.writeText(value)),
      onSubmitted: (submit, notes) => {
        const name = displayName(parseComputeResourceId(submit.target.id) ?? target ?? { kind: 'gallery', gallery: submit.target.id, id: '', subscriptionId: '', resourceGroup: '' });
        const done =
          submit.kind === 'gallerySharing'
            ? vscode.l10n.t('Changed who gallery "{0}" is shared with.', name)
            : submit.mode === 'create'
              ? vscode.l10n.t('Created {0} "{1}".', definition.noun, name)
              : vscode.l10n.t('Saved {0} "{1}".', definition.noun, name);
        void vscode.window.showInformationMessage(inertNotificationText([done, ...notes].join(' ')));
        // Forget it before it goes: a new form for the same parent must not find this one.
        if (this.open.get(key) === panel) {
          this.open.delete(key);
        }
        panel.dispose();
      },
      onCancel: () => {
        panel.dispose();
      },
    });
    this.open.set(key, panel);
    panel.onDidDispose(() => {
      session.dispose();
      if (this.open.get(key) === panel) {
        this.open.delete(key);
      }
    });
    webview.onDidReceiveMessage((message: unknown) => session.handle(message));
  }

  /**
   * The write, under a cancellable notification; the tree shows "Creating…"/"Saving…" meanwhile and then reloads the
   * parent. A version's create runs until it has replicated (up to an hour in Azure): once Azure accepted it, its own
   * row with live replication progress replaces "Creating…" (tree.showCreatedVersion). This notification and the
   * message when it ends ("Created …", or the error in the form) remain the create's one outcome.
   */
  private async runWithProgress(
    request: SubmitRequest,
    send: (signal: AbortSignal, events?: SubmitEvents) => Promise<SubmitOutcome | void>,
    tenantId: string | undefined,
  ): Promise<SubmitOutcome | void> {
    const id = parseComputeResourceId(request.target.id);
    const noun = kindLabel(formResourceKind(request.kind));
    const name = id ? displayName(id) : request.target.id;
    const parentId = parentNodeId(formResourceKind(request.kind), request.target.id);
    const sharing = request.kind === 'gallerySharing';
    const label = request.mode === 'create' ? vscode.l10n.t('Creating…') : sharing ? vscode.l10n.t('Changing sharing…') : vscode.l10n.t('Saving…');
    if (request.mode === 'create' && parentId) {
      this.tree.markCreating(parentId, request.target.id, id ? lastName(id) : name, label);
    } else {
      const node = this.tree.findNode(resourceNodeId(request.target.id));
      if (node) {
        this.tree.markPending(request.target.id, label, node);
      }
    }
    const version = request.mode === 'create' && (id?.kind === 'imageVersion' || id?.kind === 'applicationVersion') ? id : undefined;
    let shown: vscode.Disposable | undefined;
    const events: SubmitEvents = {
      onAccepted: () => {
        if (version && parentId && !shown) {
          shown = this.tree.showCreatedVersion(parentId, version, tenantId);
        }
      },
    };
    try {
      const outcome = await vscode.window.withProgress(
        {
          location: vscode.ProgressLocation.Notification,
          title: request.mode === 'create' ? vscode.l10n.t('Creating {0} {1}', noun, name) : sharing ? vscode.l10n.t('Changing who gallery {0} is shared with', name) : vscode.l10n.t('Saving {0} {1}', noun, name),
          cancellable: true,
        },
        (_progress, token) => withAbortSignal(token, (signal) => send(signal, events)),
      );
      this.log.info(`${request.mode === 'create' ? 'Created' : 'Updated'} ${noun} ${request.target.id}`);
      return outcome;
    } finally {
      shown?.dispose();
      if (request.mode === 'create' && parentId) {
        this.tree.clearCreating(parentId, request.target.id);
      } else {
        this.tree.pending.delete(request.target.id.toLowerCase());
      }
      const parent = parentId ? this.tree.findNode(parentId) : undefined;
      if (parent) {
        this.tree.reload(parent);
      }
    }
  }
}

function lastName(id: NonNullable<ReturnType<typeof parseComputeResourceId>>): string {
  switch (id.kind) {
    case 'gallery':
      return id.gallery;
    case 'imageDefinition':
      return id.imageDefinition;
    case 'imageVersion':
    case 'applicationVersion':
      return id.version;
    case 'application':
      return id.application;
    case 'managedImage':
      return id.image;
  }
}
