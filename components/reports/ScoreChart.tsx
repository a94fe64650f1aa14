/// A document's MQM score over time as an SVG line chart, drawn on the server with d3 (no script
/// runs in the browser), with a table of the same figures for screen readers.
import { scaleLinear, scaleUtc } from "d3-scale";
import { curveStepAfter, line } from "d3-shape";
import type { ScorePoint } from "@/lib/reports/corrections";

const WIDTH = 720;
const HEIGHT = 260;
const MARGIN = { top: 16, right: 24, bottom: 36, left: 56 };

export interface ScoreChartLabels {
  title: string;
  yAxis: string;
  empty: string;
  when: string;
  score: string;
  errors: string;
}

/// `now` closes the last step of the line (the score holds until now).
export function ScoreChart({ points, now, lang, labels }: { points: ScorePoint[]; now: string; lang: string; labels: ScoreChartLabels }) {
  if (points.length < 2) return <p className="muted">{labels.empty}</p>;
  const dated = [...points.map((p) => ({ ...p, date: new Date(p.at) })), { ...points[points.length - 1], date: new Date(now) }];
  const x = scaleUtc()
    .domain([dated[0].date, dated[dated.length - 1].date])
    .range([MARGIN.left, WIDTH - MARGIN.right]);
  const y = scaleLinear()
    .domain([0, Math.max(1, ...points.map((p) => p.perThousandWords))])
    .nice()
    .range([HEIGHT - MARGIN.bottom, MARGIN.top]);
  const path = line<(typeof dated)[number]>()
    .x((d) => x(d.date))
    .y((d) => y(d.perThousandWords))
    .curve(curveStepAfter)(dated);
  const number = new Intl.NumberFormat(lang, { maximumFractionDigits: 2 });
  // Ticks name days, or hours when the whole chart spans less than three days.
  const span = dated[dated.length - 1].date.getTime() - dated[0].date.getTime();
  const tickFormat = new Intl.DateTimeFormat(lang, span < 3 * 86_400_000 ? { dateStyle: "short", timeStyle: "short", timeZone: "UTC" } : { dateStyle: "medium", timeZone: "UTC" });
  const ticks = [...new Map(x.ticks(5).map((d) => [tickFormat.format(d), d])).entries()];
  const moment = new Intl.DateTimeFormat(lang, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
  return (
    <figure className="score-chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby="score-chart-title">
        <title id="score-chart-title">{labels.title}</title>
        {y.ticks(5).map((v) => (
          <g key={`y${v}`} className="tick">
            <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(v)} y2={y(v)} />
            <text x={MARGIN.left - 8} y={y(v)} dy="0.32em" textAnchor="end">
              {number.format(v)}
            </text>
          </g>
        ))}
        {ticks.map(([label, d]) => (
          <text key={`x${label}`} className="tick" x={x(d)} y={HEIGHT - MARGIN.bottom + 20} textAnchor="middle">
            {label}
          </text>
        ))}
        <text className="axis-label" transform={`translate(14 ${(HEIGHT - MARGIN.bottom + MARGIN.top) / 2}) rotate(-90)`} textAnchor="middle">
          {labels.yAxis}
        </text>
        <path className="score-line" d={path ?? ""} />
        {points.map((p) => (
          <circle key={p.at} className="score-point" cx={x(new Date(p.at))} cy={y(p.perThousandWords)} r={3}>
            <title>{`${moment.format(new Date(p.at))}: ${number.format(p.perThousandWords)}`}</title>
          </circle>
        ))}
      </svg>
      <details>
        <summary>{labels.title}</summary>
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{labels.when}</th>
              <th scope="col">{labels.score}</th>
              <th scope="col">{labels.errors}</th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.at}>
                <td>
                  <time dateTime={p.at}>{moment.format(new Date(p.at))}</time>
                </td>
                <td>{number.format(p.perThousandWords)}</td>
                <td>{p.errors}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
