"""The vendored scheduler is the pinned npm package, byte for byte
(scripts/dev/vendor.py, `make vendor`)."""

from __future__ import annotations

import json
import os
import shutil

import pytest

from scripts.dev import vendor


@pytest.fixture(scope="module")
def installed():
    if vendor.installed_version("ts-fsrs") is None:
        message = "node_modules/ts-fsrs missing: run `npm ci` (make test does)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message, pytrace=False)
        pytest.skip(message)


def test_vendored_ts_fsrs_is_the_pinned_package_byte_for_byte(installed):
    pinned = vendor.locked_version("ts-fsrs")
    assert vendor.installed_version("ts-fsrs") == pinned
    manifest = json.loads(vendor.manifest_path("ts-fsrs").read_text(encoding="utf-8"))
    assert manifest["version"] == pinned == "5.4.2"
    umd = (vendor.NODE_MODULES / "ts-fsrs/dist/index.umd.js").read_bytes()
    assert (vendor.VENDOR_DIR / "ts-fsrs.umd.js").read_bytes() == umd
    assert (vendor.VENDOR_DIR / "ts-fsrs.LICENSE.txt").read_bytes() == (vendor.NODE_MODULES / "ts-fsrs/LICENSE").read_bytes()
    assert vendor.problems() == []


def test_make_vendor_reproduces_the_copy_and_reports_drift(installed, tmp_path):
    out = tmp_path / "vendor"
    assert vendor.vendor(vendor_dir=out, echo=lambda _: None) == 0
    for name in ("ts-fsrs.umd.js", "ts-fsrs.LICENSE.txt", "ts-fsrs.json"):
        assert (out / name).read_bytes() == (vendor.VENDOR_DIR / name).read_bytes()
    (out / "ts-fsrs.umd.js").write_bytes(b"/* edited */" + (out / "ts-fsrs.umd.js").read_bytes())
    assert any("ts-fsrs.umd.js" in p for p in vendor.problems(vendor_dir=out))
    # a lock file pinning another version is reported, and vendoring refuses
    lock = tmp_path / "package-lock.json"
    data = json.loads(vendor.LOCK_FILE.read_text(encoding="utf-8"))
    data["packages"]["node_modules/ts-fsrs"]["version"] = "9.9.9"
    lock.write_text(json.dumps(data), encoding="utf-8")
    assert any("9.9.9" in p for p in vendor.problems(vendor_dir=out, lock=lock))
    shutil.rmtree(out)
    assert vendor.vendor(vendor_dir=out, lock=lock, echo=lambda _: None) == 1
