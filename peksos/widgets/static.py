"""What every peksos widget shows where no kernel runs: its static HTML beside the widget view."""
from __future__ import annotations

from typing import Any


class StaticHTML:
    """Mixin for anywidget widgets: the output carries ``text/html`` beside the widget view.

    JupyterLab with a kernel renders the live widget; the built book (which prefers ``text/html``,
    see ``nb_mime_priority_overrides`` in _config.yml) shows the same engine from the static markup,
    without a kernel, a CDN or a widget manager. Subclasses define :meth:`static_html`.
    """

    def static_html(self) -> str:
        raise NotImplementedError

    def _repr_mimebundle_(self, **kwargs: Any):
        bundle = super()._repr_mimebundle_(**kwargs)  # type: ignore[misc]
        html = self.static_html()
        if isinstance(bundle, tuple):
            bundle[0]["text/html"] = html
            return bundle
        bundle = dict(bundle or {})
        bundle["text/html"] = html
        return bundle
