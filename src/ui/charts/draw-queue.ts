// Charts that redraw while runs go on draw one per task: a dozen panels redrawn in one task held
// the main thread for hundreds of milliseconds (what-if, 91ae5d6; replicates likewise); one at a
// time, the page answers input between them. While charts wait, the document element carries
// `data-charts-drawing`, so a test (or a screenshot) can wait for the last one.
export interface QueuedChart {
  readonly isConnected: boolean;
  draw(): void;
}

const waiting = new Set<QueuedChart>();
let drawing = false;

function drawNext(): void {
  const next = waiting.values().next();
  if (next.done === true) {
    drawing = false;
    document.documentElement.removeAttribute('data-charts-drawing');
    return;
  }
  waiting.delete(next.value);
  if (next.value.isConnected) next.value.draw();
  setTimeout(drawNext, 0);
}

/** Draws `chart` in a task of its own, after those already waiting (once, however often asked). */
export function scheduleDraw(chart: QueuedChart): void {
  waiting.add(chart);
  if (drawing) return;
  drawing = true;
  document.documentElement.setAttribute('data-charts-drawing', '');
  setTimeout(drawNext, 0);
}

/** A chart leaving the page is not drawn. */
export function forgetDraw(chart: QueuedChart): void {
  waiting.delete(chart);
}
