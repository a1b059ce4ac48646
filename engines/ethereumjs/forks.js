// Fork names as state-test fixtures write them, mapped to ethereumjs's hardfork names.
import { Hardfork } from '@ethereumjs/common'

const HARDFORKS = new Map([
  ['Frontier', Hardfork.Chainstart],
  ['Homestead', Hardfork.Homestead],
  ['EIP150', Hardfork.TangerineWhistle],
  ['TangerineWhistle', Hardfork.TangerineWhistle],
  ['EIP158', Hardfork.SpuriousDragon],
  ['SpuriousDragon', Hardfork.SpuriousDragon],
  ['Byzantium', Hardfork.Byzantium],
  ['Constantinople', Hardfork.Constantinople],
  ['ConstantinopleFix', Hardfork.Petersburg],
  ['Petersburg', Hardfork.Petersburg],
  ['Istanbul', Hardfork.Istanbul],
  ['Berlin', Hardfork.Berlin],
  ['London', Hardfork.London],
  ['Paris', Hardfork.Paris],
  ['Merge', Hardfork.Paris],
  ['Shanghai', Hardfork.Shanghai],
  ['Cancun', Hardfork.Cancun],
  ['Prague', Hardfork.Prague],
  ['Osaka', Hardfork.Osaka],
])

/** The hardforks that need a KZG library (blob transactions, the point-evaluation precompile). */
export const CANCUN_OR_LATER = new Set([Hardfork.Cancun, Hardfork.Prague, Hardfork.Osaka])

/** The ethereumjs hardfork of a fixture fork name; throws naming the known names. */
export function hardforkOf(name) {
  const hardfork = HARDFORKS.get(name)
  if (hardfork === undefined) {
    throw new RequestError(`unknown fork '${name}' (known: ${[...HARDFORKS.keys()].join(', ')})`)
  }
  return hardfork
}

/** A request the engine cannot run as given: reported to the caller, the process goes on. */
export class RequestError extends Error {}
