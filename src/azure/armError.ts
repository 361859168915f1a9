import * as l10n from '@vscode/l10n';
import { redactSas } from '../domain/applications';
/**
 * Turns whatever the Azure SDK, the LRO poller or the network threw into one readable message:
 * what failed, ARM's code and message, and what the user can do next.
 *
 * Pure module (no `vscode`, no SDK import): the SDK's RestError is recognised by shape.
 */

export interface ArmErrorInfo {
  /** ARM's error code (e.g. "ResourceNotFound"), a network code (e.g. "ECONNREFUSED"), or undefined. */
  readonly code: string | undefined;
  readonly statusCode: number | undefined;
  /** ARM's own message (secrets redacted). */
  readonly message: string;
  /** One sentence telling the user what to do next. */
  readonly nextStep: string;
  /** The operation was cancelled by the user: show nothing. */
  readonly cancelled: boolean;
  /** x-ms-request-id, for support requests. */
  readonly requestId: string | undefined;
}

export class NotSignedInError extends Error {
  constructor(message = l10n.t('You are not signed in to Azure.')) {
    super(message);
    this.name = 'NotSignedInError';
  }
}

interface ErrorShape {
  name?: unknown;
  message?: unknown;
  code?: unknown;
  statusCode?: unknown;
  response?: { headers?: { get?(name: string): string | undefined }; bodyAsText?: unknown };
  cause?: unknown;
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'REQUEST_SEND_ERROR',
  'UND_ERR_SOCKET',
  'CERT_HAS_EXPIRED',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
]);

/**
 * Removes bearer tokens, JWT-looking strings and shared access signatures (SAS) so they never reach a log or a
 * message. A query that carries a SAS signature (`sig=`) is removed whole: its other parameters (sv, se, sp, st, sr,
 * spr, skoid…) say what the signature grants and are of no use without it.
 */
export function redactSecrets(text: string): string {
  return redactSas(
    text
      .replace(/(authorization["']?\s*[:=]\s*["']?)(bearer\s+)?[^\s"',}]+/gi, '$1$2<redacted>')
      .replace(/bearer\s+[A-Za-z0-9\-_.~+/]+=*/gi, 'Bearer <redacted>')
      .replace(/eyJ[A-Za-z0-9\-_]+\.[A-Za-z0-9\-_]+\.[A-Za-z0-9\-_]*/g, '<redacted-token>'),
  );
}

/**
 * VS Code turns `[label](https://…)`, `[label](command:…)` and `[label](file:…)` in a notification's message into
 * links (src/vs/base/common/linkedText.ts, `parseLinkedText`); a bare URL stays text. Text from Azure (error
 * messages, resource names, tags) must never become a link the user could click by mistake, least of all a
 * command link. A zero-width space after every `]` breaks the `](` the parser needs while the text reads the same.
 */
export function inertNotificationText(text: string): string {
  return text.replace(/\]/g, ']\u200B');
}

const LRO_FAILED = /^The long-running operation has failed\.?\s*(?:([A-Za-z][\w.]*)\.\s*)?([\s\S]*)$/;

function asShape(err: unknown): ErrorShape {
  return typeof err === 'object' && err !== null ? (err) : { message: String(err) };
}

function isCancellation(shape: ErrorShape): boolean {
  return shape.name === 'AbortError' || shape.name === 'CancellationError' || shape.code === 'ABORT_ERR';
}

