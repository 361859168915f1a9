import * as vscode from 'vscode';

export const REPORT_SCHEME = 'azure-compute-gallery-report';

/**
 * Read-only documents the extension writes itself (the clean-up preview and its outcome): the text lives here, the
 * editor shows it, and an update redraws the open editor. A virtual document cannot be edited or saved by mistake.
 */
export class ReportDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private count = 0;

  /** Opens a new report named `title` (a file name, e.g. "Clean up gal-ubuntu.md") in an editor. */
  async open(title: string, text: string): Promise<vscode.Uri> {
    this.count++;
    const uri = vscode.Uri.from({ scheme: REPORT_SCHEME, path: `/${title.replace(/[\\/]/g, '-')}`, query: `n=${this.count}` });
    this.texts.set(uri.toString(), text);
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc, { preview: false });
    return uri;
  }

  update(uri: vscode.Uri, text: string): void {
    this.texts.set(uri.toString(), text);
    this.changed.fire(uri);
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? vscode.l10n.t('This report is no longer available: run the command again.');
  }

  dispose(): void {
    this.changed.dispose();
    this.texts.clear();
  }
}
