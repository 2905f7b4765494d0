// A chart of one distribution's latest snapshot (the Lorenz curve, the histogram): looks up the
// snapshot and its reporter, and draws nothing until both are there.
import { property } from 'lit/decorators.js';
import { ChartElement, type Svg } from './chart-element.ts';
import { KeptLayers } from './kept-layers.ts';
import type { AxisPlacement } from './axes.ts';
import type { RunRecord } from '../run-record.ts';
import type { DistributionFrame, ReporterInfo } from '../../worker/protocol.ts';

export abstract class DistributionChart extends ChartElement {
  @property({ type: String }) distribution = 'wealth';

  protected override draw(svg: Svg, record: RunRecord): void {
    const snapshot = record.distributions.get(this.distribution);
    const meta = record.info?.distributions.find((d) => d.id === this.distribution);
    if (snapshot === undefined || meta === undefined) {
      svg.node()?.replaceChildren();
      return;
    }
    this.drawDistribution(new KeptLayers(svg.node()!), snapshot, meta, this.plotArea());
  }

  /** Draws the snapshot: what stays while the run plays (axes, legends) as kept layers, the rest in the fresh one. */
  protected abstract drawDistribution(layers: KeptLayers, snapshot: DistributionFrame, meta: ReporterInfo, place: AxisPlacement): void;
}
