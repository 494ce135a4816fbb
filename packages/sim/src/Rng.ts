import { SimulationError } from './SimulationError'

/**
 * A seeded PRNG (xoshiro128**, seeded through splitmix32), passed explicitly everywhere: the same
 * seed gives the same stream on every platform. Plain data (four u32 words) so a state can be
 * copied, sent to a worker or stored.
 */
export interface Rng {
  s: Uint32Array
}

const splitmix32 = (x: number): [number, number] => {
  const next = (x + 0x9e3779b9) | 0
  let z = next
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b)
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35)
  return [next, (z ^ (z >>> 16)) >>> 0]
}

/** A generator from a 32-bit seed (any integer; taken modulo 2^32). */
export const create = (seed: number): Rng => {
  if (!Number.isSafeInteger(seed))
    throw new SimulationError(`Rng.create: seed must be a safe integer, got ${seed}`)
  let x = Number(BigInt.asUintN(32, BigInt(seed))) | 0
  const s = new Uint32Array(4)
  for (let i = 0; i < 4; i++) {
    const [nx, v] = splitmix32(x)
    x = nx
    s[i] = v
  }
  if (s.every((w) => w === 0)) s[0] = 1
  return { s }
}

/** The seed of stream `index` derived from `seed`: runs of a Monte Carlo are independent of how they are split. */
export const derive = (seed: number, index: number): number => {
  const [, a] = splitmix32((seed ^ 0x5bd1e995) | 0)
  const [, b] = splitmix32((a + Math.imul(index, 0x27d4eb2d)) | 0)
  return b
}

const rotl = (x: number, k: number): number => (x << k) | (x >>> (32 - k))

/** The next u32. */
export const nextU32 = (rng: Rng): number => {
  const s = rng.s
  const s0 = s[0] as number
  const s1 = s[1] as number
  const s2 = s[2] as number
  const s3 = s[3] as number
  const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0
  const t = s1 << 9
  const n2 = s2 ^ s0
  const n3 = s3 ^ s1
  s[1] = s1 ^ n2
  s[0] = s0 ^ n3
  s[2] = n2 ^ t
  s[3] = rotl(n3, 11)
  return result
}

/** Uniform in [0, 1), 32 bits of resolution. */
export const float = (rng: Rng): number => nextU32(rng) / 4294967296

/** Uniform integer in [0, n). */
export const int = (rng: Rng, n: number): number => Math.floor(float(rng) * n)

/** True with probability p. */
export const chance = (rng: Rng, p: number): boolean => p > 0 && float(rng) < p

/** Standard normal (Box–Muller, one value per call). */
export const normal = (rng: Rng): number => {
  const u = 1 - float(rng) // (0, 1]
  const v = float(rng)
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v)
}

/** Fisher–Yates shuffle in place (an array or a typed array). */
export const shuffle = <A extends { length: number; [i: number]: unknown }>(rng: Rng, xs: A): A => {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = int(rng, i + 1)
    const t = xs[i]
    xs[i] = xs[j]
    xs[j] = t
  }
  return xs
}
