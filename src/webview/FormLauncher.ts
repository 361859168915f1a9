/**
 * What activation registers for the forms: commands call {@link FormLauncher.show}, VS Code calls the
 * serializer after a reload. The forms themselves (panels, validation, the form definitions) live in a
 * separate bundle, dist/forms.js, loaded on first use so that activation stays light (see esbuild.mjs).
 */
import type * as vscode from 'vscode';
import type { AzureAccount } from '../azure/AzureAccount';
import type { GalleryTreeDataProvider } from '../tree/GalleryTreeDataProvider';
import type * as FormHostModule from './formHost';
import type { FormPanels, OpenFormRequest } from './FormPanels';

export const FORM_VIEW_TYPE = 'azureComputeGallery.form';

let hostModule: Promise<typeof FormHostModule> | undefined;
function loadFormHost(): Promise<typeof FormHostModule> {
  hostModule ??= import('./formHost');
  return hostModule;
}

export class FormLauncher implements vscode.Disposable, vscode.WebviewPanelSerializer {
  private panels: Promise<FormPanels> | undefined;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly account: AzureAccount,
    private readonly tree: GalleryTreeDataProvider,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  private load(): Promise<FormPanels> {
    this.panels ??= loadFormHost().then((m) => new m.FormPanels(this.extensionUri, this.account, this.tree, this.log));
    return this.panels;
  }

  /** Opens a form (or brings the same one to the front). */
  async show(request: OpenFormRequest): Promise<void> {
    (await this.load()).show(request);
  }

  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    await (await this.load()).deserializeWebviewPanel(panel, state);
  }

  dispose(): void {
    void this.panels?.then((p) => p.dispose());
  }
}
