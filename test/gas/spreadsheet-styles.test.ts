import { describe, expect, it } from 'vitest';
import { runtimeFor } from './fixture.js';

const CODE = `
function sheet() { return SpreadsheetApp.getActive().getSheetByName('Sheet1'); }
function paint(bg, fg) {
  var r = sheet().getRange(1, 1, bg.length, bg[0].length);
  r.setBackgrounds(bg).setFontColors(fg);
  return { bg: r.getBackgrounds(), fg: r.getFontColors(), one: sheet().getRange('B1').getFontColor() };
}
function paintOne(color) { sheet().getRange('A1:B2').setBackground(color).setFontColor(color); return sheet().getRange('A1:B2').getBackgrounds(); }
function caught(f) { try { f(); return null; } catch (e) { return String(e.message); } }
function badColor() { return caught(function () { sheet().getRange('A1:B1').setBackgrounds([['#fff', 'not a colour']]); }); }
function tab(color) { sheet().setTabColor(color); return sheet().getTabColor(); }
function badTab() { return caught(function () { sheet().setTabColor('not a colour'); }); }
function wrongShape() { return caught(function () { sheet().getRange('A1:B1').setFontColors([['#fff']]); }); }
function clearFormats() { sheet().getRange('A1').setBackground('#123456').setFontColor('#abcdef'); sheet().getRange('A1').clearFormat(); return [sheet().getRange('A1').getBackground(), sheet().getRange('A1').getFontColor()]; }
function elapsed(values, format) {
  var r = sheet().getRange(1, 1, 1, values.length);
  r.setValues([values]).setNumberFormat(format);
  return r.getDisplayValues()[0];
}
function rules() {
  var s = sheet();
  var r = s.getRange('C2:C10');
  var short = SpreadsheetApp.newConditionalFormatRule().whenNumberLessThan(0).setBackground('#F4C7C3').setRanges([r]).build();
  var over = SpreadsheetApp.newConditionalFormatRule().whenNumberGreaterThan(0).setBackground('#c9daf8').setRanges([r]).build();
  s.setConditionalFormatRules([short, over]);
  return s.getConditionalFormatRules().map(function (x) {
    var c = x.getBooleanCondition();
    return [c.getCriteriaType(), c.getCriteriaValues()[0], c.getBackground(), x.getRanges()[0].getA1Notation()];
  });
}
function ruleErrors() {
  var s = sheet();
  var other = SpreadsheetApp.getActive().insertSheet('Other');
  return [
    caught(function () { SpreadsheetApp.newConditionalFormatRule().setBackground('#fff').build(); }),
    caught(function () { SpreadsheetApp.newConditionalFormatRule().whenNumberLessThan(0).setRanges([s.getRange('A1')]).build(); }),
    caught(function () { s.setConditionalFormatRules([SpreadsheetApp.newConditionalFormatRule().whenNumberLessThan(0).setBold(true).build()]); }),
    caught(function () { s.setConditionalFormatRules([SpreadsheetApp.newConditionalFormatRule().whenNumberLessThan(0).setBold(true).setRanges([other.getRange('A1')]).build()]); }),
  ];
}
function charts() {
  var s = sheet();
  var chart = s.newChart().asLineChart().addRange(s.getRange('A1:C10')).setTitle('Coverage').setPosition(1, 5, 0, 0).build();
  s.insertChart(chart);
  var got = s.getCharts();
  var first = got[0];
  s.updateChart(first.modify().setOption('title', 'Coverage (UTC)').setPosition(2, 6, 0, 0).build());
  var after = s.getCharts()[0];
  var out = {
    count: s.getCharts().length,
    sameId: first.getChartId() === after.getChartId() && after.getChartId() !== null,
    title: after.getOptions().get('title'),
    anchor: [after.getContainerInfo().getAnchorRow(), after.getContainerInfo().getAnchorColumn()],
    range: after.getRanges()[0].getA1Notation(),
  };
  s.removeChart(after);
  out.afterRemove = s.getCharts().length;
  out.staleUpdate = caught(function () { s.updateChart(after.modify().build()); });
  return out;
}
function chartErrors() {
  var s = sheet();
  return [
    caught(function () { s.insertChart(s.newChart().asLineChart().setPosition(1, 1, 0, 0).build()); }),
    caught(function () { s.insertChart(s.newChart().asLineChart().addRange(s.getRange('A1:B2')).build()); }),
    caught(function () { s.insertChart(s.newChart().addRange(s.getRange('A1:B2')).setPosition(1, 1, 0, 0).build()); }),
    caught(function () { s.newChart().setTitle('x'); }),
    caught(function () { s.updateChart(s.newChart().asLineChart().addRange(s.getRange('A1:B2')).setPosition(1, 1, 0, 0).build()); }),
  ];
}
`;

