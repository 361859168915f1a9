import * as vscode from 'vscode';
import { freeResourceFileName, newResourceFileContent } from '../schemas/newResourceFile';
import type { BodyFileVariant, GalleryResourceKind } from '../schemas/resourceKinds';
import { RESOURCE_KIND_INFO } from '../schemas/resourceKinds';
import { PickCancelled } from './pickResource';

interface KindItem extends vscode.QuickPickItem {
  readonly resourceKind: GalleryResourceKind;
  readonly variant: BodyFileVariant;
}

/**
 * Opens a new, valid starting body for a resource (REST PUT or PATCH body). Its untitled name ends with the suffix
 * the contributed JSON schemas are associated with, so completions and validation work before it is saved.
 */
export async function newResourceFile(): Promise<void> {
  const items: KindItem[] = (Object.keys(RESOURCE_KIND_INFO) as GalleryResourceKind[]).flatMap((kind) => {
    const info = RESOURCE_KIND_INFO[kind];
    return [
      { label: vscode.l10n.t('New {0} body', info.displayName), description: `*${info.bodyFileSuffix}`, detail: vscode.l10n.t('PUT body of {0}', info.armType), resourceKind: kind, variant: 'create' as const },
      { label: vscode.l10n.t('New {0} update body', info.displayName), description: `*${info.updateBodyFileSuffix}`, detail: vscode.l10n.t('PATCH body of {0}', info.armType), resourceKind: kind, variant: 'update' as const },
    ];
  });
  const chosen = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('New resource body file'), matchOnDescription: true });
  if (!chosen) {
    throw new PickCancelled();
  }
  const kind = chosen.resourceKind;
  const base = kind === 'imageVersion' || kind === 'applicationVersion' ? '1.0.0' : `my${kind.charAt(0).toUpperCase()}${kind.slice(1)}`;
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const fileName = freeResourceFileName(kind, base, chosen.variant, await takenFileNames(folder));
  const uri = folder ? vscode.Uri.joinPath(folder, fileName).with({ scheme: 'untitled' }) : vscode.Uri.from({ scheme: 'untitled', path: `/${fileName}` });
  const document = await vscode.workspace.openTextDocument(uri);
  if (document.getText() !== '') {
    // Never write a second body into a document that already has one (it would no longer be JSON).
    throw new Error(vscode.l10n.t('{0} is already open. Save or close it, then try again.', fileName));
  }
  const editor = await vscode.window.showTextDocument(document);
  const inserted = await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), newResourceFileContent(kind, { variant: chosen.variant })));
  if (!inserted) {
    throw new Error(vscode.l10n.t('VS Code did not let the starting body be written into {0}. Try again.', fileName));
  }
}

/**
 * Names a new untitled body must not take (lower case): every open document's (an untitled document with the same
 * path is the same document), and the files in the folder it would be saved to.
 */
async function takenFileNames(folder: vscode.Uri | undefined): Promise<Set<string>> {
  const names = new Set(vscode.workspace.textDocuments.map((d) => baseName(d.uri.path).toLowerCase()));
  if (folder) {
    try {
      for (const [name] of await vscode.workspace.fs.readDirectory(folder)) {
        names.add(name.toLowerCase());
      }
    } catch {
      // A folder that cannot be listed (remote, permissions) only means a saved file of the same name is not avoided.
    }
  }
  return names;
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}
