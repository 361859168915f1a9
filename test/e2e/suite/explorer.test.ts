import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { FaultRule } from '../../emulator/ArmEmulator';
import { EmulatorClient } from '../emulatorClient';
import { DEV_TEST, EXPLORER_TENANT, PRODUCTION, explorerSeed, ids } from '../explorerSeed';
import { activatedApi, childrenOf, seedInfo, waitForChildren, type Child, type ExtensionApi } from './helpers';

/**
 * The Compute Gallery explorer through the extension's public API (the TreeDataProvider that activate()
 * returns, and its commands), inside a real VS Code: what each node kind says (labels, descriptions,
 * context values that menus match), paging, replication per region in the hover, Copy Resource ID and
 * Show Properties. The data (test/e2e/explorerSeed.ts) is added to the launcher's emulator when the suite
 * starts, so end-of-life dates are relative to today. What is only visible on screen (dialogs,
 * notifications, the quick pick, icons) is checked by test/e2e/ui/explorer.e2e.ts.
 */
describe('explorer', function () {
    const seed = seedInfo();
    let api: ExtensionApi;
    let emulator: EmulatorClient;
    let production: Child;
    let devTest: Child;

    /** The emulator the launcher pointed VS Code at (the custom cloud's ARM endpoint). */
    function emulatorUrl(): string {
        const env = vscode.workspace.getConfiguration('microsoft-sovereign-cloud').get<{ resourceManagerEndpointUrl?: unknown }>('customEnvironment');
        const url = env?.resourceManagerEndpointUrl;
        assert.ok(typeof url === 'string' && url, 'the custom cloud setting names no ARM endpoint');
        return url;
    }

    const describeChildren = (children: readonly Child[]): string => JSON.stringify(children.map((c) => `${c.label} — ${String(c.item.description ?? '')}`));

    /** The child labelled `label` of `parent`, waiting for the list to load. */
    async function child(parent: Child | undefined, label: string): Promise<Child> {
        const children = await waitForChildren(api.treeDataProvider, parent?.node, (c) => c.some((x) => x.label === label));
        const found = children.find((x) => x.label === label);
        assert.ok(found, `"${label}" is not under "${parent?.label ?? 'the root'}"; shown: ${describeChildren(children)}`);
        return found;
    }

    /** "label — description" of each child (callers first wait for the list with `child()`). */
    async function shown(parent: Child): Promise<string[]> {
        const children = await childrenOf(api.treeDataProvider, parent.node);
        return children.map((c) => (c.item.description ? `${c.label} — ${String(c.item.description)}` : c.label));
    }

    async function path(...labels: string[]): Promise<Child> {
        let node = production;
        for (const label of labels) {
            node = await child(node, label);
        }
        return node;
    }

    before(async function () {
        if (!seed) {
            this.skip(); // no emulator (ACG_E2E_SEED unset)
        }
        this.timeout(120_000);
        api = await activatedApi();
        emulator = new EmulatorClient(emulatorUrl());
        await emulator.addSeed(explorerSeed({ manyVersions: 60 }));
        await vscode.commands.executeCommand('azureComputeGallery.signIn');
        await vscode.commands.executeCommand('azureComputeGallery.refresh');
        const account = await child(undefined, seed.account);
        production = await child(account, PRODUCTION.displayName);
        devTest = await child(account, DEV_TEST.displayName);
    });

    after(async () => {
        await emulator?.setFaults([]);
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });

    it('subscriptions list their galleries (location · resource group · sharing), then their managed images folder and Shared with me', async () => {
        await child(production, 'suiteGallery');
        assert.deepEqual(await shown(production), [
            'cascadeGallery — eastus · rg-explorer-images · Private',
            'exploreGallery — eastus · rg-explorer-images · Private',
            'flakyGallery — eastus · rg-explorer-images · Private',
            'suiteGallery — eastus · rg-explorer-images · Private',
            'Managed images',
            'Shared with me',
        ]);
        const children = await childrenOf(api.treeDataProvider, production.node);
        assert.deepEqual(
            children.map((c) => c.item.contextValue),
            ['gallery;sharing-private', 'gallery;sharing-private', 'gallery;sharing-private', 'gallery;sharing-private', 'managedImages', 'sharedWithMe'],
            'context values (what the menus match)',
        );
        assert.equal(children[0]?.item.collapsibleState, vscode.TreeItemCollapsibleState.Collapsed, 'a gallery can be expanded');
    });

    it('image definitions describe OS type · state · generation · architecture · security type and warn of end of life', async () => {
        const gallery = await path('exploreGallery');
        await child(gallery, 'win-server-g2');
        assert.deepEqual(await shown(gallery), [
            'app-arm64 — Linux · Specialized · Gen1 · Arm64',
            'rhel-9-soon — Linux · Generalized · Gen2 · x64 · end of life in 20 days',
            'ubuntu-legacy — Linux · Generalized · Gen1 · x64 · end of life passed',
            'win-server-g2 — Windows · Generalized · Gen2 · x64 · TrustedLaunch',
            // After the definitions, the gallery's VM applications folder (issue 12).
            'VM applications',
        ]);
        const suite = await path('suiteGallery');
        await child(suite, 'retiring-tomorrow');
        assert.deepEqual(await shown(suite), ['many-versions — Linux · Generalized · Gen2 · x64', 'retiring-tomorrow — Windows · Generalized · Gen2 · x64 · end of life in 1 day', 'VM applications']);
    });

    it('versions are in numeric order (1.10.0 above 1.9.0) with latest, excluded-from-latest and end of life marked', async () => {
        const definition = await path('exploreGallery', 'win-server-g2');
        await child(definition, '1.10.0');
        assert.deepEqual(await shown(definition), [
            '2.0.0 — excluded from latest',
            '1.10.0 — latest',
            '1.9.0',
            '1.2.0 — end of life in 10 days',
            '0.9.0 — end of life passed',
        ]);
        const children = await childrenOf(api.treeDataProvider, definition.node);
        assert.deepEqual(
            children.map((c) => c.item.contextValue),
            ['imageVersion;excluded', 'imageVersion;latest', 'imageVersion', 'imageVersion', 'imageVersion'],
            'context values (what the menus match)',
        );
        assert.equal(children[1]?.item.accessibilityInformation?.label, 'Image version 1.10.0, latest', 'what a screen reader says');
    });

    it("a version's own end-of-life date wins over its definition's; without one it inherits the definition's", async () => {
        assert.deepEqual(await shown(await path('exploreGallery', 'ubuntu-legacy')), ['1.1.0 — latest', '1.0.0 — end of life passed']);
        assert.deepEqual(await shown(await path('exploreGallery', 'rhel-9-soon')), ['9.4.1 — latest · end of life in 20 days']);
        assert.deepEqual(await shown(await path('suiteGallery', 'retiring-tomorrow')), ['1.0.0 — latest · end of life in 1 day']);
    });

    it('an empty list says so', async () => {
        assert.deepEqual(await shown(await path('exploreGallery', 'app-arm64')), ['No image versions — create one']);
        const images = await child(devTest, 'Managed images');
        assert.deepEqual(await shown(images), ['No managed images — create one']);
    });

    it('a list longer than a page ends in "Load more…", and `latest` is named only once every page is loaded', async () => {
        const definition = await path('suiteGallery', 'many-versions');
        const firstPage = await waitForChildren(api.treeDataProvider, definition.node, (c) => c.length > 1);
        const loadMore = firstPage.at(-1);
        assert.equal(loadMore?.label, 'Load more image versions…');
        assert.equal(firstPage.length, 51, 'one page of 50 versions, then "Load more…"');
        const numeric = (label: string): number => Number(label.split('.')[2]);
        const firstVersions = firstPage.slice(0, -1).map((c) => c.label);
        assert.deepEqual(firstVersions, [...firstVersions].sort((a, b) => numeric(b) - numeric(a)), 'the first page is in numeric order, newest first');
        assert.ok(firstPage.every((c) => !/latest/.test(String(c.item.description ?? '')) && !/latest/.test(c.item.contextValue ?? '')), 'a version is marked latest before every page is known');

        const command = loadMore?.item.command;
        assert.equal(command?.command, 'azureComputeGallery.loadMore', '"Load more…" runs the load-more command when clicked');
        await vscode.commands.executeCommand(command.command, ...((command.arguments ?? []) as unknown[]));
        const all = await waitForChildren(api.treeDataProvider, definition.node, (c) => c.length === 60 && c.every((x) => x.label !== 'Load more image versions…'));
        const expected = Array.from({ length: 60 }, (_, i) => `1.0.${59 - i}`);
        assert.deepEqual(all.map((c) => c.label), expected, 'all versions in numeric order, newest first, and no "Load more…"');
        const latest = all.filter((c) => /(^|;)latest\b/.test(c.item.contextValue ?? ''));
        assert.deepEqual(latest.map((c) => `${c.label} — ${String(c.item.description)}`), ['1.0.59 — latest'], 'the version latest resolves to');
    });

    it('hovering a version shows its replication per region (resolveTreeItem)', async () => {
        const version = await path('exploreGallery', 'win-server-g2', '1.10.0');
        const source = new vscode.CancellationTokenSource();
        const item = await api.treeDataProvider.resolveTreeItem?.(version.item, version.node, source.token);
        assert.ok(item, 'the tree does not resolve tree items (resolveTreeItem)');
        const tooltip = item.tooltip;
        assert.ok(tooltip instanceof vscode.MarkdownString, `the tooltip is not markdown but ${typeof tooltip}`);
        // As rendered: no bold markers, no escapes, no non-breaking spaces.
        const text = tooltip.value.replace(/\*\*/g, '').replace(/&nbsp;/g, ' ').replace(/\\([\\`*_{}[\]()#+\-.!<>|])/g, '$1');
        for (const expected of ['Image version 1.10.0', 'Target regions: East US, West Europe', 'Replication (Completed)', 'East US: Completed', 'West Europe: Completed']) {
            assert.ok(text.includes(expected), `the tooltip lacks "${expected}":\n${text}`);
        }
    });

    it('managed images show OS type · state · source · zone resilient', async () => {
        const images = await child(production, 'Managed images');
        await child(images, 'img-win-golden');
        assert.deepEqual(await shown(images), [
            'img-legacy-vhd — Linux · Specialized · from VHD blob',
            'img-linux-snapshot — Linux · Generalized · from snapshot snap-ubuntu-osdisk',
            'img-win-golden — Windows · Generalized · from VM vm-explorer-build · zone resilient',
        ]);
    });

    it('Copy Resource ID puts the ARM id on the clipboard', async () => {
        const targets: Array<[Child, string]> = [
            [await path('exploreGallery', 'win-server-g2', '1.10.0'), `${ids.winServer}/versions/1.10.0`],
            [await path('exploreGallery'), ids.gallery],
            [await child(await child(production, 'Managed images'), 'img-win-golden'), ids.imgWinGolden],
        ];
        const within = <T>(what: string, p: Thenable<T>): Promise<T> =>
            Promise.race([Promise.resolve(p), new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`${what} did not finish within 10 s`)), 10_000))]);
        for (const [node, id] of targets) {
            await within('clipboard.writeText', vscode.env.clipboard.writeText('(not copied)'));
            await vscode.commands.executeCommand('azureComputeGallery.copyResourceId', node.node);
            assert.equal(await within('clipboard.readText', vscode.env.clipboard.readText()), id, `clipboard after Copy Resource ID on ${node.label}`);
        }
    });

    it('Show Properties opens the JSON that ARM returns for the resource, as a JSON document', async () => {
        const image = await child(await child(production, 'Managed images'), 'img-win-golden');
        await vscode.commands.executeCommand('azureComputeGallery.showProperties', image.node);
        const editor = vscode.window.activeTextEditor;
        assert.ok(editor, 'no editor opened');
        assert.equal(editor.document.uri.scheme, 'azure-compute-gallery');
        assert.equal(editor.document.languageId, 'json');
        assert.ok(editor.document.uri.path.endsWith('/img-win-golden.json'), `document path: ${editor.document.uri.path}`);
        const fromArm = await emulator.arm('GET', `${ids.imgWinGolden}?api-version=2026-04-01`, EXPLORER_TENANT);
        assert.deepEqual(JSON.parse(editor.document.getText()) as unknown, fromArm.body, 'the editor shows what ARM returns');
        // Read-only is what the editor enforces on typing (the API's editor.edit is not refused): see the UI test.
    });

    it('a list that fails becomes one error node; its retry command lists again once the fault is gone', async () => {
        const fault: FaultRule = { kind: 'unauthorized', method: 'GET', path: '/galleries/flakyGallery/images$' };
        await emulator.setFaults([fault]);
        const gallery = await path('flakyGallery');
        await vscode.commands.executeCommand('azureComputeGallery.refresh', gallery.node);
        const failed = await waitForChildren(api.treeDataProvider, gallery.node, (c) => c.some((x) => x.item.contextValue === 'error'));
        // Only the image definitions failed: the VM applications folder stays.
        assert.deepEqual(failed.map((c) => c.label), ["Couldn't list image definitions — click to retry", 'VM applications']);
        assert.match(String(failed[0]?.item.description), /^ExpiredAuthenticationToken: /);
        await emulator.setFaults([]);
        const retry = failed[0]?.item.command;
        assert.equal(retry?.command, 'azureComputeGallery.retry', 'clicking the error node retries');
        await vscode.commands.executeCommand(retry.command, ...((retry.arguments ?? []) as unknown[]));
        const recovered = await waitForChildren(api.treeDataProvider, gallery.node, (c) => c.some((x) => x.label === 'flaky-def'));
        assert.deepEqual(recovered.map((c) => c.label), ['flaky-def', 'VM applications']);
    });
});
