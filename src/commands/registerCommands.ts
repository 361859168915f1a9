import * as vscode from 'vscode';
import type { AzureAccount } from '../azure/AzureAccount';
import type { GalleryTreeDataProvider } from '../tree/GalleryTreeDataProvider';
import { ErrorNode, LoadMoreNode } from '../tree/MessageNodes';
import { PagedListNode } from '../tree/PagedListNode';
import type { TreeNode } from '../tree/TreeNode';
import { copyResourceId } from './copyResourceId';
import { openInPortal } from './openInPortal';
import { wrapCommand } from './runCommand';
import { signIn } from './signIn';
import { signOut } from './signOut';

export interface CommandServices {
  readonly account: AzureAccount;
  readonly tree: GalleryTreeDataProvider;
  readonly log: vscode.LogOutputChannel;
}

/** The one table of commands: id → what failure is called → handler. */
export function registerCommands(services: CommandServices): vscode.Disposable[] {
  const { account, tree, log } = services;
  const table: Array<[string, string, (node?: TreeNode) => unknown]> = [
    ['azureComputeGallery.signIn', "Couldn't sign in to Azure", () => signIn(account)],
    ['azureComputeGallery.signOut', "Couldn't sign out", () => signOut(account)],
    ['azureComputeGallery.refresh', "Couldn't refresh", (node) => tree.reload(node)],
    [
      'azureComputeGallery.loadMore',
      "Couldn't load more",
      async (node) => {
        if (node instanceof LoadMoreNode && node.parent instanceof PagedListNode) {
          await node.parent.loadMore(new AbortController().signal);
        }
      },
    ],
    ['azureComputeGallery.retry', "Couldn't retry", (node) => tree.reload(node instanceof ErrorNode ? node.parent : undefined)],
    ['azureComputeGallery.copyResourceId', "Couldn't copy the resource ID", (node) => copyResourceId(node)],
    ['azureComputeGallery.openInPortal', "Couldn't open the portal", (node) => openInPortal(account, node)],
  ];
  return table.map(([id, failure, handler]) => vscode.commands.registerCommand(id, wrapCommand(id, log, failure, handler)));
}
