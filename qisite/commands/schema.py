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


def curriculum_schema() -> dict[str, Any]:
    schema = Curriculum.model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "qisite curriculum"
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
