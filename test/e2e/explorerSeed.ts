/**
 * The emulator data the Explorer end-to-end tests look at, built when a test starts: end-of-life dates
 * are relative to the real clock ("passed 5 days ago", "in 10 days"), so the markers the tree shows stay
 * right whatever day the tests run. Used by the UI test (test/e2e/ui/explorer.e2e.ts, its own emulator)
 * and by the extension-host suite (test/e2e/suite/explorer.test.ts, added to the launcher's emulator
 * through POST /__emulator/seed).
 *
 * Pure data (no `vscode`, no Node APIs): it is bundled into the extension-host suite too.
 */
import type { SeedFile, SeedResource } from '../emulator/seed';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The tenant of the default seed (its home tenant), so the test account sees these subscriptions. */
export const EXPLORER_TENANT = '7c1f4b2e-3d5a-4e8f-9b6c-2a1d0e9f8c7b';
export const PRODUCTION = { subscriptionId: '6b1f0c3e-2d4a-4b5c-8d6e-7f8091a2b3c4', displayName: 'Explorer Production' } as const;
export const DEV_TEST = { subscriptionId: '0e9d8c7b-6a5f-4e4d-9c3b-2a1f0e9d8c7b', displayName: 'Explorer Dev/Test' } as const;

const IMAGES_RG = `/subscriptions/${PRODUCTION.subscriptionId}/resourceGroups/rg-explorer-images`;
const BUILD_RG = `/subscriptions/${PRODUCTION.subscriptionId}/resourceGroups/rg-explorer-build`;
const DEV_RG = `/subscriptions/${DEV_TEST.subscriptionId}/resourceGroups/rg-explorer-dev`;

/** Ids of what the tests look for (canonical casing, as ARM returns them). */
export const ids = {
    gallery: `${IMAGES_RG}/providers/Microsoft.Compute/galleries/exploreGallery`,
    winServer: `${IMAGES_RG}/providers/Microsoft.Compute/galleries/exploreGallery/images/win-server-g2`,
    ubuntuLegacy: `${IMAGES_RG}/providers/Microsoft.Compute/galleries/exploreGallery/images/ubuntu-legacy`,
    rhelSoon: `${IMAGES_RG}/providers/Microsoft.Compute/galleries/exploreGallery/images/rhel-9-soon`,
    appArm64: `${IMAGES_RG}/providers/Microsoft.Compute/galleries/exploreGallery/images/app-arm64`,
    cascadeGallery: `${IMAGES_RG}/providers/Microsoft.Compute/galleries/cascadeGallery`,
    flakyGallery: `${IMAGES_RG}/providers/Microsoft.Compute/galleries/flakyGallery`,
    suiteGallery: `${IMAGES_RG}/providers/Microsoft.Compute/galleries/suiteGallery`,
    manyVersions: `${IMAGES_RG}/providers/Microsoft.Compute/galleries/suiteGallery/images/many-versions`,
    retiringTomorrow: `${IMAGES_RG}/providers/Microsoft.Compute/galleries/suiteGallery/images/retiring-tomorrow`,
    vm: `${BUILD_RG}/providers/Microsoft.Compute/virtualMachines/vm-explorer-build`,
    snapshot: `${BUILD_RG}/providers/Microsoft.Compute/snapshots/snap-ubuntu-osdisk`,
    imgWinGolden: `${BUILD_RG}/providers/Microsoft.Compute/images/img-win-golden`,
    imgLinuxSnapshot: `${BUILD_RG}/providers/Microsoft.Compute/images/img-linux-snapshot`,
    imgLegacyVhd: `${BUILD_RG}/providers/Microsoft.Compute/images/img-legacy-vhd`,
    devGallery: `${DEV_RG}/providers/Microsoft.Compute/galleries/devGallery`,
} as const;

export interface ExplorerSeedOptions {
    /** The clock the end-of-life dates are relative to (default: now). */
    now?: Date;
    /**
     * Add suiteGallery: many-versions with this many generated versions (1.0.0, 1.0.1, …; paging at the
     * emulator's default page size) and retiring-tomorrow (end of life in 1 day; 1.0.0).
     */
    manyVersions?: number;
    /** Include the tenant record (a fresh emulator needs it; the default seed already has it). */
    includeTenant?: boolean;
}

