import { describe, expect, test } from 'vitest'
import * as Shard from './Shard'

const ok = (r: Shard.ShardResult | null): Shard.Shard => {
  if (!r?.ok) throw new Error(r ? r.error.message : 'null')
  return r.shard
}

describe('Shard', () => {
  test('default: the shares of 1 … n cover every item once, in order', () => {
    for (const total of [0, 1, 7, 200]) {
      for (const n of [1, 3, 8]) {
        const items: number[] = []
        for (let k = 1; k <= n; k++) {
          const { from, to } = Shard.range(total, { k, n })
          for (let i = from; i < to; i++) items.push(i)
        }
        expect(items).toEqual(Array.from({ length: total }, (_, i) => i))
      }
    }
    expect(Shard.range(200, ok(Shard.parse('2/3')))).toEqual({ from: 66, to: 133 })
  })

  test('behavior: a Kubernetes completion index maps to the same shard as the Slurm array task', () => {
    const n = 5
    for (let i = 0; i < n; i++) {
      const k8s = ok(Shard.fromEnv({ JOB_COMPLETION_INDEX: String(i), CORETIME_SHARDS: String(n) }))
      const slurm = ok(
        Shard.fromEnv({ SLURM_ARRAY_TASK_ID: String(i + 1), SLURM_ARRAY_TASK_COUNT: String(n) }),
      )
      expect(k8s).toEqual(slurm)
      expect(Shard.range(1000, k8s)).toEqual(Shard.range(1000, slurm))
    }
    // an array numbered from 0 (sbatch --array=0-4) gives the same shards
    expect(
      ok(Shard.fromEnv({ SLURM_ARRAY_TASK_ID: '0', SLURM_ARRAY_TASK_MIN: '0', SLURM_ARRAY_TASK_COUNT: '5' })),
    ).toEqual({ k: 1, n: 5 })
    expect(Shard.fromEnv({})).toBeNull()
  })

  test('error: a shard outside 1 … n, or text that is not k/n', () => {
    expect(Shard.parse('0/3')).toMatchObject({
      ok: false,
      error: { message: 'expected a shard number k from 1 to 3, got 0' },
    })
    expect(Shard.parse('4/3')).toMatchObject({ ok: false })
    expect(Shard.parse('1/0')).toMatchObject({
      ok: false,
      error: { message: 'expected a shard count n ≥ 1, got 0' },
    })
    expect(Shard.parse('two')).toMatchObject({ ok: false, error: { code: 'BadShard' } })
    expect(Shard.fromEnv({ JOB_COMPLETION_INDEX: '1' })).toMatchObject({ ok: false })
  })
})
