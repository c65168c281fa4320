"""Lone surrogates: code points a JSON escape ("\\ud800") or a file name that is not UTF-8 puts
into a Python string, and that no UTF-8 writer (index file, report, terminal) accepts."""

from __future__ import annotations

import re

# After json.loads, a valid pair ("\\ud83d\\ude00") is one character: what is left is lone.
_SURROGATE = re.compile("[\ud800-\udfff]")
# Cheap test on the raw line, before walking the record: a \\uD800–\\uDFFF escape.
_ESCAPED_SURROGATE = re.compile(rb"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")
REPLACEMENT = "\ufffd"


def may_hold_surrogates(raw: bytes) -> bool:
    """Whether a JSON line has a surrogate escape (a valid pair matches too; walking it costs little)."""
    return _ESCAPED_SURROGATE.search(raw) is not None


def replace_surrogates(value: object) -> tuple[object, int]:
    """The JSON value with every lone surrogate replaced by U+FFFD, and how many were replaced."""
    if isinstance(value, str):
        return _SURROGATE.subn(REPLACEMENT, value)
    if isinstance(value, list):
        replaced = [replace_surrogates(item) for item in value]
        return [item for item, _ in replaced], sum(count for _, count in replaced)
    if isinstance(value, dict):
        pairs = [(replace_surrogates(key), replace_surrogates(item)) for key, item in value.items()]
        return {key: item for (key, _), (item, _) in pairs}, sum(k + i for (_, k), (_, i) in pairs)
    return value, 0


def escaped(text: str) -> str:
    """The text safe for any UTF-8 writer: a byte of a file name that was not UTF-8 shown as
    `\\xff`, any other lone surrogate as `\\ud800`."""
    if _SURROGATE.search(text) is None:
        return text
    return _SURROGATE.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # os.fsdecode's surrogateescape of one byte
        return f"\\x{code - 0xDC00:02x}"
    return f"\\u{code:04x}"