function version(definitionId: string, name: string, opts: { endOfLife?: Date; excludeFromLatest?: boolean; regions?: string[] } = {}): SeedResource {
    const regions = opts.regions ?? ['East US'];
    return {
        id: `${definitionId}/versions/${name}`,
        location: 'eastus',
        properties: {
            publishingProfile: {
                targetRegions: regions.map((r) => ({ name: r, regionalReplicaCount: 1, storageAccountType: 'Standard_LRS', excludeFromLatest: false })),
                replicaCount: 1,
                excludeFromLatest: opts.excludeFromLatest ?? false,
                publishedDate: '2026-01-15T08:00:00Z',
                storageAccountType: 'Standard_LRS',
                ...(opts.endOfLife ? { endOfLifeDate: opts.endOfLife.toISOString() } : {}),
            },
            storageProfile: { source: { id: ids.imgWinGolden }, osDiskImage: { sizeInGB: 127, hostCaching: 'ReadOnly' } },
            provisioningState: 'Succeeded',
        },
    };
}

function definition(
    id: string,
    p: { osType: string; osState: string; hyperVGeneration: string; architecture: string; securityType?: string; endOfLife?: Date; sku: string },
): SeedResource {
    return {
        id,
        location: 'eastus',
        properties: {
            osType: p.osType,
            osState: p.osState,
            hyperVGeneration: p.hyperVGeneration,
            architecture: p.architecture,
            identifier: { publisher: 'Contoso', offer: 'Explorer', sku: p.sku },
            ...(p.endOfLife ? { endOfLifeDate: p.endOfLife.toISOString() } : {}),
            ...(p.securityType ? { features: [{ name: 'SecurityType', value: p.securityType }] } : {}),
            provisioningState: 'Succeeded',
        },
    };
}

function gallery(id: string, description: string, location = 'eastus'): SeedResource {
    return { id, location, properties: { description, provisioningState: 'Succeeded' } };
}

/**
 * Explorer Production:
 *  - exploreGallery: win-server-g2 (Windows · Generalized · Gen2 · x64 · TrustedLaunch; versions 0.9.0 own end of
 *    life passed, 1.2.0 own end of life in 10 days, 1.9.0, 1.10.0 in two regions, 2.0.0 excluded from latest),
 *    ubuntu-legacy (end of life passed; 1.0.0 inherits it, 1.1.0 has its own date in 200 days), rhel-9-soon (end of
 *    life in 20 days; 9.4.1 inherits it), app-arm64 (Linux · Specialized · Gen1 · Arm64, no versions)
 *  - cascadeGallery: cascade-a (1.0.0, 1.1.0), cascade-b (1.0.0)
 *  - flakyGallery: flaky-def
 *  - [manyVersions] suiteGallery: many-versions with the generated versions, retiring-tomorrow (end of life in 1 day; 1.0.0)
 *  - managed images: img-win-golden (from VM, zone resilient), img-linux-snapshot (from snapshot), img-legacy-vhd (from blob)
 * Explorer Dev/Test: devGallery.
 */
