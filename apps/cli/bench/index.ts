import { benchReplay } from './replay.bench'
import { benchSim, oneRunFigures } from './sim.bench'

/**
 * `npm run bench [-- --mc-runs N] [-- --sim]`: the figures issues 2, 4 and 16 ask for (`--sim`: the
 * simulator's only; `--one-run`: one process's single-run timings as JSON, which the simulator bench
 * runs in fresh processes).
 */
export const main = async (argv: string[] = process.argv.slice(2)): Promise<void> => {
  if (argv.includes('--one-run')) {
    // a child of the simulator bench: one process's single-run timings, as JSON
    console.log(JSON.stringify(oneRunFigures()))
    return
  }
  const at = argv.indexOf('--mc-runs')
  const mcRuns = at >= 0 ? Number(argv[at + 1]) : undefined
  const simOnly = argv.includes('--sim')
  console.log(`Coretime Lab benchmarks (node ${process.version}, ${new Date().toISOString()})\n`)
  if (!simOnly) {
    benchReplay()
    console.log()
  }
  await benchSim({ ...(mcRuns !== undefined && { mcRuns }), quick: simOnly })
}
