"""The engine: the only code that touches Whoosh's internals (its file classes, its block
readers and writers, its segment commit). Everything else in `indexer` uses Whoosh's public API.

The internals read here are those of one release, so the release is checked when the package
is imported: on another Whoosh the fast paths would read attributes that may mean something
else or be gone, and an import error saying so is better than wrong or slow searches.
"""

from __future__ import annotations

import importlib.metadata

import whoosh

WHOOSH_DISTRIBUTION = "Whoosh-Reloaded"
WHOOSH_VERSION = (2, 7, 5)


class UnsupportedWhooshError(ImportError):
    """The installed Whoosh is not the release the engine package was written for."""


def check_whoosh(distribution_version: str | None, module_version: tuple) -> None:
    """Raises UnsupportedWhooshError unless Whoosh-Reloaded 2.7.5 provides `whoosh`."""
    wanted = ".".join(map(str, WHOOSH_VERSION))
    found = ".".join(map(str, module_version))
    if distribution_version is None or tuple(module_version[:3]) != WHOOSH_VERSION or distribution_version != wanted:
        installed = f"{WHOOSH_DISTRIBUTION} {distribution_version}" if distribution_version else "another distribution"
        raise UnsupportedWhooshError(
            f"indexer.engine reads the internals of {WHOOSH_DISTRIBUTION} {wanted}, but `whoosh` {found} "
            f"comes from {installed}; install {WHOOSH_DISTRIBUTION}=={wanted} "
            "(pyproject.toml pins it), or port indexer/engine/ to this release (docs/scaling.md)"
        )


def _installed_distribution_version() -> str | None:
    try:
        return importlib.metadata.version(WHOOSH_DISTRIBUTION)
    except importlib.metadata.PackageNotFoundError:
        return None


check_whoosh(_installed_distribution_version(), tuple(whoosh.__version__))
