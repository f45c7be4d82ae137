#!/usr/bin/env python3
"""Draws docs/write-cost.svg (write cost against store size, log-log) from a JMH JSON result file.

    python3 bench/scripts/plot_write_cost.py bench/target/jmh-results.json docs/write-cost.svg

No plotting library needed: the SVG is written by hand, so it runs anywhere python3 does.
"""
import json
import math
import sys

JOURNAL_ITEMS = {"1000": 200, "1000000": 100000}  # items in the pre-filled journal of that many events


def per_write_ms(entry):
    score = entry["primaryMetric"]["score"]
    unit = entry["primaryMetric"]["scoreUnit"]
    threads = entry.get("threads", 1)
    if unit == "ops/s":
        return 1000.0 / score  # wall time per write, all writers together
    if unit == "ms/op":
        return score / threads
    if unit == "us/op":
        return score / 1000.0 / threads
    raise ValueError(unit)


def series(results):
    out = {"xstream": [], "journal1": [], "journal16": [], "raw": None}
    for r in results:
        name = r["benchmark"].rsplit(".", 2)
        cls, method = name[-2], name[-1]
        params = r.get("params", {})
        if cls == "XStreamBaselineBenchmark":
            out["xstream"].append((int(params["items"]), per_write_ms(r)))
        elif cls == "JournalAppendBenchmark":
            key = "journal1" if method == "oneWriter" else "journal16"
            out[key].append((JOURNAL_ITEMS[params["storeEvents"]], per_write_ms(r)))
        elif cls == "RawFsyncBaseline":
            out["raw"] = per_write_ms(r)
    for k in ("xstream", "journal1", "journal16"):
        out[k].sort()
    return out


def svg(data):
    w, h, left, right, top, bottom = 760, 470, 80, 200, 40, 60
    xmin, xmax = 100, 200000
    ys = [v for k in ("xstream", "journal1", "journal16") for _, v in data[k]] + ([data["raw"]] if data["raw"] else [])
    ymin = 10 ** math.floor(math.log10(min(ys)))
    ymax = 10 ** math.ceil(math.log10(max(ys)))

    def px(x):
        return left + (math.log10(x) - math.log10(xmin)) / (math.log10(xmax) - math.log10(xmin)) * (w - left - right)

    def py(y):
        return h - bottom - (math.log10(y) - math.log10(ymin)) / (math.log10(ymax) - math.log10(ymin)) * (h - top - bottom)

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" font-family="sans-serif" font-size="12">',
             f'<rect width="{w}" height="{h}" fill="white"/>',
             f'<text x="{w / 2 - 60}" y="22" font-size="15" text-anchor="middle">Cost of one durable write against store size (log-log)</text>']
    for e in range(int(math.log10(ymin)), int(math.log10(ymax)) + 1):
        y = py(10 ** e)
        label = f"{10 ** e:g} ms"
        parts.append(f'<line x1="{left}" y1="{y:.1f}" x2="{w - right}" y2="{y:.1f}" stroke="#ddd"/>')
        parts.append(f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">{label}</text>')
    for x in (100, 1000, 10000, 100000):
        parts.append(f'<line x1="{px(x):.1f}" y1="{top}" x2="{px(x):.1f}" y2="{h - bottom}" stroke="#ddd"/>')
        parts.append(f'<text x="{px(x):.1f}" y="{h - bottom + 18}" text-anchor="middle">{x:,}</text>')
    parts.append(f'<text x="{(left + w - right) / 2:.0f}" y="{h - 18}" text-anchor="middle">action items in the store</text>')
    parts.append(f'<text transform="translate(18,{(top + h - bottom) / 2:.0f}) rotate(-90)" text-anchor="middle">'
                 'time per write (ms, wall clock)</text>')
    styles = [("xstream", "#c0392b", "XStream whole-file save (1 writer)"),
              ("journal1", "#2471a3", "journal, 1 writer"),
              ("journal16", "#27ae60", "journal, 16 writers (group commit)")]
    ly = top + 10
    for key, colour, label in styles:
        pts = data[key]
        if not pts:
            continue
        path = " ".join(f"{px(x):.1f},{py(y):.1f}" for x, y in pts)
        parts.append(f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2"/>')
        for x, y in pts:
            parts.append(f'<circle cx="{px(x):.1f}" cy="{py(y):.1f}" r="4" fill="{colour}"/>')
            parts.append(f'<text x="{px(x) + 6:.1f}" y="{py(y) - 6:.1f}" fill="{colour}">{y:.3g}</text>')
        parts.append(f'<line x1="{w - right + 12}" y1="{ly}" x2="{w - right + 32}" y2="{ly}" stroke="{colour}" stroke-width="3"/>')
        parts.append(f'<text x="{w - right + 36}" y="{ly + 4}">{label}</text>')
        ly += 20
    if data["raw"]:
        y = py(data["raw"])
        parts.append(f'<line x1="{left}" y1="{y:.1f}" x2="{w - right}" y2="{y:.1f}" stroke="#7f8c8d" stroke-dasharray="6,4"/>')
        parts.append(f'<line x1="{w - right + 12}" y1="{ly}" x2="{w - right + 32}" y2="{ly}" stroke="#7f8c8d" stroke-dasharray="6,4"/>')
        parts.append(f'<text x="{w - right + 36}" y="{ly + 4}">raw append+fdatasync</text>')
    parts.append(f'<rect x="{left}" y="{top}" width="{w - left - right}" height="{h - top - bottom}" fill="none" stroke="#333"/>')
    parts.append('</svg>')
    return "\n".join(parts) + "\n"


if __name__ == "__main__":
    with open(sys.argv[1]) as f:
        results = json.load(f)
    with open(sys.argv[2], "w") as f:
        f.write(svg(series(results)))
