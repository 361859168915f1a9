/**
 * The host side of one form: answers the webview's messages, fills pickers, validates with the same
 * module as the webview, and sends the request. No `vscode` import: the panel (FormPanel.ts) plugs in
 * the webview, the progress notification and the tree; tests plug in plain functions.
 *
 * Every message is parsed with {@link parseWebviewMessage}; anything else is logged and ignored. A
 * request leaves only after the values passed the form's checks here, on the host.
 */
import * as l10n from '@vscode/l10n';
import { describeArmError } from '../azure/armError';
import { redactSasInJson } from '../domain/applications';
import { shownFields } from '../domain/fieldVisibility';
import { armIdProblem, sameResource } from '../azure/armId';
import type { FieldSpec, FormDefinition, FormMode, FormValues, JsonObject, PickerOption, PickerSource, PickerState, ValidationContext } from './forms/formTypes';
import { PICKER_SCOPES } from './forms/formTypes';
import { sanitizeValues } from './forms/sanitize';
import { text } from './forms/values';
import type { BusyMessage, HostMessage, NoticeMessage, ResultMessage, ValidationMessage, WebviewMessage } from './protocol';
import { parseWebviewMessage } from './protocol';
import { NothingSentError } from './FormBackend';
import type { FormBackend, SiblingFacts, SubmitEvents, SubmitOutcome, SubmitRequest } from './FormBackend';

export interface FormLog {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface FormSessionOptions {
  readonly definition: FormDefinition;
  readonly mode: FormMode;
  /** Values to start with (prefilled parent, or what the user had typed before a reload). */
  readonly values?: FormValues;
  /** Update mode: the ARM id of the resource. */
  readonly targetId?: string;
  /** What the form is about, for its heading. */
  readonly subject?: string;
  /** Tenant of the form's subscription, kept in the webview's state for a reload. */
  readonly tenantId?: string;
  readonly backend: FormBackend;
  readonly post: (message: HostMessage) => void;
  readonly log: FormLog;
  readonly now?: () => number;
  /** Runs the write; the panel wraps it in a progress notification and the tree's "Creating…". */
  readonly runSubmit?: (request: SubmitRequest, send: (signal: AbortSignal, events?: SubmitEvents) => Promise<SubmitOutcome | void>) => Promise<SubmitOutcome | void>;
  readonly copyText?: (text: string) => Promise<void>;
  /** After a successful submit (the panel closes); `notes` says what the user should know about how it went. */
  readonly onSubmitted?: (request: SubmitRequest, notes: readonly string[]) => void;
  readonly onCancel?: () => void;
}

interface LoadedList {
  readonly scopeKey: string;
  state: PickerState;
  readonly controller: AbortController;
}

/** The fields the form shows with these values: the only ones whose lists the host loads. */
export function fieldsInUse(definition: FormDefinition, values: FormValues, mode: FormMode): FieldSpec[] {
  return shownFields(definition.fields, mode, values);
}

/** The picker sources a form uses with its current values (hidden fields need no list). */
export function sourcesInUse(definition: FormDefinition, values: FormValues, mode: FormMode): PickerSource[] {
  const sources = new Set<PickerSource>();
  for (const field of fieldsInUse(definition, values, mode)) {
    if (field.type === 'picker') {
      sources.add(field.source);
    } else if (field.type === 'table') {
      for (const column of field.columns) {
        if (column.source) {
          sources.add(column.source);
        }
      }
    }
  }
  return [...sources];
}

/** The values a source's list depends on, as a key; undefined while one of them is still empty. */
export function scopeKey(source: PickerSource, values: FormValues): string | undefined {
  const parts = PICKER_SCOPES[source].map((id) => text(values, id));
  return parts.some((p) => p === '') ? undefined : JSON.stringify([source, ...parts.map((p) => p.toLowerCase())]);
}

export class FormSession {
  private values: FormValues;
  private original: FormValues | undefined;
  private readonly lists = new Map<PickerSource, LoadedList>();
  private siblings: { key: string; facts: SiblingFacts | undefined; controller: AbortController; done: Promise<void> } | undefined;
  private loadingResource: Promise<void> | undefined;
  private submitting = false;
  /**
   * The form's status as last sent: a webview that was hidden (and so destroyed, or missed messages) gets it
   * again when it reports `ready`, so a result that arrived meanwhile is not lost.
   */
  private status: { busy?: BusyMessage; result?: ResultMessage; validation?: ValidationMessage; notice?: NoticeMessage } = {};
  /** The form shows that its "new" resource group exists already. */
  private groupNoticeShown = false;
  private disposed = false;
  private readonly lifetime = new AbortController();

