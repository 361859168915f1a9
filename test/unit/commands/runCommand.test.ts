// Resolves `vscode` to the plain-Node fake (import before any src module that imports vscode).
import { recordingLog } from '../tree/treeTestSupport';
import * as assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import { resetFakes, shownMessages } from '../tree/fakeVscode';
import { wrapCommand } from '../../../src/commands/runCommand';

/** VS Code's notification link syntax (src/vs/base/common/linkedText.ts in microsoft/vscode). */
const VSCODE_NOTIFICATION_LINK = /\[([^\]]+)\]\(((?:https?:\/\/|command:|file:)[^)\s]+)(?: (["'])(.+?)(\3))?\)/gi;

describe('A failed command', () => {
  beforeEach(resetFakes);

  it("shows Azure's message once, without any link in it and without a SAS", async () => {
    const log = recordingLog();
    const sas = 'https://acct.blob.core.windows.net/vhds/os.vhd?sv=2022-11-02&sp=r&sig=c2VjcmV0';
    const azureError = Object.assign(new Error(`Image '[Fix it](command:azureComputeGallery.signOut)' cannot use ${sas}.`), { name: 'RestError', statusCode: 400, code: 'InvalidParameter' });
    const command = wrapCommand('azureComputeGallery.test', { ...log, show: () => undefined } as unknown as vscode.LogOutputChannel, "Couldn't create the version", () => {
      throw azureError;
    });
    await command();
    assert.equal(shownMessages.length, 1);
    const [shown] = shownMessages;
    assert.match(shown, /^error: Couldn't create the version: InvalidParameter: /);
    assert.equal(shown.match(VSCODE_NOTIFICATION_LINK), null, shown);
    assert.match(shown.replace(/\u200B/g, ''), /Image '\[Fix it\]\(command:azureComputeGallery\.signOut\)' cannot use/);
    assert.doesNotMatch(shown, /c2VjcmV0|sig=/);
    assert.doesNotMatch(log.lines.join('\n'), /c2VjcmV0|sig=/);
  });
});
