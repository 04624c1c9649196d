"""The stylesheet of the debrief page (``simulator.report.debrief``): screen and print.

Colours from the Okabe-Ito palette (as the figures): outcomes carry a word as well as a colour,
so the page reads in black and white and for colour-blind readers. Printed on A4: no navigation,
table headers repeated on every page, figures and chains kept whole.
"""

STYLE = """
:root { --ink: #1b1b1b; --muted: #5a5a5a; --line: #d0d0d0; --band: #f3f4f6;
  --ok: #009E73; --bad: #D55E00; --open: #0072B2; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1180px; padding: 0 1.5rem 3rem; color: var(--ink); background: #fff;
  font: 16px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
header { border-bottom: 4px solid var(--ink); padding: 1.5rem 0 0.5rem; }
h1 { font-size: 1.9rem; margin: 0 0 0.4rem; line-height: 1.2; }
h1 small { display: block; font-size: 0.55em; font-weight: 600; color: var(--muted);
  text-transform: uppercase; letter-spacing: 0.06em; }
h2 { font-size: 1.4rem; margin: 2.2rem 0 0.6rem; padding-bottom: 0.2rem; border-bottom: 1px solid var(--line); }
h3 { font-size: 1.1rem; margin: 1.4rem 0 0.4rem; }
.lead { color: var(--muted); max-width: 60rem; }
nav ol { display: flex; flex-wrap: wrap; gap: 0.3rem 1.2rem; list-style: none; padding: 0.6rem 0; margin: 0;
  border-bottom: 1px solid var(--line); }
nav a { color: var(--open); text-decoration: none; }
nav a:hover { text-decoration: underline; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1.2rem; margin: 0.5rem 0; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; font-size: 0.92rem; }
th, td { text-align: left; vertical-align: top; padding: 0.35rem 0.5rem; border-bottom: 1px solid var(--line); }
thead th { background: var(--band); border-bottom: 2px solid var(--ink); }
table.metrics { width: auto; min-width: 28rem; }
table.metrics td:last-child, table.portfolios td:nth-child(n+5):not(:last-child) {
  text-align: right; white-space: nowrap; }
table.timeline td:first-child, table.injects td:last-child { white-space: nowrap; }
table.deadlines .elapsed { display: block; }
.clock { font-variant-numeric: tabular-nums; white-space: nowrap; }
.elapsed { color: var(--muted); font-size: 0.88em; font-variant-numeric: tabular-nums; }
.assets { color: var(--muted); font-size: 0.85em; text-align: left; white-space: normal; }
.ok { color: var(--ok); font-weight: 600; }
.bad { color: var(--bad); font-weight: 600; }
.open { color: var(--open); font-weight: 600; }
.never { color: var(--bad); }
.note { color: var(--muted); font-size: 0.9rem; }
.sector { color: var(--muted); font-weight: normal; font-size: 0.85em; }
article.chain { border-left: 4px solid var(--bad); padding: 0.1rem 0 0.1rem 1rem; margin: 1rem 0 1.5rem; }
ol.steps { margin: 0.3rem 0; padding-left: 1.6rem; }
ol.steps li { margin: 0.25rem 0; }
ol.steps .knew { color: var(--muted); font-size: 0.88rem; }
figure { margin: 1rem 0 2rem; }
figure svg { display: block; width: 100%; height: auto; }
figcaption { color: var(--muted); font-size: 0.9rem; text-align: center; }
code { font-size: 0.92em; background: var(--band); padding: 0 0.25rem; }
footer { margin-top: 3rem; padding-top: 0.6rem; border-top: 1px solid var(--line);
  color: var(--muted); font-size: 0.85rem; }
@media print {
  @page { size: A4; margin: 14mm 12mm; }
  body { max-width: none; padding: 0; font-size: 10pt; }
  nav { display: none; }
  h2 { break-after: avoid; margin-top: 1.2rem; }
  h3 { break-after: avoid; }
  thead { display: table-header-group; }
  tr, figure, article.chain, dl.facts { break-inside: avoid; }
  #figures, #timeline { break-before: page; }
  th, td { padding: 0.15rem 0.3rem; }
  thead th { background: none; }
  a { color: inherit; text-decoration: none; }
}
""".strip()