  constructor(private readonly options: FormSessionOptions) {
    const { definition, mode } = options;
    this.values = sanitizeValues(definition, 'create', { ...definition.defaults(), ...(options.values ?? {}) });
    if (mode === 'update' && !options.targetId) {
      throw new Error(l10n.t('An update form needs the id of the resource.'));
    }
  }

  get currentValues(): FormValues {
    return this.values;
  }

  get isSubmitting(): boolean {
    return this.submitting;
  }

  dispose(): void {
    this.disposed = true;
    this.lifetime.abort();
    for (const list of this.lists.values()) {
      list.controller.abort();
    }
    this.siblings?.controller.abort();
  }

  private now(): number {
    return this.options.now?.() ?? Date.now();
  }

  private post(message: HostMessage): void {
    if (this.disposed) {
      return;
    }
    switch (message.type) {
      case 'busy':
        if (message.busy !== (this.status.busy !== undefined)) {
          // As in the webview: a notice shown while busy was about that request.
          this.status.notice = undefined;
        }
        this.status.busy = message.busy ? message : undefined;
        break;
      case 'result':
        this.status = { ...this.status, result: message, validation: undefined };
        break;
      case 'validation':
        this.status = { ...this.status, validation: message, result: undefined };
        break;
      case 'notice':
        this.status.notice = message;
        break;
      default:
        break;
    }
    this.options.post(message);
  }

  /** Sends the status again (after `init`, to a webview that was reloaded or hidden). */
  private replayStatus(): void {
    if (this.disposed) {
      return;
    }
    const { busy, result, validation, notice } = this.status;
    for (const message of [validation, result, busy, notice]) {
      if (message) {
        this.options.post(message);
      }
    }
  }

  /** The context the host validates with: its own lists, never the webview's. */
  context(): ValidationContext {
    const options: Partial<Record<PickerSource, readonly PickerOption[]>> = {};
    for (const [source, list] of this.lists) {
      options[source] = list.state.options;
    }
    const facts = this.siblings?.facts;
    return {
      now: this.now(),
      options,
      ...(facts?.siblingNames ? { siblingNames: facts.siblingNames } : {}),
      ...(facts?.siblingIdentifiers ? { siblingIdentifiers: facts.siblingIdentifiers } : {}),
      ...(facts?.definition ? { definition: facts.definition } : {}),
      ...(this.original ? { original: this.original } : {}),
    };
  }

  /** Context for the webview: everything but the option lists, which travel in `options` messages. */
  private webviewContext(): ValidationContext {
    const context: { -readonly [K in keyof ValidationContext]: ValidationContext[K] } = { ...this.context() };
    delete context.options;
    return context;
  }

  /** Entry point for everything the webview posts. Never throws. */
  handle(raw: unknown): void {
    const message = parseWebviewMessage(raw);
    if (!message) {
      this.options.log.warn(`Form: ignored a malformed message from the webview (${describeShape(raw)}).`);
      return;
    }
    void this.dispatch(message).catch((err: unknown) => {
      this.options.log.error(`Form: handling "${message.type}" failed: ${describeArmError(err).message}`);
    });
  }

