"""Structured logs: one JSON object a line, extra fields kept."""

from __future__ import annotations

import json
import logging
import sys

from home.logging import JSONFormatter


def _record(message: str = "booking made", *args: object, exc_info=None, **extra: object) -> logging.LogRecord:
    logger = logging.getLogger("elearning.test")
    return logger.makeRecord("elearning.test", logging.WARNING, __file__, 10, message, args, exc_info, extra=extra)


def test_it_writes_one_json_object_with_time_level_logger_and_message():
    line = JSONFormatter().format(_record("seat %s of %s", 3, 20))
    assert "\n" not in line
    data = json.loads(line)
    assert data["level"] == "WARNING"
    assert data["logger"] == "elearning.test"
    assert data["message"] == "seat 3 of 20"
    assert data["time"].endswith("+00:00")


def test_it_keeps_extra_fields_and_makes_odd_values_safe():
    data = json.loads(JSONFormatter().format(_record(event_id=7, user="sam", when=object())))
    assert data["event_id"] == 7
    assert data["user"] == "sam"
    assert data["when"].startswith("<object object")


def test_it_includes_the_traceback_of_an_exception():
    try:
        raise ValueError("bad date")
    except ValueError:
        record = _record("import failed", exc_info=sys.exc_info())
    data = json.loads(JSONFormatter().format(record))
    assert "ValueError: bad date" in data["exception"]


def test_the_settings_use_it_for_every_log_line(settings):
    assert settings.LOGGING["formatters"]["json"]["()"] == "home.logging.JSONFormatter"
    assert settings.LOGGING["root"]["handlers"] == ["console"]
