import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activatedApi } from './helpers';

/** Runs a command that opens a quick pick and accepts its first item ("New Gallery body"). */
async function runAcceptingFirstItem(command: string): Promise<void> {
  let finished = false;
  const done = Promise.resolve(vscode.commands.executeCommand(command)).finally(() => (finished = true));
  // The quick pick opens a moment after the command starts; accepting before it is there does nothing.
  for (let attempt = 0; attempt < 40 && !finished; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    if (!finished) {
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    }
  }
  await done;
}

describe('New Resource Body File', () => {
  it('run twice opens two documents, each one valid gallery body', async () => {
    await activatedApi();
    const before = new Set(vscode.workspace.textDocuments.map((d) => d.uri.toString()));
    await runAcceptingFirstItem('azureComputeGallery.newResourceFile');
    await runAcceptingFirstItem('azureComputeGallery.newResourceFile');
    const opened = vscode.workspace.textDocuments.filter((d) => d.uri.scheme === 'untitled' && !before.has(d.uri.toString()));
    try {
      assert.equal(opened.length, 2, `expected two new documents, got ${opened.map((d) => `${d.uri.toString()}:\n${d.getText()}`).join('\n') || 'none'}`);
      for (const document of opened) {
        const body = JSON.parse(document.getText()) as { location?: unknown; properties?: unknown };
        assert.equal(typeof body.location, 'string', document.uri.toString());
        assert.equal(typeof body.properties, 'object', document.uri.toString());
        assert.match(document.uri.path, /\.gallery\.json$/, 'the name keeps the suffix the gallery schema is associated with');
      }
    } finally {
      for (const document of opened) {
        await vscode.window.showTextDocument(document);
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      }
    }
  });
});
