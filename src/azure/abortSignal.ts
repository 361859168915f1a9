/**
 * The one bridge from VS Code cancellation (progress notifications, providers, hovers) to the AbortSignal
 * the Azure SDK takes. Written once because the copies each missed something: a token cancelled before
 * the work starts never fires its event again, and a listener left on a long-lived token leaks.
 */
import type * as vscode from 'vscode';

/** Runs `work` with a signal that aborts when `token` is cancelled (at once if it already is). */
export async function withAbortSignal<T>(token: vscode.CancellationToken, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  if (token.isCancellationRequested) {
    controller.abort();
  }
  const listening = token.onCancellationRequested(() => controller.abort());
  try {
    return await work(controller.signal);
  } finally {
    listening.dispose();
  }
}
