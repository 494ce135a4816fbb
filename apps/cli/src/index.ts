/** The `coretime` command as a function: `process.exitCode = await main(process.argv)`. */
export { main } from './main'
