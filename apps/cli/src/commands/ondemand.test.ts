import { describe, expect, test } from 'vitest'
import { networkChoices } from '../flags'
import { opts } from '../testing/opts'
import { run } from '../testing/run'
import { ondemand, ondemandJson, renderOndemand } from './ondemand'

describe('coretime ondemand', () => {
  test('default: one order at the sdk-default base fee, labelled as a default', () => {
    const r = ondemand({})
    expect(r).toMatchObject({ kind: 'orders', paid: 10_000_000n, requested: 1 })
    expect(r.kind === 'orders' && r.failure).toBe(undefined)
    const text = renderOndemand(r)
    expect(text).toContain('placed for para 2000 at 0.001 DOT (10000000 planck)')
    expect(text).toContain('sdk default, not a live value')
  })

  test('args: --json, kusama decimals, a raised traffic and several orders', () => {
    const r = ondemand(
      opts(
        '--network',
        'kusama',
        '--base-fee',
        '0.01 KSM',
        '--queue-capacity',
        '100',
        '--queue-size',
        '50',
        '--orders',
        '2',
      ),
    )
    const out = JSON.parse(
      JSON.stringify(ondemandJson(r), (_k, v) => (typeof v === 'bigint' ? String(v) : v)),
    )
    expect(out.token).toBe('KSM')
    expect(out.params.baseFee).toBe('10000000000')
    // 50/100 against a 25% target: ×(1 + 0.25 + (0.03·0.25)²/2) = 1.250028125, then 51/100 for the 2nd
    expect(out.orders[0].spotPrice).toBe('12500281250')
    expect(BigInt(out.orders[1].spotPrice)).toBeGreaterThan(12_500_281_250n)
    expect(out.end.queueSize).toBe(52)
    expect(out.params.defaultsUsed).toEqual(['variability', 'target'])
  })

  test('error: max amount below the spot price reports SpotPriceHigherThanMaxAmount and the price', async () => {
    const r = await run('ondemand', '--max-amount', '5000000')
    expect(r.code).toBe(1)
    expect(r.stdout).toContain('SpotPriceHigherThanMaxAmount')
    expect(r.stdout).toContain('would have cost 0.001 DOT (10000000 planck)')
    const j = await run('ondemand', '--max-amount', '0.0005 DOT', '--json')
    expect(j.code).toBe(1)
    // the rejected order reverts: the traffic it reports is the unchanged one, never ""
    expect(JSON.parse(j.stdout).orders).toEqual([
      { order: 1, ok: false, spotPrice: '10000000', traffic: '1', error: 'SpotPriceHigherThanMaxAmount' },
    ])
    expect(JSON.parse(j.stdout).error).toEqual({
      code: 'SpotPriceHigherThanMaxAmount',
      spotPrice: '10000000',
      maxAmount: '5000000',
    })
  })

  test('error: credits and queue-full rejections exit 1', async () => {
    const c = await run('ondemand', '--pay', 'credits', '--credits', '1')
    expect(c.code).toBe(1)
    expect(c.stdout).toContain('InsufficientCredits')
    const q = await run('ondemand', '--queue-capacity', '3', '--queue-size', '3')
    expect(q.code).toBe(1)
    expect(q.stdout).toContain('QueueFull')
  })

  test.each([
    [['--queue-capacity', '0'], '--queue-capacity: must be at least 1'],
    // ON_DEMAND_MAX_QUEUE_MAX_SIZE is 10,000 since stable2603 (polkadot-sdk #10184)
    [['--queue-capacity', '10001'], '--queue-capacity: must be at most 10000, got 10001'],
    [['--variability', '101%'], '--variability: a percentage must be at most 100%'],
    [['--target', '-5'], '--target: expected a non-negative'],
    [['--base-fee', 'lots'], '--base-fee: expected a number of planck or of DOT'],
    [['--max-amount', '-1 DOT'], '--max-amount: expected a non-negative amount'],
    [['--max-amount', '1 KSM'], "this network's token is DOT"],
    [['--orders', 'two'], '--orders: expected a whole number'],
    [['--traffic', '0.5'], '--traffic: the multiplier never goes below 1.0'],
    [['--traffic', '1e26'], '--traffic: expected a decimal number'],
    [
      ['--traffic', '99999999999999999999999999'],
      '--traffic: at most 340282366920938463463.374607431768211455',
    ],
    [['--blocks', '3', '--traffic', '340282366920938463464'], '--traffic: at most'],
    [['--queue-size', '20', '--queue-capacity', '10'], '--queue-size: 20 orders do not fit'],
    [['--network', 'rococo'], `--network: expected ${networkChoices(true)}, got "rococo"`],
    [['--pay', 'cash'], '--pay: expected balance, keep-alive or credits'],
  ])('error: bad input %j gets one line naming it', (args, message) => {
    expect(() => ondemand(opts(...args))).toThrow(message)
  })

  test('error: a bad flag through the program: one line on stderr, exit 2', async () => {
    const r = await run('ondemand', '--pay', 'cash')
    expect(r.code).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr).toBe('coretime: --pay: expected balance, keep-alive or credits, got "cash"\n')
  })
})

describe('coretime ondemand --blocks', () => {
  test('default: demand within the pool pays the base fee and is served two blocks later', async () => {
    const r = ondemand(opts('--blocks', '10', '--per-block', '2', '--pool-cores', '2'))
    expect(r.kind === 'blocks' && r.run).toMatchObject({ placed: 20, served: 16, paid: 20n * 10_000_000n })
    const j = JSON.parse(
      (await run('ondemand', '--blocks', '10', '--per-block', '2', '--pool-cores', '2', '--json')).stdout,
    )
    expect(j).toMatchObject({ placed: 20, served: 16, paid: String(20n * 10_000_000n) })
  })

  test('behavior: a queue filling above target raises the price', async () => {
    const r = await run(
      'ondemand',
      '--blocks',
      '20',
      '--per-block',
      '10',
      '--pool-cores',
      '1',
      '--queue-capacity',
      '100',
    )
    expect(r.code).toBe(0)
    const last = /spot price, last block\s+(\S+) DOT/.exec(r.stdout)?.[1]
    expect(Number(last)).toBeGreaterThan(0.001)
    expect(r.stdout).toContain('QueueFull')
  })

  test('error: bad simulation inputs', () => {
    expect(() => ondemand(opts('--blocks', '0'))).toThrow('--blocks: must be at least 1')
    expect(() => ondemand(opts('--blocks', '5', '--pool-cores', 'x'))).toThrow(
      '--pool-cores: expected a whole number',
    )
  })
})
