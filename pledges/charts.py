"""Geometry for the server-rendered SVG charts; templates draw it, with a table beside it."""

import math
import textwrap

from pledges.models import Level

BAR_HEIGHT = 28
BAR_GAP = 12
LABEL_WIDTH = 200
BAR_AREA = 330
VALUE_WIDTH = 40


def country_bars(rows: list[dict]) -> dict:
    """Return stacked horizontal bars (organisations, networks, individuals) per country."""
    largest = max((row["total"] for row in rows), default=0) or 1
    scale = BAR_AREA / largest
    bars = []
    for index, row in enumerate(rows):
        y = index * (BAR_HEIGHT + BAR_GAP)
        x = LABEL_WIDTH
        segments = []
        for kind in ("organisations", "networks", "individuals"):
            width = row[kind] * scale
            if width:
                segments.append({"kind": kind, "x": round(x, 1), "width": round(width, 1)})
            x += width
        bars.append(
            {
                **row,
                "y": y,
                "text_y": y + BAR_HEIGHT * 0.68,
                "segments": segments,
                "value_x": round(x + 6, 1),
            }
        )
    return {
        "width": LABEL_WIDTH + BAR_AREA + VALUE_WIDTH,
        "height": max(len(rows) * (BAR_HEIGHT + BAR_GAP) - BAR_GAP, BAR_HEIGHT),
        "bar_height": BAR_HEIGHT,
        "label_x": LABEL_WIDTH - 8,
        "bars": bars,
    }


# Wider than high: the spokes' names need more room beside the chart than above and below.
RADAR_WIDTH = 720
RADAR_HEIGHT = 600
RADAR_RADIUS = 180
# A spoke's name in lines of about this many letters (14 px type), at most RADAR_LINES lines.
RADAR_LINE_LETTERS = 17
RADAR_LINES = 4
RADAR_LINE_HEIGHT = 17
# Where a name was shortened: a sign, the same in every language.
ELLIPSIS = "…"


def _point(index: int, count: int, radius: float) -> tuple[float, float]:
    angle = -math.pi / 2 + 2 * math.pi * index / count
    x = RADAR_WIDTH / 2 + radius * math.cos(angle)
    y = RADAR_HEIGHT / 2 + radius * math.sin(angle)
    return round(x, 1), round(y, 1)


def _name_lines(name: str) -> list[str]:
    """Return a spoke's name wrapped in short lines, the last shortened if it runs over."""
    lines = textwrap.wrap(name, RADAR_LINE_LETTERS, break_long_words=False) or [""]
    if len(lines) > RADAR_LINES:
        lines = [*lines[: RADAR_LINES - 1], " ".join(lines[RADAR_LINES - 1 :])]
        lines[-1] = textwrap.shorten(lines[-1], RADAR_LINE_LETTERS, placeholder=ELLIPSIS)
    return lines


def _name_tspans(lx: float, ly: float, lines: list[str], *, above: bool) -> list[dict]:
    """Place a name's lines beside its spoke's number: above it in the upper half (outward)."""
    step = RADAR_LINE_HEIGHT
    if above:
        return [
            {"x": lx, "y": round(ly - step * (len(lines) - i), 1), "text": line}
            for i, line in enumerate(lines)
        ]
    return [
        {"x": lx, "y": round(ly + step * (i + 1), 1), "text": line} for i, line in enumerate(lines)
    ]


def radar(values: list[tuple[str, str, float | None]]) -> dict:
    """Return a radar of averages (0 to the highest level) with one spoke per commitment.

    values: (number, name, average); each spoke is labelled by its number and its name."""
    count = len(values)
    top = max(Level.values)
    rings = []
    for level in range(1, top + 1):
        points = [_point(i, count, RADAR_RADIUS * level / top) for i in range(count)]
        rings.append(" ".join(f"{x},{y}" for x, y in points))
    spokes = []
    shape = []
    for index, (label, name, value) in enumerate(values):
        x, y = _point(index, count, RADAR_RADIUS)
        lx, ly = _point(index, count, RADAR_RADIUS + 22)
        cx, cy = RADAR_WIDTH / 2, RADAR_HEIGHT / 2
        anchor = "middle" if abs(lx - cx) < 10 else ("start" if lx > cx else "end")
        above = ly < cy - 10
        spokes.append(
            {
                "x": x,
                "y": y,
                "lx": lx,
                "ly": ly + 5,
                "label": label,
                "name": name,
                "lines": _name_tspans(lx, ly + 5, _name_lines(name), above=above),
                "anchor": anchor,
            }
        )
        shape.append(_point(index, count, RADAR_RADIUS * (value or 0) / top))
    return {
        "width": RADAR_WIDTH,
        "height": RADAR_HEIGHT,
        "cx": RADAR_WIDTH / 2,
        "cy": RADAR_HEIGHT / 2,
        "rings": rings,
        "spokes": spokes,
        "shape": " ".join(f"{x},{y}" for x, y in shape),
        "dots": [{"x": x, "y": y} for x, y in shape],
    }


PROGRESS_WIDTH = 480
PROGRESS_ROW = 30
PROGRESS_LABEL = 40


def progress(years: list[int], rows: list[dict]) -> dict:
    """Return a grid of levels: one row per commitment, one column per year."""
    column = (PROGRESS_WIDTH - PROGRESS_LABEL) / max(len(years), 1)
    top = max(Level.values)
    cells = []
    for row_index, row in enumerate(rows):
        y = row_index * PROGRESS_ROW + PROGRESS_ROW
        for column_index, level in enumerate(row["levels"]):
            if level is None:
                continue
            cells.append(
                {
                    "x": round(PROGRESS_LABEL + column_index * column + 4, 1),
                    "y": y + 4,
                    "width": round((column - 8) * (level + 1) / (top + 1), 1),
                    "level": level,
                }
            )
    return {
        "width": PROGRESS_WIDTH,
        "height": PROGRESS_ROW * (len(rows) + 1),
        "row": PROGRESS_ROW - 8,
        "columns": [
            {"x": round(PROGRESS_LABEL + i * column + column / 2, 1), "year": year}
            for i, year in enumerate(years)
        ],
        "labels": [
            {"y": i * PROGRESS_ROW + PROGRESS_ROW + 19, "number": row["number"]}
            for i, row in enumerate(rows)
        ],
        "cells": cells,
    }
