import { describe, expect, test } from 'vitest'
import { coretime } from '../testing/spawn'

describe('coretime deposit', () => {
  test('default: Polkadot under the current rule at the assumed 3 MiB', () => {
    const r = coretime('deposit')
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('reserve ParaID')
    expect(r.stdout).toContain('100 DOT')
    expect(r.stdout).toContain('3245.728 DOT')
    expect(r.stdout).toContain('assumed 3 MiB')
  })

  test("args: the seed's adder-collator figures under the pre-2024 rule", () => {
    const dot = coretime('deposit', '--rule', 'actual-bytes', '--code-size', '16000', '--json')
    expect(dot.code).toBe(0)
    expect(JSON.parse(dot.stdout).total).toBe('1160000000000')
    const ksm = coretime(
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

  test('error: code above max_code_size, bad rule, negative size, wrong-network era', () => {
    const big = coretime('deposit', '--code-size', '200', '--max-code-size', '100')
    expect(big.code).toBe(2)
    expect(big.stderr).toContain('--code-size: 200 bytes exceed max_code_size 100 (CodeTooLarge)')
    expect(coretime('deposit', '--rule', 'cheap').stderr).toContain(
      '--rule: expected max-code-size or actual-bytes',
    )
    expect(coretime('deposit', '--head-size', '-3').stderr).toContain('--head-size: expected a non-negative')
    expect(coretime('deposit', '--era', 'before-1.3.4').stderr).toContain('--era: only Kusama')
    expect(coretime('deposit', '--rule', 'actual-bytes').stderr).toContain(
      '--code-size: the actual-bytes rule',
    )
  })
})
