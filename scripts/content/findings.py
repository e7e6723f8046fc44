"""The one shape every check reports in: ``path:line: [check-id] message``.

GCC-style lines are understood by editors and by GitHub's problem matchers; the
build hook, the CLI and the tests all format findings through this class.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Finding:
    path: str
    line: int
    check: str
    message: str
    severity: str = "error"  # "error" fails the run, "warning" is only reported

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: [{self.check}] {self.message}"

    def github_annotation(self) -> str:
        """A workflow command that GitHub shows on the pull request diff."""
        level = "error" if self.severity == "error" else "warning"
        msg = self.message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return f"::{level} file={self.path},line={self.line},title={self.check}::{msg}"
