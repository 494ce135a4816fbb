/**
 * Shards of a batch (docs/scale-out.md): shard k of n (1 ≤ k ≤ n) computes a contiguous share of
 * the items — Monte Carlo runs by index (so by seed: run i is seeded `Rng.derive(seed, i)`) or
 * sweep grid points in grid order — and the shares of 1 … n cover every item once, in order.
 */
export interface Shard {
  k: number
  n: number
}

export type ShardResult =
  | { ok: true; shard: Shard }
  | { ok: false; error: { code: 'BadShard'; message: string } }

const bad = (message: string): ShardResult => ({ ok: false, error: { code: 'BadShard', message } })

/** "k/n", e.g. "2/8". */
export const parse = (text: string): ShardResult => {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text)
  if (!m) return bad(`expected k/n such as 2/8 (shard k of n), got "${text}"`)
  return make(Number(m[1]), Number(m[2]))
}

export const make = (k: number, n: number): ShardResult => {
  if (!Number.isSafeInteger(n) || n < 1) return bad(`expected a shard count n ≥ 1, got ${n}`)
  if (!Number.isSafeInteger(k) || k < 1 || k > n)
    return bad(`expected a shard number k from 1 to ${n}, got ${k}`)
  return { ok: true, shard: { k, n } }
}

/** The items [from, to) of shard k of n over `total` items: ⌊(k−1)·total/n⌋ … ⌊k·total/n⌋. */
export const range = (total: number, { k, n }: Shard): { from: number; to: number } => ({
  from: Math.floor(((k - 1) * total) / n),
  to: Math.floor((k * total) / n),
})

export const format = ({ k, n }: Shard): string => `${k}/${n}`

/**
 * The shard a batch scheduler's array task stands for, from its environment: a Slurm job array
 * (`SLURM_ARRAY_TASK_ID` counted from `SLURM_ARRAY_TASK_MIN`, `SLURM_ARRAY_TASK_COUNT` tasks), or
 * a Kubernetes Indexed Job (`JOB_COMPLETION_INDEX` from 0, and the shard count in
 * `CORETIME_SHARDS`, which the manifest sets to its `completions`). Null when neither is set.
 */
export const fromEnv = (env: Readonly<Record<string, string | undefined>>): ShardResult | null => {
  const int = (name: string): number | null => {
    const v = env[name]
    return v === undefined || !/^\d+$/.test(v.trim()) ? null : Number(v)
  }
  if (env.SLURM_ARRAY_TASK_ID !== undefined) {
    const id = int('SLURM_ARRAY_TASK_ID')
    const count = int('SLURM_ARRAY_TASK_COUNT')
    const min = int('SLURM_ARRAY_TASK_MIN') ?? 1
    if (id === null || count === null)
      return bad('a Slurm array task needs SLURM_ARRAY_TASK_ID and SLURM_ARRAY_TASK_COUNT as whole numbers')
    return make(id - min + 1, count)
  }
  if (env.JOB_COMPLETION_INDEX !== undefined) {
    const index = int('JOB_COMPLETION_INDEX')
    const count = int('CORETIME_SHARDS')
    if (index === null || count === null)
      return bad(
        'a Kubernetes Indexed Job needs JOB_COMPLETION_INDEX and CORETIME_SHARDS (its completions) as whole numbers',
      )
    return make(index + 1, count)
  }
  return null
}
