// The what-if worker behind Comlink (issue 18 part 5): one BranchSession. Every request is
// parsed with zod here: the page forwards share links and snapshot files, which are untrusted.
import * as Comlink from 'comlink';
import { version } from '../../package.json';
import {
  branchChangesSchema, branchFrameTransferables, fileNameSchema, branchLoadSchema, branchMonthSchema, snapshotTextSchema,
  type BranchApi, type BranchChanges, type BranchFrameListener, type BranchLoadOutcome, type BranchLoadRequest,
  type BranchOutcome, type ResumeOutcome,
} from './branch-protocol.ts';
import { BranchSession } from './branch-session.ts';
import { later } from './next-task.ts';

let listener: BranchFrameListener | null = null;

const session = new BranchSession({
  frame: (frame) => {
    void listener?.frame(Comlink.transfer(frame, branchFrameTransferables(frame)));
  },
  failure: (message) => {
    void listener?.failure(message);
  },
  now: () => performance.now(),
  later,
}, `commons-ledger ${version} (page)`);

const api: BranchApi = {
  listen(next: BranchFrameListener) {
    listener = next;
  },
  load(request: BranchLoadRequest): BranchLoadOutcome {
    const parsed = branchLoadSchema.safeParse(request);
    if (!parsed.success) {
      return { ok: false, issues: [{ path: '', message: `the page sent a malformed scenario request: ${parsed.error.issues[0]?.message ?? ''}` }] };
    }
    return session.load(parsed.data.text, parsed.data.overrides, parsed.data.replicateKey);
  },
  resume(text: string, source: string): ResumeOutcome {
    const name = fileNameSchema.catch('snapshot file').parse(source);
    const parsed = snapshotTextSchema.safeParse(text);
    if (!parsed.success) return { ok: false, message: `${name}: ${parsed.error.issues[0]?.message ?? 'not text'}` };
    return session.resume(parsed.data, name);
  },
  seekMonth: (tick: number) => session.seekMonth(branchMonthSchema.parse(tick)),
  branch(changes: BranchChanges): BranchOutcome {
    const parsed = branchChangesSchema.safeParse(changes);
    if (!parsed.success) return { ok: false, message: `the page sent malformed changes: ${parsed.error.issues[0]?.message ?? ''}` };
    return session.branch(parsed.data);
  },
  clearBranch: () => session.clearBranch(),
  play: () => session.play(),
  pause: () => session.pause(),
  snapshotText: () => session.snapshotText(),
  ping: () => true,
};

Comlink.expose(api);