function nextStepFor(code: string | undefined, status: number | undefined, retryAfter: string | undefined): string {
  switch (code) {
    case 'NotSignedIn':
      return l10n.t('Sign in with "Compute Gallery: Sign in to Azure".');
    case 'AuthenticationFailed':
    case 'ExpiredAuthenticationToken':
    case 'InvalidAuthenticationToken':
    case 'InvalidAuthenticationTokenAudience':
      return l10n.t('Sign in again with "Compute Gallery: Sign in to Azure"; if it keeps failing, check the cloud in the "microsoft-sovereign-cloud.environment" setting.');
    case 'InvalidAuthenticationTokenTenant':
      return l10n.t('This subscription belongs to another tenant: sign in to that tenant, then refresh.');
    case 'AuthorizationFailed':
    case 'LinkedAuthorizationFailed':
      return l10n.t('Your account lacks permission here: ask for a role such as Contributor on the subscription or resource group.');
    case 'ResourceNotFound':
    case 'ResourceGroupNotFound':
    case 'ParentResourceNotFound':
    case 'NotFound':
      return l10n.t('It may have been deleted or moved: refresh the view.');
    case 'SubscriptionNotFound':
      return l10n.t('Check that the subscription still exists and that you are signed in to its tenant, then refresh.');
    case 'CannotDeleteResource':
      return l10n.t('It still contains nested resources: delete its image versions and definitions first, then try again.');
    case 'OperationNotAllowed':
      // A refusal that waiting will not change (deletion blocked before end of life, a definition that still holds
      // soft-deleted versions, a quota): "refresh and try again" (the 409 default) would mislead.
      return l10n.t("Azure does not allow this while the resource is as it is now: change what Azure's message names (for example an end-of-life date or a safety setting), then try again.");
    case 'MissingSubscriptionRegistration':
      return l10n.t('Register the Microsoft.Compute resource provider for this subscription, then try again.');
    case 'InvalidParameter':
    case 'BadRequest':
    case 'InvalidRequestContent':
    case 'PropertyChangeNotAllowed':
      return l10n.t('Correct the value Azure named and try again.');
    case 'PARSE_ERROR':
      return l10n.t('Azure sent a response that could not be read; try again in a moment.');
    case 'UntrustedHost': // refused by armServices' host check (issue 9): retrying cannot help
      return l10n.t('Nothing was sent there. If your cloud really uses that host, set it as "resourceManagerEndpointUrl" of "microsoft-sovereign-cloud.customEnvironment" in your user settings; otherwise tell your Azure administrator.');
    default:
      break;
  }
  if (code && NETWORK_CODES.has(code)) {
    return l10n.t('Azure could not be reached: check your network or proxy and the cloud in the "microsoft-sovereign-cloud.environment" setting, then try again.');
  }
  if (status === 429) {
    if (retryAfter === '1') {
      return l10n.t('Azure is throttling requests: wait 1 second and try again.');
    }
    return retryAfter && /^\d+$/.test(retryAfter)
      ? l10n.t('Azure is throttling requests: wait {0} seconds and try again.', retryAfter)
      : l10n.t('Azure is throttling requests: wait a minute and try again.');
  }
  if (status === 401) {
    return l10n.t('Sign in again with "Compute Gallery: Sign in to Azure".');
  }
  if (status === 403) {
    return l10n.t('Your account lacks permission here: ask for a suitable role on the subscription or resource group.');
  }
  if (status === 404) {
    return l10n.t('It may have been deleted or moved: refresh the view.');
  }
  if (status === 409) {
    return l10n.t('Another change is in progress or conflicts with this one: refresh and try again.');
  }
  if (status !== undefined && status >= 500) {
    return l10n.t('Azure had a temporary problem: try again in a minute.');
  }
  return l10n.t('Try again; if it keeps failing, see the "Azure Compute Gallery" output for details.');
}

/** Extracts code, status, message and the next step from anything that was thrown. */
export function describeArmError(err: unknown): ArmErrorInfo {
  const shape = asShape(err);
  if (isCancellation(shape)) {
    return { code: undefined, statusCode: undefined, message: l10n.t('Cancelled.'), nextStep: '', cancelled: true, requestId: undefined };
  }
  let code = typeof shape.code === 'string' && shape.code ? shape.code : undefined;
  const statusCode = typeof shape.statusCode === 'number' ? shape.statusCode : undefined;
  let message = typeof shape.message === 'string' && shape.message ? shape.message : String(err);
  if (err instanceof NotSignedInError) {
    code = 'NotSignedIn';
  }
  const lro = LRO_FAILED.exec(message);
  if (lro) {
    code = lro[1] ?? code;
    message = lro[2]?.trim() || l10n.t('The operation failed in Azure without saying why.');
  }
  if (!code && shape.cause) {
    const causeCode = asShape(shape.cause).code;
    if (typeof causeCode === 'string') {
      code = causeCode;
    }
  }
  if (statusCode !== undefined && /^Unexpected status code: \d+$/.test(message)) {
    message = l10n.t('Azure answered with HTTP {0} and no error details.', statusCode);
  }
  const headers = shape.response?.headers;
  const retryAfter = typeof headers?.get === 'function' ? headers.get('retry-after') : undefined;
  const requestId = typeof headers?.get === 'function' ? headers.get('x-ms-request-id') : undefined;
  return {
    code,
    statusCode,
    message: redactSecrets(message),
    nextStep: nextStepFor(code, statusCode, retryAfter),
    cancelled: false,
    requestId,
  };
}

/** "Couldn't list galleries: ResourceGroupNotFound: Resource group 'rg' could not be found. It may have been deleted…" */
export function formatArmError(action: string, err: unknown): string {
  const info = describeArmError(err);
  const code = info.code ? `${info.code}: ` : '';
  const message = info.message.endsWith('.') ? info.message : `${info.message}.`;
  return `${action}: ${code}${message} ${info.nextStep}`.trim();
}
