/**
 * Progress for the reading a command does before it asks a modal question (Delete's "what does this hold?"). A
 * notification that ends just before the modal stays on screen beside it for a moment, with a Cancel that no longer
 * cancels anything. So the check shows in the status bar, and only a check that takes longer than a moment (a large
 * gallery) is also shown as a notification, where it can be cancelled.
 */
import * as vscode from 'vscode';
import { withAbortSignal } from '../azure/abortSignal';

/** How long a check runs in the status bar alone before it is also a cancellable notification. */
export const CHECK_NOTIFICATION_DELAY_MS = 1_500;

export async function withCheckProgress<T>(title: string, work: (signal: AbortSignal) => Promise<T>, delayMs = CHECK_NOTIFICATION_DELAY_MS): Promise<T> {
  const cancelled = new AbortController();
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title }, (_progress, token) =>
    withAbortSignal(token, async (statusSignal) => {
      const running = work(AbortSignal.any([statusSignal, cancelled.signal]));
      const slow = setTimeout(() => void offerCancel(title, running, cancelled), delayMs);
      try {
        return await running;
      } finally {
        clearTimeout(slow);
      }
    }),
  );
}

/** The slow check as a notification until it ends; its Cancel stops the check. */
function offerCancel(title: string, running: Promise<unknown>, cancelled: AbortController): Thenable<void> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, (_progress, token) =>
    withAbortSignal(token, async (signal) => {
      signal.addEventListener('abort', () => cancelled.abort(), { once: true });
      await running.then(
        () => undefined,
        () => undefined,
      );
    }),
  );
}
