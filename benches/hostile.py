#!/usr/bin/env python3
"""Time and memory of `tigang extract` on hostile inputs of growing size (1, 10, 100 MB).

Patterns:
  one-line    a single line of Han characters with no punctuation
  headings    every line a heading: 一、…九百九十九、 then again, each with a short title
  deep        （一）标题 repeated: each restart under a title line would nest one level deeper
  ladder      一、（一）1.（1）① repeated: five families stepping down, over and over
  copies      one opening paragraph after every closing, each time followed by a different line:
              every speech's first line has thousands of copies that are not copies of the speech
Prints seconds, MB/s and peak memory (from /usr/bin/time) per pattern and size; linear growth
shows as a steady MB/s. Usage: python3 benches/hostile.py [target/release/tigang] [MB ...]
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
    if pattern == "ladder":
        k = i // 5 % 9
        return [f"{NUM[k]}、标题", f"（{NUM[k]}）标题", f"{k + 1}.标题", f"（{k + 1}）标题", "①标题"][i % 5] + "\n"
    raise ValueError(pattern)


def write(pattern, path, mb):
    target = mb * 1_000_000
    with open(path, "w", encoding="utf-8") as f:
        if pattern == "one-line":
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


def main():
    tigang = sys.argv[1] if len(sys.argv) > 1 else "target/release/tigang"
    sizes = [int(a) for a in sys.argv[2:]] or [1, 10, 100]
    print(f"{'pattern':10} {'MB':>5} {'seconds':>8} {'MB/s':>7} {'peak MB':>8}")
    with tempfile.TemporaryDirectory() as d:
        for pattern in ["one-line", "headings", "deep", "ladder", "copies"]:
            for mb in sizes:
                path = os.path.join(d, f"{pattern}-{mb}.txt")
                write(pattern, path, mb)
                t = time.perf_counter()
                r = subprocess.run(["/usr/bin/time", "-f", "%M", tigang, "extract", "--format", "json", "--quiet", path],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=True)
                dt = time.perf_counter() - t
                peak = int(r.stderr.decode().strip().splitlines()[-1]) / 1024
                print(f"{pattern:10} {mb:5} {dt:8.2f} {mb / dt:7.1f} {peak:8.1f}", flush=True)
                os.remove(path)


if __name__ == "__main__":
    main()
