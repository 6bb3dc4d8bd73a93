#!/usr/bin/env python3
"""Leave-one-file-out check of the nesting table (tigang issue 9).

The weights in src/nest/evidence.rs are set by hand. This fit asks of every kind of evidence,
once per held-out file: on the *other* gold files, does switching it off (weight 0) lose
headings? A kind is kept for the held-out file only if it does not hurt the files it was not
judged on. The held-out file is then scored with the table so chosen; the per-folder figures
are what a new file of that kind can expect. It also lists, per kind, the files it helps and
hurts: a kind that helps one file and hurts another is a rule to look at.

    python3 scripts/lofo.py [--bin target/release/tigang] [--shared ../shared]

Reproducible: no randomness; the only inputs are the binary and the gold files.
"""
import argparse
import os
import re
import subprocess
import sys

FOLDERS = ["seeds", "corpus", "corpus-b"]
ROW = re.compile(r"^(\S+)\s+(\d+)\s+(\d+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s")


def evidence_names(binary):
    """The evidence names, read from the error message of an unknown --weight."""
    out = subprocess.run([binary, "extract", "--weight", "?=0", "-"], input=b"",
                         capture_output=True).stderr.decode()
    m = re.search(r"the names are: ([a-z_, ]+)", out)
    if not m:
        sys.exit("cannot read the evidence names from tigang: " + out)
    return [n.strip() for n in m.group(1).split(",")]


def score(shared, binary, folder, off, files=None):
    """{gold path: (gold, pred, matched)} for a folder with the kinds in `off` at weight 0."""
    cmd = binary + " extract --format json" + "".join(f" --weight {e}=0" for e in sorted(off))
    gdir = os.path.join(shared, folder)
    golds = files or sorted(os.path.join(gdir, f) for f in os.listdir(gdir) if f.endswith(".gold.tsv"))
    out = subprocess.run([sys.executable, os.path.join(shared, "eval", "score.py"), "--cmd", cmd] + golds,
                         capture_output=True, text=True).stdout
    rows = [ROW.match(l) for l in out.splitlines()[1:]]
    rows = [r for r in rows if r]
    result = {}
    for g, r in zip(golds, rows):
        gold, pred, strict = int(r.group(2)), int(r.group(3)), float(r.group(7))
        result[g] = (gold, pred, strict * (gold + pred) / 2)
    return result


def f1(rows):
    gold = sum(r[0] for r in rows)
    pred = sum(r[1] for r in rows)
    matched = sum(r[2] for r in rows)
    return 2 * matched / (gold + pred) if gold + pred else 1.0


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", default="target/release/tigang")
    ap.add_argument("--shared", default="../shared")
    args = ap.parse_args()
    names = evidence_names(args.bin)
    base, without = {}, {e: {} for e in names}
    for folder in FOLDERS:
        base.update(score(args.shared, args.bin, folder, set()))
        for e in names:
            without[e].update(score(args.shared, args.bin, folder, {e}))
    files = sorted(base)
    # What each kind does on each file: 2 x headings found right by having it, less the extra
    # headings it predicts (the numerator of F1's gain, in headings).
    gain = {e: {f: 2 * (base[f][2] - without[e][f][2]) - (base[f][1] - without[e][f][1])
                for f in files} for e in names}

    print("evidence: files it helps (+headings) / hurts (-headings)")
    for e in names:
        helps = [f"{short(f)} +{g:.0f}" for f, g in gain[e].items() if g > 0.5]
        hurts = [f"{short(f)} {g:.0f}" for f, g in gain[e].items() if g < -0.5]
        print(f"  {e:26} helps {len(helps):2} hurts {len(hurts):2}  {' '.join(helps + hurts)}")

    print("\nleave-one-file-out: each file scored with the kinds that do not hurt the other files")
    held = {}
    cache = {}
    for f in files:
        off = frozenset(e for e in names if sum(g for o, g in gain[e].items() if o != f and abs(g) >= 0.5) < 0)
        folder = os.path.basename(os.path.dirname(f))
        if not off:
            held[f] = base[f]
        else:
            key = (off, f)
            if key not in cache:
                cache[key] = score(args.shared, args.bin, folder, off, [f])[f]
            held[f] = cache[key]
            print(f"  {short(f)}: off {', '.join(sorted(off))}")
    print(f"\n{'folder':10} {'files':>5} {'strict F1 (table)':>18} {'strict F1 (held out)':>21}")
    for folder in FOLDERS:
        fs = [f for f in files if os.path.basename(os.path.dirname(f)) == folder]
        print(f"{folder:10} {len(fs):5} {f1([base[f] for f in fs]):18.3f} {f1([held[f] for f in fs]):21.3f}")


def short(path):
    return os.path.basename(path)[:3]


if __name__ == "__main__":
    main()
