"""The site's stylesheets and page scripts as one file each (scripts/build/bundle.py):
every part listed in mkdocs.yml is in its bundle, in order, and nothing else
links a part; a list that cannot be joined stops the build at its mkdocs.yml line."""

from __future__ import annotations

import pytest

from scripts.build import bundle
from scripts.build.bundle import BUNDLES
from scripts.content import config as mkdocs_config
from tests.conftest import ROOT, copy_project, mkdocs_build, question_with
from tests.html import parse

LINKS = 'link[rel="stylesheet"][href], script[src]'


@pytest.mark.parametrize("key", sorted(BUNDLES))
def test_each_bundle_holds_the_listed_parts_in_order(built_site, key):
    listed = [str(getattr(item, "path", item)) for item in mkdocs_config.load()[key]]
    assert len(listed) >= 2, f"mkdocs.yml {key} lists fewer than two files: nothing to join"
    for lang in ("", "en"):
        text = (built_site / lang / BUNDLES[key]).read_text(encoding="utf-8")
        parts = bundle.split(text)
        assert list(parts) == listed
        for name, part in parts.items():  # each part whole, as the theme holds it
            assert (ROOT / "overrides" / name).read_text(encoding="utf-8").strip() in part
            assert not (built_site / lang / name).exists(), f"{name} is also copied on its own"


def test_pages_link_the_bundles_and_no_part(built_site):
    parts = {str(getattr(item, "path", item)).rsplit("/", 1)[-1]
             for key in BUNDLES for item in mkdocs_config.load()[key]}
    for page in ("index.html", question_with() + "index.html", "en/study/index.html", "404.html"):
        refs = [node.attributes.get("href") or node.attributes.get("src")
                for node in parse((built_site / page).read_text(encoding="utf-8")).css(LINKS)]
        names = [ref.rsplit("/", 1)[-1] for ref in refs]
        for path in BUNDLES.values():
            assert names.count(path.rsplit("/", 1)[-1]) == 1, (page, names)
        assert not parts & set(names), (page, names)


def test_a_part_that_does_not_exist_stops_the_build_at_its_line(tmp_path):
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("  - assets/javascripts/offline.js", "  - assets/javascripts/ofline.js"),
                      encoding="utf-8")
    line = next(n for n, row in enumerate(config.read_text(encoding="utf-8").splitlines(), 1) if "ofline.js" in row)
    result = mkdocs_build(project, tmp_path / "out", "http://127.0.0.1/", lang="en")
    assert result.status == 1
    assert f"mkdocs.yml:{line}: [bundle]" in result.output and "ofline.js" in result.output, result.output
    assert "Traceback" not in result.output


def test_page_scripts_wait_for_the_page_and_the_early_scripts_do_not(built_site):
    """Material's bundle, hb.js and study.js are deferred (main.html: the page
    paints before they run, still in order); hb-core.js (storage scope) and
    palette.js (the saved palette) run before the first paint."""
    early = ["hb-core.js", "palette.js"]
    for page in (question_with() + "index.html", "en/index.html", "study/index.html", "404.html"):
        scripts = [node.attributes for node in parse((built_site / page).read_text(encoding="utf-8")).css("script[src]")]
        names = [a["src"].rsplit("/", 1)[-1] for a in scripts]
        assert names[:2] == early and names[2].startswith("bundle."), page
        assert names[3] == BUNDLES["extra_javascript"].rsplit("/", 1)[-1], page
        assert [name for name, a in zip(names, scripts) if "defer" not in a] == early, page
        assert not any("async" in a for a in scripts), page
