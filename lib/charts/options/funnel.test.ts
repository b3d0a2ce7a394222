import { describe, expect, it } from "vitest";
import { build, col, result } from "./testing";

const fn = expect.any(Function);

describe("funnel options", () => {
  const r = result(
    [col("stage", "string"), col("users", "number", "int8")],
    [
      ["visitor", 10_000],
      ["signup", "2500"],
      ["active", 1000],
      ["paid", 250],
    ],
  );

  it("stages in query order, widths from 0 to the largest stage", () => {
    const { option } = build("funnel", r);
    expect(option.series).toEqual([
      {
        name: "users",
        type: "funnel",
        sort: "none",
        min: 0,
        max: 10_000,
        minSize: "0%",
        maxSize: "100%",
        left: "5%",
        width: "60%",
        top: 16,
        bottom: 16,
        gap: 2,
        data: [
          { name: "visitor", value: 10_000, itemStyle: { color: expect.any(String) } },
          { name: "signup", value: 2500, itemStyle: { color: expect.any(String) } },
          { name: "active", value: 1000, itemStyle: { color: expect.any(String) } },
          { name: "paid", value: 250, itemStyle: { color: expect.any(String) } },
        ],
        label: { show: true, position: "right", formatter: fn },
      },
    ]);
    expect(option.legend).toEqual({ show: false });
  });

  it("labels show the value and the share of the first stage; the tooltip adds the previous stage", () => {
    const { option } = build("funnel", r);
    const label = option.series[0].label?.formatter;
    expect(label?.({ name: "visitor", value: 10_000 })).toBe("visitor: 10K (100%)");
    expect(label?.({ name: "paid", value: 250 })).toBe("paid: 250 (2.5%)");
    expect(option.tooltip.formatter({ dataIndex: 2, marker: "" })).toBe("active: 1,000<br/>10% of first stage<br/>40% of previous stage");
    expect(option.tooltip.formatter({ dataIndex: 0, marker: "" })).toBe("visitor: 10,000");
  });

  it("a first stage of zero has no shares", () => {
    const { option } = build(
      "funnel",
      result(
        [col("stage", "string"), col("n", "number")],
        [
          ["a", 0],
          ["b", 0],
        ],
      ),
    );
    expect(option.series[0].label?.formatter({ name: "b", value: 0 })).toBe("b: 0 (–)");
  });
});
