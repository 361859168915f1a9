/**
 * ArmError: a CloudError (`{"error":{"code","message","target"?,"details"?}}`) with its HTTP status,
 * plus factories for the errors ARM / the Compute RPs return (texts from reference/ARM_BEHAVIOUR.md).
 */
import { describeValue } from './json';

export interface ArmErrorDetail {
    code: string;
    message: string;
    target?: string;
    details?: ArmErrorDetail[];
}

export interface CloudErrorBody {
    error: ArmErrorDetail;
}

export class ArmError extends Error {
    constructor(
        readonly status: number,
        readonly code: string,
        message: string,
        readonly target?: string,
        readonly details?: ArmErrorDetail[],
        readonly headers: Record<string, string> = {},
    ) {
        super(message);
        this.name = 'ArmError';
    }

    toDetail(): ArmErrorDetail {
        const detail: ArmErrorDetail = { code: this.code, message: this.message };
        if (this.target !== undefined) {
            detail.target = this.target;
        }
        if (this.details !== undefined) {
            detail.details = this.details;
        }
        return detail;
    }

    toBody(): CloudErrorBody {
        return { error: this.toDetail() };
    }
}

const NOT_FOUND_FIX = 'For more details please go to https://aka.ms/ARMResourceNotFoundFix';

export function resourceNotFound(typeAndName: string, resourceGroup: string): ArmError {
    return new ArmError(
        404,
        'ResourceNotFound',
        `The Resource '${typeAndName}' under resource group '${resourceGroup}' was not found. ${NOT_FOUND_FIX}`,
    );
}

export function resourceGroupNotFound(resourceGroup: string): ArmError {
    return new ArmError(404, 'ResourceGroupNotFound', `Resource group '${resourceGroup}' could not be found.`);
}

export function subscriptionNotFound(subscriptionId: string): ArmError {
    return new ArmError(404, 'SubscriptionNotFound', `The subscription '${subscriptionId}' could not be found.`);
}

export function parentResourceNotFound(parentName: string): ArmError {
    return new ArmError(
        404,
        'ParentResourceNotFound',
        `Can not perform requested operation on nested resource. Parent resource '${parentName}' not found.`,
    );
}

export function invalidParameter(message: string, target?: string): ArmError {
    return new ArmError(400, 'InvalidParameter', message, target);
}

/** Compute RP wording for a missing required property. */
export function requiredParameter(target: string): ArmError {
    return invalidParameter(`Required parameter '${target}' is missing (null).`, target);
}

export function invalidEnumValue(target: string, value: unknown, allowed: readonly string[]): ArmError {
    return invalidParameter(
        `The value '${describeValue(value)}' of parameter '${target}' is not allowed. Allowed values are: ${allowed.join(', ')}.`,
        target,
    );
}

export function propertyChangeNotAllowed(property: string): ArmError {
    return new ArmError(400, 'PropertyChangeNotAllowed', `Changing property '${property}' is not allowed.`, property);
}

export function invalidRequestContent(reason: string): ArmError {
    return new ArmError(400, 'InvalidRequestContent', `The request content was invalid and could not be deserialized: '${reason}'.`);
}

export function cannotDeleteResource(nestedIds: string[]): ArmError {
    const listed = nestedIds.slice(0, 3).join(', ');
    return new ArmError(
        409,
        'CannotDeleteResource',
        `Cannot delete resource while nested resources exist. Some existing nested resource IDs include: '${listed}'. Please delete all nested resources before deleting this resource.`,
    );
}
