/**
 * Progress for the reading a command does before it asks a modal question (Delete's "what does this hold?"). A
 * notification that ends just before the modal stays on screen beside it for a moment, with a Cancel that no longer
 * cancels anything. So the check shows in the status bar, and only a check that takes longer than a moment (a large
 * gallery) is also shown as a notification, where it can be cancelled.
 */
import * as vscode from 'vscode';

/** How long a check runs in the status bar alone before it is also a cancellable notification. */
export const CHECK_NOTIFICATION_DELAY_MS = 1_500;

export async function withCheckProgress<T>(title: string, work: (signal: AbortSignal) => Promise<T>, delayMs = CHECK_NOTIFICATION_DELAY_MS): Promise<T> {
  const controller = new AbortController();
  const running = work(controller.signal);
  let finished = false;
  const ended = running.then(
    () => undefined,
    () => undefined,
  );
  void ended.then(() => {
    finished = true;
  });
  const slow = setTimeout(() => {
    if (finished) {
      return;
    }
    void vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (_progress, token) => {
      const listening = token.onCancellationRequested(() => controller.abort());
      try {
        await ended;
      } finally {
        listening.dispose();
      }
    });
  }, delayMs);
  try {
    return await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title }, async (_progress, token): Promise<T> => {
      // The status bar offers no Cancel; a token that is cancelled all the same (another caller's) still stops the work.
      const listening = token.onCancellationRequested(() => controller.abort());
      try {
        return await running;
      } finally {
        listening.dispose();
      }
    });
  } finally {
    clearTimeout(slow);
  }
}
