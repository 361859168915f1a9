/**
 * What a test can expect to see from an emulator seed (test/emulator/seeds/*.json): the tenants,
 * subscriptions and galleries it contains, and the test sign-in account that fits it.
 *
 * Reads the JSON itself (only the fields it needs) so the harness does not depend on the
 * emulator's internal types.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const DEFAULT_SEED = path.join(REPO_ROOT, 'test', 'emulator', 'seeds', 'default.json');

export const DEFAULT_TEST_ACCOUNT = 'tester@contoso.example';

export interface SeedSubscriptionInfo {
    subscriptionId: string;
    displayName: string;
    tenantId: string;
    state: string;
}

export interface SeedGalleryInfo {
    id: string;
    name: string;
    subscriptionId: string;
    resourceGroup: string;
    /** Made by a `generate` rule of the seed (many, paged) rather than listed in `resources`. */
    generated: boolean;
}

export interface SeedExpectations {
    /** The home tenant for the test account: the first seeded tenant (else the first subscription's). */
    homeTenant: string | undefined;
    tenants: Array<{ tenantId: string; displayName: string }>;
    subscriptions: SeedSubscriptionInfo[];
    galleries: SeedGalleryInfo[];
    /** The galleries of a subscription listed explicitly in the seed (not generated ones). */
    galleriesOf(subscriptionId: string): SeedGalleryInfo[];
}

interface RawSeed {
    tenants?: Array<{ tenantId?: unknown; displayName?: unknown }>;
    subscriptions?: Array<{ subscriptionId?: unknown; displayName?: unknown; tenantId?: unknown; state?: unknown }>;
    resources?: Array<{ id?: unknown; name?: unknown; type?: unknown }>;
    generate?: Array<{ kind?: unknown; subscriptionId?: unknown; resourceGroup?: unknown; count?: unknown }>;
}

const GALLERY_ID = /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/Microsoft\.Compute\/galleries\/([^/]+)$/i;

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

export function readSeed(seedPath: string = DEFAULT_SEED): SeedExpectations {
    const raw = JSON.parse(fs.readFileSync(seedPath, 'utf8')) as RawSeed;
    const tenants = (raw.tenants ?? [])
        .map((t) => ({ tenantId: str(t.tenantId), displayName: str(t.displayName) }))
        .filter((t) => t.tenantId);
    const subscriptions = (raw.subscriptions ?? [])
        .map((s) => ({
            subscriptionId: str(s.subscriptionId),
            displayName: str(s.displayName),
            tenantId: str(s.tenantId),
            state: str(s.state) || 'Enabled',
        }))
        .filter((s) => s.subscriptionId);
    const galleries: SeedGalleryInfo[] = [];
    for (const r of raw.resources ?? []) {
        const m = GALLERY_ID.exec(str(r.id));
        if (m) {
            galleries.push({ id: str(r.id), subscriptionId: m[1], resourceGroup: m[2], name: m[3], generated: false });
        }
    }
    for (const g of raw.generate ?? []) {
        if (g.kind === 'galleries' && typeof g.count === 'number') {
            for (let i = 1; i <= g.count; i++) {
                const name = `generatedGallery${String(i).padStart(4, '0')}`;
                const sub = str(g.subscriptionId);
                const rg = str(g.resourceGroup);
                galleries.push({
                    id: `/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.Compute/galleries/${name}`,
                    name,
                    subscriptionId: sub,
                    resourceGroup: rg,
                    generated: true,
                });
            }
        }
    }
    const homeTenant = tenants[0]?.tenantId ?? subscriptions[0]?.tenantId;
    return {
        homeTenant,
        tenants,
        subscriptions,
        galleries,
        galleriesOf: (subscriptionId) =>
            galleries.filter((g) => !g.generated && g.subscriptionId.toLowerCase() === subscriptionId.toLowerCase()),
    };
}

/**
 * Environment for the test auth provider (test/e2e/auth-provider) that fits a seed: the home tenant
 * is the seed's first tenant. Values already set in `process.env` win, so a run can override them.
 */
export function testAuthEnv(seed: SeedExpectations | undefined): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = {
        ACG_TEST_AUTH_ACCOUNT: process.env.ACG_TEST_AUTH_ACCOUNT ?? DEFAULT_TEST_ACCOUNT,
    };
    const tenant = process.env.ACG_TEST_AUTH_HOME_TENANT ?? seed?.homeTenant;
    if (tenant) {
        env.ACG_TEST_AUTH_HOME_TENANT = tenant;
    }
    if (process.env.ACG_TEST_AUTH_TOKEN_LIFETIME_SECONDS) {
        env.ACG_TEST_AUTH_TOKEN_LIFETIME_SECONDS = process.env.ACG_TEST_AUTH_TOKEN_LIFETIME_SECONDS;
    }
    return env;
}

/**
 * The user settings that point VS Code's Microsoft sign-in (and so our extension) at the emulator
 * as a custom cloud, and trust its ARM host (else the extension asks before sending the token there).
 */
export function emulatorCloudSettings(emulatorUrl: string): Record<string, unknown> {
    return {
        'microsoft-sovereign-cloud.environment': 'custom',
        'microsoft-sovereign-cloud.customEnvironment': {
            name: 'ArmEmulator',
            portalUrl: 'https://portal.emulator.invalid',
            managementEndpointUrl: emulatorUrl,
            resourceManagerEndpointUrl: emulatorUrl,
            activeDirectoryEndpointUrl: 'https://login.emulator.invalid/',
            activeDirectoryResourceId: emulatorUrl,
        },
        // The emulator is not a Microsoft host: trusted in user settings, as a user would trust their Azure Stack Hub.
        'azureComputeGallery.trustedArmHosts': [new URL(emulatorUrl).origin],
    };
}
