#!/usr/bin/env python3
"""Prints per-round ratios from bench/scripts/paired-runs.sh output, and their medians.

    python3 bench/scripts/summarize.py bench/target/paired/round-*.json
"""
import json
import statistics
import sys


def load(path):
    figures = {}
    for r in json.load(open(path)):
        cls, method = r["benchmark"].rsplit(".", 2)[-2:]
        params = r.get("params", {})
        key = cls + "." + method + ("@" + params["items"] if "items" in params else "")
        figures[key] = r["primaryMetric"]["score"]  # ops/s for all of these
    return figures


rows = []
for path in sys.argv[1:]:
    f = load(path)
    raw = f["RawFsyncBaseline.appendAndFdatasync"]
    one = f["JournalAppendBenchmark.oneWriter"]
    sixteen = f["JournalAppendBenchmark.sixteenWriters"]
    xs = f["XStreamBaselineBenchmark.changeAndSave@10000"]
    rows.append((path, raw, one, sixteen, xs, one / raw, one / xs, sixteen / xs))

print("| round | raw append+fdatasync/s | journal 1 writer/s | journal 16 writers/s | XStream @10k saves/s |"
      " 1 writer vs raw | 1 writer vs XStream | 16 writers vs XStream |")
print("|---|---|---|---|---|---|---|---|")
for i, (path, raw, one, sixteen, xs, a, b, c) in enumerate(rows, 1):
    print(f"| {i} | {raw:,.0f} | {one:,.0f} | {sixteen:,.0f} | {xs:.1f} | {a:.0%} | {b:,.0f}x | {c:,.0f}x |")
med = [statistics.median(col) for col in zip(*[r[1:] for r in rows])]
print(f"| median | {med[0]:,.0f} | {med[1]:,.0f} | {med[2]:,.0f} | {med[3]:.1f} | {med[4]:.0%} | {med[5]:,.0f}x | {med[6]:,.0f}x |")
