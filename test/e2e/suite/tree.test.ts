import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activatedApi, childrenOf, seedInfo, waitForChildren, type Child, type ExtensionApi } from './helpers';

/**
 * Signs in through the extension's public command and walks the tree through the TreeDataProvider the
 * extension exports. Needs the ARM emulator and the test auth provider (the launchers set them up):
 *  - code-server (runInCodeServer.ts): VS Code shows its "wants to sign in" dialog, the launcher clicks Allow;
 *  - VS Code desktop (runInElectron.ts): the test provider starts signed in and the extension is trusted.
 */
describe('gallery tree against the ARM emulator', function () {
    const seed = seedInfo();
    let api: ExtensionApi;
    let account: Child;

    before(async function () {
        if (!seed) {
            this.skip(); // no emulator (ACG_E2E_SEED unset)
        }
        this.timeout(120_000);
        api = await activatedApi();
        await vscode.commands.executeCommand('azureComputeGallery.signIn');
    });

    it('shows the signed-in account at the root', async () => {
        const roots = await waitForChildren(api.treeDataProvider, undefined, (c) => c.some((x) => x.label.includes(seed!.account)));
        const found = roots.find((x) => x.label.includes(seed!.account));
        assert.ok(found, `no root node for ${seed!.account}; roots: ${JSON.stringify(roots.map((r) => r.label))}`);
        account = found;
    });

    it('lists the seeded subscriptions under the account', async () => {
        const expected = seed!.subscriptions.filter((s) => s.state === 'Enabled').map((s) => s.displayName);
        const subs = await waitForChildren(api.treeDataProvider, account.node, (c) => expected.every((e) => c.some((x) => x.label === e)));
        const labels = subs.map((s) => s.label);
        for (const name of expected) {
            assert.ok(labels.includes(name), `subscription "${name}" missing; shown: ${JSON.stringify(labels)}`);
        }
    });

    it('lists the galleries of each subscription', async () => {
        const subs = await childrenOf(api.treeDataProvider, account.node);
        for (const sub of seed!.subscriptions.filter((s) => s.state === 'Enabled')) {
            const expected = seed!.galleriesOf(sub.subscriptionId).map((g) => g.name);
            if (expected.length === 0) {
                continue;
            }
            const subNode = subs.find((s) => s.label === sub.displayName);
            assert.ok(subNode, `subscription "${sub.displayName}" missing`);
            const children = await waitForChildren(api.treeDataProvider, subNode.node, (c) => expected.every((e) => c.some((x) => x.label === e)));
            const labels = children.map((c) => c.label);
            for (const name of expected) {
                assert.ok(labels.includes(name), `gallery "${name}" missing under "${sub.displayName}"; shown: ${JSON.stringify(labels)}`);
            }
        }
    });
});
