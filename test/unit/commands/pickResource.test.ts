// Resolves `vscode` to the plain-Node fake (import before any src module that imports vscode).
import { FakeAzure, page, settle, SUB, TENANT } from '../tree/treeTestSupport';
import * as assert from 'node:assert/strict';
import { window } from '../tree/fakeVscode';
import { pickResource } from '../../../src/commands/pickResource';

type Item = { label: string; notice?: true; value?: unknown };
type Listener = () => void;

/** A quick pick the test types into, as the user would (value + onDidChangeValue), and accepts. */
class TypingQuickPick {
  title: string | undefined;
  placeholder: string | undefined;
  busy = false;
  matchOnDescription = false;
  value = '';
  items: readonly Item[] = [];
  selectedItems: readonly Item[] = [];
  private readonly listeners: Record<'accept' | 'hide' | 'value', Listener[]> = { accept: [], hide: [], value: [] };
  private on(kind: 'accept' | 'hide' | 'value') {
    return (l: Listener) => (this.listeners[kind].push(l), { dispose: () => undefined });
  }
  onDidAccept = this.on('accept');
  onDidHide = this.on('hide');
  onDidChangeValue = this.on('value');
  show(): void {}
  dispose(): void {}
  type(text: string): void {
    this.value = text;
    this.listeners.value.forEach((l) => l());
  }
  accept(item: Item | undefined): void {
    this.selectedItems = item ? [item] : [];
    this.listeners.accept.forEach((l) => l());
  }
}

const RG = `/subscriptions/${SUB}/resourceGroups/rg`;
const VERSION = `${RG}/providers/Microsoft.Compute/galleries/g1/images/ubuntu/versions/2.0.0`;

describe('Choosing a resource from the palette', () => {
  const picks: TypingQuickPick[] = [];
  const original = window.createQuickPick;
  before(() => {
    (window as { createQuickPick: unknown }).createQuickPick = () => {
      const qp = new TypingQuickPick();
      picks.push(qp);
      return qp;
    };
  });
  after(() => {
    (window as { createQuickPick: unknown }).createQuickPick = original;
  });
  beforeEach(() => (picks.length = 0));

  async function started(): Promise<{ azure: FakeAzure; result: Promise<unknown> }> {
    const azure = new FakeAzure();
    azure.tenants = () => Promise.resolve([{ tenantId: TENANT, displayName: 'Contoso' }] as never);
    azure.subscriptions = () => Promise.resolve([{ subscriptionId: SUB, displayName: 'Prod', tenantId: TENANT, state: 'Enabled' }]);
    azure.galleries = () => page(Array.from({ length: 1500 }, (_, i) => ({ id: `${RG}/providers/Microsoft.Compute/galleries/g${i}`, name: `g${i}`, location: 'eastus' })));
    const result = pickResource(azure.account(), ['imageVersion']);
    await settle();
    await settle();
    picks[0].accept(picks[0].items[0]);
    for (let i = 0; i < 5 && picks.length < 2; i++) {
      await settle();
    }
    await settle();
    return { azure, result };
  }

  it('takes a pasted image version ID instead of drilling through 1,500 galleries', async () => {
    const { result } = await started();
    const galleries = picks[1];
    assert.equal(galleries.items.length, 1500);
    galleries.type(VERSION);
    assert.match(galleries.items[0].label, /g1\/ubuntu\/2\.0\.0/);
    galleries.accept(galleries.items[0]);
    const chosen = (await result) as { armId: { kind: string; id: string }; tenantId: string };
    assert.equal(chosen.armId.kind, 'imageVersion');
    assert.equal(chosen.armId.id, VERSION);
    assert.equal(chosen.tenantId, TENANT);
  });

  it('says why an ID of another kind or subscription cannot be used, and does not take it', async () => {
    const { result } = await started();
    const galleries = picks[1];
    galleries.type(`${RG}/providers/Microsoft.Compute/galleries/g1`);
    assert.equal(galleries.items[0].notice, true);
    assert.match(galleries.items[0].label, /does not name what is asked for here \(image version\)/);
    galleries.accept(galleries.items[0]);
    galleries.type(VERSION.replace(SUB, '22222222-0000-4000-8000-000000000002'));
    assert.match(galleries.items[0].label, /in subscription 22222222-0000-4000-8000-000000000002: choose that subscription first/);
    galleries.type('g1');
    assert.equal(galleries.items.length, 1500, 'plain words are a search, not an ID');
    let settled = false;
    void result.then(() => (settled = true), () => (settled = true));
    await settle();
    assert.equal(settled, false, 'a refused ID was taken');
    galleries.accept(galleries.items.find((i) => i.label.endsWith(' g1')));
    await settle();
  });
  it('drills gallery → VM application → version for the application kinds (palette Copy Application Reference)', async () => {
    const azure = new FakeAzure();
    azure.tenants = () => Promise.resolve([{ tenantId: TENANT, displayName: 'Contoso' }] as never);
    azure.subscriptions = () => Promise.resolve([{ subscriptionId: SUB, displayName: 'Prod', tenantId: TENANT, state: 'Enabled' }]);
    const gallery = `${RG}/providers/Microsoft.Compute/galleries/g1`;
    azure.galleries = () => page([{ id: gallery, name: 'g1', location: 'eastus' }]);
    azure.definitions = () => page([{ id: `${gallery}/images/ubuntu`, name: 'ubuntu', location: 'eastus' }]);
    azure.applications = () => page([{ id: `${gallery}/applications/agent`, name: 'agent', location: 'eastus', supportedOSType: 'Windows' }]);
    azure.applicationVersions = () => page([{ name: '1.9.0' }, { name: '1.10.0' }]);
    const result = pickResource(azure.account(), ['applicationVersion', 'application']);
    const next = async (n: number): Promise<TypingQuickPick> => {
      for (let i = 0; i < 20 && (picks.length < n || picks[n - 1].busy); i++) {
        await settle();
      }
      return picks[n - 1];
    };
    const subscriptions = await next(1);
    subscriptions.accept(subscriptions.items[0]);
    const galleries = await next(2);
    galleries.accept(galleries.items[0]);
    const inGallery = await next(3);
    assert.deepEqual(inGallery.items.map((i) => i.label), ['$(package) agent'], 'VM applications only: no image definitions are offered');
    assert.equal(inGallery.placeholder, 'VM application in g1');
    inGallery.accept(inGallery.items[0]);
    const versions = await next(4);
    assert.deepEqual(versions.items.map((i) => i.label), ['$(check) The VM application agent itself', '$(versions) 1.10.0', '$(versions) 1.9.0']);
    versions.accept(versions.items[1]);
    const chosen = (await result) as { armId: { kind: string; id: string } };
    assert.equal(chosen.armId.kind, 'applicationVersion');
    assert.equal(chosen.armId.id, `${gallery}/applications/agent/versions/1.10.0`);
  });
});
