#!/usr/bin/env python3
"""Builds src/Milepost.Core/Portfolio/Data/gb2260.tsv, Milepost's national county-level division table.

Input: one year's list of the county-level-and-above division codes (中华人民共和国县级以上行政区划代码), one
division a line as "<6-digit code><space or tab><name>", as the 民政部 publishes it and as the repository named in
gb2260.SOURCE.md keeps it per year. Output: "code<TAB>name<TAB>parentCode", UTF-8, sorted by code, LF line ends.

The parent is worked out from the code, so the table is a tree of real divisions only:
  - a province (ends in 0000) has no parent;
  - a prefecture-level city, league or autonomous prefecture (ends in 00) belongs to its province;
  - a county-level division belongs to the prefecture whose code is its first four digits + 00 when that
    exists; otherwise the province governs it directly (省直辖县级: 429004 仙桃市, 419001 济源市) or it is a
    district or county of a municipality (110101 东城区, 500229 城口县), and its parent is the province.
The statistical placeholders of older tables (110100 市辖区, 500200 县, 429000 省直辖县级行政区划) are not
divisions and are dropped if the input still carries them.

Usage: python3 tools/gb2260/generate.py SOURCE.txt [OUTPUT.tsv]   (SOURCE "-" reads standard input)
Standard library only; the table is checked before it is written and the script fails on anything odd.
"""

import re
import sys
from pathlib import Path

DEFAULT_OUTPUT = Path(__file__).resolve().parents[2] / "src/Milepost.Core/Portfolio/Data/gb2260.tsv"
LINE = re.compile(r"^(\d{6})\s+(\S.*?)\s*$")
PLACEHOLDERS = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}


def read(lines):
    names = {}
    for number, raw in enumerate(lines, 1):
        text = raw.strip().lstrip("\ufeff")
        if not text:
            continue
        match = LINE.match(text)
        if not match:
            sys.exit(f"line {number}: not '<6-digit code> <name>': {text!r}")
        code, name = match.groups()
        if "\t" in name:
            sys.exit(f"line {number}: a tab inside the name {name!r}")
        if code in names:
            sys.exit(f"line {number}: code {code} appears twice")
        if name in PLACEHOLDERS and not code.endswith("0000"):
            continue
        names[code] = name
    return names


def parent_of(code, names):
    if code.endswith("0000"):
        return None
    province = code[:2] + "0000"
    if code.endswith("00"):
        return province
    prefecture = code[:4] + "00"
    return prefecture if prefecture in names else province


def check(names):
    if len(names) < 3000:
        sys.exit(f"only {len(names)} divisions: is this the whole county-level table?")
    for code in names:
        parent = parent_of(code, names)
        if parent is not None and parent not in names:
            sys.exit(f"{code} {names[code]}: its parent {parent} is not in the table")


def main(argv):
    if len(argv) not in (2, 3):
        sys.exit(__doc__)
    source = sys.stdin if argv[1] == "-" else open(argv[1], encoding="utf-8")
    with source:
        names = read(source)
    check(names)
    output = Path(argv[2]) if len(argv) == 3 else DEFAULT_OUTPUT
    rows = [f"{code}\t{names[code]}\t{parent_of(code, names) or ''}\n" for code in sorted(names)]
    output.parent.mkdir(parents=True, exist_ok=True)
    with open(output, "w", encoding="utf-8", newline="\n") as f:
        f.writelines(rows)
    print(f"wrote {len(rows)} divisions to {output}")


if __name__ == "__main__":
    main(sys.argv)
