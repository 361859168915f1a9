import * as vscode from 'vscode';
import type { AzureAccount } from '../azure/AzureAccount';
import type { GalleryTreeDataProvider } from '../tree/GalleryTreeDataProvider';
import type { TreeNode } from '../tree/TreeNode';
import { acceptSharedGallery, rejectSharedGallery } from './sharedGalleryInvite';
import { addCommunityGallery } from './addCommunityGallery';
import { copyApplicationReference } from './copyApplicationReference';
import { copyImageReference } from './copyImageReference';
import { copyResourceId } from './copyResourceId';
import { createApplication } from './createApplication';
import { createApplicationVersion } from './createApplicationVersion';
import { createGallery } from './createGallery';
import { createImageDefinition } from './createImageDefinition';
import { createImageVersion } from './createImageVersion';
import { createImageVersionFrom } from './createImageVersionFrom';
import { createManagedImage } from './createManagedImage';
import { cleanUpVersions } from './cleanUpVersions';
import { compareSelected, compareWith } from './compareVersions';
import { deleteSelection, selectedNodes } from './deleteMany';
import { deleteResource } from './deleteResource';
import { newResourceFile } from './newResourceFile';
import { lookInRegion } from './lookInRegion';
import { openCommunityLink } from './openCommunityLink';
import { openInPortal } from './openInPortal';
import { removeFromSharing } from './removeFromSharing';
import { removeCommunityGallery } from './removeCommunityGallery';
import { restoreImageVersion } from './restoreImageVersion';
import { shareGallery } from './shareGallery';
import { stopSharingGallery } from './stopSharingGallery';
import type { ResourceDocumentProvider } from '../properties/ResourceDocumentProvider';
import { REPORT_SCHEME, ReportDocuments } from '../properties/ReportDocuments';
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

/**
 * The one table of commands: id → what a failure is called → handler. With the tree's multi-selection VS Code passes
 * (clicked node, selected nodes); commands that act on one row use the first argument only.
 */
