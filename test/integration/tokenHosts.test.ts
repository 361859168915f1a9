/**
 * Issue 9: the Azure SDK attaches the bearer token to whatever https URL it is handed. A nextLink,
 * Azure-AsyncOperation or Location on another host must be refused before anything is sent there.
 *
 * Set-up: the cloud's ARM is a small HTTPS front (`arm`) that forwards to the emulator. In "hostile"
 * mode it tells the emulator it was reached as the other server (`other`), so the emulator's real
 * nextLinks and LRO headers name that other origin, as a compromised or misbehaving endpoint could.
 * `other` records every request it gets (and would answer like ARM, by forwarding to the emulator).
 */
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as https from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import '../emulator/trustCa';
import { startEmulator } from '../emulator/ArmEmulator';
import type { RunningEmulator } from '../emulator/ArmEmulator';
import { ensureCertificates } from '../emulator/certificates';
import { makeTestToken } from '../emulator/tokens';
import { createArmServices } from '../../src/azure/armServices';
import { resolveCloud } from '../../src/azure/cloud';
import { describeArmError } from '../../src/azure/armError';
import { galleryId } from '../../src/azure/armId';
import type { ArmServices } from '../../src/azure/services';

const TENANT = 'aaaaaaaa-0000-4000-8000-000000000001';
const SUB = '11111111-0000-4000-8000-000000000001';
const RG = 'images-rg';

function seed() {
  return {
    tenants: [{ tenantId: TENANT, displayName: 'Contoso', defaultDomain: 'contoso.example' }],
    subscriptions: [
      { subscriptionId: SUB, displayName: 'Contoso Images', tenantId: TENANT, state: 'Enabled' },
      { subscriptionId: '11111111-0000-4000-8000-000000000002', displayName: 'Contoso Dev', tenantId: TENANT, state: 'Enabled' },
    ],
    resourceGroups: [
      { subscriptionId: SUB, name: RG, location: 'eastus' },
      { subscriptionId: SUB, name: 'other-rg', location: 'westus' },
    ],
    resources: ['a', 'b', 'c'].map((g) => ({
      id: `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.Compute/galleries/${g}`,
      name: g,
      type: 'Microsoft.Compute/galleries',
      location: 'eastus',
      properties: { provisioningState: 'Succeeded' },
    })),
  };
}

interface Recorded {
  method: string;
  url: string;
  authorization: boolean;
}

interface FrontServer {
  origin: string;
  close(): Promise<void>;
}

