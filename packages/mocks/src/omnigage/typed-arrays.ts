type TypedArray = Float64Array | Int32Array | Uint32Array | Uint16Array | Uint8Array

/**
 * A copy of a typed array, of the same kind, twice as long: the columns of the contact store, its
 * slot runs and an import's row log grow this way.
 *
 * @example
 * slots = doubled(slots) // same values first, then zeros
 */
export function doubled<T extends TypedArray>(array: T): T {
  const bigger = new (array.constructor as new (length: number) => T)(array.length * 2)
  bigger.set(array)
  return bigger
}
