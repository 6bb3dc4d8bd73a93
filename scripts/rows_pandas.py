#!/usr/bin/env python3
"""`tigang extract --format csv` read by pandas with its defaults: the rows agree with the JSON
outline (paths and depths by a walk over `children`, group nodes passed through) and their
offsets cut each point's section, opening with its marker, out of the source text.

Usage: rows_pandas.py TIGANG FILE...   (.ci/run runs it over tests/fixtures and ../shared/seeds)
"""
import io
import json
import subprocess
import sys

import pandas as pd


def points(outline, prefix=()):
    """(path, depth, marker, line) of every point; a group node neither counts nor adds depth."""
    out, n = [], 0

    def walk(nodes, prefix):
        nonlocal n
        for h in nodes:
            if h["marker"] is None:
                walk(h["children"], prefix)
                continue
            n += 1
            path = prefix + (n,)
            out.append((".".join(map(str, path)), len(path), h["marker"], h["line"]))
            saved, n = n, 0
            walk(h["children"], path)
            n = saved

    walk(outline, prefix)
    return out


def main():
    tigang, files = sys.argv[1], sys.argv[2:]
    run = lambda fmt: subprocess.run(
        [tigang, "extract", "--quiet", "--format", fmt, *files],
        check=True, capture_output=True, text=True).stdout
    df = pd.read_csv(io.StringIO(run("csv")))
    expected = []
    for line in run("json").splitlines():
        doc = json.loads(line)
        for i, s in enumerate(doc["speeches"], 1):
            expected += [(doc["source"], i, *p) for p in points(s["outline"])]
    assert len(df) == len(expected), (len(df), len(expected))
    texts = {}
    for row, (source, speech, path, depth, marker, line) in zip(df.itertuples(), expected):
        got = (row.source, row.speech, row.path, row.depth, row.marker, row.line)
        # With no path of three levels, pandas reads the column as numbers (2.3 for "2.3"): the
        # README says to pass dtype={"path": str} then; here the number must be the path's.
        if df["path"].dtype != object:
            path = type(row.path)(path)
        assert got == (source, speech, path, depth, marker, line), (got, path)
        text = texts.setdefault(source, open(source, encoding="utf-8").read())
        section = text[row.char_start:row.char_end]
        raw = text.encode("utf-8")[row.byte_start:row.byte_end].decode("utf-8")
        assert section == raw, (source, path)
        first = section.lstrip(" \t\u3000\ufeff").split("\n", 1)[0]
        assert marker in first, (source, path, first[:20])
    print(f"pandas read {len(df)} rows of {len(files)} files; paths, depths and offsets agree")


if __name__ == "__main__":
    main()
