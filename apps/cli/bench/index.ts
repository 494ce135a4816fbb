import { benchReplay } from './replay.bench'
import { benchSim } from './sim.bench'

/** `npm run bench [-- --mc-runs N] [-- --sim]`: the figures issues 2, 4 and 16 ask for (`--sim`: the simulator's only). */
export const main = async (argv: string[] = process.argv.slice(2)): Promise<void> => {
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
