"""Charts as server-side SVG, drawn with pygal: no JavaScript, readable
without it, and the same SVG goes into the PDF exports. Every chart is
shown with its table (and the table's CSV export), which carries the
values (printing them on the chart too doubles pygal's rendering time)."""
from __future__ import annotations

from typing import Sequence

import math

import pygal
from markupsafe import Markup
from pygal.style import Style

STYLE = Style(
    background="transparent", plot_background="transparent",
    foreground="#333", foreground_strong="#111", foreground_subtle="#767676",
    colors=("#1f5f8b", "#c0392b", "#2e8540", "#b36b00", "#6a3d9a",
            "#117a8b", "#7f7f7f"),
    font_family="sans-serif", label_font_size=13, major_label_font_size=13,
    value_font_size=12, legend_font_size=13, title_font_size=15)


def _options(title: str, height: int) -> dict:
    return dict(title=title, style=STYLE, height=height, width=720,
                disable_xml_declaration=True, js=[], show_legend=True,
                legend_at_bottom=True, margin=12, truncate_label=40,
                explicit_size=False)


def _ticks(series) -> list[int] | None:
    """Whole-number ticks from 0 for counts (pygal would label 6.2, 6.4
    ...), at most about eight."""
    values = [v for vs in series.values() for v in vs if v is not None]
    if not values:
        return None
    top = max(max(values), 1)
    step = next(n for n in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500,
                            1000, 2000, 5000, 10000, 20000, 50000)
                if top / n <= 8) if top <= 400000 else math.ceil(top / 8)
    return list(range(0, int(math.ceil(top / step)) * step + 1, step))


def _svg(chart) -> Markup:
    return Markup(chart.render(is_unicode=True))


def bars(title: str, labels: Sequence[str],
         series: dict[str, Sequence[float | None]]) -> Markup:
    """Horizontal bars: one row per label, one bar per series."""
    chart = pygal.HorizontalBar(**_options(
        title, 120 + 34 * max(len(labels), 1) * max(len(series), 1)),
        y_labels=_ticks(series))
    chart.x_labels = list(reversed(list(labels)))
    for name, values in series.items():
        chart.add(name, list(reversed(list(values))))
    return _svg(chart)


def line(title: str, labels: Sequence[str],
         series: dict[str, Sequence[float | None]]) -> Markup:
    chart = pygal.Line(**_options(title, 360), y_labels=_ticks(series),
                       include_x_axis=True)
    chart.x_labels = list(labels)
    for name, values in series.items():
        chart.add(name, list(values))
    return _svg(chart)


def pie(title: str, parts: Sequence[tuple[str, float]]) -> Markup:
    options = _options(title, 380)
    options.update(inner_radius=0.45)
    chart = pygal.Pie(**options)
    for name, value in parts:
        chart.add(name, value)
    return _svg(chart)
