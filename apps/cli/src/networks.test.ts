import { describe, expect, test, vi } from 'vitest'

// One more entry in core's Networks, as adding a network would be: the CLI's --network choices, its
// parser and the per-network account forms follow with no other change.
vi.mock('@coretime/core', async (importOriginal) => {
  const core = await importOriginal<typeof import('@coretime/core')>()
  const testnet = { ...core.Networks.get('polkadot'), name: 'testnet', label: 'Testnet', ss58Prefix: 42 }
  const names = [...core.Networks.names, 'testnet']
  return {
    ...core,
    Networks: {
      ...core.Networks,
      names,
      isNetwork: (v: string) => names.includes(v),
      get: (n: string) => (n === 'testnet' ? testnet : core.Networks.get(n as 'polkadot')),
    },
  }
})

const real = (await vi.importActual<typeof import('@coretime/core')>('@coretime/core')).Networks.names
const all = [...real, 'testnet']
const { program } = await import('./main')
const { networkChoices, parseNetwork } = await import('./flags')

describe('Networks drive the CLI', () => {
  test('behavior: every --network option lists each entry, the new one included', () => {
    const listed = `${real.join(', ')} or testnet`
    expect(networkChoices()).toBe(listed)
    const withNetwork = program().commands.filter((c) => c.options.some((o) => o.long === '--network'))
    expect(withNetwork.length).toBeGreaterThanOrEqual(9)
    for (const c of withNetwork) {
      const help = c.options.find((o) => o.long === '--network')?.description ?? ''
      // costs takes a post's inputs, which exist for Polkadot and Kusama only
      expect(help, c.name()).toContain(c.name() === 'costs' ? 'polkadot or kusama' : listed)
    }
  })

  test('behavior: --network accepts the new entry', () => {
    expect(parseNetwork('testnet')).toBe('testnet')
    expect(parseNetwork('Kusama')).toBe('kusama')
  })

  test('error: a name that is no entry is refused with every choice named', () => {
    const quoted = real.map((n) => `"${n}"`).join(', ')
    expect(() => parseNetwork('rococo')).toThrow(`--network: expected ${quoted} or "testnet", got "rococo"`)
  })

  test('behavior: account shows one SS58 form per entry', async () => {
    const out: string[] = []
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((s) => {
      out.push(String(s))
      return true
    })
    try {
      await program().parseAsync(['node', 'coretime', 'account', '2000', '--json'])
    } finally {
      spy.mockRestore()
    }
    const json = JSON.parse(out.join(''))
    expect(Object.keys(json.sibling)).toEqual(['hex', 'generic', ...all])
    expect(json.sibling.testnet).toBe(json.sibling.generic) // prefix 42 both
  })
})
