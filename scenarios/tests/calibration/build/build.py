import json, sys
import os; sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import lib
for mod in ["hollins", "ahmed", "brennan", "carter", "lewis", "novak"]:
    __import__(mod)
with open(f"{lib.ROOT}/ranges.json", "w", encoding="utf-8") as f:
    json.dump(lib.RANGES, f, ensure_ascii=False, indent=2); f.write("\n")
print(len(lib.RANGES))