export function registerCommands(services: CommandServices): vscode.Disposable[] {
  const { account, tree, properties, log, forms } = services;
  const reports = new ReportDocuments();
  /** Delete on several selected rows confirms once and deletes them in bulk; on one row it is the single delete. */
  const deleteNodes = (node: unknown, selection: unknown): Promise<void> => {
    const nodes = selectedNodes(asNode(node), selection);
    return nodes.length > 1 ? deleteSelection(account, tree, log, nodes) : deleteResource(account, tree, log, asNode(node));
  };
  const table: Array<[string, string, (arg?: unknown, selection?: unknown) => unknown]> = [
    ['azureComputeGallery.signIn', vscode.l10n.t("Couldn't sign in to Azure"), () => signIn(account)],
    ['azureComputeGallery.signOut', vscode.l10n.t("Couldn't sign out"), () => signOut(account)],
    ['azureComputeGallery.selectSubscriptions', vscode.l10n.t("Couldn't select subscriptions"), () => selectSubscriptions(account)],
    ['azureComputeGallery.refresh', vscode.l10n.t("Couldn't refresh"), (node) => tree.reload(asNode(node))],
    ['azureComputeGallery.loadMore', vscode.l10n.t("Couldn't load more"), (node) => tree.loadMore(asNode(node))],
    ['azureComputeGallery.retry', vscode.l10n.t("Couldn't retry"), (node) => tree.retry(asNode(node))],
    ['azureComputeGallery.showProperties', vscode.l10n.t("Couldn't show the properties"), (node) => showProperties(account, asNode(node), reports)],
    ['azureComputeGallery.refreshProperties', vscode.l10n.t("Couldn't refresh the properties"), (uri) => refreshProperties(properties, uri instanceof vscode.Uri ? uri : undefined)],
    ['azureComputeGallery.copyResourceId', vscode.l10n.t("Couldn't copy the resource ID"), (node) => copyResourceId(account, asNode(node))],
    ['azureComputeGallery.copyImageReference', vscode.l10n.t("Couldn't copy the image reference"), (node) => copyImageReference(account, asNode(node))],
    ['azureComputeGallery.copyApplicationReference', vscode.l10n.t("Couldn't copy the application reference"), (node) => copyApplicationReference(account, asNode(node))],
    ['azureComputeGallery.openInPortal', vscode.l10n.t("Couldn't open the portal"), (node) => openInPortal(account, asNode(node))],
    ['azureComputeGallery.newResourceFile', vscode.l10n.t("Couldn't create the file"), () => newResourceFile()],
    ['azureComputeGallery.delete', vscode.l10n.t("Couldn't delete"), deleteNodes],
    ['azureComputeGallery.cleanUpVersions', vscode.l10n.t("Couldn't clean up the versions"), (node) => cleanUpVersions(account, tree, log, reports, asNode(node))],
    ['azureComputeGallery.compareWith', vscode.l10n.t("Couldn't compare the versions"), (node) => compareWith(account, asNode(node))],
    ['azureComputeGallery.compareSelected', vscode.l10n.t("Couldn't compare the versions"), (node, selection) => compareSelected(selectedNodes(asNode(node), selection))],
    ['azureComputeGallery.createGallery', vscode.l10n.t("Couldn't open the gallery form"), (node) => createGallery(forms, asNode(node))],
    ['azureComputeGallery.createImageDefinition', vscode.l10n.t("Couldn't open the image definition form"), (node) => createImageDefinition(forms, asNode(node))],
    ['azureComputeGallery.createImageVersion', vscode.l10n.t("Couldn't open the image version form"), (node) => createImageVersion(forms, asNode(node))],
    ['azureComputeGallery.createApplication', vscode.l10n.t("Couldn't open the VM application form"), (node) => createApplication(forms, asNode(node))],
    ['azureComputeGallery.createApplicationVersion', vscode.l10n.t("Couldn't open the VM application version form"), (node) => createApplicationVersion(forms, asNode(node))],
    ['azureComputeGallery.createManagedImage', vscode.l10n.t("Couldn't open the managed image form"), (node) => createManagedImage(forms, asNode(node))],
    ['azureComputeGallery.edit', vscode.l10n.t("Couldn't open the form"), (node) => updateResource(account, forms, asNode(node))],
    ['azureComputeGallery.shareGallery', vscode.l10n.t("Couldn't open the Share form"), (node) => shareGallery(account, forms, asNode(node))],
    ['azureComputeGallery.stopSharing', vscode.l10n.t("Couldn't stop sharing the gallery"), (node) => stopSharingGallery(account, tree, log, asNode(node))],
    ['azureComputeGallery.removeFromSharing', vscode.l10n.t("Couldn't remove from the gallery's sharing"), (node) => removeFromSharing(account, tree, log, asNode(node))],
    ['azureComputeGallery.lookInRegion', vscode.l10n.t("Couldn't add the region"), (node) => lookInRegion(account, tree, asNode(node))],
    ['azureComputeGallery.addCommunityGallery', vscode.l10n.t("Couldn't add the community gallery"), (node) => addCommunityGallery(account, tree, log, asNode(node))],
    ['azureComputeGallery.removeCommunityGallery', vscode.l10n.t("Couldn't remove the community gallery"), (node) => removeCommunityGallery(tree, asNode(node))],
    ['azureComputeGallery.openCommunityLink', vscode.l10n.t("Couldn't open the link"), (node) => openCommunityLink(asNode(node))],
    ['azureComputeGallery.acceptSharedGallery', vscode.l10n.t("Couldn't accept the shared gallery"), (node) => acceptSharedGallery(account, tree, log, asNode(node))],
    ['azureComputeGallery.rejectSharedGallery', vscode.l10n.t("Couldn't reject the shared gallery"), (node) => rejectSharedGallery(account, tree, log, asNode(node))],
    ['azureComputeGallery.createImageVersionFrom', vscode.l10n.t("Couldn't open the image version form"), (node) => createImageVersionFrom(forms, asNode(node))],
    ['azureComputeGallery.restoreImageVersion', vscode.l10n.t("Couldn't restore the image version"), (node) => restoreImageVersion(account, tree, log, asNode(node))],
  ];
  return [
    reports,
    vscode.workspace.registerTextDocumentContentProvider(REPORT_SCHEME, reports),
    ...table.map(([id, failure, handler]) => vscode.commands.registerCommand(id, wrapCommand(id, log, failure, handler))),
  ];
}
