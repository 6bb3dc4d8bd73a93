#!/usr/bin/env python3
"""Time `tigang compare --all` on synthetic corpora of growing size.

Each corpus holds N speeches written from random headings (2-character words drawn from a
vocabulary of common Chinese characters), one speech per file; one speech in ten is a
near-copy of another (one heading changed), so there are clusters to find. Prints, per size,
the wall time, the number of pairs whose tree edit distance was computed, and the number of
clusters found. Usage: python3 benches/compare_scaling.py [target/release/tigang] [N ...]
"""
import json
import os
import random
import subprocess
import sys
import tempfile
import time

CHARS = "工作发展建设改革创新推进加强落实提高完善坚持深化强化健全服务管理组织领导责任制度政治思想经济文化社会生态安全民生教育科技人才产业农村城市"
NUMS = "一二三四五六七八九十"


def word(rng):
    return "".join(rng.choice(CHARS) for _ in range(rng.randint(6, 14)))


def speech(rng):
    lines = ["同志们："]
    for i in range(rng.randint(2, 5)):
        lines.append(f"{NUMS[i]}、{word(rng)}")
        lines.append("各单位要认真落实。")
        for j in range(rng.randint(2, 6)):
            lines.append(f"（{NUMS[j]}）{word(rng)}。具体要求另行通知。")
    return lines


def build(n, folder, rng):
    texts = []
    for k in range(n):
        if texts and k % 10 == 9:
            lines = list(rng.choice(texts))
            at = rng.randrange(1, len(lines))
            if "（" in lines[at]:
                lines[at] = lines[at][:3] + word(rng) + "。"
        else:
            lines = speech(rng)
        texts.append(lines)
        with open(os.path.join(folder, f"s{k:06d}.txt"), "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")


def main():
    tigang = sys.argv[1] if len(sys.argv) > 1 else "target/release/tigang"
    sizes = [int(a) for a in sys.argv[2:]] or [500, 1000, 2000, 4000, 8000]
    print(f"{'speeches':>9} {'seconds':>8} {'pairs scored':>13} {'clusters':>9}")
    for n in sizes:
        with tempfile.TemporaryDirectory() as d:
            build(n, d, random.Random(n))
            t = time.perf_counter()
            out = subprocess.run([tigang, "compare", "--all", "--format", "json", d], capture_output=True, check=True)
            dt = time.perf_counter() - t
            r = json.loads(out.stdout)
            print(f"{n:9} {dt:8.2f} {r['pairs_scored']:13} {len(r['clusters']):9}")


if __name__ == "__main__":
    main()
