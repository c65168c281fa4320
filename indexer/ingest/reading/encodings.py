"""Turning the bytes of a file into NFC text, whatever Vietnamese encoding it was saved in.

Handled: UTF-8 with or without BOM, UTF-16/UTF-32 with BOM, Windows-1258 (whose
combining tone marks need NFC), and the legacy 8-bit encodings TCVN3 (ABC) and VNI,
whose tables live in `indexer/ingest/reading/data/legacy_encodings.json`. The single-byte candidates
always decode, so the choice between them is made by how many words come out as
well-formed Vietnamese syllables; text already decoded but typed in a legacy font
("Héi th¶o", "Hoäi thaûo") is repaired the same way.
"""

from __future__ import annotations

import codecs
import json
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

_DATA = Path(__file__).resolve().parent / "data" / "legacy_encodings.json"
_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
_VIETNAMESE_LETTERS = set("abcdefghijklmnopqrstuvwxyzăâđêôơư")
_ONSETS = (
    "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr",
    "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "",
)
_CODAS = ("ch", "ng", "nh", "c", "k", "m", "n", "p", "t", "i", "y", "o", "u", "")
_VOWELS = set("aăâeêioôơuưy")
_STRIP = "\"'“”‘’()[]{}.,;:!?…–—-/«»*•%0123456789"
# Below this share of well-formed Vietnamese words a text is not accepted as decoded.
MIN_PLAUSIBILITY = 0.6
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


class UndecodableError(ValueError):
    """The bytes are not text in any encoding we know."""


def decode_bytes(data: bytes) -> str:
    """The text of `data`, NFC-normalized; raises UndecodableError for binary or unknown bytes."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _finish(data.decode(encoding))
            except UnicodeDecodeError as error:
                raise UndecodableError(f"invalid {encoding} text: {error.reason}") from error
    if b"\x00" in data:
        return _finish(_decode_utf16_without_bom(data))
    try:
        decoded = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return repair_legacy(_finish(decoded))
    candidates = []
    for decode in (
        lambda: data.decode("cp1258"),
        lambda: _from_tcvn3(data.decode("latin-1")),
        lambda: _from_vni(data.decode("cp1252", errors="replace")),
    ):
        try:
            candidates.append(_finish(decode()))
        except (UnicodeDecodeError, UndecodableError):
            continue
    if not candidates:
        raise UndecodableError("binary data, not text")
    best = max(candidates, key=plausibility)
    if plausibility(best) < MIN_PLAUSIBILITY or "\ufffd" in best:
        raise UndecodableError("not UTF-8, UTF-16, Windows-1258, TCVN3 or VNI text")
    return best


def repair_legacy(text: str) -> str:
    """`text` converted from TCVN3 or VNI if it reads as such, else unchanged."""
    if not _LEGACY_HINT.search(text):
        return text
    original = plausibility(text)
    best, best_score = text, original
    for convert in (_from_tcvn3, _from_vni):
        try:
            converted = _finish(convert(text))
        except UndecodableError:  # control codes (a field of a JSON record may hold any): no reading
            continue
        score = plausibility(converted)
        if score > best_score + 0.15:
            best, best_score = converted, score
    return best


def plausibility(text: str) -> float:
    """Share of the non-ASCII words of `text` that are well-formed Vietnamese syllables."""
    checked = valid = 0
    for raw in text.split():
        word = raw.strip(_STRIP)
        if not word or word.isascii():
            continue
        checked += 1
        valid += _is_syllable(word)
        if checked >= 2000:
            break
    return 1.0 if checked == 0 else valid / checked


@lru_cache(maxsize=100_000)
def _is_syllable(word: str) -> bool:
    decomposed = unicodedata.normalize("NFD", word.lower())
    tones = sum(1 for c in decomposed if c in _TONES)
    base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))
    if tones > 1 or not base or any(c not in _VIETNAMESE_LETTERS for c in base):
        return False
    for onset in _ONSETS:
        if not base.startswith(onset):
            continue
        rest = base[len(onset) :]
        for coda in _CODAS:
            if coda and not rest.endswith(coda):
                continue
            nucleus = rest[: len(rest) - len(coda)]
            if 1 <= len(nucleus) <= 3 and all(c in _VOWELS for c in nucleus):
                return True
    return False


def _finish(text: str) -> str:
    """The decoded text in NFC; raises UndecodableError if it is control codes, not text."""
    sample = text[:20000]
    strange = sum(
        1
        for c in sample
        if c not in "\n\r\t\f" and unicodedata.category(c) in ("Cc", "Cn", "Co", "Cs")
    )
    if sample and strange > max(2, len(sample) // 100):
        raise UndecodableError("binary data, not text")
    return unicodedata.normalize("NFC", text)


def _decode_utf16_without_bom(data: bytes) -> str:
    even_zeros = data[0::2].count(0)
    odd_zeros = data[1::2].count(0)
    half = max(1, len(data) // 2)
    if odd_zeros > half * 0.3 and even_zeros < half * 0.05:
        encoding = "utf-16-le"
    elif even_zeros > half * 0.3 and odd_zeros < half * 0.05:
        encoding = "utf-16-be"
    else:
        raise UndecodableError("binary data (NUL bytes)")
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise UndecodableError(f"invalid {encoding} text") from error


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, str], dict[str, str], re.Pattern[str]]:
    data = json.loads(_DATA.read_text(encoding="utf-8"))
    tcvn3 = {chr(int(code, 16)): letter for code, letter in data["tcvn3"].items()}
    vni: dict[str, str] = data["vni"]
    pattern = re.compile("|".join(re.escape(s) for s in sorted(vni, key=len, reverse=True)))
    return tcvn3, vni, pattern


def _from_tcvn3(text: str) -> str:
    table = _tables()[0]
    return "".join(table.get(_byte_char(c), c) for c in text)


def _byte_char(char: str) -> str:
    """The latin-1 character of the byte that `char` shows in Windows-1252 (e.g. ‚ → \\x82)."""
    if ord(char) < 256:
        return char
    try:
        return chr(char.encode("cp1252")[0])
    except UnicodeEncodeError:
        return char


def _from_vni(text: str) -> str:
    _, table, pattern = _tables()
    return pattern.sub(lambda m: table[m.group()], text)


# Characters that TCVN3 or VNI text shows when read as Windows-1252 and that no
# Vietnamese word contains (VNI's mark bytes ä ë ï ö ü å æ ø û ñ î, TCVN3's symbols).
_LEGACY_HINT = re.compile(r"\w[µ¸¶·¹¨©ª«¬®¡¢£¤¥¦§»¾¼½ÆÇËÐÎÏÑÖ×ØÜÞßçþäëïöüåæøûñî\xad]|[µ¸¶·¹¨©ª«¬®]\w")
