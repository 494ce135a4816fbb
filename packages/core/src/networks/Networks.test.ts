import { describe, expect, test } from 'vitest'
import * as Ss58 from '../accounts/Ss58'
import * as Runtimes from '../broker/Runtimes'
import * as OnDemandParams from '../ondemand/Params'
import * as Chains from '../planner/Chains'
import * as Calls from '../scale/Calls'
import * as Token from '../units/Token'
import * as Networks from './Networks'

describe('Networks', () => {
  test('default: Polkadot, Kusama and Paseo, in that order', () => {
    expect(Networks.names).toEqual(['polkadot', 'kusama', 'paseo'])
    for (const n of Networks.names) expect(Networks.get(n).name).toBe(n)
  })

  test('behavior: runtime constants are the Runtimes objects themselves, not copies', () => {
    expect(Networks.get('polkadot').runtime).toBe(Runtimes.polkadot)
    expect(Networks.get('kusama').runtime).toBe(Runtimes.kusama)
  })

  test('behavior: tokens, SS58 prefixes, para ids, pallet names and EDs are read from the entries', () => {
    for (const n of Networks.names) {
      const e = Networks.get(n)
      expect(Token.of(n)).toEqual({
        network: n,
        symbol: e.token.symbol,
        decimals: e.token.decimals,
        unit: 10n ** BigInt(e.token.decimals),
      })
      expect(Ss58.prefixes[n]).toBe(e.ss58Prefix)
      expect(Chains.coretime[n]).toEqual({
        paraId: e.coretime.paraId,
        ss58Prefix: e.ss58Prefix,
        existentialDeposit: e.coretime.existentialDeposit,
        timeslicePeriod: e.runtime.timeslicePeriod,
        relayBlockSeconds: e.relay.blockMs / 1000,
      })
      expect(Calls.Broker.names[n]).toBe(e.coretime.pallets.Broker)
      expect(Calls.OnDemand.names[n]).toBe(e.relay.pallets.OnDemand)
      expect(OnDemandParams.sdkDefaults(n).existentialDeposit).toBe(e.relay.existentialDeposit)
    }
  })

  test('behavior: the known facts (fellows runtimes, ss58-registry)', () => {
    expect(Token.DOT.unit).toBe(10_000_000_000n)
    expect(Token.KSM.unit).toBe(1_000_000_000_000n)
    expect(Ss58.POLKADOT).toBe(0)
    expect(Ss58.KUSAMA).toBe(2)
    expect(Networks.relayBlocksPerDay('polkadot')).toBe(14_400)
    expect(Networks.get('kusama').coretime.paraId).toBe(1005)
  })

  test('behavior: every entry has at least one ws(s) endpoint per chain', () => {
    for (const n of Networks.names)
      for (const list of Object.values(Networks.get(n).endpoints)) {
        expect(list.length).toBeGreaterThan(0)
        for (const url of list) expect(url).toMatch(/^wss?:\/\/[^/]+/)
      }
  })

  test('behavior: choice words a list as a sentence does', () => {
    expect(Networks.choice(Networks.names)).toBe('polkadot, kusama or paseo')
    expect(Networks.choice(['DOT', 'KSM'])).toBe('DOT or KSM')
    expect(Networks.choice(['DOT'])).toBe('DOT')
    expect(Networks.choice([])).toBe('')
  })

  test('error: a name that is not an entry is not a network', () => {
    expect(Networks.isNetwork('polkadot')).toBe(true)
    expect(Networks.isNetwork('Polkadot')).toBe(false)
    expect(Networks.isNetwork('toString')).toBe(false)
    expect(Networks.isNetwork('rococo')).toBe(false)
  })
})
