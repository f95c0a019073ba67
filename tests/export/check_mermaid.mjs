// Reads Mermaid charts with the real Mermaid (npm `mermaid`, in jsdom) and
// prints, for each file named on the command line, the text a reader sees:
// the chart's title, section names and task labels, as JSON.
//
//   node check_mermaid.mjs chart.mmd...
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

const { default: mermaid } = await import('mermaid');
mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });

const results = [];
let n = 0;
for (const file of process.argv.slice(2)) {
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
    });
  } catch (e) {
    console.error(`${file}: Mermaid refused the chart: ${e.message || e}`);
    process.exit(1);
  }
}
console.log(JSON.stringify(results, null, 1));
