/**
 * Searching a picker's list and typing a resource ID that is not in it. Pure; the webview filters with it as the
 * user types, and the same ID rule is what the forms' validation (run again on the host before anything is sent)
 * holds a typed ID to (see {@link pickerIdProblem}).
 */
import * as l10n from '@vscode/l10n';
import { armIdProblem } from '../../azure/armId';
import type { PickerOption, PickerSource } from './formTypes';

/**
 * The host lists at most this many options per picker (sorted by name); the webview says so when a list reaches it,
 * and a resource beyond it is chosen by pasting its ID. Large enough for a subscription with thousands of VMs,
 * small enough that the list stays a quick message to the webview.
 */
export const PICKER_LIST_LIMIT = 10_000;

/** The resource types a picker's value may name: `Namespace/type[/child…]`, compared without case. */
interface IdRule {
  readonly types: readonly string[];
  /** "a virtual machine": a function, translated when asked (not at import, before l10n.config) */
  readonly what: () => string;
}

const ID_RULES: Readonly<Partial<Record<PickerSource, IdRule>>> = {
  galleries: { types: ['Microsoft.Compute/galleries'], what: () => l10n.t('a gallery') },
  imageDefinitions: { types: ['Microsoft.Compute/galleries/images'], what: () => l10n.t('an image definition') },
  imageVersions: { types: ['Microsoft.Compute/galleries/images/versions'], what: () => l10n.t('an image version') },
  managedImages: { types: ['Microsoft.Compute/images'], what: () => l10n.t('a managed image') },
  virtualMachines: { types: ['Microsoft.Compute/virtualMachines'], what: () => l10n.t('a virtual machine') },
  disks: { types: ['Microsoft.Compute/disks'], what: () => l10n.t('a managed disk') },
  snapshots: { types: ['Microsoft.Compute/snapshots'], what: () => l10n.t('a snapshot') },
  diskSources: { types: ['Microsoft.Compute/disks', 'Microsoft.Compute/snapshots'], what: () => l10n.t('a managed disk or snapshot') },
  storageAccounts: { types: ['Microsoft.Storage/storageAccounts'], what: () => l10n.t('a storage account') },
  diskEncryptionSets: { types: ['Microsoft.Compute/diskEncryptionSets'], what: () => l10n.t('a disk encryption set') },
};

/** Pickers whose value is an ARM resource ID: these also take one typed or pasted by the user. */
export function acceptsTypedId(source: PickerSource): boolean {
  return ID_RULES[source] !== undefined;
}

/** "a virtual machine"; undefined for pickers of other values (subscriptions, regions, resource groups). */
export function pickerIdWhat(source: PickerSource): string | undefined {
  return ID_RULES[source]?.what();
}

/** Text the user means as a resource ID rather than as words to search for. */
export function looksLikeResourceId(text: string): boolean {
  return /^\/subscriptions\//i.test(text.trim());
}

/**
 * The resource type an ARM id names ("Microsoft.Compute/galleries/images"), or undefined when the text is not a
 * full resource id: /subscriptions/{sub}/resourceGroups/{rg}/providers/{namespace}/{type}/{name}[/{type}/{name}…].
 */
export function resourceTypeOf(id: string): string | undefined {
  const s = id.split('/');
  if (s.length < 9 || s.length % 2 === 0 || s[0] !== '' || s[1].toLowerCase() !== 'subscriptions' || s[3].toLowerCase() !== 'resourcegroups' || s[5].toLowerCase() !== 'providers') {
    return undefined;
  }
  if (s.slice(1).some((part) => part === '' || /\s/.test(part))) {
    return undefined;
  }
  const types = [s[7]];
  for (let i = 9; i < s.length; i += 2) {
    types.push(s[i]);
  }
  return `${s[6]}/${types.join('/')}`;
}

/**
 * What is wrong with `id` as the value of a picker of `source`; undefined when it names a resource of the right
 * type. Pickers of other values (subscriptions, regions, resource groups) have no ID rule: undefined.
 */
export function pickerIdProblem(source: PickerSource, id: string): string | undefined {
  const rule = ID_RULES[source];
  if (!rule) {
    return undefined;
  }
  const example = `/subscriptions/…/resourceGroups/…/providers/${rule.types[0]}/…`;
  const type = resourceTypeOf(id);
  if (!type) {
    return l10n.t('That is not a full resource ID. Paste the ID of {0} ({1}).', rule.what(), example);
  }
  if (!rule.types.some((t) => t.toLowerCase() === type.toLowerCase())) {
    return l10n.t('That ID names a {0} resource, not {1}.', type, rule.what());
  }
  return armIdProblem(id);
}

export interface PickerSearchResult {
  /** The options to show (at most the limit), in list order. */
  readonly shown: readonly PickerOption[];
  /** How many options match (may be more than are shown). */
  readonly matches: number;
}

/**
 * The options whose label, description or value contain every word of the query (without case). An empty query
 * matches everything.
 */
export function searchOptions(options: readonly PickerOption[], query: string, limit: number): PickerSearchResult {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) {
    return { shown: options.slice(0, limit), matches: options.length };
  }
  const shown: PickerOption[] = [];
  let matches = 0;
  for (const option of options) {
    const haystack = `${option.label}\n${option.description ?? ''}\n${option.value}`.toLowerCase();
    if (words.every((w) => haystack.includes(w))) {
      matches += 1;
      if (shown.length < limit) {
        shown.push(option);
      }
    }
  }
  return { shown, matches };
}

/** The listed option a typed ID names (ARM ids compare without case), if any. */
export function listedOption(options: readonly PickerOption[], id: string): PickerOption | undefined {
  const wanted = id.trim().toLowerCase();
  return options.find((o) => o.value.toLowerCase() === wanted);
}
