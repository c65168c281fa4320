"""Encodings: UTF-8 with or without BOM, UTF-16, Windows-1258, and legacy TCVN3 and VNI text."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from indexer.ingest.articles import Article, ReadFailure
from indexer.ingest.reading import read_articles
from indexer.ingest.reading.encodings import UndecodableError, decode_bytes, plausibility, repair_legacy

TABLES = Path(__file__).parent.parent / "indexer" / "ingest" / "reading" / "data" / "legacy_encodings.json"
ARTICLE = (
    "Hội thảo khoa học về chuyển đổi số\n\n"
    "Sáng ngày 16/10/2020, tại Hà Nội, Khoa Văn bản và Công nghệ hành chính tổ chức Hội thảo khoa học "
    "“Xây dựng chính quyền điện tử ở Việt Nam – thực trạng và giải pháp”. Đại biểu đã thảo luận về "
    "những khó khăn, vướng mắc trong việc cung cấp dịch vụ công trực tuyến cho người dân.\n"
)


def encode_tcvn3(text: str) -> bytes:
    """`text` in TCVN3 (ABC), which has no upper-case toned letters."""
    table = {letter: int(code, 16) for code, letter in json.loads(TABLES.read_text("utf-8"))["tcvn3"].items()}
    return bytes(table[c] if c in table else ord(c) for c in unicodedata.normalize("NFC", text))


def encode_vni(text: str) -> bytes:
    """`text` in VNI-Windows: letters followed by mark bytes."""
    table = {letter: seq for seq, letter in json.loads(TABLES.read_text("utf-8"))["vni"].items()}
    return "".join(table.get(c, c) for c in unicodedata.normalize("NFC", text)).encode("cp1252")


def encode_cp1258(text: str) -> bytes:
    """`text` in Windows-1258: letters it lacks written as base letter plus combining tone mark."""
    out = bytearray()
    for char in unicodedata.normalize("NFC", text):
        try:
            out += char.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        decomposed = unicodedata.normalize("NFD", char)
        tones = "".join(c for c in decomposed if c in "\u0300\u0301\u0303\u0309\u0323")
        base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in tones))
        out += (base + tones).encode("cp1258")
    return bytes(out)


def test_cp1258_sample_uses_combining_tone_marks():
    assert encode_cp1258("thảo") == b"tha\xd2o"  # a + combining hook above


@pytest.mark.parametrize(
    "encode",
    [
        pytest.param(lambda t: t.encode("utf-8"), id="utf-8"),
        pytest.param(lambda t: t.encode("utf-8-sig"), id="utf-8-bom"),
        pytest.param(lambda t: t.encode("utf-16"), id="utf-16-bom"),
        pytest.param(lambda t: t.encode("utf-16-be").join([b"\xfe\xff", b""]), id="utf-16-be-bom"),
        pytest.param(lambda t: unicodedata.normalize("NFD", t).encode("utf-8"), id="utf-8-decomposed"),
        pytest.param(encode_cp1258, id="windows-1258"),
        pytest.param(encode_vni, id="vni"),
    ],
)
def test_every_encoding_decodes_to_the_same_nfc_text(encode):
    assert decode_bytes(encode(ARTICLE)) == unicodedata.normalize("NFC", ARTICLE)


def test_tcvn3_decodes_to_the_text_with_capitals_lost_only_where_tcvn3_has_none():
    lowercase_toned = ARTICLE.replace("“", '"').replace("”", '"').replace("–", "-")

    decoded = decode_bytes(encode_tcvn3(lowercase_toned))

    assert decoded == unicodedata.normalize("NFC", lowercase_toned)


def test_tcvn3_text_already_read_as_windows_1252_is_repaired():
    garbled = "Héi th¶o khoa häc vÒ chuyÓn ®æi sè do Bé Néi vô tæ chøc"

    assert repair_legacy(garbled) == "Hội thảo khoa học về chuyển đổi số do Bộ Nội vụ tổ chức"


def test_vni_text_already_read_as_windows_1252_is_repaired():
    garbled = "Hoäi thaûo khoa hoïc veà chuyeån ñoåi soá do Boä Noäi vuï toå chöùc"

    assert repair_legacy(garbled) == "Hội thảo khoa học về chuyển đổi số do Bộ Nội vụ tổ chức"


def test_correct_vietnamese_is_never_repaired():
    text = unicodedata.normalize("NFC", ARTICLE) + " Đắk Lắk, khuỷu tay, thuở ấy, ngoằn ngoèo."

    assert repair_legacy(text) == text
    assert plausibility(text) == 1.0


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(bytes(range(256)) * 8, id="binary"),
        pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00\x10" * 50, id="png"),
        pytest.param(b"\xef\xbb\xbf" + "Hội thảo".encode("utf-8") + b"\xff\xfe\xfa", id="broken-utf-8-after-bom"),
    ],
)
def test_bytes_that_are_no_text_are_undecodable(data):
    with pytest.raises(UndecodableError):
        decode_bytes(data)


def test_reading_legacy_files_gives_articles_and_an_undecodable_file_a_failure(tmp_path):
    (tmp_path / "a_tcvn3.txt").write_bytes(encode_tcvn3(ARTICLE.replace("“", '"').replace("”", '"').replace("–", "-")))
    (tmp_path / "b_vni.txt").write_bytes(encode_vni(ARTICLE))
    (tmp_path / "c_cp1258.txt").write_bytes(encode_cp1258(ARTICLE))
    (tmp_path / "d_utf16.txt").write_bytes(ARTICLE.encode("utf-16"))
    (tmp_path / "e_binary.txt").write_bytes(bytes(range(256)) * 8)

    items = list(read_articles([tmp_path]))

    assert [type(item) for item in items] == [Article, Article, Article, Article, ReadFailure]
    assert all(item.title == "Hội thảo khoa học về chuyển đổi số" for item in items[:4])
    assert all(item.date == "2020-10-16" for item in items[:4])
    assert items[4].reason.startswith("undecodable text")
