"""Build frozen dataclasses from parsed YAML, checking keys and types on the way.

One validator for every data file the project loads (facts, lexicon, config, bot messages), so
a malformed file always fails the same way: with the entry and the field named.
"""

from __future__ import annotations

import dataclasses
import enum
import types
import typing
from typing import Any, TypeVar

T = TypeVar("T")


class SchemaError(ValueError):
    """A data file does not have the shape its dataclass declares."""


def build(cls: type[T], raw: object, where: str) -> T:
    """Return ``cls`` built from ``raw`` (a YAML mapping); ``where`` names the entry in errors."""
    if not isinstance(raw, dict):
        raise SchemaError(f"{where}: expected a mapping, got {_kind(raw)}")
    hints = typing.get_type_hints(cls)
    fields = {f.name: f for f in dataclasses.fields(cls) if f.init}  # type: ignore[arg-type]
    unknown = sorted(set(map(str, raw)) - set(fields))
    if unknown:
        raise SchemaError(f"{where}: unknown key {unknown[0]!r} (allowed: {', '.join(fields)})")
    values: dict[str, Any] = {}
    for name, field in fields.items():
        if name not in raw:
            required = field.default is dataclasses.MISSING and field.default_factory is dataclasses.MISSING
            if required:
                raise SchemaError(f"{where}: missing key {name!r}")
            continue
        values[name] = convert(hints[name], raw[name], f"{where}.{name}")
    return cls(**values)


def convert(hint: Any, raw: object, where: str) -> Any:
    """Check ``raw`` against the type ``hint`` and convert it (lists to tuples, enums by value)."""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = typing.get_args(hint)
        if raw is None and type(None) in options:
            return None
        errors = []
        for option in options:
            if option is type(None):
                continue
            try:
                return convert(option, raw, where)
            except SchemaError as error:
                errors.append(str(error))
        raise SchemaError(errors[0])
    if origin is tuple:
        if not isinstance(raw, list):
            raise SchemaError(f"{where}: expected a list, got {_kind(raw)}")
        (item,) = [a for a in typing.get_args(hint) if a is not Ellipsis]
        return tuple(convert(item, value, _item_where(where, i, value)) for i, value in enumerate(raw))
    if origin is dict:
        key_type, value_type = typing.get_args(hint)
        if not isinstance(raw, dict):
            raise SchemaError(f"{where}: expected a mapping, got {_kind(raw)}")
        return {convert(key_type, k, where): convert(value_type, v, f"{where}.{k}") for k, v in raw.items()}
    if dataclasses.is_dataclass(hint):
        return build(hint, raw, where)
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        allowed = [member.value for member in hint]
        if raw not in allowed:
            raise SchemaError(f"{where}: {raw!r} is not one of {', '.join(map(str, allowed))}")
        return hint(raw)
    if hint is float and isinstance(raw, int) and not isinstance(raw, bool):
        return float(raw)
    if hint in (str, int, float, bool):
        if type(raw) is not hint:
            raise SchemaError(f"{where}: expected {_NAMES[hint]}, got {_kind(raw)}")
        if hint is str and not raw.strip():
            raise SchemaError(f"{where}: must not be empty")
        return raw
    raise TypeError(f"{where}: the schema uses an unsupported type {hint!r}")


def _item_where(where: str, index: int, value: object) -> str:
    """Name a list entry by position and, where it has one, by id: ``groups[6] (legal)``."""
    entry_id = value.get("id") if isinstance(value, dict) else None
    return f"{where}[{index}] ({entry_id})" if isinstance(entry_id, str) else f"{where}[{index}]"


_NAMES = {str: "text", int: "a whole number", float: "a number", bool: "true or false"}


def _kind(raw: object) -> str:
    if raw is None:
        return "nothing"
    if isinstance(raw, bool):
        return "true/false"
    if isinstance(raw, (int, float)):
        return f"the number {raw}"
    if isinstance(raw, str):
        return f"the text {raw!r}"
    if isinstance(raw, list):
        return "a list"
    if isinstance(raw, dict):
        return "a mapping"
    return type(raw).__name__
