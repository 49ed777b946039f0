"""Benchmarks: what a turn costs, against the floor of the stack, and how it scales.

`python -m bench` runs every measurement and writes bench/RESULTS.md.
"""

from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent
DATA_DIR = ROOT / "data"
INTENTS_DIR = ROOT / "intents"
OUT_DIR = BENCH_DIR / "out"  # raw results and full profiles; not committed
