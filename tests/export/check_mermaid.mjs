// Reads Mermaid charts with the real Mermaid (npm `mermaid`, in jsdom) and
// prints, for each file named on the command line, the text a reader sees:
// the chart's title, section names and task labels, as JSON; and what
// Mermaid's own gantt database holds for the checks of the axis and the
// as-of marker: today marker, tick interval, the tasks' names and dates,
// which of them are `vert` markers, and the tick labels on the axis.
//
//   node check_mermaid.mjs [--module mermaid-10] chart.mmd...
//
// --module names the package to import: `mermaid` (the version GitHub
// draws with) by default, `mermaid-10` for GitLab's older one.
//
// Each chart is rendered to SVG by mermaid.render(), the path a browser
// takes, so Mermaid's own entity decoding and sanitising apply, and the
// labels are read back from the SVG's <text> elements. A chart Mermaid
// refuses makes the script exit 1 with Mermaid's error.
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';

const dom = new JSDOM('<!DOCTYPE html><body></body>', { pretendToBeVisual: true });
for (const name of ['window', 'document', 'navigator', 'Element', 'HTMLElement', 'SVGElement',
                    'DOMParser', 'XMLSerializer', 'CSSStyleSheet', 'MutationObserver']) {
  if (!(name in globalThis)) globalThis[name] = name === 'window' ? dom.window : dom.window[name];
}
// jsdom does no layout; the gantt renderer only needs some box to place text.
dom.window.SVGElement.prototype.getBBox = () => ({ x: 0, y: 0, width: 100, height: 12 });
dom.window.SVGElement.prototype.getComputedTextLength = () => 100;

const args = process.argv.slice(2);
let module = 'mermaid';
if (args[0] === '--module') {
  module = args[1];
  args.splice(0, 2);
}
const { default: mermaid } = await import(module);
mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });

// A day as YYYY-MM-DD in local time, as Mermaid parsed it.
const day = (d) => [d.getFullYear(), d.getMonth() + 1, d.getDate()]
  .map((n, i) => String(n).padStart(i ? 2 : 4, '0')).join('-');

// What the parser stored, read back from the diagram's database.
async function database(text) {
  const db = (await mermaid.mermaidAPI.getDiagramFromText(text)).db;
  return {
    module,
    todayMarker: db.getTodayMarker(),
    tickInterval: db.getTickInterval ? db.getTickInterval() : null,
    axisFormat: db.getAxisFormat(),
    items: db.getTasks().map((t) => ({
      name: t.task, section: t.section, vert: !!t.vert,
      start: day(t.startTime), end: day(t.endTime),
    })),
  };
}

const results = [];
let n = 0;
for (const file of args) {
  const text = readFileSync(file, 'utf8');
  try {
    await mermaid.parse(text);
    const { svg } = await mermaid.render(`chart${n++}`, text);
    const doc = new JSDOM(svg, { contentType: 'image/svg+xml' }).window.document;
    const of = (cls) => [...doc.querySelectorAll('text')]
      .filter((t) => (t.getAttribute('class') || '').split(/\s+/).some((c) => c.startsWith(cls)))
      .map((t) => t.textContent);
    results.push({
      file,
      title: of('titleText'),
      sections: of('sectionTitle'),
      tasks: of('taskText'),
      elements: [...doc.querySelectorAll('text *')].map((e) => e.tagName),
      ticks: [...doc.querySelectorAll('.tick text')].map((t) => t.textContent),
      vertLines: doc.querySelectorAll('.vert').length,
      todayLines: doc.querySelectorAll('.today').length,
      ...await database(text),
    });
  } catch (e) {
    console.error(`${file}: Mermaid refused the chart: ${e.message || e}`);
    process.exit(1);
  }
}
console.log(JSON.stringify(results, null, 1));
