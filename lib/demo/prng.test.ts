import { describe, expect, it } from "vitest";
import { Rng, lookupTable, mixSeed, normalQuantile } from "./prng";

describe("Rng", () => {
  it("repeats the same sequence for the same seed and differs for another", () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const c = new Rng(43);
    const seqA = Array.from({ length: 100 }, () => a.uint32());
    const seqB = Array.from({ length: 100 }, () => b.uint32());
    const seqC = Array.from({ length: 100 }, () => c.uint32());
    expect(seqA).toEqual(seqB);
    expect(seqA).not.toEqual(seqC);
  });

  it("restarts exactly when reseeded", () => {
    const rng = new Rng(7);
    const first = Array.from({ length: 10 }, () => rng.next());
    rng.reseed(7);
    expect(Array.from({ length: 10 }, () => rng.next())).toEqual(first);
  });

  it("draws uniform numbers in [0, 1) and integers in [0, n)", () => {
    const rng = new Rng(1);
    let sum = 0;
    let min = 1;
    let max = 0;
    const ints = new Set<number>();
    for (let i = 0; i < 100_000; i++) {
      const x = rng.next();
      sum += x;
      min = Math.min(min, x);
      max = Math.max(max, x);
      ints.add(rng.int(7));
    }
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    expect(sum / 100_000).toBeCloseTo(0.5, 2);
    expect([...ints].sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it("has the right means for normal, exponential and Poisson draws", () => {
    const rng = new Rng(2);
    const n = 200_000;
    let normal = 0;
    let normalSq = 0;
    let exp = 0;
    let poisson = 0;
    for (let i = 0; i < n; i++) {
      const z = rng.normal();
      normal += z;
      normalSq += z * z;
      exp += rng.exp(3);
      poisson += rng.poisson(0.7);
    }
    expect(normal / n).toBeCloseTo(0, 1);
    expect(Math.sqrt(normalSq / n)).toBeCloseTo(1, 1);
    expect(exp / n).toBeCloseTo(3, 1);
    expect(poisson / n).toBeCloseTo(0.7, 1);
  });

  it("picks indexes in proportion to lookup-table weights", () => {
    const table = lookupTable([1, 0, 3]);
    const rng = new Rng(3);
    const counts = [0, 0, 0];
    for (let i = 0; i < 40_000; i++) counts[rng.pick(table)]++;
    expect(counts[1]).toBe(0);
    expect(counts[0] / 40_000).toBeCloseTo(0.25, 1);
    expect(counts[2] / 40_000).toBeCloseTo(0.75, 1);
  });
});

describe("mixSeed", () => {
  it("depends on every part and their order", () => {
    expect(mixSeed(1, "users")).toBe(mixSeed(1, "users"));
    expect(mixSeed(1, "users")).not.toBe(mixSeed(2, "users"));
    expect(mixSeed(1, "users")).not.toBe(mixSeed(1, "likes"));
    expect(mixSeed(1, "a", 2)).not.toBe(mixSeed(1, 2, "a"));
    expect(mixSeed(1, "a", 2)).toBeGreaterThanOrEqual(0);
  });
});

describe("normalQuantile", () => {
  it("inverts the standard normal distribution", () => {
    expect(normalQuantile(0.5)).toBeCloseTo(0, 9);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 5);
    expect(normalQuantile(0.01)).toBeCloseTo(-2.326348, 5);
  });
});
