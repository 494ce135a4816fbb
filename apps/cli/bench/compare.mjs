#!/usr/bin/env node
// `node apps/cli/bench/compare.mjs [REF] [--rounds N] [--sim]`: the 10-year replay (and with --sim,
// one 130-sale, 200-agent simulator run) on REF's tree (default 3b48351, the code issue 10 was
// measured on) and on this checkout, alternately in fresh processes, reported in CPU time
// (process.cpuUsage, one thread): comparable while other work loads the machine, where wall time
// is not. REF's tree is a detached git worktree under the system's temp directory, made once.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const here = resolve(fileURLToPath(new URL('../../..', import.meta.url)))
const args = process.argv.slice(2)
const opt = (name, fallback) => {
  const i = args.indexOf(name)
  return i >= 0 ? args[i + 1] : fallback
}
const ref = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--rounds')) ?? '3b48351'
const rounds = Number(opt('--rounds', '5'))
const withSim = args.includes('--sim')
if (!Number.isInteger(rounds) || rounds < 1) {
  console.error('compare: --rounds expects a whole number ≥ 1')
  process.exit(2)
}

const git = (...a) => execFileSync('git', ['-C', here, ...a], { encoding: 'utf8' }).trim()
const sha = git('rev-parse', '--short', ref)
const baseTree = join(tmpdir(), `coretime-bench-${sha}`)
if (!existsSync(baseTree)) git('worktree', 'add', '--quiet', '--detach', baseTree, sha)

// One driver, bundled against each tree's sources (its @coretime/* resolved to that tree).
const driver = (tree) => `
import { Broker } from '@coretime/core'
import { generate, POLKADOT_RUNTIME } from '${tree}/apps/cli/bench/longTrace.ts'
${withSim ? `import { simulate } from '@coretime/sim'\nimport { benchScenario } from '${tree}/apps/cli/bench/sim.bench.ts'` : ''}
const gen = generate({ sales: 131, cores: 62, accounts: 200 })
const replay = () => {
  const state = Broker.create(POLKADOT_RUNTIME, gen.balances, 0)
  const out = Broker.sink()
  let events = 0
  for (const s of gen.steps) {
    Broker.advanceTo(state, s.block, out)
    if (s.call) Broker.execute(state, s.origin, s.call, out)
    events += out.events.length
    out.events.length = 0
    out.assignments.length = 0
  }
  return events
}
const cpu = (f) => { const c = process.cpuUsage(); f(); const d = process.cpuUsage(c); return (d.user + d.system) / 1000 }
const best = (n, f) => Math.min(...Array.from({ length: n }, () => cpu(f)))
for (let i = 0; i < 3; i++) replay()
const out = { replay: best(3, replay), events: replay() }
${
  withSim
    ? `const sc = benchScenario(200, 130)
for (let i = 0; i < 15; i++) simulate(sc, { seed: 100 + i })
const sim = Array.from({ length: 21 }, () => cpu(() => simulate(sc, { seed: 1 }))).sort((a, b) => a - b)
out.sim = sim[10]`
    : ''
}
console.log(JSON.stringify(out))
`
const dir = mkdtempSync(join(tmpdir(), 'coretime-compare-'))
const bundle = async (name, tree) => {
  const entry = join(tree, `apps/cli/bench/.compare-${process.pid}.ts`)
  writeFileSync(entry, driver(tree))
  const outfile = join(dir, `${name}.mjs`)
  try {
    await build({
      entryPoints: [entry],
      bundle: true,
      platform: 'node',
      format: 'esm',
      outfile,
      logLevel: 'error',
      // each tree's own workspace sources, whatever node_modules links to
      alias: {
        '@coretime/core': join(tree, 'packages/core/src/index.ts'),
        '@coretime/sim': join(tree, 'packages/sim/src/index.ts'),
      },
      nodePaths: [join(here, 'node_modules')],
    })
  } finally {
    execFileSync('rm', ['-f', entry])
  }
  return outfile
}
const trees = { [`base ${sha}`]: await bundle('base', baseTree), 'this checkout': await bundle('this', here) }

const results = Object.fromEntries(Object.keys(trees).map((k) => [k, []]))
for (let r = 0; r < rounds; r++)
  for (const [name, file] of Object.entries(trees)) {
    const line = execFileSync(process.execPath, ['--single-threaded', file], { encoding: 'utf8' })
    results[name].push(JSON.parse(line.trim().split('\n').pop()))
  }

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
console.log(`CPU time, ${rounds} alternating rounds (fresh process each; replay: best of 3 per round)`)
for (const [name, rs] of Object.entries(results)) {
  const rep = rs.map((r) => r.replay)
  let line = `  ${name.padEnd(16)} whole replay ${median(rep).toFixed(1)} ms median (${Math.min(...rep).toFixed(1)}–${Math.max(...rep).toFixed(1)}), ${rs[0].events} events`
  if (withSim) {
    const sim = rs.map((r) => r.sim)
    line += `; one sim run ${median(sim).toFixed(2)} ms median (${Math.min(...sim).toFixed(2)}–${Math.max(...sim).toFixed(2)})`
  }
  console.log(line)
}
