import { scaleBand, scaleLinear, scalePoint, type ScaleLinear } from 'd3-scale';
import { area, curveMonotoneX, line } from 'd3-shape';

/** One mark of a chart: what it is called, how many films, and whether it is the one selected. */
export interface Datum {
  readonly label: string;
  readonly value: number;
  /** The label in full, where the chart writes it short ("March" for "Mar"). */
  readonly name?: string;
  readonly current?: boolean;
}

export interface Size {
  readonly width: number;
  readonly height: number;
}

/** A line of the value grid: its count and where it is drawn. */
export interface Tick {
  readonly value: number;
  readonly position: number;
}

/** The drawing area inside the axes. */
export interface Plot {
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

export interface Column extends Datum {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  /** The middle of the column, where its label and count are written. */
  readonly centre: number;
  /** Whether its label is written under the axis: with many columns, only every few. */
  readonly labelled: boolean;
}

export interface ColumnLayout extends Size {
  readonly plot: Plot;
  readonly columns: readonly Column[];
  readonly ticks: readonly Tick[];
  /** Whether the columns are wide enough to carry their counts. */
  readonly counted: boolean;
}

export interface Bar extends Datum {
  readonly y: number;
  readonly width: number;
  readonly height: number;
  /** The vertical middle of the row, where the label and count are written. */
  readonly middle: number;
  /** Where the count is written, just after the bar. */
  readonly countX: number;
}

export interface BarLayout extends Size {
  /** Where the bars start: the labels are written to its left. */
  readonly start: number;
  readonly bars: readonly Bar[];
}

export interface Point extends Datum {
  readonly x: number;
  readonly y: number;
  readonly labelled: boolean;
}

export interface LineLayout extends Size {
  readonly plot: Plot;
  readonly line: string;
  readonly area: string;
  readonly points: readonly Point[];
  readonly ticks: readonly Tick[];
}

/** Room for the value axis on the left and the labels underneath. */
const MARGIN = { top: 18, right: 8, bottom: 30, left: 44 };
/** Columns narrower than this carry no count above them; the table has it. */
const COUNTED_WIDTH = 18;
const ROW_HEIGHT = 30;
/** About how wide a character of the charts' labels is (14 units high), in the charts' own units. */
const CHARACTER_WIDTH = 7.8;
/** The least space between two labels under the axis. */
const LABEL_GAP = 8;

/** Drawn at this size and scaled to the page: about the width of half the page's column. */
export const COLUMN_CHART: Size = { width: 480, height: 220 };
export interface BarChartSize {
  readonly width: number;
  /** Room for the labels, left of the bars. */
  readonly labelWidth: number;
  /** Room for the largest count, right of the longest bar. */
  readonly countWidth: number;
}

export const BAR_CHART: BarChartSize = { width: 480, labelWidth: 160, countWidth: 48 };

/** Tenths of a pixel are plenty, and keep the markup short. */
const tenth = (value: number): number => Math.round(value * 10) / 10;

const plotOf = ({ width, height }: Size): Plot => ({
  left: MARGIN.left,
  right: width - MARGIN.right,
  top: MARGIN.top,
  bottom: height - MARGIN.bottom,
});

/** Counts from 0 to a round number above the largest, never less than 1 film. */
function countScale(data: readonly Datum[], range: readonly [number, number]): ScaleLinear<number, number> {
  const largest = Math.max(1, ...data.map((datum) => datum.value));
  return scaleLinear().domain([0, largest]).nice(4).range(range);
}

/** Grid lines at whole counts only: there is no half a film. */
const ticksOf = (scale: ScaleLinear<number, number>): Tick[] =>
  scale
    .ticks(4)
    .filter(Number.isInteger)
    .map((value) => ({ value, position: tenth(scale(value)) }));

/** With many marks, one label in every few so that none overlap; the first is always labelled. */
function labelStep(data: readonly Datum[], plot: Plot): number {
  if (data.length === 0) return 1;
  const widest = Math.max(...data.map((datum) => [...datum.label].length)) * CHARACTER_WIDTH + LABEL_GAP;
  return Math.max(1, Math.ceil(widest / ((plot.right - plot.left) / data.length)));
}

/** Upright columns along a category axis (years, decades, ratings), in the order given. */
export function columnLayout(data: readonly Datum[], size: Size = COLUMN_CHART): ColumnLayout {
  const plot = plotOf(size);
  const x = scaleBand<number>()
    .domain(data.map((_, index) => index))
    .range([plot.left, plot.right])
    .paddingInner(0.2)
    .paddingOuter(0.1);
  const y = countScale(data, [plot.bottom, plot.top]);
  const step = labelStep(data, plot);
  const width = x.bandwidth();
  return {
    ...size,
    plot,
    ticks: ticksOf(y),
    counted: width >= COUNTED_WIDTH,
    columns: data.map((datum, index) => {
      const left = x(index)!;
      const top = y(datum.value);
      return {
        ...datum,
        x: tenth(left),
        y: tenth(top),
        width: tenth(width),
        height: tenth(plot.bottom - top),
        centre: tenth(left + width / 2),
        labelled: index % step === 0,
      };
    }),
  };
}

/** Bars along rows, longest to the right, for categories with long names (genres, people, places). */
export function barLayout(
  data: readonly Datum[],
  { width, labelWidth, countWidth }: BarChartSize = BAR_CHART,
): BarLayout {
  const height = data.length * ROW_HEIGHT;
  const y = scaleBand<number>()
    .domain(data.map((_, index) => index))
    .range([0, height])
    .paddingInner(0.3)
    .paddingOuter(0.15);
  const x = countScale(data, [labelWidth, width - countWidth]);
  return {
    width,
    height,
    start: labelWidth,
    bars: data.map((datum, index) => {
      const top = y(index)!;
      const end = x(datum.value);
      return {
        ...datum,
        y: tenth(top),
        width: tenth(end - labelWidth),
        height: tenth(y.bandwidth()),
        middle: tenth(top + y.bandwidth() / 2),
        countX: tenth(end + 6),
      };
    }),
  };
}

/** A line over evenly spaced points (the months of a year), with the area under it. */
export function lineLayout(data: readonly Datum[], size: Size = COLUMN_CHART): LineLayout {
  const plot = plotOf(size);
  const x = scalePoint<number>()
    .domain(data.map((_, index) => index))
    .range([plot.left, plot.right])
    .padding(0.5);
  const y = countScale(data, [plot.bottom, plot.top]);
  const xOf = (_: Datum, index: number): number => x(index)!;
  const yOf = (datum: Datum): number => y(datum.value);
  // Monotone: the curve never dips below a month with no film or overshoots its neighbours.
  const path = line<Datum>().x(xOf).y(yOf).curve(curveMonotoneX).digits(1);
  const under = area<Datum>().x(xOf).y0(plot.bottom).y1(yOf).curve(curveMonotoneX).digits(1);
  const step = labelStep(data, plot);
  return {
    ...size,
    plot,
    line: path(data) ?? '',
    area: under(data) ?? '',
    ticks: ticksOf(y),
    points: data.map((datum, index) => ({
      ...datum,
      x: tenth(xOf(datum, index)),
      y: tenth(yOf(datum)),
      labelled: index % step === 0,
    })),
  };
}

/** A label cut to the room it has, with an ellipsis; the table beside the chart has it whole. */
export function fitLabel(label: string, room: number): string {
  const characters = [...label];
  const fits = Math.max(2, Math.floor(room / CHARACTER_WIDTH));
  return characters.length <= fits ? label : `${characters.slice(0, fits - 1).join('')}…`;
}
