// The figures every benchmark table shares: medians of alternating rounds and their spread.

/** The median of a list of numbers. */
export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = sorted.length >> 1
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

/** A number with a fixed count of decimals, for a table cell. */
export const fixed = (value, digits = 0) => value.toFixed(digits)

/** The lowest and highest of a list, as `low-high`. */
export const range = (values, digits = 2) =>
  `${fixed(Math.min(...values), digits)}-${fixed(Math.max(...values), digits)}`
