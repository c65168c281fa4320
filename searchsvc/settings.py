"""Every setting of the service, declared once with its default and what it is for.

Each is read as `SEARCHSVC_<NAME>` from the environment by `create_app`; the README's
settings table lists them all (a test keeps the two in step).
"""

from __future__ import annotations

from indexer.index.store import default_index_dir

SETTINGS: dict[str, tuple[object, str]] = {
    "INDEX_DIR": (None, "index directory to serve (default: $VNSEARCH_INDEX, else var/index)"),
    "CSV_MAX_ROWS": (10_000, "most rows one /api/v1/search.csv answer (and records one /api/v1/search.ris answer) holds"),
    "FEED_ENTRIES": (50, "entries in one Atom feed"),
    "BASE_URL": (None, "public address of the service (https://tin.example.vn): the feed's links start with it; unset, they are relative to the feed, never taken from the request's Host header"),
    "MAX_PAGE_DEPTH": (10_000, "largest page × per_page a search may reach"),
    "MAX_FILTER_VALUES": (20, "most values one filter parameter may repeat"),
    "SEARCH_TIME_BUDGET_MS": (2000, "most time one search may take before it is refused with a 400 asking to narrow it"),
    "MAX_IN_FLIGHT": (16, "requests answered at once by one worker process; past it a request gets 503 with Retry-After instead of queueing"),
    "CLIENT_TIMEOUT_S": (10, "seconds a client has to send a whole request (vnsearch serve closes a slower one, and one idle that long), so slow clients cannot hold the server"),
    "CONNECTION_LIMIT": (1000, "open connections one vnsearch serve process holds at once; past it new ones wait in the listen queue"),
    "DEFAULT_LANG": ("vi", "interface language when neither ?lang nor Accept-Language decides (vi or en)"),
}


def defaults() -> dict[str, object]:
    """The default value of every setting, computed now (not at import time)."""
    values = {name: default for name, (default, _) in SETTINGS.items()}
    values["INDEX_DIR"] = str(default_index_dir())
    return values
