import { benchReplay } from './replay.bench'
import { benchSim } from './sim.bench'

/** `npm run bench [-- --mc-runs N]`: the figures issues 2 and 4 ask for. */
export const main = async (argv: string[] = process.argv.slice(2)): Promise<void> => {
  const at = argv.indexOf('--mc-runs')
  const mcRuns = at >= 0 ? Number(argv[at + 1]) : undefined
  console.log(`Coretime Lab benchmarks (node ${process.version}, ${new Date().toISOString()})\n`)
  benchReplay()
  console.log()
  await benchSim(mcRuns === undefined ? {} : { mcRuns })
}
