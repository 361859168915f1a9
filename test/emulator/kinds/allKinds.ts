/** Every resource kind the emulator serves. */
import { galleryApplicationKind } from './galleryApplicationKind';
import { galleryApplicationVersionKind } from './galleryApplicationVersionKind';
import { galleryImageKind } from './galleryImageKind';
import { galleryImageVersionKind } from './galleryImageVersionKind';
import { galleryKind } from './galleryKind';
import { managedImageKind } from './managedImageKind';
import { diskEncryptionSetKind, diskKind, snapshotKind, storageAccountKind, virtualMachineKind } from './readOnlyKinds';
import type { ResourceKind } from './ResourceKind';

export const ALL_KINDS: readonly ResourceKind[] = [
    galleryKind,
    galleryImageKind,
    galleryImageVersionKind,
    galleryApplicationKind,
    galleryApplicationVersionKind,
    managedImageKind,
    virtualMachineKind,
    diskKind,
    snapshotKind,
    diskEncryptionSetKind,
    storageAccountKind,
];

const byType = new Map(ALL_KINDS.map((k) => [k.type.toLowerCase(), k]));

export function kindForType(type: string): ResourceKind | undefined {
    return byType.get(type.toLowerCase());
}
