// Any chart as a standalone SVG or PNG file. Charts carry their styles as attributes, so the
// serialised SVG needs only a white background and a size.
import { CHART_WIDTH } from './charts/chart-element.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';
/** Room above the chart for its title, and below it for where it came from. */
const TITLE_BAND = 40;
const STAMP_BAND = 30;

/** What an exported chart says about itself: its title, and scenario, seed, year and version. */
export interface ChartLabel {
  readonly title: string;
  readonly stamp: string;
}

export function chartSvgText(svg: SVGSVGElement, label?: ChartLabel): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const [, , w, h] = (copy.getAttribute('viewBox') ?? `0 0 ${CHART_WIDTH} 440`).split(' ').map(Number);
  const width = w ?? CHART_WIDTH;
  const chartHeight = h ?? 440;
  const top = label === undefined ? 0 : TITLE_BAND;
  const height = chartHeight + top + (label === undefined ? 0 : STAMP_BAND);
  copy.setAttribute('xmlns', SVG_NS);
  copy.setAttribute('viewBox', `0 0 ${width} ${height}`);
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  const body = document.createElementNS(SVG_NS, 'g');
  body.setAttribute('transform', `translate(0,${top})`);
  while (copy.firstChild !== null) body.appendChild(copy.firstChild);
  const background = document.createElementNS(SVG_NS, 'rect');
  background.setAttribute('width', '100%');
  background.setAttribute('height', '100%');
  background.setAttribute('fill', 'white');
  copy.append(background, body);
  if (label !== undefined) {
    const text = (y: number, size: number, content: string, weight = '400') => {
      const t = document.createElementNS(SVG_NS, 'text');
      t.setAttribute('x', '16');
      t.setAttribute('y', String(y));
      t.setAttribute('font-size', String(size));
      t.setAttribute('font-weight', weight);
      t.setAttribute('fill', '#1f2933');
      t.textContent = content;
      copy.append(t);
    };
    text(28, 22, label.title, '700');
    text(height - 10, 14, label.stamp);
  }
  return new XMLSerializer().serializeToString(copy);
}

/** The chart drawn at `scale` times its size (2 gives a crisp slide image). */
export async function chartPng(svg: SVGSVGElement, label?: ChartLabel, scale = 2): Promise<Blob> {
  const text = chartSvgText(svg, label);
  const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.width * scale;
    canvas.height = image.height * scale;
    const context = canvas.getContext('2d');
    if (context === null) throw new Error('this browser cannot draw on a canvas');
    context.scale(scale, scale);
    context.drawImage(image, 0, 0);
    return await new Promise<Blob>((resolve, reject) => {
      canvas.toBlob((blob) => (blob === null ? reject(new Error('the PNG could not be made')) : resolve(blob)), 'image/png');
    });
  } finally {
    URL.revokeObjectURL(url);
  }
}
