import * as vscode from 'vscode';
import { withAbortSignal } from '../azure/abortSignal';
import { displayName, parseComputeResourceId } from '../azure/armId';
import type { ComputeResourceId } from '../azure/armId';
import type { AzureAccount } from '../azure/AzureAccount';
import { formatArmError } from '../azure/armError';
import { redactSasInJson } from '../domain/applications';
import { sortKeysDeep } from './sortedJson';

export const RESOURCE_SCHEME = 'azure-compute-gallery';

/**
 * azure-compute-gallery:/myGallery/ubuntu/1.0.0.json?id=…&tenant=… ; `sorted` adds `&sorted=1`: the same JSON with
 * every object's keys sorted (the documents Compare diffs).
 */
export function resourceUri(id: ComputeResourceId, tenantId: string | undefined, sorted = false): vscode.Uri {
  const query = new URLSearchParams({ id: id.id, ...(tenantId ? { tenant: tenantId } : {}), ...(sorted ? { sorted: '1' } : {}) }).toString();
  return vscode.Uri.from({ scheme: RESOURCE_SCHEME, path: `/${displayName(id)}.json`, query });
}

/**
 * Read-only JSON of a resource as ARM returns it (the documents "Show Properties" opens); refreshed on demand.
 * A provider registered at activation, not a command: the commands and the template support both use its scheme.
 */
export class ResourceDocumentProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly account: AzureAccount) {}

  dispose(): void {
    this.changed.dispose();
  }

  refresh(uri: vscode.Uri): void {
    this.changed.fire(uri);
  }

  async provideTextDocumentContent(uri: vscode.Uri, token: vscode.CancellationToken): Promise<string> {
    const params = new URLSearchParams(uri.query);
    const id = parseComputeResourceId(params.get('id') ?? '');
    if (!id) {
      return `// ${vscode.l10n.t('Not a Compute Gallery resource: {0}', uri.toString())}`;
    }
    try {
      const service = (await this.account.services()).galleryService(id.subscriptionId, params.get('tenant') ?? undefined);
      // A VM application version's package links keep their SAS token in Azure; the document shows them without it.
      const json = redactSasInJson(await withAbortSignal(token, (signal) => service.getResourceJson(id, { signal })));
      return `${JSON.stringify(params.get('sorted') === '1' ? sortKeysDeep(json) : json, null, 2)}\n`;
    } catch (err) {
      // Shown in the editor itself: the document is what the user asked to see.
      return `// ${formatArmError(vscode.l10n.t("Couldn't load {0}", displayName(id)), err)}\n// ${vscode.l10n.t('Run "Compute Gallery: Refresh Properties" to try again.')}\n`;
    }
  }
}
