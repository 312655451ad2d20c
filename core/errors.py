"""Errors raised by the core: messages a planner can act on, translatable in the plugin."""


class SunSpaceError(ValueError):
    """Bad input a user can fix. ``template`` is English with ``{name}`` fields; the plugin translates it with tr() before formatting."""

    def __init__(self, template, **values):
        self.template = template
        self.values = values
        super().__init__(template.format(**values) if values else template)


class Cancelled(Exception):
    """The user cancelled; callers return quietly."""


def N_(text: str) -> str:  # noqa: N802 (gettext's name)
    """Mark ``text`` for translation where it is used later (tools/make_ts.py collects it); returns it unchanged."""
    return text
