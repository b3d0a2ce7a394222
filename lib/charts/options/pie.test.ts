import { describe, expect, it } from "vitest";
import { OTHER_COLOR } from "./palette";
import { build, col, result } from "./testing";

const fn = expect.any(Function);

describe("pie and donut options", () => {
  it("pie: one slice per label, repeated labels added up, labels with percentages", () => {
    const r = result(
      [col("client", "string"), col("sessions", "number")],
      [
        ["web", 60],
        ["ios", 30],
        ["android", null],
        ["web", 10],
      ],
    );
    const { option, notes } = build("pie", r);
    expect(notes).toEqual([]);
    expect(option.series).toEqual([
      {
        name: "sessions",
        type: "pie",
        radius: [0, "70%"],
        center: ["50%", "55%"],
        data: [
          { name: "web", value: 70, itemStyle: { color: "#14a3b8" } },
          { name: "ios", value: 30, itemStyle: { color: "#8c564b" } },
        ],
        label: { show: true, formatter: fn },
        labelLine: { show: true },
      },
    ]);
    expect(option.series[0].label?.formatter({ name: "web", percent: 70 })).toBe("web: 70%");
    expect(option.legend).toEqual({ show: true, type: "scroll", top: 0, left: "center" });
    expect(option.tooltip).toEqual({ trigger: "item", valueFormatter: fn });
  });

  it("donut: a ring; labels can be turned off; the legend can move", () => {
    const r = result(
      [col("client", "string"), col("sessions", "number")],
      [
        ["web", 60],
        ["ios", 30],
      ],
    );
    const { option } = build("donut", r, { dataLabels: false, legend: "right" });
    expect(option.series[0]).toMatchObject({ type: "pie", radius: ["45%", "70%"], center: ["40%", "50%"], label: { show: false }, labelLine: { show: false } });
    expect(option.legend).toEqual({ show: true, type: "scroll", orient: "vertical", right: 0, top: "middle" });
  });

  it("many slices: the 12 largest stay in their order, the rest fold into a grey Other", () => {
    const rows = Array.from({ length: 15 }, (_, i) => [`c${i}`, i === 0 ? 100 : i]);
    const { option, notes } = build("pie", result([col("c", "string"), col("n", "number")], rows));
    const data = option.series[0].data as { name: string; value: number; itemStyle: { color: string } }[];
    expect(data.map((d) => [d.name, d.value])).toEqual([
      ["c0", 100],
      ...Array.from({ length: 11 }, (_, k) => [`c${k + 4}`, k + 4]),
      ["Other", 1 + 2 + 3],
    ]);
    expect(data[12].itemStyle).toEqual({ color: OTHER_COLOR });
    expect(notes).toEqual(["The 3 smallest of 15 slices are grouped as “Other”"]);
  });

  it("sorts slices on request and leaves out negative values", () => {
    const r = result(
      [col("c", "string"), col("n", "number")],
      [
        ["b", 1],
        ["a", 3],
        ["c", -2],
      ],
    );
    const { option, notes } = build("pie", r, { sort: "value-desc" });
    expect((option.series[0].data as { name: string }[]).map((d) => d.name)).toEqual(["a", "b"]);
    expect(notes).toEqual(["1 negative values are not shown"]);
  });
});
