import { describe, expect, test } from 'vitest'
import * as Consistency from './Consistency'
import * as Snapshot from './Snapshot'
import { sample } from './testing/sample'

type Mutable<T> = { -readonly [K in keyof T]: Mutable<T[K]> }
const copy = (): Mutable<Snapshot.Snapshot> => structuredClone(sample) as Mutable<Snapshot.Snapshot>

describe('Consistency.check', () => {
  test('default: the sample state is consistent, and so is its file', () => {
    expect(Consistency.check(sample)).toBe(null)
    expect(Snapshot.parse(Snapshot.toJson(sample)).ok).toBe(true)
  })

  test.each([
    [
      'a sale region that ends before it begins',
      (s: Mutable<Snapshot.Snapshot>) => {
        s.broker.saleInfo!.regionEnd = 70
      },
      /^broker\.saleInfo\.regionEnd: must be after regionBegin \(353085\), got 70$/,
    ],
    [
      'more cores sold than offered',
      (s: Mutable<Snapshot.Snapshot>) => {
        s.broker.saleInfo!.coresSold = 999
      },
      /^broker\.saleInfo\.coresSold: must be at most coresOffered \(20\), got 999$/,
    ],
    [
      'an ideal above the cores offered',
      (s: Mutable<Snapshot.Snapshot>) => {
        s.broker.saleInfo!.idealCoresSold = 21
      },
      /^broker\.saleInfo\.idealCoresSold: /,
    ],
    [
      'cores on sale beyond core 65535',
      (s: Mutable<Snapshot.Snapshot>) => {
        s.broker.saleInfo!.firstCore = 65_530
      },
      /^broker\.saleInfo\.firstCore: firstCore \+ coresOffered must be at most 65536/,
    ],
    [
      'a region that ends before it begins',
      (s: Mutable<Snapshot.Snapshot>) => {
        s.broker.regions[0]!.end = s.broker.regions[0]!.begin
      },
      /^broker\.regions\.0\.end: must be after/,
    ],
    [
      'a region with no parts',
      (s: Mutable<Snapshot.Snapshot>) => {
        s.broker.regions[0]!.mask = 0n
      },
      /^broker\.regions\.0\.mask: /,
    ],
    [
      'a renewal record two regions ahead',
      (s: Mutable<Snapshot.Snapshot>) => {
        s.broker.potentialRenewals[0]!.when = s.broker.saleInfo!.regionEnd + 5040
      },
      /^broker\.potentialRenewals\.0\.when: a renewal record is at most one region ahead/,
    ],
    [
      'an auto-renewal two regions ahead',
      (s: Mutable<Snapshot.Snapshot>) => {
        s.broker.autoRenewals[0]!.nextRenewal = s.broker.saleInfo!.regionEnd + 1
      },
      /^broker\.autoRenewals\.0\.nextRenewal: /,
    ],
  ])('error: %s is refused with the field named, by check and by the file parser', (_, mutate, message) => {
    const s = copy()
    mutate(s)
    expect(Consistency.describe(s as Snapshot.Snapshot)).toMatch(message)
    const r = Snapshot.parse(Snapshot.toJson(s as Snapshot.Snapshot))
    expect(r.ok).toBe(false)
    expect(!r.ok && r.error.message).toMatch(message)
  })

  test('behavior: a stale renewal record (a core not renewed) is kept, as the chain keeps it', () => {
    const s = copy()
    s.broker.potentialRenewals[0]!.when = s.broker.saleInfo!.regionBegin - 5040
    expect(Consistency.check(s as Snapshot.Snapshot)).toBe(null)
  })
})

describe('Consistency.networkOf', () => {
  test('default: the file decides; the flag alone; else polkadot', () => {
    const flag = (value: string | undefined) => ({ flag: '--network', value })
    const file = (network: 'polkadot' | 'kusama' | undefined) => ({ where: 'a.json', network })
    expect(Consistency.networkOf(flag(undefined), file('kusama'))).toEqual({ ok: true, value: 'kusama' })
    expect(Consistency.networkOf(flag('Kusama'), file('kusama'))).toEqual({ ok: true, value: 'kusama' })
    expect(Consistency.networkOf(flag('kusama'), file(undefined))).toEqual({ ok: true, value: 'kusama' })
    expect(Consistency.networkOf(flag(undefined), file(undefined))).toEqual({ ok: true, value: 'polkadot' })
  })

  test('error: a flag naming another network than the file', () => {
    expect(
      Consistency.networkOf(
        { flag: '--network', value: 'kusama' },
        { where: 'dot.json', network: 'polkadot' },
      ),
    ).toEqual({
      ok: false,
      error: {
        code: 'NetworkMismatch',
        message:
          '--network: kusama does not match dot.json, which is a polkadot state; drop --network or use a kusama file',
        flag: 'kusama',
        file: 'polkadot',
      },
    })
  })
})
