#!/usr/bin/env python3
"""Time `tigang compare --all` on synthetic corpora of growing size, with content similarity.

Each corpus holds N speeches, one per file, each with headings and a paragraph under every point
(words of 2 characters drawn from a vocabulary of common Chinese characters). Speeches come from
N/50 templates: a template fixes the parts and, for each point, a topic (a set of words its
paragraph draws from); a speech of the template draws its own titles and paragraphs from those
topics, so members of one template share a skeleton and a vocabulary but no sentence. One speech
in ten is a near-copy of another (one heading changed). Prints, per size, the wall time, the
pairs compared (the candidates the hashing let through; all pairs would be N(N-1)/2), and the
copies and families found. Usage:
    python3 benches/compare_scaling.py [target/release/tigang] [N ...]
"""
import json
import os
import random
import subprocess
import sys
import tempfile
import time

CHARS = ("工作发展建设改革创新推进加强落实提高完善坚持深化强化健全服务管理组织领导责任制度政治思想"
         "经济文化社会生态安全民生教育科技人才产业农村城市交通水利医疗养老就业住房环境能源数字金融"
         "市场企业园区项目投资消费开放贸易旅游体育卫生粮食耕地森林河湖空气垃圾道路网络信息数据")
NUMS = "一二三四五六七八九十"


def words(rng, k):
    return ["".join(rng.choice(CHARS) for _ in range(2)) for _ in range(k)]


def template(rng):
    """Parts, each a list of point topics (a topic is a small vocabulary)."""
    return [[words(rng, 12) for _ in range(rng.randint(3, 6))] for _ in range(rng.randint(2, 4))]


def speech(rng, tpl):
    lines = ["同志们："]
    for i, part in enumerate(tpl):
        lines.append(f"{NUMS[i]}、{''.join(rng.sample(part[0], 3))}")
        for j, topic in enumerate(part):
            title = "".join(rng.sample(topic, 3))
            para = "，".join("".join(rng.sample(topic, 4)) for _ in range(4))
            lines.append(f"（{NUMS[j]}）{title}。{para}。")
    return lines


def build(n, folder, rng):
    templates = [template(rng) for _ in range(max(1, n // 50))]
    texts = []
    for k in range(n):
        if texts and k % 10 == 9:
            lines = list(rng.choice(texts))
            at = rng.randrange(1, len(lines))
            if "（" in lines[at]:
                lines[at] = lines[at][:3] + "".join(words(rng, 3)) + "。"
        else:
            lines = speech(rng, rng.choice(templates))
        texts.append(lines)
        with open(os.path.join(folder, f"s{k:06d}.txt"), "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
    return len(templates)


def main():
    tigang = sys.argv[1] if len(sys.argv) > 1 else "target/release/tigang"
    sizes = [int(a) for a in sys.argv[2:]] or [1000, 2000, 4000, 10000]
    print(f"{'speeches':>9} {'templates':>9} {'seconds':>8} {'pairs compared':>15} {'all pairs':>11} "
          f"{'copies':>7} {'families':>9}")
    for n in sizes:
        with tempfile.TemporaryDirectory() as d:
            k = build(n, d, random.Random(n))
            t = time.perf_counter()
            out = subprocess.run([tigang, "compare", "--all", "--format", "json", d], capture_output=True, check=True)
            dt = time.perf_counter() - t
            r = json.loads(out.stdout)
            print(f"{n:9} {k:9} {dt:8.2f} {r['pairs_scored']:15} {n * (n - 1) // 2:11} "
                  f"{len(r['clusters']):7} {len(r.get('families', [])):9}", flush=True)


if __name__ == "__main__":
    main()