  private async dispatch(message: WebviewMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.onReady();
        return;
      case 'change':
        // What the host found wrong was about the values before this change: not shown again after a reload.
        this.status.validation = undefined;
        this.setValues(message.values);
        this.refreshLists();
        return;
      case 'submit':
        await this.submit(message.values);
        return;
      case 'copyTemplate':
        await this.copyTemplate(message.values);
        return;
      case 'cancel':
        this.options.onCancel?.();
        return;
    }
  }

  private setValues(values: FormValues): void {
    this.values = sanitizeValues(this.options.definition, this.options.mode, values, this.original);
  }

  private onReady(): void {
    const { definition, mode } = this.options;
    const loading = mode === 'update' && this.original === undefined;
    this.post({
      type: 'init',
      kind: definition.kind,
      mode,
      values: this.values,
      context: this.webviewContext(),
      loading,
      ...(this.options.subject ? { subject: this.options.subject } : {}),
      ...(this.options.targetId ? { targetId: this.options.targetId } : {}),
      ...(this.options.tenantId ? { tenantId: this.options.tenantId } : {}),
    });
    // A reload of the webview: send the lists we already have, and where the form stands.
    for (const [source, list] of this.lists) {
      this.post({ type: 'options', source, state: list.state });
    }
    this.replayStatus();
    if (loading) {
      this.loadingResource ??= this.loadResource();
    } else {
      this.refreshLists();
    }
  }

  private async loadResource(): Promise<void> {
    const { definition, mode, targetId } = this.options;
    try {
      const resource = await this.options.backend.loadResource(targetId ?? '', this.lifetime.signal, definition.kind);
      this.original = definition.fromResource(resource);
      // Keep what the user typed before a reload; locked fields always come from Azure.
      const typed = this.options.values;
      this.values = sanitizeValues(definition, mode, typed ? { ...this.original, ...typed } : this.original, this.original);
      this.post({ type: 'values', values: this.values });
      this.post({ type: 'context', context: this.webviewContext() });
      this.refreshLists();
    } catch (err) {
      const info = describeArmError(err);
      if (!info.cancelled) {
        this.post({ type: 'result', ok: false, message: l10n.t('Couldn\'t read the {0}: {1} {2}', definition.noun, info.message, info.nextStep), ...(info.code ? { code: info.code } : {}) });
      }
      this.loadingResource = undefined;
    }
  }

  /** Loads every list the form needs whose scope changed, and the neighbours validation needs. */
  private refreshLists(): void {
    const { definition, mode } = this.options;
    for (const source of sourcesInUse(definition, this.values, mode)) {
      const key = scopeKey(source, this.values);
      const current = this.lists.get(source);
      if (key === undefined || current?.scopeKey === key) {
        continue;
      }
      current?.controller.abort();
      const controller = new AbortController();
      const list: LoadedList = { scopeKey: key, state: { status: 'loading', options: [] }, controller };
      this.lists.set(source, list);
      this.post({ type: 'options', source, state: list.state });
      void this.options.backend.loadOptions(source, this.values, controller.signal).then(
        (options) => this.listDone(source, list, { status: 'ready', options }),
        (err: unknown) => {
          const info = describeArmError(err);
          if (!info.cancelled) {
            this.options.log.warn(`Form: couldn't list ${source}: ${info.message}`);
            this.listDone(source, list, { status: 'error', options: [], message: info.message });
          }
        },
      );
    }
    void this.refreshSiblings();
  }

  private listDone(source: PickerSource, list: LoadedList, state: PickerState): void {
    if (this.lists.get(source) !== list || list.controller.signal.aborted) {
      return;
    }
    list.state = state;
    this.post({ type: 'options', source, state });
  }

