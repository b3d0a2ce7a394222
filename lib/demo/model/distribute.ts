// Splits an exact total over days in proportion to (already noisy) weights, so volumes scale exactly.

export function distributeCounts(weights: Float64Array, total: number): Int32Array {
  const counts = new Int32Array(weights.length);
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += weights[i];
  if (sum <= 0 || total <= 0) return counts;
  let running = 0;
  let given = 0;
  for (let i = 0; i < weights.length; i++) {
    running += weights[i];
    const upTo = Math.round((total * running) / sum);
    counts[i] = upTo - given;
    given = upTo;
  }
  return counts;
}
