import * as vscode from 'vscode';
import { AzureAccount } from './azure/AzureAccount';
import { registerCommands } from './commands/registerCommands';
import { RESOURCE_SCHEME, ResourceDocumentProvider } from './commands/ResourceDocumentProvider';
import { GalleryTreeDataProvider } from './tree/GalleryTreeDataProvider';
import type { TreeNode } from './tree/TreeNode';

/** What the extension hands to other extensions (and to the extension-host test suite). */
export interface AzureComputeGalleryApi {
  readonly treeDataProvider: vscode.TreeDataProvider<TreeNode>;
}

export function activate(context: vscode.ExtensionContext): AzureComputeGalleryApi {
  const log = vscode.window.createOutputChannel('Azure Compute Gallery', { log: true });
  const account = new AzureAccount(context.globalState, log);
  const tree = new GalleryTreeDataProvider(account, log);
  const view = vscode.window.createTreeView('azureComputeGallery.explorer', { treeDataProvider: tree, showCollapseAll: true });
  const properties = new ResourceDocumentProvider(account);
  context.subscriptions.push(
    log,
    account,
    tree,
    view,
    properties,
    vscode.workspace.registerTextDocumentContentProvider(RESOURCE_SCHEME, properties),
    ...registerCommands({ account, tree, properties, log }),
  );
  return { treeDataProvider: tree };
}

export function deactivate(): void {}
