"""qisite schema: write the JSON Schema that editors use to check curriculum.yaml as you type."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from qisite.model import Curriculum

NAME = "schema"
HELP = "write the JSON Schema of curriculum.yaml (for editor autocompletion)"


_ID = "Lower-case letters, digits and hyphens, e.g. 'pdsa-in-practice'. Keep it once published."
_EDITOR_HELP: dict[str, dict[str, str]] = {
    "": {
        "academy": "The academy: its name, the trust, headcount, time zone and contact",
        "dose_levels": "Depths of learning, lightest first (e.g. awareness ... expert)",
        "domains": "What there is to learn: the rows of the dosing matrix",
        "audiences": "Groups of staff: the columns of the dosing matrix",
        "modules": "The learning on offer",
        "sessions": "Dated sessions of the modules",
        "targets": "How many people of an audience to train, and by when",
    },
    "Academy": {
        "name": "The academy's name, shown on every page",
        "organisation": "The trust or organisation that runs the academy",
        "timezone": "Time zone of session times, e.g. Europe/London",
        "description": "A short introduction for the home page",
    },
    "DoseLevel": {"id": _ID, "name": "Name shown to staff", "description": "Who it is for"},
    "Domain": {"id": _ID, "name": "Name shown to staff", "description": "What it covers"},
    "Audience": {
        "id": _ID,
        "name": "Name of the group, as staff would recognise it",
        "description": "Who is in the group",
        "staff_groups": "clinical, non-clinical, or both",
    },
    "Module": {
        "id": _ID,
        "title": "Title shown to staff",
        "summary": "One or two sentences on what the module offers",
        "dose": "The dose level this module is written at (an id from dose_levels)",
        "domains": "Domain ids this module teaches",
        "audiences": "Audience ids whose pathway includes this module",
        "formats": "How it is delivered",
        "duration": "Time it takes, e.g. 45m, 1h30m, 1.5h or 2d (a day is 7.5 hours)",
        "prerequisites": "Module ids to take first",
        "ihi_open_school": "IHI Open School course codes, e.g. QI 101",
        "outcomes": "What a learner can do afterwards, one per line",
    },
}


def _add_editor_help(schema: dict[str, Any]) -> None:
    """Descriptions that editors show on hover, where the model gives none."""
    for model, help_texts in _EDITOR_HELP.items():
        target = schema if not model else schema.get("$defs", {}).get(model, {})
        properties = target.get("properties", {})
        for key, text in help_texts.items():
            if key in properties and "description" not in properties[key]:
                properties[key]["description"] = text


def curriculum_schema() -> dict[str, Any]:
    schema = Curriculum.model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "qisite curriculum"
    _add_editor_help(schema)
    return schema


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-o", "--output", help="file to write (default: standard output)")


def run(args: argparse.Namespace) -> int:
    text = json.dumps(curriculum_schema(), indent=2, sort_keys=True) + "\n"
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0
