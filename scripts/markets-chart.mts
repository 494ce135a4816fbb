/**
 * Renders docs/markets/prices-26-sales.png: both markets' prices over 26 sales for two bundled
 * RFC-17 scenarios (seed 1), drawn with the web app's charting library (uPlot) in headless Debian
 * chromium. Run: `npx tsx scripts/markets-chart.mts` (needs /usr/bin/chromium).
 */
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { Compare, Scenario } from '@coretime/sim'
import { chromium } from 'playwright-core'
import { parse } from 'yaml'

const CHROMIUM = '/usr/bin/chromium'
const OUT = 'docs/markets/prices-26-sales.png'
const SCENARIOS = ['rfc17-high-demand', 'rfc17-surge-after-low']

if (!existsSync(CHROMIUM)) {
  console.error(`markets-chart: ${CHROMIUM} is missing (apt-get install -y chromium)`)
  process.exit(1)
}
const require = createRequire(import.meta.url)
const uplotDir = require.resolve('uplot/dist/uPlot.iife.min.js').replace(/uPlot\.iife\.min\.js$/, '')
const uplotJs = readFileSync(`${uplotDir}uPlot.iife.min.js`, 'utf8')
const uplotCss = readFileSync(`${uplotDir}uPlot.min.css`, 'utf8')

/** The one lossy step: planck → tokens as a float, for drawing only. */
const toChartNumber = (planck: bigint | null, decimals: number): number | null =>
  planck === null ? null : Number(planck) / 10 ** decimals

const series = SCENARIOS.map((name) => {
  const p = Scenario.parse(parse(readFileSync(`scenarios/${name}.yaml`, 'utf8')))
  if (!p.ok) throw new Error(`${name}: ${p.error.issues.map(Scenario.formatIssue).join('; ')}`)
  const c = Compare.compare(p.scenario, 1)
  const d = c.token.decimals
  return {
    name,
    symbol: c.token.symbol,
    x: c.sales.map((s) => s.sale),
    lines: {
      'today: end price': c.sales.map((s) => toChartNumber(s.today.endPrice, d)),
      'today: new buyers paid (mean)': c.sales.map((s) => toChartNumber(s.today.newBuyerPrice, d)),
      'today: renewers paid (mean)': c.sales.map((s) => toChartNumber(s.today.renewerPrice, d)),
      'RFC-17: reserve': c.sales.map((s) => toChartNumber(s.rfc17.reservePrice, d)),
      'RFC-17: clearing': c.sales.map((s) => toChartNumber(s.rfc17.clearingPrice, d)),
      'RFC-17: renewal': c.sales.map((s) => toChartNumber(s.rfc17.renewalPrice, d)),
    },
  }
})

const html = `<!doctype html><html><head><meta charset="utf-8"><style>${uplotCss}
body { font: 13px system-ui, sans-serif; margin: 16px; background: #fff; color: #222 }
h1 { font-size: 16px; margin: 0 0 4px } p { margin: 0 0 12px; color: #555 }
.row { display: flex; gap: 24px } h2 { font-size: 14px; margin: 8px 0 }
</style></head><body>
<h1>Today's sale and RFC-17's market, the same demand and seed, 26 sales</h1>
<p>Per sale: today's end price and what new buyers and renewers paid; RFC-17's reserve, clearing and renewal price (coretime simulate --compare-market rfc17, seed 1).</p>
<div class="row" id="charts"></div>
<script>${uplotJs}</script>
<script>
const data = ${JSON.stringify(series)};
const colors = ['#1f77b4', '#6baed6', '#9ecae1', '#999999', '#d62728', '#ff7f0e'];
const dashes = [[], [6, 4], [2, 3], [4, 4], [], [6, 4]];
for (const s of data) {
  const box = document.createElement('div');
  box.innerHTML = '<h2>' + s.name + '</h2>';
  document.getElementById('charts').appendChild(box);
  const names = Object.keys(s.lines);
  new uPlot({
    width: 600, height: 380,
    scales: { x: { time: false } },
    axes: [{ label: 'sale' }, { label: s.symbol + ' per core', size: 70 }],
    series: [{ label: 'sale' }, ...names.map((n, i) => ({ label: n, stroke: colors[i], width: i === 4 ? 2.5 : 1.5, dash: dashes[i], spanGaps: false }))],
  }, [s.x, ...names.map((n) => s.lines[n])], box);
}
window.drawn = true;
</script></body></html>`

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--headless', '--no-sandbox', '--disable-gpu'],
})
try {
  const page = await browser.newPage({ viewport: { width: 1290, height: 560 } })
  await page.setContent(html)
  await page.waitForFunction(() => (window as unknown as { drawn?: boolean }).drawn === true)
  await page.screenshot({ path: OUT, fullPage: true })
  console.log(`wrote ${OUT}`)
} finally {
  await browser.close()
}
