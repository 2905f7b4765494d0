// The shared frame of every chart: a fixed viewBox that scales with the page (so text grows
// with the chart on a projector), redrawn with d3 whenever the run record's version changes.
// Styles are written as SVG attributes, not CSS, so an exported SVG looks like the screen.
import type { AxisPlacement } from './axes.ts';
import { LitElement, css, html, type CSSResultGroup, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import * as d3 from 'd3';
import type { RunRecord } from '../run-record.ts';
import { drawingShare } from './drawing-share.ts';

export const CHART_WIDTH = 680;
export const CHART_HEIGHT = 420;
/**
 * A chart shown narrower than NARROW_BELOW_PX CSS pixels (a phone) lays itself out NARROW_WIDTH
 * units wide instead of CHART_WIDTH, so its text is drawn at about nine tenths of its size
 * rather than half (680 units in 360 pixels made 16-unit labels 8 px high).
 */
export const NARROW_BELOW_PX = 440;
export const NARROW_WIDTH = 400;
export const FONT_FAMILY = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

export interface Margin {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export const DEFAULT_MARGIN: Margin = { top: 52, right: 26, bottom: 70, left: 90 };

export type Svg = d3.Selection<SVGSVGElement, unknown, null, undefined>;

export abstract class ChartElement extends LitElement {
  /** Widened so a chart with controls of its own can add their styles. */
  static override styles: CSSResultGroup = css`
    :host { display: block; }
    .frame { contain: strict; width: 100%; }
    svg { display: block; width: 100%; height: 100%; overflow: visible; }
  `;

  @property({ attribute: false }) record: RunRecord | null = null;
  /** Set to the record's version to redraw. */
  @property({ type: Number }) version = 0;
  @property({ type: String }) label = '';

  protected height = CHART_HEIGHT;
  /** The width the chart is laid out in (viewBox units): CHART_WIDTH, or NARROW_WIDTH on a phone. */
  protected width = CHART_WIDTH;
  /** Charts off screen skip their redraws while a run plays (ten charts, twenty frames a second). */
  private onScreen = true;
  private staleFlag = false;
  /**
   * Whether a newer record waits to be drawn. The element says so in its `data-stale`
   * attribute: what a test waits on before it reads a drawing (charts catch up in tasks of
   * their own, after the readouts).
   */
  private get stale(): boolean {
    return this.staleFlag;
  }

  private set stale(value: boolean) {
    if (value === this.staleFlag) return;
    this.staleFlag = value;
    this.toggleAttribute('data-stale', value);
  }
  /** The run the drawing shows (-1: none). */
  private shownRun = -1;

  /** The run the last drawing showed (-1: none, or the chart was blanked since). */
  protected get drawnRun(): number {
    return this.shownRun;
  }
  private observer: IntersectionObserver | undefined;
  /**
   * The width the chart is shown at (CSS px; 0 until first laid out), as the size observer last
   * saw it: reading clientWidth in every redraw forced a layout of the page after the previous
   * chart's drawing, once per chart per frame of a run.
   */
  private shownWidth = 0;
  /** Redraws when the chart's box crosses the narrow threshold (a phone turned, a window resized). */
  private readonly sizeObserver = new ResizeObserver((entries) => {
    this.shownWidth = entries[entries.length - 1]?.contentRect.width ?? 0;
    if (this.layoutWidth() === this.width) return;
    this.stale = true;
    scheduleCatchUp(this);
  });

  /** The width to lay the chart out in, from the width it is shown at (charts with their own narrow layout override it). */
  protected layoutWidth(): number {
    const shown = this.shownWidth;
    return shown > 0 && shown < NARROW_BELOW_PX ? NARROW_WIDTH : CHART_WIDTH;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.sizeObserver.observe(this);
    this.observer = new IntersectionObserver((entries) => {
      this.onScreen = entries.some((e) => e.isIntersecting);
      // Through the queue: a fast scroll must not put several redraws in one task.
      if (this.onScreen && this.stale) scheduleCatchUp(this);
    }, { rootMargin: '200px' });
    this.observer.observe(this);
  }

  override disconnectedCallback(): void {
    this.observer?.disconnect();
    this.sizeObserver.disconnect();
    super.disconnectedCallback();
  }

  override render() {
    return html`<div class="frame" part="frame" style="aspect-ratio: ${this.width} / ${this.height}"><svg viewBox="0 0 ${this.width} ${this.height}" preserveAspectRatio="xMidYMin meet" role="img" aria-label=${this.label}
      xmlns="http://www.w3.org/2000/svg" font-family=${FONT_FAMILY}></svg></div>`;
  }

  override updated(changed: PropertyValues<this>): void {
    // Off screen, a chart catches up once the run pauses or ends (or it scrolls into view),
    // in a task of its own: a dozen charts redrawn in one go made a task of over 100 ms. On
    // screen and paused, it redraws at once while the task that delivered the frame has
    // drawing time left, else it catches up in a task of its own too: the mixed economy's
    // half-dozen visible charts, drawn in one task, took 80-106 ms on a two-core machine.
    // While a run goes as fast as the engine can, every chart takes its turn in the catch-up
    // queue, paced by the charts' drawing share (below).
    if (this.onScreen && !this.paced() && drawingTimeLeft()) {
      this.redraw();
      return;
    }
    this.stale = true;
    // A chart element reused for another chart (another scenario opened: new series, another
    // distribution) or for another run must not show the old drawing under its new title
    // until it catches up: it is blank meanwhile. Clearing costs no layout of the page.
    const redefined = [...changed.keys()].some((key) => key !== 'version' && key !== 'record');
    if (redefined || this.recordRun() !== this.shownRun) {
      this.svgElement()?.replaceChildren();
      this.shownRun = -1;
    }
    if (this.onScreen || this.record?.mode === 'paused') scheduleCatchUp(this);
  }

  /** Whether the record's run goes as fast as the engine can (seeking, or playing flat out), so redraws are paced. */
  paced(): boolean {
    const record = this.record;
    return record !== null && (record.mode === 'seeking' || (record.mode === 'playing' && record.flatOut));
  }

  private recordRun(): number {
    return this.record?.info?.runId ?? -1;
  }

  /** Redraws if a newer record arrived since the last drawing. */
  catchUp(): void {
    // A chart removed meanwhile (another scenario opened) has nothing to draw.
    if (this.stale && this.isConnected) this.redraw();
  }

  private redraw(): void {
    this.stale = false;
    const element = this.svgElement();
    if (element === null || this.record === null) return;
    const started = performance.now();
    const width = this.layoutWidth();
    if (width !== this.width) {
      // A new layout width: the old drawing's positions mean nothing in the new box.
      this.width = width;
      element.replaceChildren();
      this.resize(d3.select(element), this.height);
    }
    this.draw(d3.select(element), this.record);
    this.shownRun = this.recordRun();
    playingShare.spend(started, performance.now());
  }

  /** The chart as drawn from the latest data, for export (off-screen charts catch up first). */
  freshSvg(): SVGSVGElement | null {
    if (this.stale) this.redraw();
    return this.svgElement();
  }

  svgElement(): SVGSVGElement | null {
    return this.renderRoot.querySelector('svg');
  }

  /** Gives the chart a new height (its viewBox and its frame's proportions), from `draw`. */
  protected resize(svg: Svg, height: number): void {
    this.height = height;
    svg.attr('viewBox', `0 0 ${this.width} ${height}`);
    const frame = svg.node()?.parentElement;
    if (frame) frame.style.aspectRatio = `${this.width} / ${height}`;
  }

  /** Where a legend goes along the top: over the plot, or across the whole width of a narrow chart (its labels need it). */
  protected legendPlace(): { left: number; width: number } {
    const m = DEFAULT_MARGIN;
    return this.width < CHART_WIDTH ? { left: 12, width: this.width - 24 } : { left: m.left, width: this.width - m.left - m.right };
  }

  /** The plot area inside the default margins, from `top` down (below a legend, say) and from `left` across. */
  protected plotArea(top: number = DEFAULT_MARGIN.top, left: number = DEFAULT_MARGIN.left): AxisPlacement {
    const m = DEFAULT_MARGIN;
    return { left, top, width: this.width - left - m.right, height: this.height - top - m.bottom };
  }

  /** Draws the chart into `svg` from the record (called after every update). */
  protected abstract draw(svg: Svg, record: RunRecord): void;
}

/**
 * Milliseconds of redrawing one task may start charts in: past it, further charts wait for a
 * task of their own, so a frame costs at most this plus one chart's drawing (the browser counts
 * a task of 50 ms or more as long; the page's tests fail one of 100 ms).
 */
const DRAWING_BUDGET_MS = 40;
let drawingSince = -1;

/** Whether the current task may still start a chart's redraw (the first one always may). */
function drawingTimeLeft(): boolean {
  const now = performance.now();
  if (drawingSince < 0) {
    drawingSince = now;
    // The next task starts a fresh budget.
    setTimeout(() => { drawingSince = -1; }, 0);
    return true;
  }
  return now - drawingSince < DRAWING_BUDGET_MS;
}

/**
 * While a run goes flat out, the charts' redraws together take at most this share of the main
 * thread (their scripts; style, layout and paint come on top): a few redraws a second of each
 * of `mixed`'s charts, every frame where drawing is cheap (small populations). At a set speed
 * the engine leaves the machine room and charts redraw at every frame.
 */
const PLAYING_DRAWING_SHARE = 0.1;
/** Drawing time saved up while charts were idle (ms): about one round of the visible charts. */
const SAVED_DRAWING_MAX_MS = 60;
const playingShare = drawingShare(PLAYING_DRAWING_SHARE, SAVED_DRAWING_MAX_MS);

/** Charts waiting to catch up, each redrawn in its own task (FIFO). */
const catchUpQueue: ChartElement[] = [];
let catchUpTimer: ReturnType<typeof setTimeout> | undefined;
/** The queue waits for drawing credit (a run goes flat out); an unpaced chart joining it need not wait. */
let waitingForCredit = false;

function scheduleCatchUp(chart: ChartElement): void {
  if (!catchUpQueue.includes(chart)) catchUpQueue.push(chart);
  if (catchUpTimer !== undefined && !(waitingForCredit && !chart.paced())) return;
  clearTimeout(catchUpTimer);
  waitingForCredit = false;
  catchUpTimer = setTimeout(drainCatchUp, 0);
}

function drainCatchUp(): void {
  catchUpTimer = undefined;
  waitingForCredit = false;
  const next = catchUpQueue[0];
  if (next === undefined) return;
  const waitMs = playingShare.waitMs(performance.now());
  if (waitMs > 0 && catchUpQueue.every((chart) => chart.paced())) {
    waitingForCredit = true;
    catchUpTimer = setTimeout(drainCatchUp, waitMs);
    return;
  }
  catchUpQueue.shift();
  next.catchUp();
  if (catchUpQueue.length > 0) catchUpTimer = setTimeout(drainCatchUp, 0);
}
