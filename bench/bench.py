#!/usr/bin/env python3
"""Throughput, scaling, memory, cache and start-up benchmark for corpuslint.

    python bench/bench.py [--shared ../shared] [--work DIR] [--repeat 3]

Expands the news-small and news-large corpora of ``<shared>/bench`` into
``--work`` as .txt trees (once), then prints, for each tier: a plain-Python
floor (read every file, split lines and paragraphs) and a word floor (read
every file, list its words with their offsets), corpuslint with all default
rules at --jobs 1 and --jobs <cores> (medians of --repeat runs, no cache; the
two take turns, so that a shared machine's drift touches both alike), the
fixed part of a --jobs <cores> run and the speed-up it allows, peak RSS, a per-rule time breakdown, a cached re-run, and the
one-file start-up time. With the optional ``datatrove`` package installed it
also times datatrove's Gopher repetition, Gopher quality, C4 and FineWeb
filters on the same documents.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
TIERS = ("news-small", "news-large")


def expand(shared: Path, work: Path) -> None:
    for tier in TIERS:
        if not (work / tier).is_dir():
            subprocess.run([sys.executable, str(shared / "bench" / "expand.py"), str(work), tier], check=True)


def corpus_stats(root: Path) -> tuple[int, int]:
    files = [p for p in root.rglob("*.txt")]
    return len(files), sum(p.stat().st_size for p in files)


def floor(root: Path) -> float:
    """Read every file and split it into lines and paragraphs, nothing else."""
    started = time.perf_counter()
    paragraphs = 0
    for path in root.rglob("*.txt"):
        text = path.read_bytes().decode("utf-8", errors="replace")
        lines = text.split("\n")
        block = False
        for line in lines:
            blank = not line.strip()
            if not blank and not block:
                paragraphs += 1
            block = not blank
    return time.perf_counter() - started


_WORD = re.compile(r"\w+")


def word_floor(root: Path) -> float:
    """Read every file and list its words with their offsets, nothing else: the
    least that a rule looking at words one by one in Python pays."""
    started = time.perf_counter()
    words = 0
    for path in root.rglob("*.txt"):
        text = path.read_bytes().decode("utf-8", errors="replace")
        words += len([(m.start(), m.end()) for m in _WORD.finditer(text)])
    return time.perf_counter() - started


#: Runs are measured as a user runs corpuslint: with Python's bytecode cache
#: (a development shell often turns it off, which adds compile time to every run).
_ENV = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}


def measure(cmd: list[str]) -> dict[str, float | int | str]:
    out = subprocess.run(
        [sys.executable, str(HERE / "measure.py"), *cmd], capture_output=True, text=True, check=True, env=_ENV
    )
    result: dict[str, float | int | str] = json.loads(out.stdout)
    return result


def corpuslint_cmd(root: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "corpuslint", str(root), "--exit-zero", "-q", *extra]


#: The digest of each configuration's output, to show that --jobs and the cache change nothing.
OUTPUTS: dict[str, set[str]] = {}


def median_run(cmd: list[str], repeat: int, label: str = "") -> tuple[float, float]:
    return median_runs([cmd], repeat, label)[0]


def median_runs(cmds: list[list[str]], repeat: int, label: str = "") -> list[tuple[float, float]]:
    """Median wall time and peak RSS of each command, whose runs take turns (a, b,
    a, b, ...): on a shared machine whose speed drifts, the drift touches all alike."""
    runs: list[list[dict[str, float | int | str]]] = [[] for _ in cmds]
    for _ in range(repeat):
        for cmd, done in zip(cmds, runs, strict=True):
            done.append(measure(cmd))
    for run in (r for done in runs for r in done):
        if int(run["code"]) not in (0, 1):
            raise SystemExit(f"corpuslint failed: {run['stderr']}")
        if label:
            OUTPUTS.setdefault(label, set()).add(str(run["stdout_sha256"]))
    return [
        (statistics.median(float(r["wall"]) for r in done), max(float(r["peak_mb"]) for r in done)) for done in runs
    ]


def timing_breakdown(root: Path) -> str:
    run = measure(corpuslint_cmd(root, "--no-cache", "--jobs", "1", "--timing"))
    return str(run["stderr"]).rstrip()


def datatrove_time(root: Path) -> float | None:
    try:
        from datatrove.data import Document  # type: ignore[import-not-found]
        from datatrove.pipeline.filters import (  # type: ignore[import-not-found]
            C4QualityFilter,
            FineWebQualityFilter,
            GopherQualityFilter,
            GopherRepetitionFilter,
        )
    except ImportError:
        return None
    filters = [GopherRepetitionFilter(), GopherQualityFilter(), C4QualityFilter(), FineWebQualityFilter()]
    started = time.perf_counter()
    for index, path in enumerate(sorted(root.rglob("*.txt"))):
        doc = Document(text=path.read_text(encoding="utf-8"), id=str(index))
        for f in filters:
            f.filter(doc)
    return time.perf_counter() - started


def bench_tier(root: Path, repeat: int, cores: int, with_datatrove: bool) -> dict[str, float]:
    files, size = corpus_stats(root)
    mb = size / 1e6
    floor_s = statistics.median(floor(root) for _ in range(repeat))
    words_s = statistics.median(word_floor(root) for _ in range(repeat))
    print(f"\n## {root.name}: {files} documents, {mb:.2f} MB")
    print(f"floor (read + split lines/paragraphs): {floor_s:.3f} s, {mb / floor_s:.1f} MB/s")
    print(f"word floor (read + list every word with its offsets): {words_s:.3f} s, {mb / words_s:.1f} MB/s")
    figures: dict[str, float] = {"floor": floor_s}
    every_jobs = sorted({1, cores})
    commands = [corpuslint_cmd(root, "--no-cache", "--jobs", str(jobs)) for jobs in every_jobs]
    for jobs, (wall, peak) in zip(every_jobs, median_runs(commands, repeat, root.name), strict=True):
        figures[f"jobs{jobs}"] = wall
        figures[f"peak{jobs}"] = peak
        print(
            f"corpuslint --jobs {jobs}: {wall:.3f} s wall, {mb / wall:.2f} MB/s, "
            f"{files / wall / jobs:.0f} docs/s per core, {wall / floor_s:.1f}x the floor, peak RSS {peak:.0f} MB"
        )
    if cores > 1:
        print(f"speed-up --jobs {cores} vs --jobs 1: {figures['jobs1'] / figures[f'jobs{cores}']:.2f}x")
        serial = figures["serial"] = parallel_startup(cores, repeat)
        bound = figures["jobs1"] / (serial + (figures["jobs1"] - serial) / cores)
        print(
            f"--jobs {cores} start-up (a run over {STARTUP_FILES} short files): {serial:.3f} s; "
            f"with it, --jobs {cores} can be at most about {bound:.2f}x faster than --jobs 1 here"
        )
    with tempfile.TemporaryDirectory() as cache:
        cold, _ = median_run(corpuslint_cmd(root, "--cache-dir", cache, "--jobs", "1"), 1, root.name)
        warm, _ = median_run(corpuslint_cmd(root, "--cache-dir", cache, "--jobs", "1"), repeat, root.name)
    figures["warm"] = warm
    print(f"cache: first run {cold:.3f} s, unchanged re-run {warm:.3f} s ({cold / warm:.1f}x faster)")
    same = len(OUTPUTS[root.name]) == 1
    print(f"output of --jobs 1, --jobs {cores}, first and cached runs: {'identical' if same else 'DIFFERENT'}")
    dt = datatrove_time(root) if with_datatrove else None
    if dt is not None:
        print(
            f"datatrove Gopher rep. + Gopher quality + C4 + FineWeb filters: {dt:.3f} s ({dt / figures['jobs1']:.1f}x corpuslint --jobs 1)"
        )
    elif with_datatrove:
        print("datatrove: not installed (optional; `pip install datatrove` to compare)")
    print("per-rule time (--jobs 1):")
    print(timing_breakdown(root))
    return figures


#: Files in the run that times a parallel run's fixed part: enough to start workers.
STARTUP_FILES = 64


def parallel_startup(cores: int, repeat: int) -> float:
    """A --jobs N run over a few short files: start, rule set-up, workers, corpus phase,
    the part of every run that more processes cannot shorten."""
    seed = ROOT / "seeds" / "003_106659a50d48f350.txt"
    with tempfile.TemporaryDirectory() as tree:
        for n in range(STARTUP_FILES):
            shutil.copyfile(seed, Path(tree) / f"{n:03d}.txt")
        wall, _ = median_run(corpuslint_cmd(Path(tree), "--no-cache", "--jobs", str(cores)), max(5, repeat))
    return wall


def startup(repeat: int) -> float:
    seed = ROOT / "seeds" / "003_106659a50d48f350.txt"
    wall, _ = median_run([sys.executable, "-m", "corpuslint", str(seed), "--exit-zero", "--no-cache"], max(5, repeat))
    return wall


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "corpuslint-bench")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--tiers", default=",".join(TIERS))
    parser.add_argument(
        "--datatrove-tiers", default="news-small", help="tiers to run datatrove's filters on ('' for none)"
    )
    args = parser.parse_args()
    if not (args.shared / "bench").is_dir():
        raise SystemExit(f"no benchmark corpora in {args.shared / 'bench'} (use --shared)")
    expand(args.shared, args.work)
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    print(f"# corpuslint benchmark: {cores} cores, Python {sys.version.split()[0]}, medians of {args.repeat} runs")
    datatrove_tiers = set(args.datatrove_tiers.split(","))
    results = {
        tier: bench_tier(args.work / tier, args.repeat, cores, tier in datatrove_tiers)
        for tier in args.tiers.split(",")
    }
    if "news-small" in results and "news-large" in results:
        ratio = results["news-large"]["jobs1"] / results["news-small"]["jobs1"]
        print(f"\nnews-large / news-small time at --jobs 1: {ratio:.2f}x (size ratio about 3.9x)")
    print(f"one-file start-up (seeds/003): {startup(args.repeat):.3f} s wall")
    if shutil.which("corpuslint") is None:
        print("note: corpuslint is not on PATH; ran it as `python -m corpuslint`")
    return 0


if __name__ == "__main__":
    sys.exit(main())
