import * as vscode from 'vscode';
import type { AzureAccount } from '../azure/AzureAccount';
import type { GalleryTreeDataProvider } from '../tree/GalleryTreeDataProvider';
import type { TreeNode } from '../tree/TreeNode';
import { copyImageReference } from './copyImageReference';
import { copyResourceId } from './copyResourceId';
import { createGallery } from './createGallery';
import { createImageDefinition } from './createImageDefinition';
import { createImageVersion } from './createImageVersion';
import { createManagedImage } from './createManagedImage';
import { deleteResource } from './deleteResource';
import { newResourceFile } from './newResourceFile';
import { openInPortal } from './openInPortal';
import type { ResourceDocumentProvider } from '../properties/ResourceDocumentProvider';
import { wrapCommand } from './runCommand';
import { selectSubscriptions } from './selectSubscriptions';
import { refreshProperties, showProperties } from './showProperties';
import { signIn } from './signIn';
import { signOut } from './signOut';
import { updateResource } from './updateResource';
import type { FormLauncher } from '../webview/FormLauncher';

export interface CommandServices {
  readonly account: AzureAccount;
  readonly tree: GalleryTreeDataProvider;
  readonly properties: ResourceDocumentProvider;
  readonly log: vscode.LogOutputChannel;
  readonly forms: FormLauncher;
}

/** Commands get the clicked tree node, or nothing from the palette; anything else is ignored. */
function asNode(arg: unknown): TreeNode | undefined {
  return typeof arg === 'object' && arg !== null && 'getTreeItem' in arg && 'id' in arg ? (arg as TreeNode) : undefined;
}

/** The one table of commands: id → what a failure is called → handler. */
export function registerCommands(services: CommandServices): vscode.Disposable[] {
  const { account, tree, properties, log, forms } = services;
  const table: Array<[string, string, (arg?: unknown) => unknown]> = [
    ['azureComputeGallery.signIn', vscode.l10n.t("Couldn't sign in to Azure"), () => signIn(account)],
    ['azureComputeGallery.signOut', vscode.l10n.t("Couldn't sign out"), () => signOut(account)],
    ['azureComputeGallery.selectSubscriptions', vscode.l10n.t("Couldn't select subscriptions"), () => selectSubscriptions(account)],
    ['azureComputeGallery.refresh', vscode.l10n.t("Couldn't refresh"), (node) => tree.reload(asNode(node))],
    ['azureComputeGallery.loadMore', vscode.l10n.t("Couldn't load more"), (node) => tree.loadMore(asNode(node))],
    ['azureComputeGallery.retry', vscode.l10n.t("Couldn't retry"), (node) => tree.retry(asNode(node))],
    ['azureComputeGallery.showProperties', vscode.l10n.t("Couldn't show the properties"), (node) => showProperties(account, asNode(node))],
    ['azureComputeGallery.refreshProperties', vscode.l10n.t("Couldn't refresh the properties"), (uri) => refreshProperties(properties, uri instanceof vscode.Uri ? uri : undefined)],
    ['azureComputeGallery.copyResourceId', vscode.l10n.t("Couldn't copy the resource ID"), (node) => copyResourceId(account, asNode(node))],
    ['azureComputeGallery.copyImageReference', vscode.l10n.t("Couldn't copy the image reference"), (node) => copyImageReference(account, asNode(node))],
    ['azureComputeGallery.openInPortal', vscode.l10n.t("Couldn't open the portal"), (node) => openInPortal(account, asNode(node))],
    ['azureComputeGallery.newResourceFile', vscode.l10n.t("Couldn't create the file"), () => newResourceFile()],
    ['azureComputeGallery.delete', vscode.l10n.t("Couldn't delete"), (node) => deleteResource(account, tree, log, asNode(node))],
    ['azureComputeGallery.createGallery', vscode.l10n.t("Couldn't open the gallery form"), (node) => createGallery(forms, asNode(node))],
    ['azureComputeGallery.createImageDefinition', vscode.l10n.t("Couldn't open the image definition form"), (node) => createImageDefinition(forms, asNode(node))],
    ['azureComputeGallery.createImageVersion', vscode.l10n.t("Couldn't open the image version form"), (node) => createImageVersion(forms, asNode(node))],
    ['azureComputeGallery.createManagedImage', vscode.l10n.t("Couldn't open the managed image form"), (node) => createManagedImage(forms, asNode(node))],
    ['azureComputeGallery.edit', vscode.l10n.t("Couldn't open the form"), (node) => updateResource(account, forms, asNode(node))],
  ];
  return table.map(([id, failure, handler]) => vscode.commands.registerCommand(id, wrapCommand(id, log, failure, handler)));
}
