/**
 * Microsoft.Compute/images — managed images (ComputeRP 2026-04-01; Image.tsp: Location-header LROs).
 */
import { invalidParameter, requiredParameter } from '../errors';
import { asArray, asObject, asString, clone, getPath, isObject, mergePatch, type JsonObject } from '../json';
import type { ArmResourceJson } from '../store';
import { HYPERV_GENERATIONS, OS_STATES, OS_TYPES } from './galleryImageKind';
import type { ResourceKind, WriteInput, WriteResult } from './ResourceKind';
import { checkEnum, checkTags, propertiesOf, resolveLocation, validateEntityName, withoutReadOnly } from './validation';

const TYPE = 'Microsoft.Compute/images';
const P = 'parameters.properties';
const CACHING = ['None', 'ReadOnly', 'ReadWrite'] as const;

/** Fills the OS disk from a source VM that exists in the store. */
function osDiskFromVm(input: WriteInput, vmId: string): JsonObject | undefined {
    const vm = vmId.startsWith('/') ? input.ctx.store.getResource(vmId) : undefined;
    const vmOsDisk = asObject(getPath(vm?.body.properties, 'storageProfile.osDisk'));
    if (!vmOsDisk) {
        return undefined;
    }
    const managedDiskId = asString(getPath(vmOsDisk, 'managedDisk.id'));
    return {
        osType: asString(vmOsDisk.osType) ?? 'Linux',
        osState: 'Generalized',
        ...(managedDiskId ? { managedDisk: { id: managedDiskId } } : {}),
        caching: asString(vmOsDisk.caching) ?? 'ReadWrite',
        ...(typeof vmOsDisk.diskSizeGB === 'number' ? { diskSizeGB: vmOsDisk.diskSizeGB } : {}),
        storageAccountType: asString(getPath(vmOsDisk, 'managedDisk.storageAccountType')) ?? 'Premium_LRS',
    };
}

function build(input: WriteInput, raw: JsonObject, tags: Record<string, string> | undefined, location: string): WriteResult {
    const properties = withoutReadOnly(raw, []);
    const sourceVm = asString(getPath(properties, 'sourceVirtualMachine.id'));
    const storageProfile: JsonObject = { ...(asObject(properties.storageProfile) ?? {}) };
    let osDisk = asObject(storageProfile.osDisk);
    if (!osDisk && !sourceVm) {
        throw requiredParameter(`${P}.storageProfile.osDisk`);
    }
    if (!osDisk && sourceVm) {
        // Unknown VMs (ids outside the store) get a plausible generalized Linux OS disk, like the REST example.
        osDisk = osDiskFromVm(input, sourceVm) ?? {
            osType: 'Linux',
            osState: 'Generalized',
            managedDisk: { id: `${sourceVm.replace(/\/providers\/Microsoft\.Compute\/virtualMachines\/.*$/i, '')}/providers/Microsoft.Compute/disks/${input.parsed.name}_OsDisk_1` },
            caching: 'ReadWrite',
        };
    }
    if (osDisk) {
        osDisk = { ...osDisk };
        osDisk.osType = checkEnum(osDisk.osType ?? undefinedRequired(`${P}.storageProfile.osDisk.osType`), OS_TYPES, `${P}.storageProfile.osDisk.osType`);
        osDisk.osState = checkEnum(osDisk.osState ?? undefinedRequired(`${P}.storageProfile.osDisk.osState`), OS_STATES, `${P}.storageProfile.osDisk.osState`);
        if (!osDisk.blobUri && !osDisk.managedDisk && !osDisk.snapshot) {
            throw invalidParameter(
                'At least one of blobUri, managedDisk or snapshot must be specified for the OS disk of an image.',
                `${P}.storageProfile.osDisk`,
            );
        }
        osDisk.caching = osDisk.caching === undefined ? 'ReadWrite' : checkEnum(osDisk.caching, CACHING, `${P}.storageProfile.osDisk.caching`);
        storageProfile.osDisk = osDisk;
    }
    storageProfile.dataDisks = asArray(storageProfile.dataDisks) ?? [];
    storageProfile.zoneResilient = storageProfile.zoneResilient === true;
    properties.storageProfile = storageProfile;
    properties.hyperVGeneration =
        properties.hyperVGeneration === undefined ? 'V1' : checkEnum(properties.hyperVGeneration, HYPERV_GENERATIONS, `${P}.hyperVGeneration`);

    const resource: ArmResourceJson = {
        id: input.id,
        name: input.existing?.body.name ?? input.parsed.name,
        type: TYPE,
        location,
        ...(tags ? { tags } : {}),
        properties,
    };
    return { resource };
}

function undefinedRequired(target: string): never {
    throw requiredParameter(target);
}

export const managedImageKind: ResourceKind = {
    type: TYPE,
    segment: 'images',
    nameParam: 'imageName',
    bodyParam: 'parameters',
    namespace: 'Microsoft.Compute',
    listBySubscription: true,
    lroStyle: 'compute',
    validateName: (name) => validateEntityName(name, 'imageName'),
    buildPut(input) {
        const location = resolveLocation(input.body, input.existing, TYPE);
        return build(input, propertiesOf(input.body, 'parameters'), checkTags(input.body.tags), location);
    },
    buildPatch(input) {
        const existing = input.existing;
        const merged = mergePatch(existing.body.properties, withoutReadOnly(propertiesOf(input.body, 'parameters'), []));
        const tags = input.body.tags !== undefined ? checkTags(input.body.tags) : existing.body.tags;
        return build(input, isObject(merged) ? merged : {}, tags, existing.body.location ?? 'eastus');
    },
    present: (stored) => clone(stored.body),
};
