"""IHI Open School course codes and catalogue entries."""

from __future__ import annotations

import re
from typing import Annotated, Any

from pydantic import BeforeValidator
from pydantic_core import PydanticCustomError

from qisite.model.types import SafeUrl, Strict, Text

_CODE = re.compile(r"^\s*([A-Za-z]{1,4})\s*-?\s*(\d{3})\s*$")


def normalise_code(value: Any) -> Any:
    """'qi102', 'QI-102' and 'QI 102' are the same course: store 'QI 102'."""
    if not isinstance(value, str):
        return value
    match = _CODE.match(value)
    if not match:
        raise PydanticCustomError(
            "qisite_ihi_code",
            "'{value}' is not an IHI Open School course code; codes look like 'QI 102'",
            {"value": value},
        )
    return f"{match[1].upper()} {match[2]}"


IhiCode = Annotated[str, BeforeValidator(normalise_code)]


class IhiCourse(Strict):
    code: IhiCode
    title: Text
    url: SafeUrl | None = None
    topic: str | None = None
