"""Fuzz the feed and page parsing path for a fixed time (not part of CI).

    .venv/bin/python fuzz/parse.py --seconds 600 [--out fuzz/findings]

Starts from the demo feeds and pages, mutates them (byte flips, splices, repeated and
deleted runs, markup and entity insertions) and feeds each to `feeds.parse` and
`articles.extract`. Anything but a MonitorError, or a call slower than --slow seconds,
is written to --out with the traceback, and counted."""

from __future__ import annotations

import argparse
import random
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TOKENS = [b"<item>", b"</item>", b"<![CDATA[", b"]]>", b"&amp;", b"&#0;", b"&#xD800;", b"<!ENTITY a 'b'>",
          b"<!DOCTYPE x [", b"<div>" * 50, b"\xff\xfe", b"\x00", b"<script>", b"<?xml version='1.0' encoding='utf-16'?>"]


def mutate(data: bytes, rng: random.Random) -> bytes:
    buf = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        op = rng.randrange(5)
        pos = rng.randrange(len(buf) + 1)
        if op == 0 and buf:
            buf[min(pos, len(buf) - 1)] = rng.randrange(256)
        elif op == 1:
            buf[pos:pos] = rng.choice(TOKENS)
        elif op == 2:
            end = min(len(buf), pos + rng.randint(1, 200))
            del buf[pos:end]
        elif op == 3:
            chunk = bytes(buf[pos:pos + rng.randint(1, 100)])
            buf[pos:pos] = chunk * rng.randint(2, 50)
        else:
            other = rng.randrange(len(buf) + 1)
            buf[pos:pos] = bytes(buf[other:other + rng.randint(1, 300)])
    return bytes(buf)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--slow", type=float, default=5.0)
    ap.add_argument("--out", type=Path, default=ROOT / "fuzz" / "findings")
    args = ap.parse_args()

    from monitor import articles, feeds
    from monitor.errors import MonitorError

    demo = ROOT / "sources" / "demo"
    seeds = [(p.suffix, p.read_bytes()) for p in sorted(demo.iterdir()) if p.suffix in (".xml", ".html")]
    rng = random.Random(args.seed)
    runs = problems = 0
    stop = time.monotonic() + args.seconds
    while time.monotonic() < stop:
        suffix, seed = rng.choice(seeds)
        data = mutate(seed, rng)
        target = feeds.parse if suffix == ".xml" else articles.extract
        started = time.monotonic()
        try:
            target(data, "https://fuzz.example.org/x")
            error = None
        except MonitorError:
            error = None
        except Exception:  # anything else is a finding
            error = traceback.format_exc()
        slow = time.monotonic() - started > args.slow
        runs += 1
        if error or slow:
            problems += 1
            args.out.mkdir(parents=True, exist_ok=True)
            (args.out / f"case-{runs}{suffix}").write_bytes(data)
            (args.out / f"case-{runs}.txt").write_text(error or f"slow: {time.monotonic() - started:.1f}s\n")
    print(f"{runs} inputs in {args.seconds:g}s, {problems} problem(s)" + (f", see {args.out}" if problems else ""))
    raise SystemExit(1 if problems else 0)


if __name__ == "__main__":
    main()
