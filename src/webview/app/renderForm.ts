/**
 * The whole page of a form: heading, result, error summary, status line, the shown fields by section, the
 * buttons and (when asked for) the exact request. Returns the new children of the root; main.ts morphs them in.
 */
import * as l10n from '@vscode/l10n';
import { redactSasInJson } from '../../domain/applications';
import { text } from '../forms/values';
import { h } from './dom';
import type { FormState } from './formState';
import { renderField } from './renderers/renderField';

const RESOURCE_GROUPS_API_VERSION = '2022-09-01';

export function renderForm(state: FormState): Node[] {
  const def = state.definition;
  if (!def) {
    return [];
  }
  const errors = state.errors();
  const warnings = { ...def.warnings?.(state.values, state.mode, state.context()) };
  const title = state.mode === 'create' ? l10n.t('Create {0}', def.noun) : l10n.t('Edit {0}', def.noun);
  const heading = h('h1', { id: 'title' }, title, state.subject ? h('span', { className: 'subject' }, ` ${state.subject}`) : null);
  const shown = state.shownFields();
  const sections = def.sections
    .map((section) => {
      const fields = shown.filter((f) => f.section === section.id);
      if (fields.length === 0) {
        return null;
      }
      const headingId = `s-${section.id}`;
      return h('section', { 'aria-labelledby': headingId }, h('h2', { id: headingId }, section.title), ...fields.map((f) => renderField(f, { state, errors, warnings })));
    })
    .filter((s): s is HTMLElement => s !== null);

  const problems = Object.entries(errors);
  const summary = h(
    'div',
    { id: 'summary', className: problems.length > 0 && state.submitted ? 'summary error' : 'summary', role: 'alert', 'aria-live': 'assertive' },
    problems.length > 0 && state.submitted
      ? problems.length === 1
        ? l10n.t('1 field needs attention before anything is sent.')
        : l10n.t('{0} fields need attention before anything is sent.', problems.length)
      : '',
  );
  // Always present (hidden when empty), so that the elements after it keep their place.
  const result = h(
    'div',
    { id: 'result', className: state.result?.ok === false ? 'result error' : 'result ok', role: 'alert', tabindex: -1, hidden: !state.result },
    state.result && !state.result.ok ? h('strong', {}, state.result.code ? l10n.t('{0}: ', state.result.code) : l10n.t('Failed: ')) : '',
    state.result?.message ?? '',
  );
  // While busy, a notice (e.g. "already creating") shows next to the progress, not instead of it.
  const statusText = state.busy ? [state.busyMessage, state.notice].filter(Boolean).join(' ') : state.loading ? l10n.t('Reading the current values from Azure…') : state.notice;
  const status = h('div', { id: 'status', className: 'status', role: 'status', 'aria-live': 'polite' }, statusText);

  const submitLabel = state.mode === 'create' ? l10n.t('Create {0}', def.noun) : l10n.t('Save changes');
  const buttons = h(
    'div',
    { className: 'buttons' },
    h('button', { type: 'button', id: 'submit', 'data-action': 'submit', className: 'primary', disabled: state.busy || state.loading }, state.busy ? (state.mode === 'create' ? l10n.t('Creating…') : l10n.t('Saving…')) : submitLabel),
    // A form that sends several requests always shows them (the user sees the list before sending).
    def.requests
      ? null
      : h('button', { type: 'button', id: 'toggle-json', 'data-action': 'toggle-json', 'aria-expanded': state.showJson ? 'true' : 'false', 'aria-controls': 'json' }, state.showJson ? l10n.t('Hide JSON') : l10n.t('Show JSON')),
    h('button', { type: 'button', id: 'copy-template', 'data-action': 'copy-template' }, l10n.t('Copy as ARM template resource')),
    h('button', { type: 'button', id: 'cancel', 'data-action': 'cancel' }, state.busy ? l10n.t('Close') : l10n.t('Cancel')),
  );
  const form = h(
    'form',
    { id: 'form', novalidate: true, 'aria-labelledby': 'title', 'aria-busy': state.loading || state.busy ? 'true' : 'false' },
    h('fieldset', { className: 'all', disabled: state.loading }, ...sections),
    buttons,
  );
  return [heading, result, summary, status, form, ...(state.showJson || def.requests ? [renderRequest(state)] : [])];
}

/** Exactly what is sent to Azure: the request line(s) and the JSON body. */
function renderRequest(state: FormState): HTMLElement {
  const def = state.definition;
  if (!def) {
    return h('div');
  }
  const { values, mode } = state;
  const target = def.target(values, mode);
  const lines: string[] = [];
  const planned = def.requests?.(values, mode, state.context());
  if (planned) {
    // A form that sends several requests (Share): each, in order, as sent.
    if (planned.length === 0) {
      lines.push(l10n.t('Nothing is sent: nothing changes.'));
    }
    planned.forEach((request, index) => {
      lines.push(`# ${index + 1}/${planned.length}`, `${request.method} ${request.path}`, JSON.stringify(request.body, null, 2), '');
    });
    return requestSection(lines, mode === 'create' ? l10n.t('Create {0}', def.noun) : l10n.t('Save changes'));
  }
  const rg = mode === 'create' && text(values, 'resourceGroupMode') === 'new' ? text(values, 'newResourceGroup') : '';
  if (rg && target) {
    lines.push(`PUT /subscriptions/${target.subscriptionId}/resourcegroups/${rg}?api-version=${RESOURCE_GROUPS_API_VERSION}`);
    lines.push(JSON.stringify({ location: text(values, 'location') }, null, 2), '');
  }
  lines.push(target ? `${target.method} ${target.id}?api-version=${target.apiVersion}` : l10n.t('{0} (the URL needs a valid name and parent)', mode === 'create' ? 'PUT' : 'PATCH'));
  let body: string;
  try {
    // A package link's SAS token is sent, but never shown.
    body = JSON.stringify(redactSasInJson(def.requestBody(values, mode, state.context())), null, 2);
  } catch (err) {
    body = l10n.t('Cannot build the body yet: {0}', err instanceof Error ? err.message : String(err));
  }
  lines.push(body);
  return requestSection(lines, mode === 'create' ? l10n.t('Create {0}', def.noun) : l10n.t('Save changes'));
}

function requestSection(lines: readonly string[], submitLabel: string): HTMLElement {
  return h(
    'section',
    { id: 'json', 'aria-labelledby': 'json-title' },
    h('h2', { id: 'json-title' }, l10n.t('Request')),
    h('p', { className: 'help' }, l10n.t('Exactly what is sent to Azure Resource Manager when you select "{0}".', submitLabel)),
    h('pre', { tabindex: 0, 'aria-label': l10n.t('Request JSON') }, h('code', {}, lines.join('\n'))),
  );
}
