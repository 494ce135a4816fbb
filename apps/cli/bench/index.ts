import { benchReplay } from './replay.bench'

export const main = async (): Promise<void> => {
  console.log(`Coretime Lab benchmarks (node ${process.version}, ${new Date().toISOString()})\n`)
  benchReplay()
}
