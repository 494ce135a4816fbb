import { describe, expect, test } from 'vitest'
import * as Ratio from '../fixed/Ratio'
import * as Token from '../units/Token'
import * as CorePrice from './CorePrice'

// Every figure of seed 004 ("Initial Coretime Pricing"), within 0.5%.
const within = (actual: number, expected: number) =>
  expect(Math.abs(actual - expected) / expected, `${actual} vs ${expected}`).toBeLessThanOrEqual(0.005)

const tokens = (planck: bigint, token: Token.Token) => Number(planck) / Number(token.unit)

describe('CorePrice.compute', () => {
  test('default: Polkadot figures of the post', () => {
    const inputs = CorePrice.postDefaults('polkadot')
    const b = CorePrice.compute(inputs, Token.DOT)
    const usd = (p: bigint) => Ratio.toNumber(CorePrice.toUsd(p, Token.DOT, inputs.tokenPriceUsd))
    within(tokens(b.validatorRewards, Token.DOT), 213) // "213 DOT/core/month base cost"
    within(usd(b.validatorRewards), 1384.5)
    within(tokens(b.bandwidth, Token.DOT), 112.98)
    within(tokens(b.compute, Token.DOT), 63.17)
    within(tokens(b.infrastructure, Token.DOT), 176.15)
    within(usd(b.infrastructure), 1144.98)
    within(tokens(b.opportunityCost, Token.DOT), 13.15)
    within(tokens(b.validatorRewardsFinal, Token.DOT), 199.5)
    within(usd(b.validatorRewardsFinal), 1296.75)
    within(tokens(b.infrastructureFinal, Token.DOT), 163)
    within(usd(b.infrastructureFinal), 1059.5)
  })

  test('default: Kusama figures of the post', () => {
    const inputs = CorePrice.postDefaults('kusama')
    const b = CorePrice.compute(inputs, Token.KSM)
    const usd = (p: bigint) => Ratio.toNumber(CorePrice.toUsd(p, Token.KSM, inputs.tokenPriceUsd))
    within(tokens(b.validatorRewards, Token.KSM), 20.2)
    within(usd(b.validatorRewards), 767.6)
    within(tokens(b.compute, Token.KSM), 10.8)
    within(tokens(b.bandwidth, Token.KSM), 9.66)
    within(tokens(b.infrastructure, Token.KSM), 20.46)
    within(usd(b.infrastructure), 777.48)
    within(tokens(b.opportunityCost, Token.KSM), 3.9)
    within(tokens(b.validatorRewardsFinal, Token.KSM), 16.3)
    within(usd(b.validatorRewardsFinal), 619.4)
    within(tokens(b.infrastructureFinal, Token.KSM), 16.56)
    within(usd(b.infrastructureFinal), 629.28)
  })

  test('behavior: exact planck — the 30-day compute figure is 1.710784 × 8 h × 30 / 6.5 DOT', () => {
    const b = CorePrice.compute(CorePrice.postDefaults('polkadot'), Token.DOT)
    // 1.710784 × 8 × 30 / 6.5 = 63.16740923… DOT
    expect(b.compute).toBe(631_674_092_307n)
    expect(b.opportunityCost).toBe(131_500_000_000n) // 1052 × 15% / 12 = 13.15 DOT
  })

  test('args: inputs move the result the way the formulas say', () => {
    const base = CorePrice.postDefaults('polkadot')
    const b = CorePrice.compute(base, Token.DOT)
    const doubled = CorePrice.compute({ ...base, tokenPriceUsd: Ratio.int(13) }, Token.DOT)
    // infrastructure is priced in USD, so doubling the token price halves it; validator rewards do not move
    expect(doubled.compute).toBe(b.compute / 2n)
    expect(doubled.validatorRewards).toBe(b.validatorRewards)
    const month31 = CorePrice.compute({ ...base, infrastructureMonthDays: Ratio.int(31) }, Token.DOT)
    expect((month31.compute * 30n) / 31n - b.compute).toBeLessThanOrEqual(1n)
    const group3 = CorePrice.compute({ ...base, backingGroupSize: 3n }, Token.DOT)
    expect(group3.bandwidth * 2n - b.bandwidth).toBeLessThanOrEqual(2n)
  })

  test('error: an opportunity cost above a method floors it at zero, never negative', () => {
    const rich = {
      ...CorePrice.postDefaults('polkadot'),
      registrationDeposit: Token.fromTokens(1_000_000n, Token.DOT),
    }
    const b = CorePrice.compute(rich, Token.DOT)
    expect(b.validatorRewardsFinal).toBe(0n)
    expect(b.infrastructureFinal).toBe(0n)
  })
})
