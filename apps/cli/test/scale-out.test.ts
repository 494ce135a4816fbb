import { readFileSync } from 'node:fs'
import { Shard } from '@coretime/sim'
import { describe, expect, test } from 'vitest'
import { parse } from 'yaml'

/**
 * The Kubernetes Indexed Job (deploy/kubernetes) and the Slurm job array (deploy/slurm) split a
 * batch the same way: pod i and array task i+1 compute the same shard and write the same file.
 * (A Kubernetes cluster cannot run here; the manifest is checked by reading it.)
 */
const read = (path: string) => readFileSync(new URL(`../../../deploy/${path}`, import.meta.url), 'utf8')
const manifest = parse(read('kubernetes/coretime-shards.yaml'))
const script = read('slurm/coretime-shards.sbatch')

const container = manifest.spec.template.spec.containers[0]
const envOf = (name: string): string | undefined =>
  container.env.find((e: { name: string }) => e.name === name)?.value
/** The file a pod writes: its `--out` with $((JOB_COMPLETION_INDEX + 1)) evaluated. */
const k8sFile = (index: number): string => {
  const m = /--out (\S+)\$\(\(JOB_COMPLETION_INDEX \+ 1\)\)(\S*)/.exec(container.args.join(' '))
  if (!m) throw new Error('manifest: no --out …$((JOB_COMPLETION_INDEX + 1))…')
  return `${m[1]?.replace('/results/', '')}${index + 1}${m[2]}`
}
/** The file a Slurm task writes: its --out with the arithmetic evaluated. */
const slurmFile = (id: number, min: number): string => {
  const m =
    /--out "\$OUT_DIR\/([^"$]*)\$\(\(SLURM_ARRAY_TASK_ID - \$\{SLURM_ARRAY_TASK_MIN:-1\} \+ 1\)\)([^"]*)"/.exec(
      script,
    )
  if (!m) throw new Error('sbatch: no --out "$OUT_DIR/…$((SLURM_ARRAY_TASK_ID - …))…"')
  return `${m[1]}${id - min + 1}${m[2]}`
}

describe('scale-out: Kubernetes Indexed Job and Slurm job array', () => {
  test('default: the manifest is an Indexed Job whose shard count is its completions', () => {
    expect(manifest.kind).toBe('Job')
    expect(manifest.spec.completionMode).toBe('Indexed')
    expect(envOf('CORETIME_SHARDS')).toBe(String(manifest.spec.completions))
    expect(container.args.join(' ')).toContain('--shard auto')
    expect(script).toContain('--shard auto')
  })

  test('behavior: pod i and Slurm array task i+1 compute the same shard and write the same file', () => {
    const n = manifest.spec.completions as number
    const array = /#SBATCH --array=(\d+)-(\d+)/.exec(script)
    expect(array?.slice(1).map(Number)).toEqual([1, n])
    for (let i = 0; i < n; i++) {
      const pod = Shard.fromEnv({
        JOB_COMPLETION_INDEX: String(i),
        CORETIME_SHARDS: envOf('CORETIME_SHARDS'),
      })
      const task = Shard.fromEnv({
        SLURM_ARRAY_TASK_ID: String(i + 1),
        SLURM_ARRAY_TASK_MIN: '1',
        SLURM_ARRAY_TASK_COUNT: String(n),
      })
      expect(pod).toEqual(task)
      expect(pod).toEqual({ ok: true, shard: { k: i + 1, n } })
      expect(k8sFile(i)).toBe(slurmFile(i + 1, 1))
      // an array numbered from 0 names the same files
      expect(slurmFile(i, 0)).toBe(k8sFile(i))
    }
  })

  test('error: a pod without its shard count is refused, not guessed', () => {
    expect(Shard.fromEnv({ JOB_COMPLETION_INDEX: '0' })).toMatchObject({ ok: false })
    expect(Shard.fromEnv({ JOB_COMPLETION_INDEX: '8', CORETIME_SHARDS: '8' })).toMatchObject({ ok: false })
  })
})
