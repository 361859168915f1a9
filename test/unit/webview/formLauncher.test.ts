import * as assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import type { AzureAccount } from '../../../src/azure/AzureAccount';
import type { GalleryTreeDataProvider } from '../../../src/tree/GalleryTreeDataProvider';
import { FormLauncher } from '../../../src/webview/FormLauncher';
import type { FormHostLoader } from '../../../src/webview/FormLauncher';
import type { OpenFormRequest } from '../../../src/webview/FormPanels';

type HostModule = Awaited<ReturnType<FormHostLoader>>;

/** A stand-in for the forms bundle: records what the launcher asks of the panels. */
class FakePanels {
  static readonly shown: OpenFormRequest[] = [];
  static disposed = 0;
  show(request: OpenFormRequest): void {
    FakePanels.shown.push(request);
  }
  deserializeWebviewPanel(): Promise<void> {
    return Promise.resolve();
  }
  dispose(): void {
    FakePanels.disposed += 1;
  }
}

function launcher(loadHost: FormHostLoader): FormLauncher {
  return new FormLauncher({} as vscode.Uri, {} as AzureAccount, {} as GalleryTreeDataProvider, {} as vscode.LogOutputChannel, loadHost);
}

const request = { kind: 'gallery', mode: 'create' } as unknown as OpenFormRequest;

describe('Forms bundle loading', () => {
  let unhandled: unknown[];
  const onUnhandled = (reason: unknown): void => {
    unhandled.push(reason);
  };
  beforeEach(() => {
    unhandled = [];
    FakePanels.shown.length = 0;
    FakePanels.disposed = 0;
    process.on('unhandledRejection', onUnhandled);
  });
  afterEach(() => {
    process.off('unhandledRejection', onUnhandled);
  });

  it('a form opens on the next try after the bundle failed to load once', async () => {
    let attempts = 0;
    const forms = launcher(() => {
      attempts += 1;
      return attempts === 1 ? Promise.reject(new Error('Cannot find module ./forms.js')) : Promise.resolve({ FormPanels: FakePanels } as unknown as HostModule);
    });
    await assert.rejects(forms.show(request), /Cannot find module/);
    await forms.show(request);
    assert.deepEqual(FakePanels.shown, [request]);
    assert.equal(attempts, 2);
  });

  it('closing after a failed load leaves no unhandled rejection behind', async () => {
    const forms = launcher(() => Promise.reject(new Error('Cannot find module ./forms.js')));
    await assert.rejects(forms.show(request));
    forms.dispose();
    await new Promise((resolve) => setTimeout(resolve, 10));
    assert.deepEqual(unhandled, []);
  });

  it('closing disposes the panels once they were loaded', async () => {
    const forms = launcher(() => Promise.resolve({ FormPanels: FakePanels } as unknown as HostModule));
    await forms.show(request);
    forms.dispose();
    assert.equal(FakePanels.disposed, 1);
  });
});
