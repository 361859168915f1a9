import * as vscode from 'vscode';
import { describeArmError, formatArmError, inertNotificationText } from '../azure/armError';

/**
 * Every command runs through here: it is logged, its error is shown once with the next step,
 * and a user cancellation stays silent.
 */
export function wrapCommand<A extends unknown[]>(
  id: string,
  log: vscode.LogOutputChannel,
  failureTitle: string,
  handler: (...args: A) => unknown,
): (...args: A) => Promise<void> {
  return async (...args: A) => {
    log.debug(`Command ${id}`);
    try {
      await handler(...args);
    } catch (err) {
      const info = describeArmError(err);
      if (info.cancelled) {
        log.info(`Command ${id} cancelled.`);
        return;
      }
      const message = formatArmError(failureTitle, err);
      log.error(`Command ${id} failed: ${message}${info.requestId ? ` (x-ms-request-id ${info.requestId})` : ''}`);
      const showLog = vscode.l10n.t('Show log');
      void vscode.window.showErrorMessage(inertNotificationText(message), showLog).then((choice) => {
        if (choice === showLog) {
          log.show(true);
        }
      });
    }
  };
}
