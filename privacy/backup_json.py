"""Django's JSON serialisation with every timestamp to the microsecond.

Django's own JSON encoder writes datetimes and times to the millisecond (the
JavaScript format), so a backup lost the last three digits of every
timestamp and a restore no longer matched what was saved. Reading back is
Django's own JSON reader: the fields parse full ISO 8601 themselves."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.serializers.json import Deserializer, DjangoJSONEncoder
from django.core.serializers.json import Serializer as JSONSerializer

__all__ = ["Deserializer", "Serializer"]


class FullPrecisionEncoder(DjangoJSONEncoder):
    def default(self, o: Any) -> Any:
        if isinstance(o, dt.datetime | dt.time):
            if isinstance(o, dt.time) and o.utcoffset() is not None:
                raise ValueError("JSON can't represent timezone-aware times.")
            text = o.isoformat()
            return text[:-6] + "Z" if text.endswith("+00:00") else text
        return super().default(o)


class Serializer(JSONSerializer):
    def _init_options(self) -> None:
        super()._init_options()  # type: ignore[misc]  # Django's own hook for serializer options, not in its stubs
        self.json_kwargs["cls"] = FullPrecisionEncoder
