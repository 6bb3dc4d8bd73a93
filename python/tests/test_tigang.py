"""The Python package against the Rust library's own outputs: our fixture speech, written for the
rows (tests/fixtures/rows_group_and_inline.txt)."""
import pathlib
import subprocess

import pytest

import tigang

ROOT = pathlib.Path(__file__).resolve().parents[2]
SPEECH = (ROOT / "tests/fixtures/rows_group_and_inline.txt").read_text(encoding="utf-8")


def test_extract_gives_the_outline_as_plain_dicts():
    doc = tigang.extract(SPEECH, "speech.txt")
    assert doc["source"] == "speech.txt"
    speech = doc["speeches"][0]
    assert speech["title"] == "在全市安全生产工作会议上的讲话"
    group = speech["outline"][0]
    assert group["marker"] is None and group["announced"] == 3
    assert [h["marker"] for h in group["children"]] == ["一、", "二、", "三、"]


def test_bytes_in_another_encoding_are_decoded():
    doc = tigang.extract(SPEECH.encode("gb18030"))
    assert doc["encoding"] in ("GBK", "GB18030", "gb18030")
    assert doc["speeches"][0]["outline"][0]["children"][0]["title"] == "提高认识，压实责任"


def test_rows_as_a_list_have_paths_depths_and_offsets():
    rows = tigang.rows(SPEECH, dataframe=False)
    assert [r["path"] for r in rows] == ["1", "1.1", "1.2", "2", "2.1", "2.2", "3"]
    assert [r["depth"] for r in rows] == [1, 2, 2, 1, 2, 2, 1]
    for r in rows:
        section = SPEECH[r["char_start"]:r["char_end"]]
        assert section.startswith(r["marker"] + r["title"])
        assert SPEECH.encode()[r["byte_start"]:r["byte_end"]].decode() == section


def test_inline_points_have_rows_of_their_own():
    rows = tigang.rows(SPEECH, inline=True, dataframe=False)
    inline = [r for r in rows if r["inline"]]
    assert [r["path"] for r in inline] == ["1.2.1", "1.2.2", "1.2.3"]
    assert SPEECH[inline[1]["char_start"]:].startswith("二是部门抓监管")


def test_rows_are_a_dataframe_when_pandas_is_there():
    pd = pytest.importorskip("pandas")
    df = tigang.rows(SPEECH, body=True)
    assert isinstance(df, pd.DataFrame)
    assert list(df["path"]) == ["1", "1.1", "1.2", "2", "2.1", "2.2", "3"]
    assert df.loc[0, "body"] == "提高认识，压实责任。安全生产是底线，容不得半点马虎。"


def test_rows_match_the_command_lines_csv():
    pd = pytest.importorskip("pandas")
    import io
    tigang_bin = ROOT / "target/release/tigang"
    if not tigang_bin.exists():
        pytest.skip("no target/release/tigang")
    path = ROOT / "tests/fixtures/rows_group_and_inline.txt"
    csv = subprocess.run([tigang_bin, "extract", "--quiet", "--format", "csv", path],
                         check=True, capture_output=True, text=True).stdout
    from_cli = pd.read_csv(io.StringIO(csv), dtype={"path": str, "parent": str}, keep_default_na=False)
    from_py = tigang.rows(SPEECH, str(path))
    assert list(from_cli["path"]) == list(from_py["path"])
    assert list(from_cli["char_start"]) == list(from_py["char_start"])


def test_chunks_keep_the_bound_and_their_headings():
    chunks = tigang.chunks(SPEECH, max_chars=30)
    assert all(len(c["text"]) <= 30 for c in chunks)
    assert all(SPEECH[c["char_start"]:c["char_end"]] == c["text"] for c in chunks)
    sub = next(c for c in chunks if c["path"] == "1.1")
    assert sub["headings"] == ["一、提高认识，压实责任", "（一）认清形势"]


def test_compare_a_speech_with_itself_is_identical():
    result = tigang.compare(SPEECH, SPEECH)
    assert result["similarity"] == 1.0


def test_bad_input_raises_a_value_error_naming_it():
    with pytest.raises(ValueError, match="bin.dat"):
        tigang.extract(bytes(range(256)) * 8, "bin.dat")
    with pytest.raises(TypeError):
        tigang.extract(42)
