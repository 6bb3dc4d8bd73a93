#!/usr/bin/env python3
"""Digests of everything tigang prints, so a refactor can show it changed no output byte.

    scripts/output_digests.py BIN --write tests/output-digests.tsv   # record (after a deliberate change)
    scripts/output_digests.py BIN --check tests/output-digests.tsv   # compare; exit 1 on a difference

For every text fixture, example and probe text of this repository and every text in ../shared
(when it is there), each command below is run and its exit code, standard output and standard error
are hashed (SHA-256, first 16 hex digits). Only digests are stored: no text of ../shared enters the
repository. Rows of ../shared are checked only where ../shared is present; a missing folder is
reported, never counted as a match.
"""

import argparse
import concurrent.futures
import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"

# One input at a time: every format of `extract`, the options that change what it prints, `check`.
PER_FILE = {
    "yaml": ["extract"],
    "json": ["extract", "-f", "json"],
    "markdown": ["extract", "-f", "markdown"],
    "text": ["extract", "-f", "text"],
    "html": ["extract", "-f", "html"],
    "svg": ["extract", "-f", "svg"],
    "mermaid": ["extract", "-f", "mermaid"],
    "csv-body": ["extract", "-f", "csv", "--body"],
    "jsonl-rows": ["extract", "-f", "jsonl-rows"],
    "chunks": ["extract", "-f", "chunks"],
    "json-all-options": ["extract", "-f", "json", "--body", "--inline", "--explain"],
    "yaml-keep-pinyin": ["extract", "--keep-pinyin", "--no-official-order"],
    "check": ["check"],
    "check-json": ["check", "-f", "json"],
    # The Chinese messages: the findings' reports and the input warnings and errors on stderr.
    "check-zh": ["--lang", "zh", "check"],
}
# Two inputs: neighbours in a folder's order.
PER_PAIR = {
    "compare-yaml": ["compare"],
    "compare-json": ["compare", "-f", "json"],
    "compare-side": ["compare", "-f", "side", "--width", "100"],
    "compare-html": ["compare", "-f", "html"],
}
# A whole folder.
PER_FOLDER = {
    "compare-all-json": ["compare", "--all", "-f", "json"],
}

LOCAL = ["tests/fixtures", "tests/fixtures/formats", "tests/probe", "tests/probe-split", "examples"]
SHARED_DIRS = ["seeds", "corpus", "corpus-b", "corpus-b/second", "compare-gold/texts"]


def folders():
    """(label, path, present) for every folder whose texts are digested."""
    out = [(d, ROOT / d, True) for d in LOCAL]
    for d in SHARED_DIRS:
        out.append((f"../shared/{d}", SHARED / d, (SHARED / d).is_dir()))
    return out


def texts(path):
    files = []
    for p in sorted(path.rglob("*") if path.name == "probe-split" else path.iterdir()):
        if p.is_file() and p.suffix.lower() in (".txt", ".docx", ".html", ".htm", ".pdf"):
            files.append(p)
    return files


def label_of(p):
    try:
        return str(p.relative_to(ROOT))
    except ValueError:
        return "../shared/" + str(p.relative_to(SHARED))


def digest(bin_, args, files):
    env = dict(os.environ, NO_COLOR="1", LANG="C", LC_ALL="", LC_MESSAGES="")
    # Paths relative to the repository, as a user in it would type them: outputs that show or
    # measure the path (the SVG's width, compare's columns) then do not depend on the clone's place.
    run = subprocess.run(
        [bin_, *args, *[os.path.relpath(f, ROOT) for f in files]],
        cwd=ROOT,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        timeout=600,
    )
    h = hashlib.sha256()
    h.update(str(run.returncode).encode() + b"\0")
    # Paths are printed as given; hash them relative to the repository so the digest does not
    # depend on where the clone lives.
    for stream in (run.stdout, run.stderr):
        h.update(stream.replace(str(ROOT).encode(), b"<repo>") + b"\0")
    return h.hexdigest()[:16]


def jobs():
    """(key, args, files) for every run, and the folders skipped. A PDF's outputs depend on
    poppler's pdftotext (without it tigang refuses the PDF, naming the package): where it is not
    installed, every run that reads a PDF is left out and said to be."""
    out, skipped = [], []
    pdf_readable = shutil.which("pdftotext") is not None
    for label, path, present in folders():
        if not present:
            skipped.append(label)
            continue
        files = texts(path)
        runs = []
        for f in files:
            for name, args in PER_FILE.items():
                runs.append((f"{label_of(f)}\t{name}", args, [f]))
        for a, b in zip(files, files[1:]):
            for name, args in PER_PAIR.items():
                runs.append((f"{label_of(a)}+{b.name}\t{name}", args, [a, b]))
        for name, args in PER_FOLDER.items():
            runs.append((f"{label}/\t{name}", args, files))
        for key, args, fs in runs:
            if not pdf_readable and any(f.suffix.lower() == ".pdf" for f in fs):
                skipped.append(key)
            else:
                out.append((key, args, fs))
    return out, skipped


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("bin")
    mode = ap.add_mutually_exclusive_group(required=True)
    mode.add_argument("--write", metavar="TSV")
    mode.add_argument("--check", metavar="TSV")
    ap.add_argument("--skip", action="append", default=[],
                    help="leave out commands with this name (e.g. compare-json) from --check")
    a = ap.parse_args()
    bin_ = str(Path(a.bin).resolve())
    work, skipped = jobs()
    with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        digests = dict(zip((k for k, _, _ in work),
                           pool.map(lambda j: digest(bin_, j[1], j[2]), work)))
    folders_absent = [s for s in skipped if "\t" not in s]
    without_pdftotext = [s for s in skipped if "\t" in s]
    for s in folders_absent:
        print(f"output digests: {s} is absent; its rows are not checked", file=sys.stderr)
    if without_pdftotext:
        print(f"output digests: pdftotext is not installed: the {len(without_pdftotext)} runs "
              "that read a PDF are not checked", file=sys.stderr)
    if a.write and without_pdftotext:
        print("output digests: refusing to write without pdftotext (the PDF rows would be lost); "
              "install poppler-utils", file=sys.stderr)
        return 2
    if a.write:
        with open(a.write, "w") as f:
            f.write("# input\tcommand\tdigest (scripts/output_digests.py)\n")
            for k in sorted(digests):
                f.write(f"{k}\t{digests[k]}\n")
        print(f"output digests: wrote {len(digests)} rows to {a.write}")
        return 0
    want = {}
    for line in open(a.check):
        if line.startswith("#") or not line.strip():
            continue
        inp, cmd, d = line.rstrip("\n").split("\t")
        want[f"{inp}\t{cmd}"] = d
    differ, new = [], []
    for k, d in sorted(digests.items()):
        if k.split("\t")[1] in a.skip:
            continue
        if k not in want:
            new.append(k)
        elif want[k] != d:
            differ.append(k)
    gone = [k for k in want
            if k not in digests and k not in without_pdftotext
            and not any(k.startswith(s + "/") for s in folders_absent)]
    for k in differ:
        print(f"differs: {k}")
    for k in new:
        print(f"new (no recorded digest): {k}")
    for k in gone:
        print(f"recorded but not run: {k}")
    checked = len(digests) - len(new)
    print(f"output digests: {checked} outputs checked, {len(differ)} differ, "
          f"{len(new)} new, {len(gone)} missing")
    return 1 if differ or new or gone else 0


if __name__ == "__main__":
    sys.exit(main())
