// The parts of a chart's drawing that outlive a redraw while what they show is unchanged: axes
// and legends, while a run's lines move under them. Rebuilt at every redraw, their elements were
// restyled, laid out, their text shaped and repainted each time (most of a series chart's
// elements), on the main thread and the raster threads that share the two cores with the engine.
import * as d3 from 'd3';

export type Layer = d3.Selection<SVGGElement, unknown, null, undefined>;

/** What each kept layer shows (its key) and the number its drawing returned (a legend's height). */
const shown = new WeakMap<Element, { key: string; value: number }>();

/**
 * Lays out an SVG's children as layers in a fixed order: the first ones kept while their key
 * is unchanged, the last one drawn afresh every time. Layers are drawn in place, in the
 * document, so a legend can measure its labels.
 */
export class KeptLayers {
  private readonly svg: SVGSVGElement;
  private index = 0;

  constructor(svg: SVGSVGElement) {
    this.svg = svg;
  }

  /**
   * The next layer: the one drawn last time if it showed `key`, else drawn afresh by `draw`.
   * Returns what `draw` returned when the layer was drawn.
   */
  kept(key: string, draw: (layer: Layer) => number | void): number {
    const old = this.svg.children[this.index++];
    const before = old === undefined ? undefined : shown.get(old);
    if (before !== undefined && before.key === key) return before.value;
    const g = document.createElementNS('http://www.w3.org/2000/svg', 'g');
    if (old === undefined) this.svg.append(g);
    else old.replaceWith(g);
    const value = draw(d3.select(g)) ?? 0;
    shown.set(g, { key, value });
    return value;
  }

  /** The last layer, over the kept ones, drawn afresh (the children past it are dropped). */
  fresh(): Layer {
    while (this.svg.children.length > this.index) this.svg.lastElementChild!.remove();
    this.index++;
    return d3.select(this.svg).append('g');
  }
}
