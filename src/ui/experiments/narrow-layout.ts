// The layout the experiment and what-if charts share: each draws in a task of its own
// (draw-queue.ts) and, shown narrower than NARROW_BELOW_PX (two panels side by side on a
// 1280-pixel projector, a phone), lays itself out EXPERIMENT_NARROW_WIDTH units wide, so its text
// is not drawn at half size; it redraws when its box crosses that width.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { CHART_WIDTH, NARROW_BELOW_PX } from '../charts/chart-element.ts';
import { forgetDraw, scheduleDraw, type QueuedChart } from '../charts/draw-queue.ts';
import { EXPERIMENT_NARROW_WIDTH } from './narrow-width.ts';

type Host = ReactiveControllerHost & HTMLElement & QueuedChart;

export class QueuedNarrowLayout implements ReactiveController {
  /** The width the chart is shown at (CSS px; 0 until first laid out). */
  private shownWidth = 0;
  private readonly sizeObserver = new ResizeObserver((entries) => {
    const width = entries[entries.length - 1]?.contentRect.width ?? 0;
    const crossed = widthFor(width) !== widthFor(this.shownWidth);
    this.shownWidth = width;
    if (crossed) scheduleDraw(this.host);
  });

  constructor(private readonly host: Host) {
    host.addController(this);
  }

  /** The viewBox width to lay the chart out at now. */
  get layoutWidth(): number {
    return widthFor(this.shownWidth);
  }

  hostConnected(): void {
    this.sizeObserver.observe(this.host);
  }

  hostUpdated(): void {
    scheduleDraw(this.host);
  }

  hostDisconnected(): void {
    this.sizeObserver.disconnect();
    forgetDraw(this.host);
  }
}

function widthFor(shown: number): number {
  return shown > 0 && shown < NARROW_BELOW_PX ? EXPERIMENT_NARROW_WIDTH : CHART_WIDTH;
}
