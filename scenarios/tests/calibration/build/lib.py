import json, os, yaml
ROOT = "/work/calibration"
CONTENT = "/work/main/scenarios/content"
RANGES = []

def front(slug):
    t = open(f"{CONTENT}/{slug}.md", encoding="utf-8").read()
    return yaml.safe_load(t.split("---", 2)[1])

def model(slug, **ov):
    """Model categories as a learner who sorted correctly would give, with overrides (id with _ -> -)."""
    d = {it["id"]: it["category"] for it in front(slug)["items"]}
    for k, v in ov.items():
        k = k.replace("_", "-")
        assert k in d, k
        if v is None:
            del d[k]
        else:
            d[k] = v
    return d

H, C, S, F = "harm", "complicating_factor", "strength", "safety"

def M(slug, nn, kind, short, placements, statements, goals, score, reason, rmin, rmax, must, why):
    fn = f"{nn:02d}-{kind}-{short}.mapping.json"
    os.makedirs(f"{ROOT}/{slug}", exist_ok=True)
    m = {"scenario": slug, "placements": placements, "statements": statements,
         "goals": goals, "scaling": {"score": score, "reason": reason}}
    # range recorded in the same step as the mapping is written
    RANGES.append({"file": f"{slug}/{fn}", "scenario": slug, "kind": kind,
                   "min": rmin, "max": rmax, "must": must, "reason": why})
    with open(f"{ROOT}/{slug}/{fn}", "w", encoding="utf-8") as f:
        json.dump(m, f, ensure_ascii=False, indent=2)
        f.write("\n")
