// The sheet's embedded charts, drawn with Chart.js over the grid from their anchor cells, as Sheets
// floats them. Only what changed is redrawn; a chart keeps its place when the grid is redrawn.
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Title,
  Tooltip,
} from 'chart.js';
import type { ChartView } from '../wire';
import { el } from './dom';

Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Title,
  Tooltip,
);

/** Sheets' default series colours, in order. */
export const SERIES_COLORS = ['#4285f4', '#ea4335', '#fbbc04', '#34a853', '#ff6d01', '#46bdc6'];

interface Drawn {
  json: string;
  box: HTMLElement;
  chart: Chart;
}

function config(view: ChartView) {
  const bar = view.type === 'COLUMN' || view.type === 'BAR';
  const title = (text: string) => ({ display: text !== '', text });
  return {
    type: bar ? ('bar' as const) : ('line' as const),
    data: {
      labels: view.labels,
      datasets: view.series.map((s, i) => {
        const color = SERIES_COLORS[i % SERIES_COLORS.length] as string;
        return {
          label: s.name,
          data: s.values,
          borderColor: color,
          backgroundColor: view.type === 'AREA' ? `${color}40` : color,
          fill: view.type === 'AREA',
          pointRadius: 0,
          borderWidth: 2,
        };
      }),
    },
    options: {
      // Drawn at once and at a fixed size: the grid, not the window, decides where it sits.
      animation: false as const,
      responsive: false,
      indexAxis: view.type === 'BAR' ? ('y' as const) : ('x' as const),
      plugins: {
        title: { ...title(view.title), font: { size: 14 } },
        legend: { position: 'bottom' as const },
      },
      scales: {
        x: { title: title(view.xTitle), ticks: { maxRotation: 0, autoSkipPadding: 24 } },
        y: { title: title(view.yTitle), beginAtZero: true },
      },
    },
  };
}

/** What a screen reader hears for the chart (the canvas itself is a picture). */
function describe(view: ChartView): string {
  const kind = view.type.toLowerCase();
  const names = view.series.map((s) => s.name).join(', ');
  return `${view.title || 'Chart'}: ${kind} chart of ${names} over ${view.labels.length} points`;
}

export class Charts {
  private readonly drawn = new Map<number, Drawn>();
  private readonly layer: HTMLElement;

  constructor(
    scroller: HTMLElement,
    private readonly table: HTMLTableElement,
  ) {
    this.layer = el('div', { class: 'charts' });
    scroller.append(this.layer);
  }

  /** Draws the sheet's charts (after the grid drew its cells, whose places it reads). */
  render(views: readonly ChartView[]): void {
    const keep = new Set(views.map((v) => v.id));
    for (const [id, old] of this.drawn) {
      if (keep.has(id)) continue;
      old.chart.destroy();
      old.box.remove();
      this.drawn.delete(id);
    }
    for (const view of views) {
      const json = JSON.stringify(view);
      let drawn = this.drawn.get(view.id);
      if (drawn && drawn.json !== json) {
        drawn.chart.destroy();
        drawn.box.remove();
        drawn = undefined;
      }
      if (!drawn) {
        const canvas = el('canvas', { role: 'img', 'aria-label': describe(view) });
        // The box's padding is inside its size: the canvas gets the rest.
        canvas.width = view.width - 18;
        canvas.height = view.height - 18;
        const box = el('figure', { class: 'chart', 'data-chart-id': String(view.id) }, canvas);
        box.style.width = `${view.width}px`;
        box.style.height = `${view.height}px`;
        box.style.margin = '0';
        this.layer.append(box);
        drawn = { json, box, chart: new Chart(canvas, config(view)) };
        this.drawn.set(view.id, drawn);
      }
      this.place(drawn.box, view);
    }
  }

  /** At the anchor cell's top-left corner plus the offset. */
  private place(box: HTMLElement, view: ChartView): void {
    const td = this.table.tBodies[0]?.rows[view.anchorRow - 1]?.cells[view.anchorColumn];
    const left = (td?.offsetLeft ?? 0) + this.table.offsetLeft + view.offsetX;
    const top = (td?.offsetTop ?? 0) + this.table.offsetTop + view.offsetY;
    box.style.left = `${left}px`;
    box.style.top = `${top}px`;
  }
}
