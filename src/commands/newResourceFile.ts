import * as vscode from 'vscode';
import { newResourceFileContent, newResourceFileName } from '../schemas/newResourceFile';
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
      { label: `New ${info.displayName} body`, description: `*${info.bodyFileSuffix}`, detail: `PUT body of ${info.armType}`, resourceKind: kind, variant: 'create' as const },
      { label: `New ${info.displayName} update body`, description: `*${info.updateBodyFileSuffix}`, detail: `PATCH body of ${info.armType}`, resourceKind: kind, variant: 'update' as const },
    ];
  });
  const chosen = await vscode.window.showQuickPick(items, { title: 'New resource body file', matchOnDescription: true });
  if (!chosen) {
    throw new PickCancelled();
  }
  const kind = chosen.resourceKind;
  const base = kind === 'imageVersion' ? '1.0.0' : `my${kind.charAt(0).toUpperCase()}${kind.slice(1)}`;
  const fileName = newResourceFileName(kind, base, chosen.variant);
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const uri = folder ? vscode.Uri.joinPath(folder, fileName).with({ scheme: 'untitled' }) : vscode.Uri.from({ scheme: 'untitled', path: `/${fileName}` });
  const document = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(document);
  await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), newResourceFileContent(kind, { variant: chosen.variant })));
}
