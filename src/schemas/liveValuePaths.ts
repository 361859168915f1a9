/** Which Azure list answers a value being typed in a gallery resource. Pure module. */

/** What a JSON path asks for. */
export type LiveValueList = 'locations' | 'virtualMachines' | 'disks' | 'snapshots' | 'managedImages' | 'diskEncryptionSets' | 'imageSources' | 'galleries';

/**
 * Which Azure list answers a value at `path` (inside a resource body or template resource). Pure.
 * Sources of image versions and managed images, disk encryption sets, regions, and `dependsOn` entries.
 */
export function listForPath(path: readonly (string | number)[]): LiveValueList | undefined {
  const keys = path.filter((p): p is string => typeof p === 'string');
  const last = keys[keys.length - 1];
  const parent = keys[keys.length - 2];
  if (path.length === 1 && last === 'location') {
    return 'locations';
  }
  if (last === 'name' && parent === 'targetRegions') {
    return 'locations';
  }
  if (keys[0] === 'dependsOn') {
    return 'galleries';
  }
  if (last === 'virtualMachineId' || (last === 'id' && parent === 'sourceVirtualMachine')) {
    return 'virtualMachines';
  }
  if (last === 'diskEncryptionSetId' || (last === 'id' && parent === 'diskEncryptionSet')) {
    return 'diskEncryptionSets';
  }
  if (last === 'id' && parent === 'managedDisk') {
    return 'disks';
  }
  if (last === 'id' && parent === 'snapshot') {
    return 'snapshots';
  }
  if (last === 'id' && parent === 'source') {
    return 'imageSources';
  }
  return undefined;
}
