/**
 * The app's one lossy step: planck (exact bigint) → a float number of tokens, for drawing only.
 * Tables, CSV and labels use exact formatting (Token.format); only chart coordinates pass here.
 */
export const planckToChartNumber = (planck: bigint, decimals: number): number => {
  const unit = 10n ** BigInt(decimals)
  return Number(planck / unit) + Number(planck % unit) / Number(unit)
}
