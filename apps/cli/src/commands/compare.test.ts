import { describe, expect, test } from 'vitest'
import { run } from '../testing/run'
import { compare, compareJson, renderCompare } from './compare'

describe('coretime compare', () => {
  test('default: a full Polkadot core is cheaper in bulk', async () => {
    const r = await run('compare')
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('cheaper          bulk')
    expect(r.stdout).toContain('403200 orders per region at 0.001 DOT')
  })

  test('args: a small demand on Kusama is cheaper on demand; --json carries the break-even', async () => {
    const r = await run(
      'compare',
      '--network',
      'kusama',
      '--blocks-per-day',
      '100',
      '--regions',
      '1',
      '--json',
    )
    expect(r.code).toBe(0)
    const j = JSON.parse(r.stdout)
    expect(j.token).toBe('KSM')
    expect(j.cheaper).toBe('onDemand')
    // 1 KSM / (0.00001 KSM × 28 days) = 3571.43 blocks a day
    expect(j.breakEvenBlocksPerDay).toBe('3571.43')
    expect(j.totalOnDemand).toBe(String(100n * 28n * 10_000_000n))
  })

  test('args: --share converts to blocks a day; bump-only lets a cheap core stay cheap', async () => {
    const s = JSON.parse((await run('compare', '--share', '50%', '--json')).stdout)
    expect(s.inputs.blocksPerDay).toBe(7200)
    const cheap = ['compare', '--purchase-price', '1 DOT', '--regions', '3', '--json']
    const floor = JSON.parse((await run(...cheap)).stdout)
    const bump = JSON.parse((await run(...cheap, '--rule', 'bump-only')).stdout)
    expect(floor.perRegion[2].corePrice).toBe('100000000000')
    expect(bump.perRegion[2].corePrice).toBe('10300000000')
  })

  test.each([
    [['--share', '120%'], '--share: a percentage must be at most 100%'],
    [['--share', '0'], '--share: must be greater than 0%'],
    [['--blocks-per-day', '-4'], '--blocks-per-day: expected a non-negative whole number'],
    [['--blocks-per-day', '10', '--share', '5'], 'not both'],
    [['--regions', '0'], '--regions: must be at least 1'],
    [['--end-price', 'ten'], '--end-price: expected a number of planck or of DOT'],
    [['--bump', '200'], '--bump: a percentage must be at most 100%'],
    [['--rule', 'whatever'], '--rule: expected floor-at-end-price or bump-only'],
    [['--traffic', '0.9'], '--traffic: the multiplier never goes below 1.0'],
    [['--traffic', '340282366920938463464'], '--traffic: at most 340282366920938463463.374607431768211455'],
  ])('error: %j', async (args, message) => {
    const r = await run('compare', ...args)
    expect(r.code).toBe(2)
    expect(r.stderr).toContain(message)
  })
})

describe('compare() and its renderers', () => {
  test('default: a full core over 12 regions; JSON and text come from the same result', () => {
    const r = compare({})
    expect(r.inputs.regions).toBe(12)
    expect(r.comparison.perRegion).toHaveLength(12)
    expect((compareJson(r) as { totalBulk: bigint }).totalBulk).toBe(r.comparison.totalBulk)
    expect(renderCompare(r)).toContain('Bulk vs on-demand on Polkadot')
  })

  test('error: both --blocks-per-day and --share throw a UsageError', () => {
    expect(() => compare({ blocksPerDay: '10', share: '5%' })).toThrow('--share: give either')
  })
})
