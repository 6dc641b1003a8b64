import { svgElement } from '../dom.js';

/** One bar: a label, a value and the text shown after the bar. */
export interface Bar {
  label: string;
  value: number;
  display: string;
}

const rowHeight = 38;
const width = 360;
const valueWidth = 96;
const barWidth = width - valueWidth;

/**
 * A horizontal bar chart as inline SVG (presentation attributes only, so it needs no inline
 * styles under a strict CSP): each row is its label with the bar and value beneath, narrow
 * enough to stay legible on a phone. Labels are text nodes; the figure carries an accessible
 * name and the same numbers are in the table beside it.
 */
export function barChart(title: string, bars: readonly Bar[]): SVGSVGElement {
  const height = Math.max(1, bars.length) * rowHeight;
  const max = Math.max(0, ...bars.map((bar) => bar.value));
  const svg = svgElement('svg', {
    viewBox: `0 0 ${width} ${height}`,
    // Natural size, shrunk by CSS on narrow screens.
    width,
    height,
    class: 'bar-chart',
    role: 'img',
    'aria-label': title,
  });
  svg.appendChild(svgElement('title', {}, [title]));
  bars.forEach((bar, index) => {
    const y = index * rowHeight;
    const length = max > 0 ? Math.max(2, (bar.value / max) * (barWidth - 8)) : 2;
    const label = bar.label.length > 48 ? `${bar.label.slice(0, 47)}…` : bar.label;
    svg.append(
      svgElement('text', { x: 0, y: y + 13, class: 'bar-label' }, [label]),
      svgElement('rect', {
        x: 0,
        y: y + 19,
        width: length.toFixed(1),
        height: 12,
        rx: 3,
        class: 'bar',
      }),
      svgElement('text', { x: length + 6, y: y + 30, class: 'bar-value' }, [bar.display]),
    );
  });
  return svg;
}
