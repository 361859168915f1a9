/**
 * What each message from the host does to the form's state, and what the page must do next. No DOM: main.ts
 * carries out the effect (render, focus, setState, tell the host), the unit tests read it.
 */
import { formDefinition } from '../forms/formRegistry';
import { isHostMessage } from '../protocol';
import type { HostMessage } from '../protocol';
import { restoreSecrets, type FormState } from './formState';

export interface HostMessageEffect {
  /** 'first': the form is new (focus its first empty field); 'again': render what changed. */
  readonly render: 'none' | 'first' | 'again';
  /** Keep the state with setState. */
  readonly persist: boolean;
  /** Tell the host the values at once (a form brought back from setState: its lists follow those values). */
  readonly postChange: boolean;
  /** 'firstField': the form just became editable (an edit's resource came in): its first field, unless one has focus. */
  readonly focus?: 'firstError' | 'result' | 'firstField';
}

const NOTHING: HostMessageEffect = { render: 'none', persist: false, postChange: false };
const RENDER: HostMessageEffect = { render: 'again', persist: false, postChange: false };

/** Applies one message; anything that is not a valid host message changes nothing. */
export function applyHostMessage(state: FormState, raw: unknown): HostMessageEffect {
  if (!isHostMessage(raw)) {
    return NOTHING;
  }
  const message: HostMessage = raw;
  switch (message.type) {
    case 'init': {
      state.kind = message.kind;
      state.mode = message.mode;
      const definition = formDefinition(message.kind);
      state.definition = definition;
      state.hostContext = message.context;
      state.loading = message.loading;
      state.subject = message.subject ?? '';
      state.targetId = message.targetId;
      state.tenantId = message.tenantId;
      const saved = state.saved;
      // What was typed before a reload comes back only into the same form of the same resource.
      const mine = saved !== undefined && saved.kind === message.kind && saved.mode === message.mode && saved.targetId === message.targetId;
      state.values = restoreSecrets(definition.fields, message.values, { ...definition.defaults(), ...message.values, ...(mine ? saved.values : {}) });
      if (definition.adjust && state.mode === 'create') {
        state.values = { ...definition.adjust(state.values, 'location', state.context()) };
      }
      return { render: 'first', persist: true, postChange: mine };
    }
    case 'options':
      state.pickers[message.source] = message.state;
      return RENDER;
    case 'context':
      state.hostContext = message.context;
      return RENDER;
    case 'values': {
      const wasLoading = state.loading === true;
      state.values = { ...state.values, ...message.values };
      state.loading = false;
      return { render: 'again', persist: true, postChange: false, ...(wasLoading ? { focus: 'firstField' as const } : {}) };
    }
    case 'validation':
      state.hostErrors = { ...message.errors };
      state.submitted = true;
      state.result = undefined;
      return { ...RENDER, focus: 'firstError' };
    case 'busy':
      if (message.busy !== state.busy) {
        // A notice shown while busy ("already creating") was about that request; a new request starts clean.
        state.notice = '';
      }
      state.busy = message.busy;
      state.busyMessage = message.message ?? '';
      return RENDER;
    case 'result':
      state.result = { ok: message.ok, message: message.message, ...(message.code ? { code: message.code } : {}) };
      state.hostErrors = message.field ? { [message.field]: message.message } : {};
      if (!message.ok && message.stillReading === true) {
        state.loading = true;
      }
      return { ...RENDER, focus: 'result' };
    case 'notice':
      state.notice = message.message;
      return RENDER;
  }
}
