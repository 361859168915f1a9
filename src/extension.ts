import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { AzureAccount } from './azure/AzureAccount';
import { registerCommands } from './commands/registerCommands';
import { RESOURCE_SCHEME, ResourceDocumentProvider } from './properties/ResourceDocumentProvider';
import { GalleryTreeDataProvider } from './tree/GalleryTreeDataProvider';
import { SharingMemory } from './tree/SharingMemory';
import { AzureLiveValues } from './schemas/azureLiveValues';
import { registerTemplateSupport } from './schemas/registerTemplateSupport';
import type { TreeNode } from './tree/TreeNode';
import { FORM_VIEW_TYPE, FormLauncher } from './webview/FormLauncher';

/** What the extension hands to other extensions (and to the extension-host test suite). */
export interface AzureComputeGalleryApi {
  readonly treeDataProvider: vscode.TreeDataProvider<TreeNode>;
}

export function activate(context: vscode.ExtensionContext): AzureComputeGalleryApi {
  // The pure modules (forms, ARM errors, template checks) translate through @vscode/l10n: give it VS Code's bundle
  // for the display language. English (no bundle) needs nothing: l10n.t returns the source text.
  if (vscode.l10n.bundle) {
    l10n.config({ contents: vscode.l10n.bundle });
  }
  const log = vscode.window.createOutputChannel('Azure Compute Gallery', { log: true });
  const account = new AzureAccount(context.globalState, log);
  // The regions setting is read from the user's settings only: a workspace must not steer which regions are queried.
  const sharing = new SharingMemory(context.globalState, () => vscode.workspace.getConfiguration('azureComputeGallery').inspect<unknown>('sharedWithMe.regions')?.globalValue);
  const tree = new GalleryTreeDataProvider(account, log, undefined, sharing);
  const view = vscode.window.createTreeView('azureComputeGallery.explorer', { treeDataProvider: tree, showCollapseAll: true, canSelectMany: true });
  const properties = new ResourceDocumentProvider(account);
  const liveValues = new AzureLiveValues(account, log);
  const forms = new FormLauncher(context.extensionUri, account, tree, log);
  context.subscriptions.push(
    log,
    account,
    tree,
    view,
    properties,
    vscode.workspace.registerTextDocumentContentProvider(RESOURCE_SCHEME, properties),
    liveValues,
    registerTemplateSupport({ log, liveValues, extensionUri: context.extensionUri }),
    forms,
    vscode.window.registerWebviewPanelSerializer(FORM_VIEW_TYPE, forms),
    ...registerCommands({ account, tree, properties, log, forms }),
  );
  return { treeDataProvider: tree };
}

export function deactivate(): void {}
