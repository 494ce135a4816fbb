import { describe, expect, test, vi } from 'vitest'

// One more entry in core's Networks, as adding a network would be: the web's network list follows.
vi.mock('@coretime/core', async (importOriginal) => {
  const core = await importOriginal<typeof import('@coretime/core')>()
  const testnet = {
    ...core.Networks.get('polkadot'),
    name: 'testnet',
    label: 'Testnet',
    token: { symbol: 'TST', decimals: 10 },
  }
  const names = [...core.Networks.names, 'testnet']
  return {
    ...core,
    Networks: {
      ...core.Networks,
      names,
      get: (n: string) => (n === 'testnet' ? testnet : core.Networks.get(n as 'polkadot')),
    },
  }
})

const { networkOptions } = await import('../src/networkOptions')
const { decode } = await import('../src/url')

describe('Networks drive the web', () => {
  test('behavior: the network select lists every entry, the new one included', () => {
    expect(networkOptions()).toEqual([
      ['polkadot', 'Polkadot (DOT)'],
      ['kusama', 'Kusama (KSM)'],
      ['paseo', 'Paseo (PAS)'],
      ['testnet', 'Testnet (TST)'],
    ])
  })

  test('error: a link naming no entry is refused, and the refusal lists every entry', () => {
    expect(decode('net=kusama').issues).toEqual([])
    const bad = decode('net=rococo')
    expect(bad.issues.map((i) => i.field)).toEqual(['net'])
    expect(bad.issues[0]?.message).toContain('testnet') // the refusal lists the entries
  })
})
