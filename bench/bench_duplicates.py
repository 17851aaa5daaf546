#!/usr/bin/env python3
"""Run time, memory and scaling of the two duplicate rules on news-small and news-large.

    python bench/bench_duplicates.py [--shared ../shared] [--work DIR] [--repeat 3]

Expands the benchmark corpora of ``<shared>/bench`` into ``--work`` (once;
an existing expansion is reused), then for each tier runs
``corpuslint --select cross-document-duplicate`` and ``--select
duplicate-paragraph`` (one job, no cache) and prints the median wall time,
the rule's own time from ``--timing``, the peak RSS of the linting process,
and the size of the cross-document fingerprint store per paragraph. The
large/small time ratio shows whether the cost grows linearly with the corpus
(news-large is about 3.9 times news-small).
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from bench import TIERS, expand  # the main benchmark's corpus expansion (this folder is on sys.path)

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
RULES = ("cross-document-duplicate", "duplicate-paragraph")


def run_rule(root: Path, rule: str) -> tuple[float, float, float]:
    """Wall seconds, the rule's own seconds (``--timing``) and peak RSS in MB of one run."""
    command = [sys.executable, "-m", "corpuslint", str(root), "--select", rule, "--no-cache", "--jobs", "1"]
    command += ["--exit-zero", "-q", "--timing"]
    # measure.py runs the command as its only child: RUSAGE_CHILDREN is that run's peak.
    out = subprocess.run([sys.executable, str(HERE / "measure.py"), *command], capture_output=True, text=True)
    result = json.loads(out.stdout)
    if result["code"] != 0:
        raise SystemExit(f"corpuslint failed on {root}: {result['stderr']}")
    own = re.search(rf"^{re.escape(rule)}\s+([0-9.]+)", result["stderr"], flags=re.MULTILINE)
    return float(result["wall"]), float(own.group(1)) if own else float("nan"), float(result["peak_mb"])


def store_size(root: Path) -> tuple[int, int, int]:
    """Bytes of the fingerprint store, paragraphs stored in it, and paragraphs in the corpus."""
    from corpuslint.dedup.store import concatenate
    from corpuslint.document import Document
    from corpuslint.rules.cross_document_duplicate import CrossDocumentDuplicate

    rule = CrossDocumentDuplicate()
    summaries = []
    paragraphs = 0
    for path in sorted(root.rglob("*.txt")):
        doc = Document(str(path), path.read_text(encoding="utf-8", errors="replace"))
        paragraphs += len(doc.paragraphs)
        summaries.append(rule.summarize(doc))
    store = concatenate(summaries)
    return store.nbytes, len(store.rows), paragraphs


def bench_tier(root: Path, repeat: int) -> dict[str, float]:
    files = list(root.rglob("*.txt"))
    mb = sum(p.stat().st_size for p in files) / 1e6
    print(f"\n## {root.name}: {len(files)} documents, {mb:.2f} MB")
    figures: dict[str, float] = {}
    for rule in RULES:
        runs = [run_rule(root, rule) for _ in range(repeat)]
        wall = statistics.median(r[0] for r in runs)
        own = statistics.median(r[1] for r in runs)
        peak = max(r[2] for r in runs)
        figures[rule] = wall
        print(f"{rule}: {wall:.2f} s wall ({mb / wall:.1f} MB/s), rule's own time {own:.2f} s, peak RSS {peak:.0f} MB")
    nbytes, stored, paragraphs = store_size(root)
    print(
        f"fingerprint store: {nbytes / 1e6:.2f} MB for {stored} paragraphs of {paragraphs} "
        f"({nbytes / max(stored, 1):.0f} bytes per stored paragraph, {nbytes / max(paragraphs, 1):.0f} per paragraph)"
    )
    figures["mb"] = mb
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "corpuslint-bench")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if not (args.shared / "bench").is_dir():
        raise SystemExit(f"no benchmark corpora in {args.shared / 'bench'} (use --shared)")
    expand(args.shared, args.work)
    print(f"# duplicate rules: --jobs 1, no cache, medians of {args.repeat} runs")
    small, large = (bench_tier(args.work / tier, args.repeat) for tier in TIERS)
    print(f"\nsize ratio news-large / news-small: {large['mb'] / small['mb']:.2f}x")
    for rule in RULES:
        print(f"time ratio for {rule}: {large[rule] / small[rule]:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
