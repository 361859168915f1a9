import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, activatedApi } from './helpers';

describe('activation', () => {
    it('is installed', () => {
        assert.ok(vscode.extensions.getExtension(EXTENSION_ID), `${EXTENSION_ID} is not installed`);
    });

    it('activates and returns its API', async () => {
        const api = await activatedApi();
        assert.ok(vscode.extensions.getExtension(EXTENSION_ID)?.isActive, 'extension is not active');
        assert.equal(typeof api.treeDataProvider.getChildren, 'function', 'exports.treeDataProvider is not a TreeDataProvider');
        assert.equal(typeof api.treeDataProvider.getTreeItem, 'function', 'exports.treeDataProvider is not a TreeDataProvider');
    });

    it('registers its commands', async () => {
        await activatedApi();
        const commands = new Set(await vscode.commands.getCommands(true));
        for (const id of ['azureComputeGallery.refresh', 'azureComputeGallery.signIn']) {
            assert.ok(commands.has(id), `command ${id} is not registered`);
        }
    });
});
