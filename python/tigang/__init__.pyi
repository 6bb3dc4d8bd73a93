from typing import Any, Literal, Optional, Union, overload

__version__: str

TextOrBytes = Union[str, bytes, bytearray, memoryview]

def extract(
    text_or_bytes: TextOrBytes,
    source: str = "-",
    *,
    body: bool = False,
    inline: bool = False,
    encoding: Optional[str] = None,
    keep_pinyin: bool = False,
) -> dict[str, Any]: ...
@overload
def rows(
    text_or_bytes: TextOrBytes,
    source: str = "-",
    *,
    body: bool = False,
    inline: bool = False,
    encoding: Optional[str] = None,
    keep_pinyin: bool = False,
    dataframe: Literal[False],
) -> list[dict[str, Any]]: ...
@overload
def rows(
    text_or_bytes: TextOrBytes,
    source: str = "-",
    *,
    body: bool = False,
    inline: bool = False,
    encoding: Optional[str] = None,
    keep_pinyin: bool = False,
    dataframe: Optional[bool] = None,
) -> Any: ...
def chunks(
    text_or_bytes: TextOrBytes,
    source: str = "-",
    *,
    max_chars: int = 800,
    inline: bool = False,
    encoding: Optional[str] = None,
    keep_pinyin: bool = False,
) -> list[dict[str, Any]]: ...
def compare(
    a: TextOrBytes,
    b: TextOrBytes,
    *,
    source_a: str = "a",
    source_b: str = "b",
    encoding: Optional[str] = None,
) -> dict[str, Any]: ...
