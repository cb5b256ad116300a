"""The publication manifest on its own: history carried across builds, JSON in and out."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from qisite.publication import (
    AudienceEntry,
    Manifest,
    ManifestError,
    ModuleEntry,
    Published,
    Sitting,
    build_manifest,
)

LONDON_SUMMER = timezone(timedelta(hours=1))
FIRST = datetime(2027, 1, 10, 9, 0, tzinfo=UTC)
SECOND = datetime(2027, 2, 10, 9, 0, tzinfo=UTC)
THIRD = datetime(2027, 3, 10, 9, 0, tzinfo=UTC)


def sitting(hour: int = 12, venue: str | None = "Room 1", status: str = "scheduled") -> Sitting:
    start = datetime(2027, 6, 1, hour, 0, tzinfo=LONDON_SUMMER)
    return Sitting(
        module="qi-basics",
        title="QI basics",
        start=start,
        end=start + timedelta(hours=1),
        venue=venue,
        online=None,
        status=status,  # type: ignore[arg-type]
        address="modules/qi-basics/#session-intro",
    )


def published(**sittings: Sitting) -> Published:
    return Published(
        academy="riverside",
        modules={
            "qi-basics": ModuleEntry("QI basics", "modules/qi-basics/", ("intro-to-qi",)),
            "old-one": ModuleEntry("Old one", "modules/old-one/", retired=date(2027, 1, 1)),
        },
        audiences={"ward-staff": AudienceEntry("Ward staff", "pathways/ward-staff/")},
        addresses=["modules/qi-basics/", "index.html", "modules/qi-basics/"],
        sittings={f"{key}@riverside": value for key, value in sittings.items()},
    )


def test_a_first_build_publishes_every_sitting_at_its_time_with_sequence_0() -> None:
    manifest = build_manifest(published(a=sitting()), FIRST, None)
    entry = manifest.sittings["a@riverside"]
    assert (entry.first_published, entry.last_changed, entry.sequence) == (FIRST, FIRST, 0)
    assert manifest.built_at == FIRST
    assert manifest.addresses == ("index.html", "modules/qi-basics/")


def test_history_is_kept_unchanged_then_counted_on_each_change() -> None:
    one = build_manifest(published(a=sitting(), b=sitting()), FIRST, None)
    two = build_manifest(published(a=sitting(), b=sitting(hour=14), c=sitting()), SECOND, one)
    assert two.sittings["a@riverside"].last_changed == FIRST
    assert two.sittings["a@riverside"].sequence == 0
    moved = two.sittings["b@riverside"]
    assert (moved.first_published, moved.last_changed, moved.sequence) == (FIRST, SECOND, 1)
    new = two.sittings["c@riverside"]
    assert (new.first_published, new.last_changed, new.sequence) == (SECOND, SECOND, 0)
    three = build_manifest(
        published(a=sitting(venue="Room 2"), b=sitting(hour=14, status="cancelled"), c=sitting()),
        THIRD,
        Manifest.from_json(two.to_json()),
    )
    assert three.sittings["a@riverside"].sequence == 1
    assert three.sittings["b@riverside"].sequence == 2
    assert three.sittings["b@riverside"].first_published == FIRST
    assert three.sittings["c@riverside"].last_changed == SECOND


def test_the_same_instant_written_with_another_offset_is_not_a_change() -> None:
    one = build_manifest(published(a=sitting()), FIRST, None)
    same = sitting()
    in_utc = Sitting(**{**same.__dict__, "start": same.start.astimezone(UTC)})
    two = build_manifest(published(a=in_utc), SECOND, one)
    assert two.sittings["a@riverside"].sequence == 0


def test_a_new_title_is_not_a_change_of_time_place_or_status() -> None:
    one = build_manifest(published(a=sitting()), FIRST, None)
    renamed = Sitting(**{**sitting().__dict__, "title": "QI basics (new title)"})
    two = build_manifest(published(a=renamed), SECOND, one)
    assert two.sittings["a@riverside"].sequence == 0
    assert two.sittings["a@riverside"].title == "QI basics (new title)"


def test_json_round_trip_is_exact_and_deterministic() -> None:
    one = build_manifest(published(a=sitting(), b=sitting(hour=9)), FIRST, None)
    text = one.to_json()
    assert Manifest.from_json(text) == one
    assert Manifest.from_json(text).to_json() == text
    assert text.endswith("}\n")
    assert '"start": "2027-06-01T12:00:00+01:00"' in text
    assert '"built_at": "2027-01-10T09:00:00Z"' in text
    # Sorted keys at every level, whatever order the build gave.
    assert text.index('"a@riverside"') < text.index('"b@riverside"')
    assert text.index('"academy"') < text.index('"sittings"')


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("not json", "not JSON"),
        ("[]", "not a publication manifest"),
        ('{"academy": "x"}', "no 'format': 1"),
        ('{"format": 99, "academy": "x"}', "newer qisite (format 99"),
        ('{"format": 1, "academy": "x"}', "built_at"),
        (
            '{"format": 1, "academy": "x", "built_at": "2027-01-01T00:00:00Z",'
            ' "sittings": {"u": {"module": "m"}}}',
            "sittings.u",
        ),
    ],
)
def test_a_file_that_is_no_manifest_is_refused_saying_why(text: str, reason: str) -> None:
    with pytest.raises(ManifestError, match=reason.replace("(", r"\(")):
        Manifest.from_json(text)