export function explorerSeed(options: ExplorerSeedOptions = {}): SeedFile {
    const now = (options.now ?? new Date()).getTime();
    const inDays = (days: number): Date => new Date(now + days * DAY_MS);
    const resources: SeedResource[] = [
        {
            id: ids.vm,
            location: 'eastus',
            properties: {
                hardwareProfile: { vmSize: 'Standard_D2s_v5' },
                storageProfile: { osDisk: { osType: 'Windows', name: 'vm-explorer-build-osdisk', createOption: 'FromImage', diskSizeGB: 127 } },
                provisioningState: 'Succeeded',
            },
        },
        {
            id: ids.snapshot,
            location: 'eastus',
            properties: { osType: 'Linux', hyperVGeneration: 'V2', creationData: { createOption: 'Copy' }, diskSizeGB: 30, provisioningState: 'Succeeded' },
        },
        {
            id: ids.imgWinGolden,
            location: 'eastus',
            properties: {
                sourceVirtualMachine: { id: ids.vm },
                storageProfile: { osDisk: { osType: 'Windows', osState: 'Generalized', caching: 'ReadWrite', diskSizeGB: 127 }, zoneResilient: true },
                hyperVGeneration: 'V2',
                provisioningState: 'Succeeded',
            },
        },
        {
            id: ids.imgLinuxSnapshot,
            location: 'eastus',
            properties: {
                storageProfile: { osDisk: { osType: 'Linux', osState: 'Generalized', snapshot: { id: ids.snapshot }, caching: 'ReadWrite', diskSizeGB: 30 }, zoneResilient: false },
                hyperVGeneration: 'V2',
                provisioningState: 'Succeeded',
            },
        },
        {
            id: ids.imgLegacyVhd,
            location: 'eastus',
            properties: {
                storageProfile: {
                    osDisk: { osType: 'Linux', osState: 'Specialized', blobUri: 'https://stexplorer.blob.core.windows.net/vhds/legacy.vhd', caching: 'ReadWrite', diskSizeGB: 30 },
                },
                hyperVGeneration: 'V1',
                provisioningState: 'Succeeded',
            },
        },
        gallery(ids.gallery, 'Golden images for the Explorer tests'),
        definition(ids.winServer, { osType: 'Windows', osState: 'Generalized', hyperVGeneration: 'V2', architecture: 'x64', securityType: 'TrustedLaunch', endOfLife: inDays(3 * 365), sku: 'win-server-g2' }),
        version(ids.winServer, '0.9.0', { endOfLife: inDays(-5) }),
        version(ids.winServer, '1.2.0', { endOfLife: inDays(10) }),
        version(ids.winServer, '1.9.0'),
        version(ids.winServer, '1.10.0', { regions: ['East US', 'West Europe'] }),
        version(ids.winServer, '2.0.0', { excludeFromLatest: true }),
        definition(ids.ubuntuLegacy, { osType: 'Linux', osState: 'Generalized', hyperVGeneration: 'V1', architecture: 'x64', endOfLife: inDays(-30), sku: 'ubuntu-legacy' }),
        version(ids.ubuntuLegacy, '1.0.0'),
        version(ids.ubuntuLegacy, '1.1.0', { endOfLife: inDays(200) }),
        definition(ids.rhelSoon, { osType: 'Linux', osState: 'Generalized', hyperVGeneration: 'V2', architecture: 'x64', endOfLife: inDays(20), sku: 'rhel-9' }),
        version(ids.rhelSoon, '9.4.1'),
        definition(ids.appArm64, { osType: 'Linux', osState: 'Specialized', hyperVGeneration: 'V1', architecture: 'Arm64', sku: 'app-arm64' }),
        gallery(ids.cascadeGallery, 'Everything in here goes'),
        definition(`${ids.cascadeGallery}/images/cascade-a`, { osType: 'Linux', osState: 'Generalized', hyperVGeneration: 'V2', architecture: 'x64', sku: 'cascade-a' }),
        version(`${ids.cascadeGallery}/images/cascade-a`, '1.0.0'),
        version(`${ids.cascadeGallery}/images/cascade-a`, '1.1.0'),
        definition(`${ids.cascadeGallery}/images/cascade-b`, { osType: 'Windows', osState: 'Generalized', hyperVGeneration: 'V2', architecture: 'x64', sku: 'cascade-b' }),
        version(`${ids.cascadeGallery}/images/cascade-b`, '1.0.0'),
        gallery(ids.flakyGallery, 'Its list fails until the fault is cleared'),
        definition(`${ids.flakyGallery}/images/flaky-def`, { osType: 'Linux', osState: 'Generalized', hyperVGeneration: 'V2', architecture: 'x64', sku: 'flaky-def' }),
        gallery(ids.devGallery, 'Dev/Test images', 'westeurope'),
    ];
    if (options.manyVersions) {
        resources.push(
            gallery(ids.suiteGallery, 'More versions than one page, and an end of life tomorrow'),
            definition(ids.manyVersions, { osType: 'Linux', osState: 'Generalized', hyperVGeneration: 'V2', architecture: 'x64', sku: 'many-versions' }),
            definition(ids.retiringTomorrow, { osType: 'Windows', osState: 'Generalized', hyperVGeneration: 'V2', architecture: 'x64', endOfLife: inDays(1), sku: 'retiring' }),
            version(ids.retiringTomorrow, '1.0.0'),
        );
    }
    return {
        ...(options.includeTenant ? { tenants: [{ tenantId: EXPLORER_TENANT, displayName: 'Contoso', defaultDomain: 'contoso.onmicrosoft.com' }] } : {}),
        subscriptions: [
            { ...PRODUCTION, tenantId: EXPLORER_TENANT, state: 'Enabled' },
            { ...DEV_TEST, tenantId: EXPLORER_TENANT, state: 'Enabled' },
        ],
        resourceGroups: [
            { subscriptionId: PRODUCTION.subscriptionId, name: 'rg-explorer-images', location: 'eastus' },
            { subscriptionId: PRODUCTION.subscriptionId, name: 'rg-explorer-build', location: 'eastus' },
            { subscriptionId: DEV_TEST.subscriptionId, name: 'rg-explorer-dev', location: 'westeurope' },
        ],
        resources,
        ...(options.manyVersions ? { generate: [{ kind: 'imageVersions', parentId: ids.manyVersions, count: options.manyVersions }] } : {}),
    };
}
