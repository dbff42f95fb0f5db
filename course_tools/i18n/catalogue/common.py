"""Texts used across the package: languages and generic words."""

TEXTS: dict[str, dict[str, str]] = {
    "common.no_data": {"en": "no data", "es": "sin datos"},
    "common.not_reported": {"en": "not reported", "es": "no reportado"},
}
