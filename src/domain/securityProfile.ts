/**
 * Which image definitions need a Generation 2 (UEFI) image. Trusted Launch and Confidential VM security types run on
 * Gen2 only (learn.microsoft.com "Trusted launch for Azure VMs" / "Azure confidential VMs"; the feature values are in
 * src/schemas/generate/overlay.ts). hyperVGeneration defaults to V1 when it is not given (GalleryRP swagger).
 * Pure, no `vscode`.
 */

const NEEDS_GEN2 = /trustedlaunch|confidential/i;

/** Does a `SecurityType` feature value (TrustedLaunch, TrustedLaunchSupported, ConfidentialVM, …) need Gen2? */
export function securityTypeNeedsGeneration2(securityType: string): boolean {
  return NEEDS_GEN2.test(securityType);
}

/** Is hyperVGeneration Gen2? Unset ('' or undefined) means V1; Azure compares the value without case. */
export function isGeneration2(generation: string | undefined): boolean {
  return generation?.toUpperCase() === 'V2';
}

/** Can an image definition of this generation carry this security type? */
export function securityTypeFitsGeneration(securityType: string, generation: string | undefined): boolean {
  return !securityTypeNeedsGeneration2(securityType) || isGeneration2(generation);
}

/** Arm64 images are Gen2 only (the form's "VM generation" choices and learn.microsoft.com "Arm64 VMs"). */
export function architectureFitsGeneration(architecture: string | undefined, generation: string | undefined): boolean {
  return architecture?.toLowerCase() !== 'arm64' || isGeneration2(generation);
}

/** NVMe disk controllers (`DiskControllerTypes` "SCSI, NVMe") need Gen2. */
export function diskControllersFitGeneration(diskControllerTypes: string, generation: string | undefined): boolean {
  return !/nvme/i.test(diskControllerTypes) || isGeneration2(generation);
}

/** Confidential VMs run on x64 only. */
export function securityTypeFitsArchitecture(securityType: string, architecture: string | undefined): boolean {
  return !/confidential/i.test(securityType) || architecture?.toLowerCase() !== 'arm64';
}