  /** Reads the new resource's neighbours (names taken, identifiers, the parent definition) when their scope changed. */
  private refreshSiblings(force = false): Promise<void> {
    const { definition, mode } = this.options;
    const key = this.options.backend.siblingScope(definition.kind, mode, this.values);
    if (key === undefined) {
      return Promise.resolve();
    }
    if (this.siblings && this.siblings.key === key && !force) {
      return this.siblings.done;
    }
    this.siblings?.controller.abort();
    const controller = new AbortController();
    const entry: { key: string; facts: SiblingFacts | undefined; controller: AbortController; done: Promise<void> } = {
      key,
      facts: undefined,
      controller,
      done: Promise.resolve(),
    };
    entry.done = this.options.backend.loadSiblings(definition.kind, mode, this.values, controller.signal).then(
      (facts) => {
        if (this.siblings === entry && !controller.signal.aborted) {
          entry.facts = facts;
          this.post({ type: 'context', context: this.webviewContext() });
          const group = facts.existingResourceGroup;
          if (group && !this.submitting) {
            this.groupNoticeShown = true;
            this.post({
              type: 'notice',
              message: group.location
                ? l10n.t('A resource group named "{0}" already exists ({1}): the {2} will go into it, and the group is used as it is.', group.name, group.location, definition.noun)
                : l10n.t('A resource group named "{0}" already exists: the {1} will go into it, and the group is used as it is.', group.name, definition.noun),
            });
          } else if (!group && this.groupNoticeShown && !this.submitting) {
            this.groupNoticeShown = false;
            this.post({ type: 'notice', message: '' });
          }
        }
      },
      (err: unknown) => {
        const info = describeArmError(err);
        if (!info.cancelled) {
          this.options.log.warn(`Form: couldn't read what is next to the new ${definition.noun}: ${info.message}`);
        }
      },
    );
    this.siblings = entry;
    return entry.done;
  }

  private async submit(raw: FormValues): Promise<void> {
    const { definition, mode } = this.options;
    if (this.submitting) {
      // Visible, not just logged: the form says the first request is still running.
      this.options.log.info('Form: submit ignored, a request is already running.');
      this.post({ type: 'notice', message: mode === 'create' ? l10n.t('Already creating the {0}: the second request was not sent. Wait for the first to finish.', definition.noun) : l10n.t('Already saving the {0}: the second request was not sent. Wait for the first to finish.', definition.noun) });
      if (this.status.busy) {
        this.post(this.status.busy);
      }
      return;
    }
    if (mode === 'update' && this.original === undefined) {
      this.post({ type: 'result', ok: false, message: l10n.t('The {0} is still being read; try again in a moment.', definition.noun), stillReading: true });
      return;
    }
    this.setValues(raw);
    const values = this.values;
    // Checks that need nothing from Azure come first: invalid input never causes a request.
    const localErrors = definition.validate(values, mode, this.context());
    if (Object.keys(localErrors).length > 0) {
      this.post({ type: 'validation', errors: localErrors });
      return;
    }
    this.submitting = true;
    this.status.notice = undefined;
    this.post({ type: 'busy', busy: true, message: mode === 'create' ? l10n.t('Checking the name, then creating the {0}…', definition.noun) : l10n.t('Saving the {0}…', definition.noun) });
    try {
      await this.checkAndSend(values);
    } finally {
      this.submitting = false;
      this.post({ type: 'busy', busy: false });
    }
  }

