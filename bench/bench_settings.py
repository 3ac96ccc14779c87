"""Settings for bench/throughput.py: the production settings plus a hello-world page to compare with."""

from distans.settings import *  # noqa: F403

ROOT_URLCONF = "bench.bench_urls"
