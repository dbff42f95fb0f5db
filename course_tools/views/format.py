"""Numbers and money as a reader sees them in a sentence or a table header."""
from __future__ import annotations

__all__ = ["fmt_usd"]


def fmt_usd(value: float) -> str:
    """Money for a sentence, English number style: ``482.2 bn`` (billion), ``624.5 M`` (million),
    ``41,000`` below a million. ``fmt_usd(482_218_551_060)`` is ``"482.2 bn"``."""
    v = float(value)
    if abs(v) >= 1e9:
        return f"{v / 1e9:,.1f} bn"
    if abs(v) >= 1e6:
        return f"{v / 1e6:,.1f} M"
    return f"{v:,.0f}"
