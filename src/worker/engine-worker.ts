// The engine in a module worker behind Comlink. Every request is parsed with zod here: the
// page forwards share links and files, which are untrusted.
import * as Comlink from 'comlink';
import {
  loadRequestSchema, seekYearSchema, speedSchema, stepMonthsSchema, transferablesOf,
  type EngineApi, type FrameListener, type LoadOutcome, type LoadRequest, type Speed,
} from './protocol.ts';
import { RunSession } from './run-session.ts';
import { later } from './next-task.ts';

let listener: FrameListener | null = null;

const session = new RunSession({
  frame: (frame) => {
    void listener?.frame(Comlink.transfer(frame, transferablesOf(frame)));
  },
  failure: (message) => {
    void listener?.failure(message);
  },
  now: () => performance.now(),
  later,
});

const api: EngineApi = {
  listen(next: FrameListener) {
    listener = next;
  },
  load(request: LoadRequest): LoadOutcome {
    const parsed = loadRequestSchema.safeParse(request);
    if (!parsed.success) {
      return { ok: false, issues: [{ path: '', message: `the page sent a malformed scenario request: ${parsed.error.issues[0]?.message ?? ''}` }] };
    }
    return session.load(parsed.data.text, parsed.data.overrides);
  },
  play: () => session.play(),
  pause: () => session.pause(),
  step: (months: number) => session.step(stepMonthsSchema.parse(months)),
  reset: () => session.reset(),
  setSpeed: (speed: Speed) => session.setSpeed(speedSchema.parse(speed)),
  seekYear: (year: number) => session.seekYear(seekYearSchema.parse(year)),
  prime: () => session.prime(),
  ping: () => true,
};

Comlink.expose(api);
