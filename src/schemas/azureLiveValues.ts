import * as l10n from '@vscode/l10n';
import type * as vscode from 'vscode';
import type { AzureAccount } from '../azure/AzureAccount';
import { describeArmError } from '../azure/armError';
import { listAll, mapLimit, SUBSCRIPTION_CONCURRENCY } from '../azure/listAll';
import type { GalleryService, SubscriptionInfo } from '../azure/services';
import { selectedSubscriptionIds } from '../tree/AccountNode';
import type { LiveValue, LiveValueProvider, LiveValueRequest } from './GalleryTemplateLanguageService';
import { listForPath } from './liveValuePaths';
import type { LiveValueList } from './liveValuePaths';

const CACHE_MS = 5 * 60 * 1000;

/** Completion values from the signed-in account's subscriptions (never prompts to sign in). */
export class AzureLiveValues implements LiveValueProvider, vscode.Disposable {
  private readonly subscription: vscode.Disposable;
  private readonly cache = new Map<LiveValueList, { at: number; values: Promise<LiveValue[]> }>();

  constructor(
    private readonly account: AzureAccount,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.subscription = account.onDidChange(() => this.cache.clear());
  }

  dispose(): void {
    this.subscription.dispose();
  }

  async provideValues(request: LiveValueRequest): Promise<readonly LiveValue[]> {
    const list = listForPath(request.path);
    if (!list || (await this.account.getSignInState()).kind !== 'signedIn') {
      return [];
    }
    const cached = this.cache.get(list);
    if (cached && Date.now() - cached.at < CACHE_MS) {
      return cached.values;
    }
    const values = this.load(list).catch((err: unknown) => {
      this.log.warn(`Couldn't list ${list} for completions: ${describeArmError(err).message}`);
      this.cache.delete(list);
      return [];
    });
    this.cache.set(list, { at: Date.now(), values });
    return values;
  }

  private async subscriptions(): Promise<Array<{ sub: SubscriptionInfo; service: GalleryService }>> {
    const services = await this.account.services();
    const tenants = await services.listTenants();
    const selected = selectedSubscriptionIds();
    const lists = await mapLimit(tenants, SUBSCRIPTION_CONCURRENCY, (t) => services.listSubscriptions(t.tenantId).catch(() => []));
    return lists
      .flat()
      .filter((s) => selected.size === 0 || selected.has(s.subscriptionId.toLowerCase()))
      .map((sub) => ({ sub, service: services.galleryService(sub.subscriptionId, sub.tenantId) }));
  }

  private async load(list: LiveValueList): Promise<LiveValue[]> {
    const subs = await this.subscriptions();
    const perSubscription = await mapLimit(subs, SUBSCRIPTION_CONCURRENCY, async ({ sub, service }): Promise<LiveValue[]> => {
      const ids = (items: ReadonlyArray<{ id?: string; name?: string; location?: string }>, what: string): LiveValue[] =>
        items
          .filter((i): i is { id: string; name?: string; location?: string } => typeof i.id === 'string')
          .map((i) => ({ value: i.id, label: i.name ?? i.id, detail: `${what} · ${i.location ?? ''} · ${sub.displayName}`, documentation: idDocumentation(i.id) }));
      switch (list) {
        case 'locations':
          return (await service.listLocations()).map((l) => ({ value: l.name, label: l.name, detail: l.displayName }));
        case 'virtualMachines':
          return ids(await service.listVirtualMachines(), l10n.t('virtual machine'));
        case 'disks':
          return ids(await service.listDisks(), l10n.t('managed disk'));
        case 'snapshots':
          return ids(await service.listSnapshots(), 'snapshot');
        case 'diskEncryptionSets':
          return ids(await service.listDiskEncryptionSets(), l10n.t('disk encryption set'));
        case 'managedImages':
          return ids(await listAll((o) => service.listManagedImages(o)), l10n.t('managed image'));
        case 'galleries':
          return ids(await listAll((o) => service.listGalleries(o)), 'gallery');
        case 'imageSources':
          return [
            ...ids(await listAll((o) => service.listManagedImages(o)), l10n.t('managed image')),
            ...ids(await service.listVirtualMachines(), l10n.t('virtual machine')),
            ...ids(await service.listSnapshots(), 'snapshot'),
            ...ids(await service.listDisks(), l10n.t('managed disk')),
          ];
      }
    });
    // Locations repeat across subscriptions: keep each once.
    const seen = new Set<string>();
    return perSubscription.flat().filter((v) => !seen.has(v.value.toLowerCase()) && seen.add(v.value.toLowerCase()));
  }
}

/**
 * The details pane of an ID suggestion: its resource group and the whole ID, so two resources of the same name in
 * different groups can be told apart. Names come from Azure: markdown characters are escaped.
 */
function idDocumentation(id: string): string {
  const group = /\/resourceGroups\/([^/]+)/i.exec(id)?.[1];
  return `${group ? `${l10n.t('Resource group {0}', escapeMarkdown(group))}\n\n` : ''}${escapeMarkdown(id)}`;
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~&]/g, (c) => `\\${c}`);
}
