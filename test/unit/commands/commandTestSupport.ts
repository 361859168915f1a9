/**
 * Runs the real command table (registerCommands) in plain Node over the fake VS Code API and the fake
 * Azure layer of the tree tests: a test calls a command as a menu click would, with the clicked node.
 */
import { FakeAzure, recordingLog } from '../tree/treeTestSupport';
import type { RecordingLog } from '../tree/treeTestSupport';
import { registeredCommands } from '../tree/fakeVscode';
import type { AzureAccount } from '../../../src/azure/AzureAccount';
import { registerCommands } from '../../../src/commands/registerCommands';
import { GalleryTreeDataProvider } from '../../../src/tree/GalleryTreeDataProvider';
import type { OpenFormRequest } from '../../../src/webview/FormPanels';
import type { FormLauncher } from '../../../src/webview/FormLauncher';
import type { ResourceDocumentProvider } from '../../../src/properties/ResourceDocumentProvider';
import type { SharingMemory } from '../../../src/tree/SharingMemory';

export interface CommandHarness {
  readonly azure: FakeAzure;
  readonly tree: GalleryTreeDataProvider;
  readonly log: RecordingLog;
  /** Forms the commands asked to open. */
  readonly formsShown: OpenFormRequest[];
  run(id: string, ...args: unknown[]): Promise<unknown>;
  dispose(): void;
}

export function commandHarness(azure = new FakeAzure(), sharing?: SharingMemory): CommandHarness {
  const log = recordingLog();
  const account = Object.assign(azure.account(), {
    onDidChange: () => ({ dispose: () => undefined }),
    getCloud: () => ({ name: 'AzureCloud', portalUrl: 'https://portal.azure.com' }),
  }) as unknown as AzureAccount;
  const tree = new GalleryTreeDataProvider(account, log as never, undefined, sharing);
  const formsShown: OpenFormRequest[] = [];
  const forms = { show: (request: OpenFormRequest) => (formsShown.push(request), Promise.resolve()) } as unknown as FormLauncher;
  const properties = { refresh: () => undefined } as unknown as ResourceDocumentProvider;
  const disposables = registerCommands({ account, tree, properties, log: log as never, forms });
  return {
    azure,
    tree,
    log,
    formsShown,
    run: (id, ...args) => {
      const handler = registeredCommands.get(id);
      if (!handler) {
        throw new Error(`${id} is not registered`);
      }
      const result: unknown = handler(...args);
      return Promise.resolve(result);
    },
    dispose: () => {
      for (const d of disposables) {
        d.dispose();
      }
      tree.dispose();
    },
  };
}
