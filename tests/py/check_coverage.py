#!/usr/bin/env python3
"""Keeps tests/py/COVERAGE.md true. Run by tests/js (node) and by hand:

    python3 tests/py/check_coverage.py

Checks, and exits 1 naming every violation:
- every table row of COVERAGE.md that names programs (`area/name` in backticks
  in its second column) names at least two, and each exists as area/name.py;
- a row's optional third column, `src`, `out` or `err` followed by a regex in
  backticks, holds for every program of the row: the regex is searched in the
  program's source, its expected stdout (.out) or its expected error (.err);
- every program under tests/py/<area>/ appears in some row;
- every program CPython runs has its generated .out beside it (run
  make_expected.py), and has at most 30 lines;
- every program in limits/ and unsupported/ has a hand-written .err of one line,
  `Class[|Class...] keyword`, and no .out;
- no .out or .err is left without its program.

Needs only the standard library (no NumPy): it reads files, it runs nothing.
"""

import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
COVERAGE = os.path.join(HERE, "COVERAGE.md")
HAND_WRITTEN = ("limits", "unsupported")
MAX_LINES = 30
PROGRAM = re.compile(r"`([a-z_0-9]+/[a-z_0-9]+)`")
HAND_ERR = re.compile(r"^[A-Z][A-Za-z]*(\|[A-Z][A-Za-z]*)* \S+$")


def all_programs():
    found = []
    for area in sorted(os.listdir(HERE)):
        folder = os.path.join(HERE, area)
        if os.path.isdir(folder) and not area.startswith((".", "_")):
            found += [f"{area}/{n[:-3]}" for n in sorted(os.listdir(folder)) if n.endswith(".py")]
    return found


def read(path):
    try:
        with open(path, encoding="utf-8") as f:
            return f.read()
    except FileNotFoundError:
        return None


def split_row(line):
    """The cells of a Markdown table row; `\\|` is a literal pipe inside a cell."""
    cells = re.split(r"(?<!\\)\|", line.strip())[1:-1]
    return [c.strip().replace("\\|", "|") for c in cells]


def rows(text):
    """(line number, cell name, programs, check kind, check regex) for every row naming programs."""
    for number, line in enumerate(text.split("\n"), 1):
        if not line.startswith("|"):
            continue
        cells = split_row(line)
        if len(cells) < 2:
            continue
        names = PROGRAM.findall(cells[1])
        if not names:
            continue
        kind = pattern = None
        if len(cells) > 2 and cells[2]:
            m = re.fullmatch(r"(src|out|err)\s+`(.+)`", cells[2])
            if not m:
                yield number, cells[0], names, "bad", cells[2]
                continue
            kind, pattern = m.groups()
        yield number, cells[0], names, kind, pattern


def main():
    problems = []
    text = read(COVERAGE)
    if text is None:
        print(f"{COVERAGE} is missing", file=sys.stderr)
        return 1
    programs = all_programs()
    known = set(programs)
    listed = set()
    cells = 0
    for number, cell, names, kind, pattern in rows(text):
        cells += 1
        where = f"COVERAGE.md:{number} ({cell})"
        if kind == "bad":
            problems.append(f"{where}: third column must be src|out|err and a `regex`, not {pattern!r}")
            continue
        if len(set(names)) < 2:
            problems.append(f"{where}: names {len(set(names))} program(s), needs at least 2")
        for name in names:
            listed.add(name)
            if name not in known:
                problems.append(f"{where}: no program {name}.py")
                continue
            if kind is None:
                continue
            suffix = {"src": ".py", "out": ".out", "err": ".err"}[kind]
            body = read(os.path.join(HERE, name + suffix))
            if body is None:
                problems.append(f"{where}: {name}{suffix} does not exist")
            elif not re.search(pattern, body, re.MULTILINE):
                problems.append(f"{where}: {name}{suffix} does not match {kind} `{pattern}`")
    for name in programs:
        if name not in listed:
            problems.append(f"{name}.py is not listed in COVERAGE.md")
        area = name.split("/")[0]
        source = read(os.path.join(HERE, name + ".py"))
        out = os.path.join(HERE, name + ".out")
        err = read(os.path.join(HERE, name + ".err"))
        if area in HAND_WRITTEN:
            if err is None or not HAND_ERR.match(err.rstrip("\n")) or err.count("\n") > 1:
                problems.append(f"{name}.err must be one line `Class[|Class...] keyword`, is {err!r}")
            if os.path.exists(out):
                problems.append(f"{name}.out must not exist: {area}/ programs are never run by CPython")
        else:
            if not os.path.exists(out):
                problems.append(f"{name}.out is missing: run /usr/bin/python3 tests/py/make_expected.py")
            if source.count("\n") > MAX_LINES:
                problems.append(f"{name}.py has {source.count(chr(10))} lines; keep programs to {MAX_LINES}")
    for area in sorted({n.split("/")[0] for n in programs}):
        for file in sorted(os.listdir(os.path.join(HERE, area))):
            stem, ext = os.path.splitext(file)
            if ext in (".out", ".err") and f"{area}/{stem}" not in known:
                problems.append(f"{area}/{file} has no {area}/{stem}.py")
    for p in problems:
        print(p, file=sys.stderr)
    if problems:
        print(f"check_coverage: {len(problems)} problem(s)", file=sys.stderr)
        return 1
    areas = {}
    for name in programs:
        areas[name.split("/")[0]] = areas.get(name.split("/")[0], 0) + 1
    print(f"{len(programs)} programs in {len(areas)} areas, {cells} coverage cells: "
          + ", ".join(f"{a} {n}" for a, n in sorted(areas.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
