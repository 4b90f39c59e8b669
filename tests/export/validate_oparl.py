#!/usr/bin/env python3
"""Validates an OParl object against the schemas in tests/data/oparl (JSON Schema draft-07).

usage: validate_oparl.py SCHEMA_DIR TYPE FILE   (TYPE: Paper or File)
Exit 0 when valid, 1 with one line per error when not, 2 on a usage or setup problem.
Formats (date, date-time, uri) are checked here, so that the check does not depend on optional
jsonschema extras being installed.
"""
import datetime
import json
import pathlib
import re
import sys
import urllib.parse

import jsonschema

DATE_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")


def is_date(value):
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return False
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def is_date_time(value):
    if not isinstance(value, str) or not DATE_TIME.match(value):
        return False
    try:
        datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return False
    return True


def is_uri(value):
    if not isinstance(value, str) or re.search(r"\s", value):
        return False
    parts = urllib.parse.urlsplit(value)
    if not parts.scheme:
        return False
    return bool(parts.netloc) if parts.scheme in ("http", "https") else True


def main(argv):
    if len(argv) != 4:
        print(__doc__, file=sys.stderr)
        return 2
    schema_dir, kind, path = pathlib.Path(argv[1]), argv[2], argv[3]
    schemas = {p.name: json.loads(p.read_text(encoding="utf-8")) for p in schema_dir.glob("*.json")}
    if kind + ".json" not in schemas:
        print(f"no schema for {kind} in {schema_dir}", file=sys.stderr)
        return 2
    instance = json.loads(pathlib.Path(path).read_text(encoding="utf-8"))

    checker = jsonschema.FormatChecker(formats=())
    checker.checks("date")(is_date)
    checker.checks("date-time")(is_date_time)
    checker.checks("uri")(is_uri)

    schema = schemas[kind + ".json"]
    try:  # jsonschema >= 4.18
        from referencing import Registry, Resource

        registry = Registry().with_resources(
            (s["$id"], Resource.from_contents(s)) for s in schemas.values())
        validator = jsonschema.Draft7Validator(schema, registry=registry, format_checker=checker)
    except ImportError:  # Debian 12: jsonschema 4.10
        store = {s["$id"]: s for s in schemas.values()}
        resolver = jsonschema.RefResolver(schema["$id"], schema, store=store)
        validator = jsonschema.Draft7Validator(schema, resolver=resolver, format_checker=checker)

    errors = sorted(validator.iter_errors(instance), key=lambda e: list(e.absolute_path))
    for error in errors:
        where = "/".join(str(p) for p in error.absolute_path) or "(root)"
        print(f"{where}: {error.message}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
