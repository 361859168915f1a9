/**
 * What activation registers for the forms: commands call {@link FormLauncher.show}, VS Code calls the
 * serializer after a reload. The forms themselves (panels, validation, the form definitions) live in a
 * separate bundle, dist/forms.js, loaded on first use so that activation stays light (see esbuild.mjs).
 */
import * as l10n from '@vscode/l10n';
import type * as vscode from 'vscode';
import type { AzureAccount } from '../azure/AzureAccount';
import { lazyImport } from '../azure/lazyImport';
import type { GalleryTreeDataProvider } from '../tree/GalleryTreeDataProvider';
import type * as FormHostModule from './formHost';
import type { FormPanels, OpenFormRequest } from './FormPanels';

export const FORM_VIEW_TYPE = 'azureComputeGallery.form';

export type FormHostLoader = () => Promise<typeof FormHostModule>;

/** The forms bundle; a failed load is tried again on the next use. */
const loadFormHost: FormHostLoader = lazyImport(() => import('./formHost'));

export class FormLauncher implements vscode.Disposable, vscode.WebviewPanelSerializer {
  /** The panels once the bundle loaded (for dispose, which must not wait for or fail on a load). */
  private panels: FormPanels | undefined;
  private disposed = false;
  private readonly load: () => Promise<FormPanels>;

  /** @param loadHost the forms bundle (tests give their own) */
  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly account: AzureAccount,
    private readonly tree: GalleryTreeDataProvider,
    private readonly log: vscode.LogOutputChannel,
    loadHost: FormHostLoader = loadFormHost,
  ) {
    // A failed load rejects this show() (the command reports it) and the next show() tries again.
    this.load = lazyImport(async () => {
      const { FormPanels: Panels } = await loadHost();
      if (this.disposed) {
        throw new Error(l10n.t('The forms are closing with the extension.'));
      }
      return (this.panels = new Panels(this.extensionUri, this.account, this.tree, this.log));
    });
  }

  /** Opens a form (or brings the same one to the front). */
  async show(request: OpenFormRequest): Promise<void> {
    (await this.load()).show(request);
  }

  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    await (await this.load()).deserializeWebviewPanel(panel, state);
  }

  dispose(): void {
    this.disposed = true;
    this.panels?.dispose();
    this.panels = undefined;
  }
}
