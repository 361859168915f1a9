/**
 * Read-only kinds for the extension's form pickers: GET one + list by resource group / subscription.
 * Populate them through the seed or `store.addResource`.
 */
import { clone } from '../json';
import type { ResourceKind } from './ResourceKind';

function readOnlyKind(namespace: string, segment: string, nameParam: string): ResourceKind {
    return {
        type: `${namespace}/${segment}`,
        segment,
        nameParam,
        bodyParam: 'parameters',
        namespace,
        listBySubscription: true,
        present: (stored) => clone(stored.body),
    };
}

export const virtualMachineKind = readOnlyKind('Microsoft.Compute', 'virtualMachines', 'vmName');
export const diskKind = readOnlyKind('Microsoft.Compute', 'disks', 'diskName');
export const snapshotKind = readOnlyKind('Microsoft.Compute', 'snapshots', 'snapshotName');
export const diskEncryptionSetKind = readOnlyKind('Microsoft.Compute', 'diskEncryptionSets', 'diskEncryptionSetName');
export const storageAccountKind = readOnlyKind('Microsoft.Storage', 'storageAccounts', 'accountName');
