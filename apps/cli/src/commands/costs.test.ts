import { describe, expect, test } from 'vitest'
import { run } from '../testing/run'
import { costs, costsJson, renderCosts } from './costs'

describe('coretime costs', () => {
  test("default: Polkadot with the post's inputs", async () => {
    const r = await run('costs')
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/validator method, final\s+199\.5\d DOT/)
    expect(r.stdout).toMatch(/infrastructure, final\s+163\.0\d DOT/)
    expect(r.stdout).toMatch(/compute\s+63\.17 DOT/) // rounded for display
  })

  test('args: Kusama --json, and a changed token price halves the USD-priced costs', async () => {
    const k = JSON.parse((await run('costs', '--network', 'kusama', '--json')).stdout)
    expect(k.token).toBe('KSM')
    expect(Number(k.perCoreMonth.infrastructure) / 1e12).toBeCloseTo(20.46, 1)
    const base = JSON.parse((await run('costs', '--json')).stdout)
    const r = await run('costs', '--token-price', '13', '--deposit', '0 DOT', '--json')
    expect(r.code).toBe(0)
    const doubled = JSON.parse(r.stdout)
    expect(doubled.changed).toEqual(['tokenPriceUsd', 'registrationDeposit'])
    expect(BigInt(doubled.perCoreMonth.compute)).toBe(BigInt(base.perCoreMonth.compute) / 2n)
    expect(doubled.perCoreMonth.opportunityCost).toBe('0')
  })

  test.each([
    [['--weight-use', '150%'], '--weight-use: a percentage must be at most 100%'],
    [['--token-price', '0'], '--token-price: must be greater than 0'],
    [['--token-price', 'cheap'], '--token-price: expected a decimal number'],
    [['--pov-size', '-5'], '--pov-size: expected a non-negative number'],
    [['--backing-group', '0'], '--backing-group: must be at least 1'],
    [['--deposit', '1.5'], '--deposit: "1.5" has decimals but no unit'],
    // Paseo is a network the tool knows, but the post prices no test token
    [['--network', 'paseo'], "--network: the post's cost inputs are for polkadot and kusama, not paseo"],
    [['--network', 'mars'], '--network: expected "polkadot" or "kusama", got "mars"'],
  ])('error: %j', async (args, message) => {
    const r = await run('costs', ...args)
    expect(r.code).toBe(2)
    expect(r.stderr).toContain(message)
  })
})

describe('costs() and its renderers', () => {
  test("default: the post's inputs, nothing changed; JSON and text come from the same result", () => {
    const r = costs({})
    expect(r.changed).toEqual([])
    expect(r.perCoreMonth.average).toBeGreaterThan(0n)
    expect((costsJson(r) as { perCoreMonth: unknown }).perCoreMonth).toBe(r.perCoreMonth)
    expect(renderCosts(r)).toContain("inputs: the post's own")
  })

  test('error: a bad flag throws a one-line UsageError', () => {
    expect(() => costs({ tokenPrice: '0' })).toThrow('--token-price: must be greater than 0')
  })
})
