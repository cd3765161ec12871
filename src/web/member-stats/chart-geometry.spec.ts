import { barLayout, columnLayout, fitLabel, lineLayout, type Datum } from './chart-geometry.js';

const data = (...values: number[]): Datum[] => values.map((value, index) => ({ label: `d${index}`, value }));

describe('columnLayout', () => {
  const size = { width: 244, height: 148 };
  // Plot: x from 44 to 236 (192 wide), y from 18 to 118.

  it('splits the width into equal columns with gaps, and scales counts from the axis up', () => {
    const layout = columnLayout(data(2, 4, 1), size);
    expect(layout.plot).toEqual({ left: 44, right: 236, top: 18, bottom: 118 });
    const [first, second, third] = layout.columns;
    // Three bands with 20 % inner and 10 % outer padding: step 192 / 3.
    expect(first!.width).toBeCloseTo(second!.width);
    expect(second!.x - first!.x).toBeCloseTo(third!.x - second!.x);
    expect(first!.x).toBeGreaterThan(44);
    expect(third!.x + third!.width).toBeLessThan(236);
    // 4 is the top of the scale: its column reaches the top; 2 reaches half way.
    expect(second).toMatchObject({ y: 18, height: 100, value: 4, label: 'd1' });
    expect(first).toMatchObject({ y: 68, height: 50 });
    expect(third).toMatchObject({ y: 93, height: 25 });
    expect(first!.centre).toBeCloseTo(first!.x + first!.width / 2, 0);
  });

  it('draws grid lines at whole counts only, from 0 to a round number above the largest', () => {
    expect(columnLayout(data(1), size).ticks.map((tick) => tick.value)).toEqual([0, 1]);
    expect(columnLayout(data(3, 7), size).ticks.map((tick) => tick.value)).toEqual([0, 2, 4, 6, 8]);
    const ticks = columnLayout(data(90, 130), size).ticks;
    expect(ticks.map((tick) => tick.value)).toEqual([0, 50, 100, 150]);
    expect(ticks[0]!.position).toBe(118);
    expect(ticks.at(-1)!.position).toBe(18);
  });

  it('gives an empty year a column of no height, and draws all zeros on a scale of one film', () => {
    const layout = columnLayout(data(0, 0), size);
    expect(layout.columns.map((column) => column.height)).toEqual([0, 0]);
    expect(layout.ticks.map((tick) => tick.value)).toEqual([0, 1]);
  });

  it('labels every column while the labels fit, then one in every few; counts only wide columns', () => {
    const months = columnLayout(
      data(...Array.from({ length: 12 }, () => 1)).map((datum) => ({ ...datum, label: 'Sep' })),
    );
    expect(months.columns.every((column) => column.labelled)).toBe(true);
    expect(months.counted).toBe(true);
    // Years in a plot 428 wide: a label needs 4 × 7.8 + 8 units, a column of 60 has 7.1.
    const years = columnLayout(
      Array.from({ length: 60 }, (_, index) => ({ label: String(1960 + index), value: index })),
    );
    const labelled = years.columns.filter((column) => column.labelled).map((column) => column.label);
    expect(labelled).toEqual([
      '1960',
      '1966',
      '1972',
      '1978',
      '1984',
      '1990',
      '1996',
      '2002',
      '2008',
      '2014',
    ]);
    expect(years.counted).toBe(false);
  });
});

describe('barLayout', () => {
  it('gives each entry a row, bars from the label column in proportion to their counts', () => {
    const layout = barLayout(data(10, 5, 0), { width: 400, labelWidth: 100, countWidth: 50 });
    expect(layout).toMatchObject({ width: 400, height: 90, start: 100 });
    const [longest, half, none] = layout.bars;
    expect(longest!.width).toBe(250);
    expect(half!.width).toBe(125);
    expect(none!.width).toBe(0);
    expect(longest!.countX).toBe(356);
    expect(half!.y).toBeGreaterThan(longest!.y + longest!.height);
    expect(half!.middle).toBeCloseTo(half!.y + half!.height / 2, 0);
  });
});

describe('lineLayout', () => {
  it('puts the points at even steps and draws the line and the area under it through them', () => {
    const layout = lineLayout(data(0, 3, 0, 6), { width: 244, height: 148 });
    const xs = layout.points.map((point) => point.x);
    expect(xs[1]! - xs[0]!).toBeCloseTo(xs[3]! - xs[2]!);
    expect(layout.points.map((point) => point.y)).toEqual([118, 68, 118, 18]);
    expect(layout.line).toMatch(/^M[\d.]+,118C/);
    // The area closes along the axis.
    expect(layout.area).toMatch(/^M[\d.]+,118C.*L[\d.]+,118.*Z$/);
    expect(layout.line).not.toMatch(/\d\.\d\d/);
  });
});

describe('fitLabel', () => {
  it('keeps a label that fits, and cuts a long one to the room with an ellipsis', () => {
    expect(fitLabel('Drama', 200)).toBe('Drama');
    // 148 units hold 18 characters: 17 and the ellipsis.
    const cut = fitLabel('Apichatpong Weerasethakul and Friends of the Cinema', 148);
    expect(cut).toBe('Apichatpong Weerasethakul and Friends of the Cinema'.slice(0, 17) + '…');
    expect([...fitLabel('Ōshima 大島渚 Nagisa of Japan', 78)]).toHaveLength(10);
  });
});
