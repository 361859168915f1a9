/**
 * The HTML shell of a form webview: a strict Content-Security-Policy (nothing but our own script with
 * a fresh nonce, our stylesheet, no form posts), then the app bundle renders the form. Pure.
 */
import { randomBytes } from 'node:crypto';
import { L10N_BUNDLE_ATTRIBUTE } from './protocol';

/** 128 bits from the OS's CSPRNG, base64. */
export function createNonce(): string {
  return randomBytes(16).toString('base64');
}

const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

export interface FormHtmlOptions {
  /** `webview.cspSource` */
  readonly cspSource: string;
  readonly nonce: string;
  /** webview URIs (asWebviewUri) of the form kind's page bundle (dist/webview-<kind>.js) and media/forms.css */
  readonly scriptUri: string;
  readonly styleUri: string;
  readonly title: string;
  /**
   * The extension's translations for the display language (`vscode.l10n.bundle`; none for English). The page
   * reads them from its root element before it renders anything: data, not script, so the CSP stays as it is.
   */
  readonly l10nBundle?: Readonly<Record<string, string>>;
  /** The display language (`vscode.env.language`) for `<html lang>`; default "en". */
  readonly language?: string;
}


export function formHtml(o: FormHtmlOptions): string {
  const csp = [
    "default-src 'none'",
    `style-src ${o.cspSource}`,
    `script-src 'nonce-${o.nonce}'`,
    `img-src ${o.cspSource}`,
    `font-src ${o.cspSource}`,
    "form-action 'none'",
    "base-uri 'none'",
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="${escapeHtml(o.language ?? 'en')}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeHtml(o.styleUri)}">
<title>${escapeHtml(o.title)}</title>
</head>
<body>
<main id="app"${o.l10nBundle ? ` ${L10N_BUNDLE_ATTRIBUTE}="${escapeHtml(JSON.stringify(o.l10nBundle))}"` : ''}></main>
<script type="module" nonce="${escapeHtml(o.nonce)}" src="${escapeHtml(o.scriptUri)}"></script>
</body>
</html>`;
}
