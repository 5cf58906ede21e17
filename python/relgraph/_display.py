"""HTML wrappers for Jupyter: the interactive map in a sandboxed iframe, reports in <pre>."""

import html


def iframe(page: str, height: int = 640) -> str:
    """Embed a whole HTML document in an iframe's ``srcdoc``, escaped, so its scripts and
    styles stay inside the frame and cannot reach the notebook."""
    return (
        '<iframe sandbox="allow-scripts" style="width:100%;height:{h}px;border:0" '
        'srcdoc="{doc}"></iframe>'.format(h=int(height), doc=html.escape(page, quote=True))
    )


def pre(text: str) -> str:
    """Plain text in an escaped ``<pre>`` block."""
    return "<pre>{}</pre>".format(html.escape(text))
