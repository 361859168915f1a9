/** Shared helpers of the extension-host tests (run inside VS Code; see test/e2e/README.md). */
import * as vscode from 'vscode';
import { DEFAULT_TEST_ACCOUNT, readSeed, type SeedExpectations } from '../../harness/seed';

export const EXTENSION_ID = 'acg-tools.azure-compute-gallery';

/** What the extension's activate() returns (src/extension.ts): the public API the tests use. */
export interface ExtensionApi {
    readonly treeDataProvider: vscode.TreeDataProvider<unknown>;
}

/** Activates the extension under test (if needed) and returns its exports. */
export async function activatedApi(): Promise<ExtensionApi> {
    const ext = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID);
    if (!ext) {
        throw new Error(`${EXTENSION_ID} is not installed in this VS Code`);
    }
    const api = ext.isActive ? ext.exports : await ext.activate();
    if (!api || typeof api.treeDataProvider?.getChildren !== 'function') {
        throw new Error(`${EXTENSION_ID} activate() did not return { treeDataProvider }`);
    }
    return api;
}

export function labelOf(item: vscode.TreeItem): string {
    const label = item.label;
    if (label === undefined) {
        return '';
    }
    return typeof label === 'string' ? label : label.label;
}

export interface Child {
    node: unknown;
    item: vscode.TreeItem;
    label: string;
}

/** The children of `node` (root when undefined) with their tree items. */
export async function childrenOf(provider: vscode.TreeDataProvider<unknown>, node?: unknown): Promise<Child[]> {
    const nodes = (await provider.getChildren(node)) ?? [];
    return Promise.all(
        nodes.map(async (n) => {
            const item = await provider.getTreeItem(n);
            return { node: n, item, label: labelOf(item) };
        }),
    );
}

/** Polls `childrenOf` until `done(children)` holds (trees load asynchronously); returns the last children. */
export async function waitForChildren(
    provider: vscode.TreeDataProvider<unknown>,
    node: unknown,
    done: (children: Child[]) => boolean,
    timeoutMs = 30_000,
): Promise<Child[]> {
    const deadline = Date.now() + timeoutMs;
    let children = await childrenOf(provider, node);
    while (!done(children) && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 250));
        children = await childrenOf(provider, node);
    }
    return children;
}

/**
 * The emulator seed the launcher started (env ACG_E2E_SEED), reduced to what the tree should show;
 * undefined when the suite runs without an emulator.
 */
export function seedInfo(): (SeedExpectations & { account: string }) | undefined {
    const file = process.env.ACG_E2E_SEED;
    if (!file) {
        return undefined;
    }
    return { ...readSeed(file), account: process.env.ACG_TEST_AUTH_ACCOUNT ?? DEFAULT_TEST_ACCOUNT };
}