describe('cell colours', () => {
  it('writes and reads backgrounds and font colours as arrays, normalised to #rrggbb', () => {
    const rt = runtimeFor(CODE);
    const out = rt.run(
      'paint',
      [
        ['#FF0000', null],
        ['#0f0', 'blue'],
      ],
      [
        ['#ffffff', '#123ABC'],
        [null, '#000'],
      ],
    ).value as { bg: string[][]; fg: string[][]; one: string };
    expect(out.bg).toEqual([
      ['#ff0000', '#ffffff'],
      ['#00ff00', '#0000ff'],
    ]);
    expect(out.fg).toEqual([
      ['#ffffff', '#123abc'],
      ['#000000', '#000000'],
    ]);
    expect(out.one).toBe('#123abc');
    expect(rt.run('paintOne', '#ABCDEF').value).toEqual([
      ['#abcdef', '#abcdef'],
      ['#abcdef', '#abcdef'],
    ]);
  });

  it('counts setBackgrounds and setFontColors as one write each', () => {
    const rt = runtimeFor(CODE);
    rt.counters.reset();
    rt.run('paint', [['#ff0000', '#00ff00']], [['#000000', '#ffffff']]);
    // setBackgrounds, setFontColors: 2 writes; getBackgrounds, getFontColors, getFontColor: 3 reads.
    expect(rt.counters.spreadsheet).toMatchObject({ writes: 2, reads: 3 });
  });

  it('refuses a colour it cannot read and an array of the wrong shape; clearFormat drops both colours', () => {
    const rt = runtimeFor(CODE);
    expect(rt.run('badColor').value).toMatch(/Invalid color "not a colour"/);
    expect(rt.run('wrongShape').value).toMatch(/number of columns/);
    expect(rt.run('clearFormats').value).toEqual(['#ffffff', '#000000']);
  });

  it('keeps a tab colour as #rrggbb, resets it with null, and refuses one it cannot read', () => {
    const rt = runtimeFor(CODE);
    expect(rt.run('tab', '#D93025').value).toBe('#d93025');
    expect(rt.run('tab', null).value).toBeNull();
    expect(rt.run('badTab').value).toMatch(
      /Invalid color "not a colour" passed to SpreadsheetApp.Sheet.setTabColor/,
    );
    expect(rt.run('tab', '#d93025').value).toBe('#d93025');
  });
});

describe('elapsed-time number formats', () => {
  it('[h]:mm counts hours past a day; [mm]:ss counts minutes', () => {
    const rt = runtimeFor(CODE);
    expect(rt.run('elapsed', [1.5 / 24, 25 / 24 + 5 / 1440, 0], '[h]:mm').value).toEqual([
      '1:30',
      '25:05',
      '0:00',
    ]);
    expect(rt.run('elapsed', [90 / 86_400], '[mm]:ss').value).toEqual(['01:30']);
  });
});

describe('conditional format rules', () => {
  it('keeps the rules set on a sheet and reads them back', () => {
    const rt = runtimeFor(CODE);
    expect(rt.run('rules').value).toEqual([
      ['NUMBER_LESS_THAN', 0, '#f4c7c3', 'C2:C10'],
      ['NUMBER_GREATER_THAN', 0, '#c9daf8', 'C2:C10'],
    ]);
  });

  it('refuses a rule without condition, format or range, or with a range on another sheet', () => {
    const rt = runtimeFor(CODE);
    const [noCondition, noFormat, noRange, otherSheet] = rt.run('ruleErrors').value as string[];
    expect(noCondition).toMatch(/must have a condition/);
    expect(noFormat).toMatch(/must have a format/);
    expect(noRange).toMatch(/at least one range/);
    expect(otherSheet).toMatch(/different sheet/);
  });
});

describe('embedded charts', () => {
  it('inserts, reads, updates in place and removes a chart', () => {
    const rt = runtimeFor(CODE);
    expect(rt.run('charts').value).toEqual({
      count: 1,
      sameId: true,
      title: 'Coverage (UTC)',
      anchor: [2, 6],
      range: 'A1:C10',
      afterRemove: 0,
      staleUpdate: expect.stringMatching(/does not exist/),
    });
  });

  it('refuses a chart without data, position or type, and updating one never inserted', () => {
    const rt = runtimeFor(CODE);
    const [noData, noPosition, noType, untypedTitle, notInserted] = rt.run('chartErrors').value as string[];
    expect(noData).toMatch(/no data/);
    expect(noPosition).toMatch(/no position/);
    expect(noType).toMatch(/no type/);
    expect(untypedTitle).toMatch(/asLineChart/);
    expect(notInserted).toMatch(/does not exist/);
  });

  it('counts insertChart and updateChart as spreadsheet writes', () => {
    const rt = runtimeFor(CODE);
    rt.counters.reset();
    rt.run('charts').value;
    // insertChart, updateChart, removeChart.
    expect(rt.counters.spreadsheet.writes).toBe(3);
  });
});