  private async checkAndSend(values: FormValues): Promise<void> {
    const { definition, mode } = this.options;
    // Fresh neighbours, so that "already taken" is judged on Azure's current state. If this list fails, the
    // backend's GET of the exact target still stops a create over an existing resource.
    await this.refreshSiblings(true);
    const errors = definition.validate(values, mode, this.context());
    let target = definition.target(values, mode);
    const idProblem = target ? armIdProblem(target.id) : undefined;
    if (Object.keys(errors).length > 0 || !target || idProblem) {
      this.post({ type: 'validation', errors: Object.keys(errors).length > 0 ? errors : { _form: idProblem ?? l10n.t('Some fields are missing.') } });
      return;
    }
    if (mode === 'update') {
      const targetId = this.options.targetId ?? '';
      // Azure's id names the resource group as it is ("rg-café"); the form's escapes it: compare decoded.
      if (!sameResource(target.id, targetId)) {
        this.options.log.warn(`Form: refused to update ${target.id}: the form is for ${targetId || '?'}.`);
        this.post({ type: 'validation', errors: { _form: l10n.t('The name or parent of an existing resource cannot change.') } });
        return;
      }
      target = { ...target, id: targetId };
    }
    const body: JsonObject = definition.requestBody(values, mode, this.context());
    const request: SubmitRequest = {
      kind: definition.kind,
      mode,
      target,
      body,
      values,
      ...(mode === 'create' && text(values, 'resourceGroupMode') === 'new'
        ? { newResourceGroup: { name: text(values, 'newResourceGroup'), location: text(values, 'location') } }
        : {}),
    };
    this.post({ type: 'busy', busy: true, message: mode === 'create' ? l10n.t('Creating the {0}…', definition.noun) : l10n.t('Saving the {0}…', definition.noun) });
    try {
      const send = (signal: AbortSignal, events?: SubmitEvents): Promise<SubmitOutcome | void> => this.options.backend.submit(request, signal, events);
      const outcome = await (this.options.runSubmit ? this.options.runSubmit(request, send) : send(this.lifetime.signal));
      const notes = outcome?.notes ?? [];
      const done = mode === 'create' ? l10n.t('Created the {0}.', definition.noun) : l10n.t('Saved the {0}.', definition.noun);
      this.post({ type: 'result', ok: true, message: [done, ...notes].join(' ') });
      this.options.onSubmitted?.(request, notes);
    } catch (err) {
      if (err instanceof NothingSentError) {
        this.options.log.warn(`Form: ${request.target.method} ${request.target.id} not sent: ${err.message}`);
        this.post({ type: 'result', ok: false, message: err.message, ...(err.field ? { field: err.field } : {}) });
        return;
      }
      const info = describeArmError(err);
      const field = armTarget(err);
      const mapped = field ? definition.fieldForArmTarget(field) : undefined;
      this.options.log.error(`Form: ${request.target.method} ${request.target.id} failed: ${info.code ?? ''} ${info.message}`);
      this.post({
        type: 'result',
        ok: false,
        message: info.cancelled
          ? l10n.t('Stopped waiting. Azure may still finish the request: refresh the view to see.')
          : `${info.message}${info.nextStep ? ` ${info.nextStep}` : ''}`,
        ...(info.code ? { code: info.code } : {}),
        ...(mapped ? { field: mapped } : {}),
      });
    }
  }

  private async copyTemplate(raw: FormValues): Promise<void> {
    this.setValues(raw);
    // A package link's SAS token never leaves the form: the template gets the link without its query.
    const resource = redactSasInJson(this.options.definition.templateResource(this.values, this.context()));
    try {
      await this.options.copyText?.(JSON.stringify(resource, null, 2));
      this.post({ type: 'notice', message: l10n.t('Copied the ARM template resource to the clipboard.') });
    } catch (err) {
      this.post({ type: 'notice', message: l10n.t('Couldn\'t copy to the clipboard: {0}', describeArmError(err).message) });
    }
  }
}

/** ARM's error `target` ("galleryImageVersionName"), read from the SDK's RestError body when there is one. */
export function armTarget(err: unknown): string | undefined {
  if (typeof err !== 'object' || err === null) {
    return undefined;
  }
  const response = (err as { response?: { bodyAsText?: unknown } }).response;
  if (typeof response?.bodyAsText !== 'string') {
    return undefined;
  }
  try {
    const body = JSON.parse(response.bodyAsText) as { error?: { target?: unknown } };
    return typeof body.error?.target === 'string' ? body.error.target : undefined;
  } catch {
    return undefined;
  }
}

/** A short, safe description of a rejected message for the log (never its content). */
function describeShape(raw: unknown): string {
  if (raw === null || typeof raw !== 'object') {
    return typeof raw;
  }
  const type = (raw as { type?: unknown }).type;
  return typeof type === 'string' ? `type "${type.slice(0, 40)}"` : Array.isArray(raw) ? 'array' : 'object without a type';
}
