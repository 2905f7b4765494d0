// How a worker's run gives way between slices. A zero-delay setTimeout nested in timers is
// clamped to 4 ms (HTML's timer nesting rule) and the thread sleeps through it: at full speed,
// 8 ms slices of `mixed` spent about a quarter of the worker's time asleep, and on a loaded
// machine every wake-up waited for a core again. A message to itself runs as soon as the
// worker's queue reaches it, after the page's messages already waiting (pause still gets in).

const port = (() => {
  if (typeof MessageChannel === 'undefined') return null;
  const channel = new MessageChannel();
  channel.port1.onmessage = () => waiting.shift()?.();
  return channel.port2;
})();
const waiting: (() => void)[] = [];

/** Runs `task` after `delayMs`, letting queued messages in first; at once after them when 0. */
export function later(task: () => void, delayMs: number): void {
  if (delayMs > 0 || port === null) {
    setTimeout(task, delayMs);
    return;
  }
  waiting.push(task);
  port.postMessage(null);
}
