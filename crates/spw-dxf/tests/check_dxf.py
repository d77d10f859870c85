#!/usr/bin/env python3
"""Checks a DXF written by spw-dxf with ezdxf: strict load, audit without errors or fixes, and
the content against an expectations JSON written by the Rust test.

Usage: check_dxf.py FILE.dxf EXPECTED.json
Exit 0 when everything holds, 1 with the list of problems otherwise, 2 when ezdxf is missing.
"""

import json
import math
import sys
from collections import Counter

try:
    import ezdxf
except ImportError as exc:  # the Rust test turns this into a failure with this message
    print(f"ezdxf cannot be imported ({exc}); install it: python3 -m venv .venv && .venv/bin/pip install ezdxf")
    sys.exit(2)


def close(a, b, tol=1e-6):
    return abs(a - b) <= tol * max(1.0, abs(a), abs(b))


def main(path, expected_path):
    with open(expected_path, encoding="utf-8") as f:
        exp = json.load(f)
    problems = []

    doc = ezdxf.readfile(path)
    auditor = doc.audit()
    if auditor.has_errors or auditor.has_fixes:
        for e in auditor.errors:
            problems.append(f"audit error: {e.message}")
        for e in auditor.fixes:
            problems.append(f"audit fix: {e.message}")

    if doc.dxfversion != exp["version"]:
        problems.append(f"version {doc.dxfversion}, expected {exp['version']}")
    for var, value in [("$INSUNITS", 4), ("$MEASUREMENT", 1), ("$LUNITS", 2)]:
        if doc.header.get(var) != value:
            problems.append(f"{var} = {doc.header.get(var)!r}, expected {value}")
    if not close(float(doc.header.get("$LTSCALE", 0.0)), exp["main_scale"]):
        problems.append(f"$LTSCALE {doc.header.get('$LTSCALE')} != main scale {exp['main_scale']}")

    for lt in ["BYBLOCK", "BYLAYER", "CONTINUOUS", "HIDDEN", "CENTER"]:
        if not doc.linetypes.has_entry(lt):
            problems.append(f"linetype {lt} missing")
    for name, pattern_len in [("HIDDEN", 2), ("CENTER", 4)]:
        if doc.linetypes.has_entry(name):
            n = len(doc.linetypes.get(name).pattern_tags.tags) if doc.linetypes.get(name).pattern_tags else 0
            if n == 0:
                problems.append(f"linetype {name} has no pattern (expected {pattern_len} elements)")

    if not doc.styles.has_entry("SPW"):
        problems.append("text style SPW missing")
    elif doc.styles.get("SPW").dxf.font != "DejaVuSansCondensed.ttf":
        problems.append(f"text style SPW font {doc.styles.get('SPW').dxf.font}")

    for name, want in exp["layers"].items():
        if not doc.layers.has_entry(name):
            problems.append(f"layer {name} missing")
            continue
        layer = doc.layers.get(name)
        if layer.color != want["aci"]:
            problems.append(f"layer {name} colour {layer.color}, expected {want['aci']}")
        if layer.dxf.linetype.upper() != want["linetype"].upper():
            problems.append(f"layer {name} linetype {layer.dxf.linetype}, expected {want['linetype']}")
        if layer.dxf.lineweight != want["lineweight"]:
            problems.append(f"layer {name} lineweight {layer.dxf.lineweight}, expected {want['lineweight']}")

    msp = doc.modelspace()
    counts = Counter(f"{e.dxf.layer}/{e.dxftype()}" for e in msp)
    want_counts = Counter(exp["counts"])
    if counts != want_counts:
        for key in sorted(set(counts) | set(want_counts)):
            if counts[key] != want_counts[key]:
                problems.append(f"{key}: {counts[key]} entities, expected {want_counts[key]}")

    dims = list(msp.query("DIMENSION"))
    if len(dims) != len(exp["dimensions"]):
        problems.append(f"{len(dims)} dimensions, expected {len(exp['dimensions'])}")
    for dim, want in zip(dims, exp["dimensions"]):
        m = dim.get_measurement()
        if not close(m, want["geometric"], 1e-9):
            problems.append(f"dimension {dim.dxf.handle} measures {m}, expected {want['geometric']}")
        if not close(dim.dxf.get("actual_measurement", float("nan")), want["measured"], 1e-9):
            problems.append(f"dimension {dim.dxf.handle} code 42 {dim.dxf.get('actual_measurement')}")
        if dim.dimtype != want["dimtype"]:
            problems.append(f"dimension {dim.dxf.handle} type {dim.dimtype}, expected {want['dimtype']}")
        if want["override"] is None:
            if dim.dxf.get("text", "") not in ("", "<>"):
                problems.append(f"dimension {dim.dxf.handle} has text override {dim.dxf.text!r}")
        elif dim.dxf.get("text") != want["override"]:
            problems.append(f"dimension {dim.dxf.handle} override {dim.dxf.get('text')!r}, expected {want['override']!r}")
        if not doc.dimstyles.has_entry(dim.dxf.dimstyle):
            problems.append(f"dimension {dim.dxf.handle} dimstyle {dim.dxf.dimstyle} missing")
        else:
            ds = doc.dimstyles.get(dim.dxf.dimstyle)
            if not close(ds.dxf.dimscale, want["dimscale"]):
                problems.append(f"dimstyle {ds.dxf.name} DIMSCALE {ds.dxf.dimscale}, expected {want['dimscale']}")
            if not close(ds.dxf.dimlfac, want["dimlfac"]):
                problems.append(f"dimstyle {ds.dxf.name} DIMLFAC {ds.dxf.dimlfac}, expected {want['dimlfac']}")
            if not close(m * ds.dxf.dimlfac, want["measured"], 1e-9):
                problems.append(f"dimension {dim.dxf.handle} shows {m * ds.dxf.dimlfac}, expected {want['measured']}")
        block = dim.get_geometry_block()
        if block is None:
            problems.append(f"dimension {dim.dxf.handle} block {dim.dxf.geometry} missing")
            continue
        kinds = Counter(e.dxftype() for e in block)
        if kinds["LINE"] < 1 or kinds["SOLID"] != 2 or kinds["TEXT"] != 1:
            problems.append(f"dimension block {block.name} holds {dict(kinds)}")
        texts = [e.dxf.text for e in block if e.dxftype() == "TEXT"]
        if texts and texts[0] != want["text"]:
            problems.append(f"dimension block {block.name} text {texts[0]!r}, expected {want['text']!r}")

    hatches = list(msp.query("HATCH"))
    got_patterns = [h.dxf.pattern_name for h in hatches]
    if got_patterns != exp["hatch_patterns"]:
        problems.append(f"hatch patterns {got_patterns}, expected {exp['hatch_patterns']}")
    for h in hatches:
        if len(h.paths) != 1:
            problems.append(f"hatch {h.dxf.handle} has {len(h.paths)} boundary paths")
        if h.dxf.pattern_name == "SOLID":
            if h.dxf.solid_fill != 1:
                problems.append(f"solid hatch {h.dxf.handle} not solid-filled")
        elif h.pattern is None or len(h.pattern.lines) == 0:
            problems.append(f"hatch {h.dxf.handle} ({h.dxf.pattern_name}) has no pattern lines")

    aligns = sorted({t.dxf.halign for t in msp.query("TEXT")})
    if aligns != exp["text_aligns"]:
        problems.append(f"text alignments {aligns}, expected {exp['text_aligns']}")
    for t in msp.query("TEXT"):
        if t.dxf.halign != 0 and not t.dxf.hasattr("align_point"):
            problems.append(f"text {t.dxf.handle} aligned {t.dxf.halign} without a second alignment point")
    for t in msp.query("TEXT"):
        if t.dxf.style != "SPW":
            problems.append(f"text {t.dxf.handle} style {t.dxf.style}")

    for want in exp["lines"]:
        found = any(
            e.dxf.layer == want["layer"]
            and all(close(a, b) for a, b in zip(
                (e.dxf.start.x, e.dxf.start.y, e.dxf.end.x, e.dxf.end.y), want["coords"]))
            for e in msp.query("LINE")
        )
        if not found:
            problems.append(f"no LINE on {want['layer']} at {want['coords']}")
    for want in exp["texts"]:
        found = [t for t in msp.query("TEXT") if t.dxf.text == want["value"]]
        if not found:
            problems.append(f"no TEXT {want['value']!r}")
        elif not close(found[0].dxf.height, want["height"]):
            problems.append(f"TEXT {want['value']!r} height {found[0].dxf.height}, expected {want['height']}")

    layout_names = set(doc.layouts.names())
    if not {"Model", "Layout1"} <= layout_names:
        problems.append(f"layouts {sorted(layout_names)}")

    for p in problems:
        print(p)
    if problems:
        return 1
    print(f"ok: {len(msp)} model-space entities, {len(dims)} dimensions, {len(hatches)} hatches")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
