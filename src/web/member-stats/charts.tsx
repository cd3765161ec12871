import type { ComponentChildren } from 'preact';
import { count } from '../views/numbers.js';
import {
  BAR_CHART,
  barLayout,
  columnLayout,
  fitLabel,
  lineLayout,
  type Datum,
  type Plot,
  type Tick,
} from './chart-geometry.js';

export interface ChartProps {
  /** Prefix of the ids of the chart's title and description. */
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly data: readonly Datum[];
  /** What the table's first column holds ("Year", "Genre"). */
  readonly category: string;
}

/**
 * A chart drawn on the server: an image to assistive technology, named by its title and
 * described by its description, with its figures in a table beside it for anyone to open.
 */
function Chart({
  id,
  title,
  description,
  data,
  category,
  width,
  height,
  children,
}: ChartProps & { readonly width: number; readonly height: number; readonly children: ComponentChildren }) {
  return (
    <figure class="chart">
      <svg
        class="chart-image"
        role="img"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-desc`}
        viewBox={`0 0 ${width} ${height}`}
        width={width}
        height={height}
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {children}
      </svg>
      <details class="chart-data">
        <summary>The figures</summary>
        <table>
          <caption class="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{category}</th>
              <th scope="col">Films</th>
            </tr>
          </thead>
          <tbody>
            {data.map((datum, index) => (
              <tr key={index} class={datum.current ? 'is-current' : undefined}>
                <th scope="row">{datum.name ?? datum.label}</th>
                <td>{count(datum.value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

/** The value grid: a line and its count at each whole-number tick. */
function Grid({ ticks, plot }: { readonly ticks: readonly Tick[]; readonly plot: Plot }) {
  return (
    <g class="chart-grid">
      {ticks.map((tick) => (
        <g key={tick.value}>
          <line x1={plot.left} x2={plot.right} y1={tick.position} y2={tick.position} />
          <text x={plot.left - 6} y={tick.position} class="chart-tick">
            {count(tick.value)}
          </text>
        </g>
      ))}
    </g>
  );
}

/** Upright columns in the order given (years, decades, rating steps). */
export function ColumnChart(props: ChartProps) {
  const layout = columnLayout(props.data);
  const { plot } = layout;
  return (
    <Chart {...props} width={layout.width} height={layout.height}>
      <Grid ticks={layout.ticks} plot={plot} />
      {layout.columns.map((column, index) => (
        <g key={index} class={column.current ? 'chart-mark is-current' : 'chart-mark'}>
          <rect x={column.x} y={column.y} width={column.width} height={column.height} />
          {layout.counted && column.value > 0 && (
            <text x={column.centre} y={column.y - 4} class="chart-count">
              {count(column.value)}
            </text>
          )}
          {column.labelled && (
            <text x={column.centre} y={plot.bottom + 18} class="chart-label">
              {column.label}
            </text>
          )}
        </g>
      ))}
      <line class="chart-axis" x1={plot.left} x2={plot.right} y1={plot.bottom} y2={plot.bottom} />
    </Chart>
  );
}

/** Bars along rows, for categories with long names; each bar's count at its end. */
export function BarChart(props: ChartProps) {
  const layout = barLayout(props.data);
  return (
    <Chart {...props} width={layout.width} height={layout.height}>
      {layout.bars.map((bar, index) => (
        <g key={index} class="chart-mark">
          <text x={layout.start - 8} y={bar.middle} class="chart-bar-label">
            {fitLabel(bar.label, BAR_CHART.labelWidth - 12)}
          </text>
          <rect x={layout.start} y={bar.y} width={bar.width} height={bar.height} />
          <text x={bar.countX} y={bar.middle} class="chart-bar-count">
            {count(bar.value)}
          </text>
        </g>
      ))}
    </Chart>
  );
}

/** A line through evenly spaced points (the months of a year), the area under it shaded. */
export function LineChart(props: ChartProps) {
  const layout = lineLayout(props.data);
  const { plot } = layout;
  return (
    <Chart {...props} width={layout.width} height={layout.height}>
      <Grid ticks={layout.ticks} plot={plot} />
      <path class="chart-area" d={layout.area} />
      <path class="chart-line" d={layout.line} />
      {layout.points.map((point, index) => (
        <g key={index} class="chart-mark">
          <circle cx={point.x} cy={point.y} r={3.5} />
          {point.value > 0 && (
            <text x={point.x} y={point.y - 8} class="chart-count">
              {count(point.value)}
            </text>
          )}
          {point.labelled && (
            <text x={point.x} y={plot.bottom + 18} class="chart-label">
              {point.label}
            </text>
          )}
        </g>
      ))}
      <line class="chart-axis" x1={plot.left} x2={plot.right} y1={plot.bottom} y2={plot.bottom} />
    </Chart>
  );
}
