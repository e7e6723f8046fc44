"""The benchmark runs end to end at a tiny size and reports every figure.
(The figures themselves are in benchmarks/README.md, not asserted here.)"""

from __future__ import annotations

import json
import os
import subprocess
import sys

from tests.conftest import ROOT

KEYS = {"build_s", "build_ms_per_page", "default_build_s", "build_ratio_vs_default", "site_mb",
        "largest_page_kb", "search_first_payload_kb", "search_first_query_ms", "search_median_ms", "check_s",
        "check_edit_s", "serve_rebuild_s", "serve_rebuild_real_s", "study_first_load_kb", "epub_mb", "epub_files",
        "cards_kb", "markdown_mb", "cram_largest_kb", "search_top10_contains", "search_title_top3", "corpus"}


def test_bench_runs_and_writes_json(tmp_path):
    out = tmp_path / "bench.json"
    result = subprocess.run([sys.executable, "-m", "scripts.docs", "bench", "--n", "12", "--json", str(out)],
                            cwd=ROOT, capture_output=True, text=True, timeout=600,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode == 0, result.stdout + result.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    assert KEYS <= set(data)
    for key in ("search_first_payload_kb", "search_first_query_ms", "search_median_ms"):
        assert set(data[key]) == {"zh", "en"} and all(v and v > 0 for v in data[key].values()), (key, data[key])
    # The quality figures are computed from the corpus text: shares in percent.
    for key in ("search_top10_contains", "search_title_top3"):
        assert set(data[key]) == {"zh", "en"} and all(0 <= v <= 100 for v in data[key].values()), (key, data[key])
    assert data["corpus"] == "realistic"
    assert data["build_s"] > 0 and data["default_build_s"] > 0 and data["site_mb"] > 0
    assert data["serve_rebuild_s"] is not None and data["serve_rebuild_real_s"] is not None
    assert data["check_s"] > 0 and data["check_edit_s"] > 0 and data["study_first_load_kb"] > 0
    for key in ("epub_mb", "epub_files", "cards_kb", "markdown_mb", "cram_largest_kb"):
        assert set(data[key]) == {"zh", "en"} and all(v > 0 for v in data[key].values()), (key, data[key])