/** An HTTPS server with the emulator's certificate that forwards every request to the emulator. */
async function startFront(
  target: () => URL,
  hostHeader: () => string | undefined,
  onRequest: (req: IncomingMessage) => void,
  dropAsyncOperationHeader: () => boolean = () => false,
): Promise<FrontServer> {
  const certs = await ensureCertificates();
  const [key, cert] = await Promise.all([fs.readFile(certs.keyPath), fs.readFile(certs.certPath)]);
  const server = https.createServer({ key, cert }, (req: IncomingMessage, res: ServerResponse) => {
    onRequest(req);
    const to = target();
    const headers = { ...req.headers, host: hostHeader() ?? req.headers.host ?? to.host };
    const upstream = https.request(
      { hostname: to.hostname, port: to.port, path: req.url, method: req.method, headers },
      (answer) => {
        const headers = { ...answer.headers };
        if (dropAsyncOperationHeader()) {
          delete headers['azure-asyncoperation']; // like Microsoft.Resources: Location only
        }
        res.writeHead(answer.statusCode ?? 502, headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', (err) => {
      res.writeHead(502).end(String(err));
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `https://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

describe('the sign-in token goes only to the cloud\'s ARM host (issue 9)', function () {
  this.timeout(60_000);
  let emulator: RunningEmulator;
  let arm: FrontServer;
  let other: FrontServer;
  let hostile = false;
  let locationOnly = false;
  const atOther: Recorded[] = [];
  const logLines: string[] = [];
  let services: ArmServices;

  before(async () => {
    emulator = await startEmulator({ seed: seed(), pageSize: 1, lroDelayMs: 100 });
    const emulatorUrl = new URL(emulator.url);
    other = await startFront(
      () => emulatorUrl,
      () => undefined,
      (req) => atOther.push({ method: req.method ?? '', url: req.url ?? '', authorization: req.headers.authorization !== undefined }),
    );
    arm = await startFront(
      () => emulatorUrl,
      () => (hostile ? new URL(other.origin).host : undefined),
      () => undefined,
      () => locationOnly,
    );
    const cloud = resolveCloud('custom', { name: 'Front', resourceManagerEndpointUrl: arm.origin, managementEndpointUrl: emulator.url });
    services = createArmServices({
      cloud,
      credentials: {
        credential: (tenantId) => ({
          getToken: () => Promise.resolve({ token: makeTestToken({ aud: emulator.url, tid: tenantId ?? TENANT }), expiresOnTimestamp: Date.now() + 3_600_000 }),
        }),
      },
      log: (line) => logLines.push(line),
      pollIntervalMs: 50,
    });
  });
  after(async () => {
    await Promise.all([arm?.close(), other?.close()]);
    await emulator?.close();
  });
  beforeEach(() => {
    hostile = false;
    locationOnly = false;
    atOther.length = 0;
    logLines.length = 0;
  });

  const nothingSentToOther = (): void => {
    assert.deepEqual(atOther, [], `requests reached ${other.origin} (with the token: ${atOther.some((r) => r.authorization)})`);
  };
  const refusedOther = (err: unknown): boolean => {
    const info = describeArmError(err);
    assert.equal(info.code, 'UntrustedHost', info.message);
    assert.ok(info.message.includes(other.origin), info.message);
    assert.ok(info.message.includes(arm.origin), info.message);
    assert.match(info.message, /token was not sent/);
    assert.doesNotMatch(info.nextStep, /try again/i, 'retrying cannot help');
    assert.match(info.nextStep, /resourceManagerEndpointUrl/);
    return true;
  };

  it('follows nextLinks and LRO links on the ARM host itself (the front works)', async () => {
    const subscriptions = await services.listSubscriptions(TENANT);
    assert.equal(subscriptions.length, 2, 'two pages through the nextLink');
    assert.equal((await services.galleryService(SUB, TENANT).listResourceGroups()).length, 2);
    const gs = services.galleryService(SUB, TENANT);
    const first = await gs.listGalleries();
    assert.ok(first.continuationToken?.startsWith(arm.origin), first.continuationToken);
    await gs.createOrUpdateGallery(galleryId(SUB, RG, 'fine'), { location: 'eastus', properties: {} });
    nothingSentToOther();
  });

  it('refuses a REST list nextLink on another host (tenants, subscriptions, resource groups)', async () => {
    hostile = true;
    await assert.rejects(services.listSubscriptions(TENANT), refusedOther);
    await assert.rejects(services.galleryService(SUB, TENANT).listResourceGroups(), refusedOther);
    nothingSentToOther();
    const refusals = logLines.filter((l) => l.includes(other.origin) && l.includes('UntrustedHost'));
    assert.equal(refusals.length, 2, `logged once per refused request, never retried:\n${logLines.join('\n')}`);
  });

  it('refuses an SDK page continuation (galleries, images, versions) on another host', async () => {
    hostile = true;
    const gs = services.galleryService(SUB, TENANT);
    const first = await gs.listGalleries();
    assert.ok(first.continuationToken?.startsWith(other.origin), `the emulator named the other host: ${first.continuationToken}`);
    await assert.rejects(gs.listGalleries({ continuationToken: first.continuationToken }), refusedOther);
    nothingSentToOther();
  });

  it('refuses an Azure-AsyncOperation poll on another host (create)', async () => {
    hostile = true;
    const gs = services.galleryService(SUB, TENANT);
    await assert.rejects(gs.createOrUpdateGallery(galleryId(SUB, RG, 'polled'), { location: 'eastus', properties: {} }), refusedOther);
    nothingSentToOther();
  });

  it('refuses a Location poll on another host (delete)', async () => {
    hostile = true;
    locationOnly = true;
    const gs = services.galleryService(SUB, TENANT);
    await assert.rejects(gs.deleteGallery(galleryId(SUB, RG, 'c')), refusedOther);
    nothingSentToOther();
  });
});
