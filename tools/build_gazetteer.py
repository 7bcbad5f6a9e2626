"""Build ``data/gazetteer/districts_2024.csv`` (province, district) from ``vietnam-provinces`` 0.6.x.

The 0.6.x releases of the maintained package ``vietnam-provinces`` list the 63 provinces in
force before the 1 July 2025 merger with their districts; current releases (installed in the
venv, same import name) list only the 34 new units and their wards. So this tool installs
0.6.x into a separate target directory (``pip install --no-deps --target``), never into the
venv, and imports it from there in a child process.

Province names are mapped to the canonical ``name_vi`` of ``data/reference/provinces.csv``
(``before_2025`` rows) by case-, tone- and prefix-insensitive matching on name and aliases;
the tool fails if any of the 63 does not map, so it also cross-checks the reference list.

Run: ``.venv/bin/python tools/build_gazetteer.py`` (``--target DIR`` to reuse an install).
"""
from __future__ import annotations

import argparse
import csv
import json
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROVINCES_CSV = ROOT / "data" / "reference" / "provinces.csv"
OUT_CSV = ROOT / "data" / "gazetteer" / "districts_2024.csv"
REQUIREMENT = "vietnam-provinces>=0.6,<0.7"
PREFIXES = ("thành phố ", "tỉnh ")
DISTRICT_PREFIXES = ("huyện ", "quận ", "thị xã ", "thành phố ")


def fold(text: str) -> str:
    """Case- and tone-insensitive key; drops punctuation.

    >>> fold("Tỉnh Hoà Bình") == fold("tinh hoa binh")
    True
    >>> fold("Bà Rịa - Vũng Tàu")
    'ba ria vung tau'
    """
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return " ".join(re.findall(r"[a-z0-9]+", text))


def strip_prefix(name: str, prefixes: tuple[str, ...]) -> str:
    """Drop a leading administrative word ("Tỉnh ", "Huyện " …).

    >>> strip_prefix("Tỉnh Bắc Kạn", PREFIXES)
    'Bắc Kạn'
    >>> strip_prefix("Thị xã Sa Pa", DISTRICT_PREFIXES)
    'Sa Pa'
    """
    for p in prefixes:
        if name.lower().startswith(p):
            return name[len(p):]
    return name


def canonical_old_provinces() -> dict[str, str]:
    """fold(name or alias) -> canonical name_vi of the 63 pre-2025 provinces."""
    index: dict[str, str] = {}
    with PROVINCES_CSV.open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["period"] != "before_2025":
                continue
            for name in [row["name_vi"], *filter(None, row["aliases"].split(";"))]:
                index[fold(strip_prefix(name, PREFIXES))] = row["name_vi"]
    return index


def install(target: Path) -> None:
    """Install vietnam-provinces 0.6.x into ``target`` (not into the venv)."""
    if (target / "vietnam_provinces" / "__init__.py").exists():
        return
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps",
                    "--target", str(target), REQUIREMENT], check=True)


def read_divisions(target: Path) -> list[dict]:
    """The package's nested divisions (provinces with districts), read in a child process."""
    code = ("import json, sys; sys.path.insert(0, sys.argv[1]); import vietnam_provinces as vp; "
            "assert vp.__version__.startswith('0.6'), vp.__version__; "
            "print(json.dumps({'version': vp.__version__, "
            "'data': json.loads(vp.NESTED_DIVISIONS_JSON_PATH.read_text(encoding='utf-8'))}))")
    out = subprocess.run([sys.executable, "-c", code, str(target)], check=True,
                         capture_output=True, text=True).stdout
    return json.loads(out)["data"]


def build(target: Path, out: Path = OUT_CSV) -> int:
    """Write the gazetteer; returns the number of districts written."""
    install(target)
    index = canonical_old_provinces()
    rows: list[tuple[str, str, str]] = []
    seen: set[str] = set()
    for province in read_divisions(target):
        key = fold(strip_prefix(province["name"], PREFIXES))
        if key not in index:
            raise SystemExit(f"province not in provinces.csv: {province['name']}")
        name = index[key]
        seen.add(name)
        for district in province["districts"]:
            full = unicodedata.normalize("NFC", district["name"])
            short = strip_prefix(full, DISTRICT_PREFIXES)
            rows.append((name, full, full if short.isdigit() else short))  # "Quận 1" stays whole
    missing = set(index.values()) - seen
    if missing or len(seen) != 63:
        raise SystemExit(f"provinces.csv and the package disagree: missing {sorted(missing)}")
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["province", "district", "short_name"])
        writer.writerows(rows)
    return len(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--target", type=Path, default=Path("/tmp/vankien-vietnam-provinces-0.6"))
    parser.add_argument("--out", type=Path, default=OUT_CSV)
    args = parser.parse_args()
    print(f"wrote {build(args.target, args.out)} districts to {args.out}")


if __name__ == "__main__":
    main()
