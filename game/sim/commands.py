"""Every action a player, a bot or a replay can take: frozen dataclasses with a registered name.

A command is plain data plus two methods: `check(sim)` returns a readable reason when the command
is not allowed now (a message, not an exception), `apply(sim)` carries it out. The UI, the
policies and replays all go through `Simulation.step(commands)`.

`to_dict` / `from_dict` give a JSON-safe form ({"type": name, field: value, ...}); `from_dict`
checks every field's type and raises `CommandError` with a readable message on bad input.
"""

from __future__ import annotations

import dataclasses
import math
import typing
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

if TYPE_CHECKING:
    from game.sim.simulation import Simulation


class CommandError(ValueError):
    """A command's JSON form cannot be turned into a command."""


COMMANDS: dict[str, type[Command]] = {}


def register(name: str) -> typing.Callable[[type[Command]], type[Command]]:
    """Class decorator: give a command its stable name and add it to the registry."""

    def deco(cls: type[Command]) -> type[Command]:
        if name in COMMANDS:
            raise RuntimeError(f"command name '{name}' registered twice")
        params = getattr(cls, "__dataclass_params__", None)
        if params is None or not params.frozen:
            raise RuntimeError(f"command {cls.__name__} must be a frozen dataclass")
        cls.name = name
        COMMANDS[name] = cls
        return cls

    return deco


@dataclass(frozen=True)
class Command:
    """Base of every command. Subclasses are frozen dataclasses decorated with `@register`."""

    name: ClassVar[str] = ""

    def check(self, sim: Simulation) -> str | None:
        """Why this command cannot be applied now, or None when it can."""
        return None

    def apply(self, sim: Simulation) -> None:
        """Carry the command out. Only called after `check` returned None."""
        raise NotImplementedError(f"{type(self).__name__}.apply")

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"type": self.name}
        for f in dataclasses.fields(self):
            v = getattr(self, f.name)
            out[f.name] = list(v) if isinstance(v, tuple) else v
        return out

    @staticmethod
    def from_dict(data: Any) -> Command:
        """Build a command from its JSON form; raises CommandError naming the problem."""
        if not isinstance(data, dict):
            raise CommandError(f"a command must be a JSON object, got {type(data).__name__}")
        kind = data.get("type")
        if not isinstance(kind, str) or kind not in COMMANDS:
            known = ", ".join(sorted(COMMANDS))
            raise CommandError(f"unknown command type {kind!r} (known: {known})")
        cls = COMMANDS[kind]
        hints = typing.get_type_hints(cls)
        fields = {f.name: f for f in dataclasses.fields(cls)}
        extra = sorted(set(data) - set(fields) - {"type"})
        if extra:
            raise CommandError(f"{kind}: unknown field '{extra[0]}'")
        values: dict[str, Any] = {}
        for fname, f in fields.items():
            if fname not in data:
                if f.default is not dataclasses.MISSING:
                    continue
                raise CommandError(f"{kind}: missing field '{fname}'")
            values[fname] = _coerce(hints[fname], data[fname], f"{kind}.{fname}")
        return cls(**values)


def _coerce(tp: Any, v: Any, where: str) -> Any:
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin in (typing.Union, getattr(__import__("types"), "UnionType", None)):
        if v is None and type(None) in args:
            return None
        inner = [a for a in args if a is not type(None)]
        return _coerce(inner[0], v, where)
    if origin is tuple:
        if not isinstance(v, (list, tuple)) or len(v) > 64:
            raise CommandError(f"{where}: expected a list, got {v!r:.60}")
        item = args[0]
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_coerce(item, x, where) for x in v)
        if len(v) != len(args):
            raise CommandError(f"{where}: expected {len(args)} values, got {len(v)}")
        return tuple(_coerce(a, x, where) for a, x in zip(args, v, strict=True))
    if tp is bool:
        if not isinstance(v, bool):
            raise CommandError(f"{where}: expected true or false, got {v!r:.60}")
        return v
    if tp is int:
        if isinstance(v, bool) or not isinstance(v, int) or abs(v) > 2**53:
            raise CommandError(f"{where}: expected a whole number, got {v!r:.60}")
        return v
    if tp is float:
        if isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(v):
            raise CommandError(f"{where}: expected a finite number, got {v!r:.60}")
        return float(v)
    if tp is str:
        if not isinstance(v, str) or len(v) > 200:
            raise CommandError(f"{where}: expected a short string, got {v!r:.60}")
        return v
    raise CommandError(f"{where}: unsupported field type {tp!r}")


# --------------------------------------------------------------------------- commands

PRICING_POLICIES = ("standard", "premium", "sliding_scale")


@register("set_pricing_policy")
@dataclass(frozen=True)
class SetPricingPolicy(Command):
    """Switch the studio's pricing policy: standard, premium or sliding_scale."""

    policy: str

    def check(self, sim: Simulation) -> str | None:
        if self.policy not in PRICING_POLICIES:
            return f"pricing policy '{self.policy}' is not one of: {', '.join(PRICING_POLICIES)}"
        if sim.studio().pricing_policy == self.policy:
            return f"the {self.policy.replace('_', ' ')} policy is already in effect"
        return None

    def apply(self, sim: Simulation) -> None:
        sim.studio().pricing_policy = self.policy
        sim.post("policy_changed", f"Pricing policy is now {self.policy.replace('_', ' ')}")
