import { Networks } from '@coretime/core'
import type { Command } from 'commander'
import { UsageError } from './errors'

/**
 * Environment variables that stand in for flags: `CORETIME_NETWORK` for `--network`,
 * `CORETIME_ENDPOINT` for `--coretime-url` and `CORETIME_RELAY_ENDPOINT` for `--relay-url` (each
 * endpoint variable may hold a comma-separated list, tried in turn). A flag on the command line
 * wins, and so does the chain of a file the command reads (`--snapshot`, `--from`): the variables
 * are defaults, never a second choice that could contradict the file.
 */
export type EnvSpec = {
  readonly env: string
  /** commander's attribute name of the option */
  readonly option: string
  /** the option's value, or why the variable's text is not one */
  readonly parse: (text: string) => { ok: true; value: string | string[] } | { ok: false; expected: string }
}

const isWs = (url: string): boolean => {
  try {
    const u = new URL(url)
    return (u.protocol === 'ws:' || u.protocol === 'wss:') && u.host !== ''
  } catch {
    return false
  }
}

const endpoints: EnvSpec['parse'] = (text) => {
  const list = text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
  return list.length > 0 && list.every(isWs)
    ? { ok: true, value: list.length === 1 ? list[0]! : list }
    : { ok: false, expected: 'a ws:// or wss:// URL, or a comma-separated list of them' }
}

export const ENV: readonly EnvSpec[] = [
  {
    env: 'CORETIME_NETWORK',
    option: 'network',
    parse: (text) => {
      const v = text.trim().toLowerCase()
      return Networks.isNetwork(v)
        ? { ok: true, value: v }
        : { ok: false, expected: `one of ${Networks.names.map((n) => `"${n}"`).join(', ')}` }
    },
  },
  { env: 'CORETIME_ENDPOINT', option: 'coretimeUrl', parse: endpoints },
  { env: 'CORETIME_RELAY_ENDPOINT', option: 'relayUrl', parse: endpoints },
]

/** Options naming a file whose own chain wins over the environment. */
const FILE_OPTIONS = ['snapshot', 'from']

/** Sets the options of `cmd` that the command line left unset from `env`; a bad value is a usage error. */
export const applyEnv = (cmd: Command, env: NodeJS.ProcessEnv = process.env): void => {
  const has = (name: string) => cmd.options.some((o) => o.attributeName() === name)
  if (FILE_OPTIONS.some((f) => has(f) && cmd.getOptionValue(f) !== undefined)) return
  for (const spec of ENV) {
    const text = env[spec.env]
    if (text === undefined || text.trim() === '' || !has(spec.option)) continue
    if (cmd.getOptionValueSource(spec.option) === 'cli') continue
    // `--endpoint` (a Coretime chain alone) replaces both endpoint flags
    if (spec.option !== 'network' && has('endpoint') && cmd.getOptionValue('endpoint') !== undefined) continue
    const r = spec.parse(text)
    if (!r.ok) throw new UsageError(`${spec.env}: expected ${r.expected}, got "${text}"`)
    cmd.setOptionValueWithSource(spec.option, r.value, 'env')
  }
}

export const HELP = `
Environment:
  CORETIME_NETWORK         a network (polkadot, kusama, …), where a command takes --network
  CORETIME_ENDPOINT        Coretime chain endpoint(s) for --coretime-url (comma-separated: tried in turn)
  CORETIME_RELAY_ENDPOINT  relay chain endpoint(s) for --relay-url
  A flag given on the command line wins; so does the chain of a --snapshot or --from file.`
