#!/usr/bin/env python3
"""Time and memory of `tigang extract` on hostile inputs of growing size (1, 10, 100 MB).

Patterns:
  one-line    a single line of Han characters with no punctuation
  headings    every line a heading: 一、…九百九十九、 then again, each with a short title
  deep        （一）标题 repeated: each restart under a title line would nest one level deeper
  ladder      一、（一）1.（1）① repeated: five families stepping down, over and over
  copies      one opening paragraph after every closing, each time followed by a different line:
              every speech's first line has thousands of copies that are not copies of the speech
  inline      `extract --inline` on one paragraph of commas each followed by text that opens a
              marker and is none (，1，另，一样): a marker is tried after every comma
  compare-all `compare --all` on one file of copies of one speech, one heading differing in each
              (about 4,000 speeches per MB): every speech shares every band with every other
  deep-yaml   `compare` on a saved YAML outline nested in flow style (about 30,000 levels per MB);
              refused with a message (exit 2), the time is how long the refusal takes
Prints seconds, MB/s and peak memory (from /usr/bin/time) per pattern and size, and the exit
status; linear growth shows as a steady MB/s.
Usage: python3 benches/hostile.py [target/release/tigang] [--patterns a,b] [MB ...]
"""
import os
import subprocess
import sys
import tempfile
import time

HAN = "发展改革创新推进加强落实提高完善坚持深化"
NUM = "一二三四五六七八九"


def han_number(n):
    # 1..999 in Chinese numerals
    h, t, u = n // 100, n // 10 % 10, n % 10
    s = (NUM[h - 1] + "百") if h else ""
    if t:
        s += ("" if (t == 1 and not h) else NUM[t - 1]) + "十"
    elif h and u:
        s += "零"
    if u:
        s += NUM[u - 1]
    return s


def line_for(pattern, i):
    if pattern == "headings":
        return f"{han_number(i % 999 + 1)}、{HAN[i % 10:i % 10 + 6]}。正文。\n"
    if pattern == "deep":
        return "（一）推进工作\n"
    if pattern == "copies":
        return ["过去一年，我们坚持把社区治理作为基层工作的重心来抓。\n", f"第{i}段的内容各不相同。\n",
                "谢谢大家！\n"][i % 3]
    if pattern == "compare-all":
        return ["同志们：\n一、提高政治站位，增强责任意识。\n（一）加强理论学习。\n",
                "二、狠抓工作落实，确保取得实效。\n", f"三、强化组织保障第{i // 4}项。\n", "谢谢大家！\n"][i % 4]
    if pattern == "ladder":
        k = i // 5 % 9
        return [f"{NUM[k]}、标题", f"（{NUM[k]}）标题", f"{k + 1}.标题", f"（{k + 1}）标题", "①标题"][i % 5] + "\n"
    raise ValueError(pattern)


def write(pattern, path, mb):
    target = mb * 1_000_000
    with open(path, "w", encoding="utf-8") as f:
        if pattern == "deep-yaml":
            level = "{line: 1, title: a, children: ["
            depth = target // (len(level) + 2)
            f.write("source: x\nencoding: UTF-8\nspeeches:\n- outline:\n  - ")
            f.write(level * depth + "{line: 1, title: b}" + "]}" * depth + "\n")
            return
        if pattern in ("one-line", "inline"):
            if pattern == "inline":
                f.write("一、抓落实。一是知责，二是履责。")
                chunk = "，1，另，一样" * 1000
            else:
                chunk = HAN * 1000
            written = 0
            while written < target:
                f.write(chunk)
                written += len(chunk.encode())
            f.write("\n")
            return
        written, i = 0, 0
        block = []
        while written < target:
            s = line_for(pattern, i)
            block.append(s)
            written += len(s.encode())
            i += 1
            if len(block) == 10000:
                f.write("".join(block))
                block = []
        f.write("".join(block))


PATTERNS = ["one-line", "headings", "deep", "ladder", "copies", "inline", "compare-all", "deep-yaml"]


def command(tigang, pattern, path):
    if pattern == "inline":
        return [tigang, "extract", "--inline", "--format", "json", "--quiet", path]
    if pattern == "compare-all":
        return [tigang, "compare", "--all", "--format", "json", path]
    if pattern == "deep-yaml":
        return [tigang, "compare", path, path]
    return [tigang, "extract", "--format", "json", "--quiet", path]


def main():
    args = sys.argv[1:]
    tigang = args.pop(0) if args and not args[0].isdigit() and args[0] != "--patterns" else "target/release/tigang"
    patterns = PATTERNS
    if args and args[0] == "--patterns":
        patterns = args[1].split(",")
        args = args[2:]
    sizes = [int(a) for a in args] or [1, 10, 100]
    print(f"{'pattern':11} {'MB':>5} {'seconds':>8} {'MB/s':>7} {'peak MB':>8} {'exit':>4}")
    with tempfile.TemporaryDirectory() as d:
        for pattern in patterns:
            for mb in sizes:
                path = os.path.join(d, f"{pattern}-{mb}." + ("yaml" if pattern == "deep-yaml" else "txt"))
                write(pattern, path, mb)
                t = time.perf_counter()
                r = subprocess.run(["/usr/bin/time", "-f", "%M"] + command(tigang, pattern, path),
                                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
                dt = time.perf_counter() - t
                peak = int(r.stderr.decode().strip().splitlines()[-1]) / 1024
                print(f"{pattern:11} {mb:5} {dt:8.2f} {mb / dt:7.1f} {peak:8.1f} {r.returncode:4}", flush=True)
                os.remove(path)


if __name__ == "__main__":
    main()
