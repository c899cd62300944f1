#!/usr/bin/env python3
# Copyright (c) 2026 The tsock authors.
# Distributed under the Boost Software License, Version 1.0.
"""The tutorial programs beside their Python twins, in lines of code.

  python3 tools/tutorial_lines.py            prints the AsciiDoc table rows
  python3 tools/tutorial_lines.py --check F  fails when F's table (between
                                             the lines "// tutorial-lines:
                                             begin" and "// ...: end") differs

A program is example/NAME.cpp with a twin test/peers/NAME.py. A line of code
is a line that is neither blank nor only a comment (// or # and, in Python,
a docstring's lines); #include and import lines count on both sides.
Shared helpers (example/cli.hpp, Python's argparse) are not counted.
"""
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BEGIN, END = "// tutorial-lines: begin", "// tutorial-lines: end"


def cpp_lines(path):
    n, in_block = 0, False
    for line in open(path, encoding="utf-8"):
        s = line.strip()
        if in_block:
            in_block = "*/" not in s
            continue
        if s.startswith("/*"):
            in_block = "*/" not in s
            continue
        if s and not s.startswith("//"):
            n += 1
    return n


def python_lines(path):
    n, quote = 0, None
    for line in open(path, encoding="utf-8"):
        s = line.strip()
        if quote:
            if quote in s:
                quote = None
            continue
        m = re.match(r'^[rb]?("""|\'\'\')', s)
        if m:
            rest = s[m.end():]
            if m.group(1) not in rest:
                quote = m.group(1)
            continue
        if s and not s.startswith("#"):
            n += 1
    return n


def rows():
    peers = os.path.join(ROOT, "test", "peers")
    out = []
    for name in sorted(os.listdir(peers)):
        base, ext = os.path.splitext(name)
        cpp = os.path.join(ROOT, "example", base + ".cpp")
        if ext != ".py" or not os.path.exists(cpp):
            continue
        t, p = cpp_lines(cpp), python_lines(os.path.join(peers, name))
        out.append(f"| `{base}` | {t} | {p} | {t / p:.2f}")
    return out


def main():
    table = rows()
    if len(sys.argv) == 3 and sys.argv[1] == "--check":
        text = open(sys.argv[2], encoding="utf-8").read().splitlines()
        try:
            doc = text[text.index(BEGIN) + 1:text.index(END)]
        except ValueError:
            sys.exit(f"tutorial_lines: {sys.argv[2]} has no '{BEGIN}' ... '{END}' block")
        doc = [l for l in doc if l.startswith("| `")]
        if doc != table:
            print("tutorial_lines: FAIL: the table in", sys.argv[2], "is not current; it should read:")
            print("\n".join(table))
            sys.exit(1)
        print(f"tutorial_lines: the table is current ({len(table)} programs)")
        return
    if len(sys.argv) != 1:
        sys.exit(__doc__)
    print("\n".join(table))


main()
