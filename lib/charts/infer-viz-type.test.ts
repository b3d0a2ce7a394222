import { describe, expect, it } from "vitest";
import type { ResultColumn } from "@/lib/warehouse/types";
import { inferVizType } from "./infer-viz-type";

const col = (name: string, type: ResultColumn["type"], dbType = type === "number" ? "int8" : "text"): ResultColumn => ({ name, type, dbType });

describe("inferVizType", () => {
  it("one row with one number is a number", () => {
    expect(inferVizType([col("users", "number")], [[1234]])).toBe("number");
    expect(inferVizType([col("label", "string"), col("users", "number")], [["all", 1234]])).toBe("number");
  });

  it("a date or timestamp with numbers is a line", () => {
    expect(inferVizType([col("week", "date", "date"), col("signups", "number")], [["2024-01-01", 1], ["2024-01-08", 2]])).toBe("line");
    expect(
      inferVizType([col("hour", "timestamp", "timestamptz"), col("client", "string"), col("sessions", "number")], [["2024-01-01T00:00:00.000Z", "web", 5], ["2024-01-01T00:00:00.000Z", "ios", 3]]),
    ).toBe("line");
  });

  it("a text category with numbers is a bar", () => {
    expect(inferVizType([col("country", "string"), col("users", "number")], [["DE", 3], ["FR", 2]])).toBe("bar");
  });

  it("two numbers are a scatter", () => {
    expect(inferVizType([col("price", "number"), col("sales", "number")], [[1, 2], [3, 4]])).toBe("scatter");
  });

  it("never guesses a cohort: (cohort date, period number, value) is a line", () => {
    expect(
      inferVizType(
        [col("signup_week", "date", "date"), col("week", "number", "int4"), col("users", "number")],
        [
          ["2024-01-01", 0, 100],
          ["2024-01-01", 1, 40],
          ["2024-01-08", 0, 90],
        ],
      ),
    ).toBe("line");
  });

  it("anything else is a table", () => {
    expect(inferVizType([col("name", "string"), col("email", "string")], [["a", "b"]])).toBe("table");
    expect(inferVizType([col("a", "number"), col("b", "number"), col("c", "number")], [[1, 2, 3], [4, 5, 6]])).toBe("table");
    expect(inferVizType([col("n", "number")], [])).toBe("table");
    expect(inferVizType([], [])).toBe("table");
  });
});
