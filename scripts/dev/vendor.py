"""`make vendor`: copy the browser libraries the site ships from their pinned npm packages.

The review scheduler is FSRS from `ts-fsrs` (open-spaced-repetition), pinned
in package-lock.json. The site serves a copy committed under
`overrides/assets/javascripts/vendor/`, so `make serve` and `make build` need
Python only; this module reproduces that copy byte for byte from
`node_modules/` (after `npm ci`) and writes a manifest with the version and
checksums. The tests compare the copy with the package, so an upgrade is:
bump package.json, `npm install`, `make vendor`, commit.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

from scripts.content.layout import ROOT

VENDOR_DIR = ROOT / "overrides" / "assets" / "javascripts" / "vendor"
LOCK_FILE = ROOT / "package-lock.json"
NODE_MODULES = ROOT / "node_modules"
# package -> {file in the package: file name in VENDOR_DIR}
PACKAGES = {
    "ts-fsrs": {"dist/index.umd.js": "ts-fsrs.umd.js", "LICENSE": "ts-fsrs.LICENSE.txt"},
}


def locked_version(package: str, lock: Path = LOCK_FILE) -> str:
    """The version package-lock.json pins for `package`."""
    data = json.loads(lock.read_text(encoding="utf-8"))
    return data["packages"][f"node_modules/{package}"]["version"]


def installed_version(package: str, modules: Path = NODE_MODULES) -> str | None:
    manifest = modules / package / "package.json"
    return json.loads(manifest.read_text(encoding="utf-8"))["version"] if manifest.exists() else None


def manifest_path(package: str, vendor_dir: Path = VENDOR_DIR) -> Path:
    return vendor_dir / f"{package}.json"


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def problems(modules: Path = NODE_MODULES, vendor_dir: Path = VENDOR_DIR, lock: Path = LOCK_FILE) -> list[str]:
    """Every way the committed copy differs from the pinned, installed package ([] when identical)."""
    found = []
    for package, files in PACKAGES.items():
        pinned, installed = locked_version(package, lock), installed_version(package, modules)
        if installed != pinned:
            found.append(f"{package}: node_modules has {installed}, package-lock.json pins {pinned} (run npm ci)")
            continue
        manifest = manifest_path(package, vendor_dir)
        recorded = json.loads(manifest.read_text(encoding="utf-8")) if manifest.exists() else {}
        if recorded.get("version") != pinned:
            found.append(f"{manifest.name}: records version {recorded.get('version')}, package-lock.json pins {pinned}")
        for source, name in files.items():
            copy = vendor_dir / name
            if not copy.exists() or copy.read_bytes() != (modules / package / source).read_bytes():
                found.append(f"{name}: differs from {package}/{source} {pinned} (run make vendor)")
            elif recorded.get("files", {}).get(name) != _sha256(copy):
                found.append(f"{manifest.name}: wrong checksum for {name} (run make vendor)")
    return found


def vendor(modules: Path = NODE_MODULES, vendor_dir: Path = VENDOR_DIR, lock: Path = LOCK_FILE, echo=print) -> int:
    """Copy every vendored file from node_modules and write its manifest; 0 on success."""
    status = 0
    vendor_dir.mkdir(parents=True, exist_ok=True)
    for package, files in PACKAGES.items():
        pinned, installed = locked_version(package, lock), installed_version(package, modules)
        if installed != pinned:
            echo(f"vendor: {package} {pinned} is pinned but node_modules has {installed}; run npm ci first")
            status = 1
            continue
        info = json.loads((modules / package / "package.json").read_text(encoding="utf-8"))
        for source, name in files.items():
            shutil.copyfile(modules / package / source, vendor_dir / name)
        manifest = {"package": package, "version": pinned, "license": info.get("license"),
                    "homepage": info.get("homepage"),
                    "from": {name: f"{package}/{source}" for source, name in files.items()},
                    "files": {name: _sha256(vendor_dir / name) for name in files.values()}}
        manifest_path(package, vendor_dir).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
        echo(f"vendor: {package} {pinned} copied into {vendor_dir}")
    return status
