import { svgElement } from '../dom.js';

/** One bar: a label, a value and the text shown after the bar. */
export interface Bar {
  label: string;
  value: number;
  display: string;
}

const rowHeight = 28;
const labelWidth = 180;
const valueWidth = 110;
const barWidth = 320;

/**
 * A horizontal bar chart as inline SVG (presentation attributes only, so it needs no inline
 * styles under a strict CSP). Labels are text nodes; the figure carries an accessible name and
 * the same numbers are in the table beside it.
 */
export function barChart(title: string, bars: readonly Bar[]): SVGSVGElement {
  const width = labelWidth + barWidth + valueWidth;
  const height = Math.max(1, bars.length) * rowHeight;
  const max = Math.max(0, ...bars.map((bar) => bar.value));
  const svg = svgElement('svg', {
    viewBox: `0 0 ${width} ${height}`,
    // Natural size, shrunk by CSS on narrow screens: text stays at its set size when there is room.
    width,
    height,
    class: 'bar-chart',
    role: 'img',
    'aria-label': title,
    preserveAspectRatio: 'xMinYMin meet',
  });
  svg.appendChild(svgElement('title', {}, [title]));
  bars.forEach((bar, index) => {
    const y = index * rowHeight;
    const length = max > 0 ? Math.max(2, (bar.value / max) * barWidth) : 2;
    const label = bar.label.length > 26 ? `${bar.label.slice(0, 25)}…` : bar.label;
    svg.append(
      svgElement('text', { x: 0, y: y + 18, class: 'bar-label' }, [label]),
      svgElement('rect', {
        x: labelWidth,
        y: y + 6,
        width: length.toFixed(1),
        height: rowHeight - 12,
        rx: 3,
        class: 'bar',
      }),
      svgElement('text', { x: labelWidth + length + 6, y: y + 18, class: 'bar-value' }, [
        bar.display,
      ]),
    );
  });
  return svg;
}
