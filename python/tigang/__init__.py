"""Outlines of Chinese speeches and reports, from Python.

The Rust library does the work (the same as the `tigang` command line); these functions hand its
JSON back as plain dicts and lists.
"""
import json as _json

from . import _tigang

__version__ = _tigang.__version__
__all__ = ["extract", "rows", "chunks", "compare"]


def _bytes(text_or_bytes):
    if isinstance(text_or_bytes, str):
        return text_or_bytes.encode("utf-8")
    if isinstance(text_or_bytes, (bytes, bytearray, memoryview)):
        return bytes(text_or_bytes)
    raise TypeError(f"expected str or bytes, got {type(text_or_bytes).__name__}")


def extract(text_or_bytes, source="-", *, body=False, inline=False, encoding=None,
            keep_pinyin=False):
    """The outline of one input as a dict shaped like `tigang extract --format json`."""
    doc, _warnings = _tigang.extract_json(_bytes(text_or_bytes), source, body=body, inline=inline,
                                          encoding=encoding, keep_pinyin=keep_pinyin)
    return _json.loads(doc)


def rows(text_or_bytes, source="-", *, body=False, inline=False, encoding=None,
         keep_pinyin=False, dataframe=None):
    """One row per numbered point (as `--format csv`): a pandas DataFrame when pandas is
    installed (or `dataframe=True`), else a list of dicts. `dataframe=False` always gives the list."""
    found = _json.loads(_tigang.rows_json(_bytes(text_or_bytes), source, body=body, inline=inline,
                                          encoding=encoding, keep_pinyin=keep_pinyin))
    if dataframe is False:
        return found
    try:
        import pandas as pd
    except ImportError:
        if dataframe:
            raise
        return found
    return pd.DataFrame(found, columns=_columns(body))


def _columns(body):
    cols = ["source", "speech", "speech_title", "path", "depth", "marker", "family", "number",
            "title", "parent", "breadcrumb", "line", "byte_start", "byte_end", "char_start",
            "char_end", "inline"]
    return cols + ["body"] if body else cols


def chunks(text_or_bytes, source="-", *, max_chars=800, inline=False, encoding=None,
           keep_pinyin=False):
    """Passages for retrieval (as `--format chunks`): a list of dicts."""
    return _json.loads(_tigang.chunks_json(_bytes(text_or_bytes), source, max_chars=max_chars,
                                           inline=inline, encoding=encoding,
                                           keep_pinyin=keep_pinyin))


def compare(a, b, *, source_a="a", source_b="b", encoding=None):
    """Compare the main speeches of two inputs (as `tigang compare --format json A B`)."""
    return _json.loads(_tigang.compare_json(_bytes(a), _bytes(b), source_a=source_a,
                                            source_b=source_b, encoding=encoding))
