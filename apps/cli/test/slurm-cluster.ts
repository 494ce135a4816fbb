import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, hostname, tmpdir, totalmem } from 'node:os'
import { join } from 'node:path'
import { freePort } from '@coretime/chain/testing'

/**
 * A one-node Slurm cluster for a test (../shared/spec/scale-out.md): munged, slurmctld and slurmd
 * in the foreground as this process's children, everything (key, sockets, spool, state, logs)
 * in a fresh directory and on free ports, so it touches nothing of the machine's own Slurm and
 * several can run at once. `stop` ends exactly the daemons it started.
 */
export interface Cluster {
  dir: string
  /** the environment Slurm's commands need (SLURM_CONF) on top of this process's */
  env: NodeJS.ProcessEnv
  stop: () => Promise<void>
}

const BINARIES = [
  '/usr/sbin/munged',
  '/usr/sbin/slurmctld',
  '/usr/sbin/slurmd',
  '/usr/bin/sbatch',
  '/usr/bin/sinfo',
]

/** Null when Slurm and munge are installed, else what is missing. */
export const missing = (): string | null => {
  const gone = BINARIES.filter((b) => !existsSync(b))
  return gone.length === 0 ? null : `${gone.join(', ')} not found (apt-get install -y slurm-wlm munge)`
}

const until = async (what: string, ok: () => boolean, ms: number, log: () => string): Promise<void> => {
  const t0 = Date.now()
  while (!ok()) {
    if (Date.now() - t0 > ms)
      throw new Error(`slurm test cluster: ${what} not ready after ${ms} ms\n${log()}`)
    await new Promise((r) => setTimeout(r, 100))
  }
}

export const start = async (): Promise<Cluster> => {
  const dir = mkdtempSync(join(tmpdir(), 'coretime-slurm-'))
  const munge = join(dir, 'munge')
  for (const d of [munge, join(dir, 'ctld'), join(dir, 'd'), join(dir, 'log')]) mkdirSync(d)
  // munged wants its key private and the socket's directories searchable by all
  chmodSync(dir, 0o711)
  chmodSync(munge, 0o711)
  const key = join(munge, 'munge.key')
  writeFileSync(key, randomBytes(1024), { mode: 0o400 })
  const socket = join(munge, 'munge.socket')
  const host = hostname()
  const [ctldPort, dPort] = [await freePort(), await freePort()]
  const conf = join(dir, 'slurm.conf')
  writeFileSync(
    conf,
    [
      'ClusterName=coretime-test',
      `SlurmctldHost=${host}`,
      `SlurmctldPort=${ctldPort}`,
      `SlurmdPort=${dPort}`,
      'SlurmUser=root',
      'AuthType=auth/munge',
      'CredType=cred/munge',
      `AuthInfo=socket=${socket}`,
      'ProctrackType=proctrack/linuxproc',
      'TaskPlugin=task/none',
      'SelectType=select/cons_tres',
      'SelectTypeParameters=CR_Core',
      'SchedulerType=sched/backfill',
      'JobCompType=jobcomp/none',
      'AccountingStorageType=accounting_storage/none',
      'MpiDefault=none',
      'ReturnToService=2',
      `StateSaveLocation=${join(dir, 'ctld')}`,
      `SlurmdSpoolDir=${join(dir, 'd')}`,
      `SlurmctldPidFile=${join(dir, 'slurmctld.pid')}`,
      `SlurmdPidFile=${join(dir, 'slurmd.pid')}`,
      `SlurmctldLogFile=${join(dir, 'log', 'slurmctld.log')}`,
      `SlurmdLogFile=${join(dir, 'log', 'slurmd.log')}`,
      `NodeName=${host} CPUs=${cpus().length} RealMemory=${Math.floor(totalmem() / 2 ** 20)} State=UNKNOWN`,
      `PartitionName=main Nodes=${host} Default=YES MaxTime=INFINITE State=UP`,
      '',
    ].join('\n'),
  )
  const env = { ...process.env, SLURM_CONF: conf }
  const children: ChildProcess[] = []
  const daemon = (bin: string, args: string[]): void => {
    const c = spawn(bin, args, { env, stdio: 'ignore' })
    children.push(c)
  }
  const logs = () =>
    ['slurmctld.log', 'slurmd.log']
      .map((f) => join(dir, 'log', f))
      .filter(existsSync)
      .map((f) => `--- ${f}\n${readFileSync(f, 'utf8').split('\n').slice(-15).join('\n')}`)
      .join('\n')
  const stop = async (): Promise<void> => {
    await Promise.all(
      children.reverse().map(
        (c) =>
          new Promise<void>((resolve) => {
            if (c.exitCode !== null || c.signalCode !== null) return resolve()
            const t = setTimeout(() => c.kill('SIGKILL'), 5000)
            c.once('exit', () => {
              clearTimeout(t)
              resolve()
            })
            c.kill('SIGTERM')
          }),
      ),
    )
    rmSync(dir, { recursive: true, force: true })
  }
  try {
    daemon('/usr/sbin/munged', [
      '-F',
      `--socket=${socket}`,
      `--key-file=${key}`,
      `--log-file=${join(munge, 'munged.log')}`,
      `--pid-file=${join(munge, 'munged.pid')}`,
      `--seed-file=${join(munge, 'munged.seed')}`,
    ])
    await until(
      'munged',
      () => existsSync(socket),
      10_000,
      () => '',
    )
    daemon('/usr/sbin/slurmctld', ['-D', '-f', conf])
    daemon('/usr/sbin/slurmd', ['-D', '-f', conf])
    const idle = () => {
      const r = spawnSync('/usr/bin/sinfo', ['-h', '-o', '%t'], { env, encoding: 'utf8' })
      return r.status === 0 && r.stdout.trim() === 'idle'
    }
    await until('the node', idle, 30_000, logs)
  } catch (e) {
    await stop()
    throw e
  }
  return { dir, env, stop }
}
