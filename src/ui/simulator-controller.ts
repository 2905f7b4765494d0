// The page's state of the simulator and every user action on it: which scenario text runs,
// what the editor holds, the run record, failures, and the confirmation large runs need.
// Components render from it; it talks to the engine only through EngineClient.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { parseScenarioText, type ScenarioIssue } from '../scenarios/load.ts';
import type { Scenario } from '../scenarios/schema.ts';
import { EngineClient } from './engine-client.ts';
import { RunRecord } from './run-record.ts';
import { setField } from './scenario-text.ts';
import { readSeedText } from '../scenarios/seed-text.ts';
import { oversizeFactor } from './run-size.ts';
import { parameterFields, type ParameterField } from './parameter-fields.ts';
import type { Speed } from '../worker/protocol.ts';

type PendingAction = () => void;

/** Appended to a scenario's name when a parameter is changed from the page. */
export const EDITED = ' (edited)';

export class SimulatorController implements ReactiveController {
  private readonly host: ReactiveControllerHost;
  readonly record = new RunRecord();
  private readonly client: EngineClient;
  /** What the editor holds. */
  editorText = '';
  editorIssues: readonly ScenarioIssue[] = [];
  /** The text of the scenario that runs, and its parsed form. */
  runningText = '';
  scenario: Scenario | null = null;
  fields: ParameterField[] = [];
  failure: string | null = null;
  notice: string | null = null;
  speed: Speed = 60;
  /** Set when the loaded run is far above the default size and not yet confirmed. */
  oversize: number | null = null;
  /** Bumped on every parameter change, so refused values snap back in their inputs. */
  parameterRevision = 0;
  confirming: PendingAction | null = null;
  private validateTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(host: ReactiveControllerHost) {
    this.host = host;
    host.addController(this);
    this.client = new EngineClient({
      frame: (frame) => {
        if (this.record.apply(frame)) host.requestUpdate();
      },
      failure: (message) => {
        this.failure = message;
        this.record.mode = 'paused';
        host.requestUpdate();
      },
    });
  }

  hostConnected(): void {}

  get dirty(): boolean {
    return this.editorText !== this.runningText;
  }

  /** Loads scenario text into the engine; on problems the editor shows them and nothing runs. */
  async load(text: string, options: { playAfter?: boolean; notice?: string } = {}): Promise<boolean> {
    this.editorText = text;
    const local = parseScenarioText(text);
    this.editorIssues = local.ok ? [] : local.issues;
    if (!local.ok) {
      this.host.requestUpdate();
      return false;
    }
    const outcome = await this.client.load({ text });
    if (outcome === null) {
      this.host.requestUpdate();
      return false;
    }
    if (!outcome.ok) {
      this.editorIssues = outcome.issues;
      this.host.requestUpdate();
      return false;
    }
    this.failure = null;
    this.notice = options.notice ?? null;
    this.confirming = null;
    this.runningText = text;
    this.scenario = local.scenario;
    this.fields = parameterFields(local.scenario.kind);
    this.record.begin(outcome.info);
    this.oversize = oversizeFactor(outcome.info);
    this.setSpeed(this.speed);
    if (options.playAfter === true) this.play();
    else this.client.primeWhenIdle();
    this.host.requestUpdate();
    return true;
  }

  /** The editor changed: validate as the user types (debounced), run only on request. */
  edit(text: string): void {
    this.editorText = text;
    clearTimeout(this.validateTimer);
    this.validateTimer = setTimeout(() => {
      const outcome = parseScenarioText(this.editorText);
      this.editorIssues = outcome.ok ? [] : outcome.issues;
      this.host.requestUpdate();
    }, 150);
    this.host.requestUpdate();
  }

  applyEditor(): Promise<boolean> {
    return this.load(this.editorText);
  }

  /** A parameter changed: rewrite it in the running text and restart, playing on if it was. */
  setParameter(path: readonly string[], value: unknown): Promise<boolean> {
    const wasRunning = this.record.mode !== 'paused';
    let text: string;
    try {
      text = setField(this.runningText, path, value);
      // Once a parameter differs from what the scenario's name describes, the name says so, and
      // so do the header, exported files and share links, which all read the text.
      const name = this.scenario?.name;
      if (path.join('.') !== 'seed' && name !== undefined && !name.endsWith(EDITED)) text = setField(text, ['name'], `${name}${EDITED}`);
    } catch (error) {
      this.failure = `The parameter could not be set: ${(error as Error).message}`;
      this.host.requestUpdate();
      return Promise.resolve(false);
    }
    return this.load(text, { playAfter: wasRunning }).then((ok) => {
      // Once the load has settled, the fields show what runs: the new value, or the old one if
      // refused. Bumped before it, a render in between put the old value back in the field the
      // user had just changed (the seed field read its old seed while the new run started).
      this.parameterRevision++;
      this.host.requestUpdate();
      if (!ok && this.editorIssues.length > 0) {
        // The running scenario stays; the editor goes back to it and the banner says why.
        this.failure = `That value was not accepted: ${this.editorIssues.map((i) => `${i.path === '' ? '' : `${i.path}: `}${i.message}`).join('; ')}`;
        this.editorText = this.runningText;
        this.editorIssues = [];
        this.host.requestUpdate();
      }
      return ok;
    });
  }

  /** The seed field: read as --seed reads it (seed-text.ts); a refused seed is told in the banner and nothing restarts. */
  setSeed(typed: string): Promise<boolean> {
    const reading = readSeedText(typed);
    if (!reading.ok) {
      this.failure = `That value was not accepted: ${reading.message}`;
      // The field goes back to the seed that runs.
      this.parameterRevision++;
      this.host.requestUpdate();
      return Promise.resolve(false);
    }
    return this.setParameter(['seed'], reading.seed);
  }

  /** Runs `action` now, or after the user confirms a run far above the default size. */
  private guarded(action: PendingAction): void {
    if (this.oversize !== null) {
      this.confirming = action;
      this.host.requestUpdate();
      return;
    }
    action();
  }

  confirm(accept: boolean): void {
    const action = this.confirming;
    this.confirming = null;
    if (accept) {
      this.oversize = null;
      action?.();
    }
    this.host.requestUpdate();
  }

  /** After a crash, a command first reloads the scenario into a fresh worker. */
  private revived(action: () => void): void {
    if (!this.client.dead) {
      action();
      return;
    }
    void this.load(this.runningText || this.editorText).then((ok) => { if (ok) action(); });
  }

  play(): void { this.guarded(() => this.revived(() => this.client.play())); }
  pause(): void { this.client.pause(); }
  step(months: number): void { this.guarded(() => this.revived(() => this.client.step(months))); }
  seek(year: number): void { this.guarded(() => this.revived(() => this.client.seekYear(year))); }

  setSpeed(speed: Speed): void {
    this.speed = speed;
    this.record.flatOut = speed === 'max';
    this.client.setSpeed(speed);
  }

  reset(): void {
    this.failure = null;
    if (this.client.dead) void this.load(this.runningText || this.editorText);
    else this.client.reset();
    this.host.requestUpdate();
  }
}
