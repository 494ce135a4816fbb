import { describe, expect, test } from 'vitest'
import { run } from '../testing/run'
import { deposit, renderDeposit } from './deposit'

describe('coretime deposit', () => {
  test('default: Polkadot under the current rule at the assumed 3 MiB', async () => {
    const r = await run('deposit')
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('reserve ParaID')
    expect(r.stdout).toContain('100 DOT')
    expect(r.stdout).toContain('3245.728 DOT')
    expect(r.stdout).toContain('assumed 3 MiB')
  })

  test("args: the seed's adder-collator figures under the pre-2024 rule", async () => {
    const dot = await run('deposit', '--rule', 'actual-bytes', '--code-size', '16000', '--json')
    expect(dot.code).toBe(0)
    expect(JSON.parse(dot.stdout).total).toBe('1160000000000')
    const ksm = await run(
      'deposit',
      '--network',
      'kusama',
      '--era',
      'before-1.3.4',
      '--rule',
      'actual-bytes',
      '--code-size',
      '18000',
    )
    expect(ksm.code).toBe(0)
    expect(ksm.stdout).toContain('45.999999994 KSM')
  })

  test('error: code above max_code_size, bad rule, negative size, wrong-network era', async () => {
    const big = await run('deposit', '--code-size', '200', '--max-code-size', '100')
    expect(big.code).toBe(2)
    expect(big.stderr).toContain('--code-size: 200 bytes exceed max_code_size 100 (CodeTooLarge)')
    expect((await run('deposit', '--rule', 'cheap')).stderr).toContain(
      '--rule: expected max-code-size or actual-bytes',
    )
    expect((await run('deposit', '--head-size', '-3')).stderr).toContain(
      '--head-size: expected a non-negative',
    )
    expect((await run('deposit', '--era', 'before-1.3.4')).stderr).toContain('--era: only Kusama')
    expect((await run('deposit', '--rule', 'actual-bytes')).stderr).toContain(
      '--code-size: the actual-bytes rule',
    )
  })
})

describe('deposit() and renderDeposit()', () => {
  test('default: the function returns the data the JSON shows; the renderer prints it', async () => {
    const r = deposit({ rule: 'actual-bytes', codeSize: '16000' })
    expect(r.total).toBe(1_160_000_000_000n)
    expect(r.codeBytes).toBe(16000)
    expect(
      JSON.parse((await run('deposit', '--rule', 'actual-bytes', '--code-size', '16000', '--json')).stdout)
        .total,
    ).toBe(r.total.toString())
    expect(renderDeposit(r)).toContain('total held')
  })

  test('error: a bad flag throws a one-line UsageError', () => {
    expect(() => deposit({ rule: 'cheap' })).toThrow(
      '--rule: expected max-code-size or actual-bytes, got "cheap"',
    )
  })
})
