#!/usr/bin/env python3
"""Structural checker for the calibration set (does not score anything).

Run with a python that has PyYAML, e.g. /work/main/.venv/bin/python check.py
Checks: every mapping parses (duplicate keys refused), names its scenario,
uses only item ids and categories of that scenario, has a whole-number
scaling score 0-10; ranges.json lists every mapping once with a sane range
whose 'must' agrees with the scenario's pass mark; each scenario has the
required kinds; gaming tricks (a)-(g) all appear; learner text does not
reuse long runs of the model statements/goals.
"""
import json, os, re, sys, glob
import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
CONTENT = "/work/main/scenarios/content"
CATS = {"harm", "complicating_factor", "strength", "safety"}
KINDS = {"excellent", "good_slips", "concise_good", "mediocre", "poor_jargon",
         "gaming", "structural", "unicode_contractions"}
errors = []

def no_dupes(pairs):
    keys = [k for k, _ in pairs]
    d = {k for k in keys if keys.count(k) > 1}
    if d:
        raise ValueError(f"duplicate key(s) {sorted(d)}")
    return dict(pairs)

def front(slug):
    t = open(f"{CONTENT}/{slug}.md", encoding="utf-8").read()
    return yaml.safe_load(t.split("---", 2)[1])

def words(s):
    return re.findall(r"[a-z0-9']+", s.lower())

def ngrams(s, n=9):
    w = words(s)
    return {tuple(w[i:i + n]) for i in range(len(w) - n + 1)}

ranges = json.load(open(f"{HERE}/ranges.json", encoding="utf-8"), object_pairs_hook=no_dupes)
by_file = {}
for r in ranges:
    if r["file"] in by_file:
        errors.append(f"ranges.json: {r['file']} listed twice")
    by_file[r["file"]] = r

files = sorted(glob.glob(f"{HERE}/*/*.mapping.json"))
tricks = set()
per = {}
for path in files:
    rel = os.path.relpath(path, HERE)
    slug = rel.split("/")[0]
    fm = front(slug)
    items = {it["id"]: it for it in fm["items"]}
    pm = fm.get("pass_mark", 70)
    try:
        m = json.load(open(path, encoding="utf-8"), object_pairs_hook=no_dupes)
    except Exception as e:
        errors.append(f"{rel}: does not parse: {e}"); continue
    if set(m) != {"scenario", "placements", "statements", "goals", "scaling"}:
        errors.append(f"{rel}: keys {sorted(m)}")
    if m.get("scenario") != slug:
        errors.append(f"{rel}: scenario {m.get('scenario')!r} != {slug}")
    for k, v in m["placements"].items():
        if k not in items: errors.append(f"{rel}: unknown item id {k}")
        if v not in CATS: errors.append(f"{rel}: {k}: bad category {v}")
    for key in ("statements", "goals"):
        if not isinstance(m[key], list) or not all(isinstance(x, str) for x in m[key]):
            errors.append(f"{rel}: {key} must be a list of strings")
    sc = m["scaling"]
    if set(sc) != {"score", "reason"} or type(sc["score"]) is not int or not 0 <= sc["score"] <= 10:
        errors.append(f"{rel}: bad scaling {sc}")
    r = by_file.get(rel)
    if not r:
        errors.append(f"{rel}: no entry in ranges.json"); continue
    kind = r["kind"]
    if kind not in KINDS: errors.append(f"{rel}: bad kind {kind}")
    if not os.path.basename(rel).startswith(f"{rel.split('/')[1][:2]}-{kind}-"):
        errors.append(f"{rel}: file name does not carry kind {kind}")
    if r["scenario"] != slug: errors.append(f"{rel}: ranges scenario mismatch")
    if not (0 <= r["min"] <= r["max"] <= 100): errors.append(f"{rel}: bad range")
    if r["must"] == "pass" and r["min"] < pm: errors.append(f"{rel}: must pass but min < {pm}")
    if r["must"] == "fail" and r["max"] >= pm: errors.append(f"{rel}: must fail but max >= {pm}")
    want = {"excellent": "pass", "good_slips": "pass", "concise_good": "pass",
            "unicode_contractions": "pass", "poor_jargon": "fail", "gaming": "fail",
            "structural": "fail"}.get(kind)
    if want and r["must"] != want: errors.append(f"{rel}: {kind} must be {want}")
    if kind == "gaming":
        t = re.match(r"\d\d-gaming-([a-g])-", os.path.basename(rel))
        if t: tricks.add(t.group(1))
        else: errors.append(f"{rel}: gaming file name lacks trick letter")
    per.setdefault(slug, []).append(kind)
    # own words: no 9-word run shared with the model statements/goals
    model_ng = set()
    for x in fm["statements"] + fm["goals"]:
        model_ng |= ngrams(x["text"])
    for x in m["statements"] + m["goals"]:
        shared = ngrams(x) & model_ng
        if shared:
            errors.append(f"{rel}: reuses model wording: {' '.join(sorted(shared)[0])}")

for f in by_file:
    if not os.path.exists(f"{HERE}/{f}"):
        errors.append(f"ranges.json: {f} has no file")
for slug, ks in per.items():
    for k in KINDS:
        need = 2 if k in ("gaming", "structural") else 1
        if ks.count(k) < need: errors.append(f"{slug}: only {ks.count(k)} {k}")
    if len(ks) < 8: errors.append(f"{slug}: fewer than 8 mappings")
if tricks != set("abcdefg"):
    errors.append(f"gaming tricks missing: {sorted(set('abcdefg') - tricks)}")

for e in errors: print("ERROR", e)
print(f"{len(files)} mappings, {len(per)} scenarios, tricks {''.join(sorted(tricks))}, {len(errors)} errors")
sys.exit(1 if errors else 0)
