"""Text that looks like it identifies a patient or a learner, found before it is published.

Projects, coaches and the network are free text written by organisers and
teams. The site holds aggregate facts only, so text is refused when it holds:

- an NHS number: ten digits, written together or 3-3-4 with spaces or
  hyphens, whose last digit is the modulus-11 check digit of the first nine
  (so most other ten-digit numbers, such as a phone number, pass);
- a date of birth: a date written near 'DOB', 'born' or 'date of birth';
- an email address, outside the fields meant for a work contact.

Each finding says where in the text it starts, so a message can point at the
line and column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_NHS_NUMBER = re.compile(r"(?<![\d-])(\d{3})[ -]?(\d{3})[ -]?(\d{4})(?![\d-])")
_DATE = (
    r"(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{1,2}-\d{1,2}"
    r"|\d{1,2}\s+[A-Za-z]{3,9}\.?\s+\d{4})"
)
_BIRTH = re.compile(
    r"\b(?:d\.?\s?o\.?\s?b\.?|date\s+of\s+birth|born(?:\s+on)?|birth\s*date)\b"
    rf"[\s:=,-]{{0,6}}(?:on\s+)?{_DATE}",
    re.IGNORECASE,
)
_EMAIL = re.compile(r"[^@\s<>()\[\],;:\"']+@[^@\s<>()\[\],;:\"']+\.[A-Za-z]{2,}")


@dataclass(frozen=True)
class Finding:
    offset: int
    """Where in the text the personal data starts (0-based)."""
    what: str
    """'an NHS number', 'a date of birth' or 'an email address'."""
    text: str
    """The text found, as written."""


def is_nhs_number(digits: str) -> bool:
    """Whether ten digits pass the NHS number's modulus-11 check."""
    if len(digits) != 10 or not digits.isdigit():
        return False
    total = sum(int(d) * weight for d, weight in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    if check == 11:
        check = 0
    return check != 10 and check == int(digits[9])


def find_personal(text: str, allow_email: bool = False) -> list[Finding]:
    """Every stretch of ``text`` that looks like personal data, in text order."""
    found = [
        Finding(m.start(), "an NHS number", m.group(0))
        for m in _NHS_NUMBER.finditer(text)
        if is_nhs_number("".join(m.groups()))
    ]
    found += [Finding(m.start(), "a date of birth", m.group(0)) for m in _BIRTH.finditer(text)]
    if not allow_email:
        found += [
            Finding(m.start(), "an email address", m.group(0)) for m in _EMAIL.finditer(text)
        ]
    return sorted(found, key=lambda f: f.offset)


_PERSONAL_COLUMN = re.compile(
    r"dob|dateofbirth|birth\w*|nhs(?:number|no)?|patient\w*|(?:first|last|full|sur|fore)?names?"
    r"|e?mail(?:address)?|phone|mobile|address|postcode|mrn|hospitalnumber"
)


def column_looks_personal(name: str) -> bool:
    """Whether a CSV column's name says it holds something about a person."""
    key = re.sub(r"[^a-z]", "", name.lower())
    return bool(_PERSONAL_COLUMN.fullmatch(key))


def describe(finding: Finding) -> str:
    """'an NHS number (943 ••• ••••)': what was found, masked so that the message
    (printed in a terminal, kept in a CI log) does not repeat it."""
    shown = finding.text[:3] + re.sub(r"[^\s/.@-]", "•", finding.text[3:])
    return f"{finding.what} ({shown})"
