"""Geometry for feedback charts, in the same shapes as the Pledge's SVG charts."""

from pledges.charts import BAR_AREA, BAR_GAP, BAR_HEIGHT, LABEL_WIDTH, VALUE_WIDTH

TREND_WIDTH = 480
TREND_HEIGHT = 200
TREND_MARGIN = 30


def distribution(rows: list[dict]) -> dict:
    """Return horizontal bars, one per scale value or choice: [{label, count, kind}]."""
    largest = max((row["count"] for row in rows), default=0) or 1
    scale = BAR_AREA / largest
    bars = []
    for index, row in enumerate(rows):
        y = index * (BAR_HEIGHT + BAR_GAP)
        width = round(row["count"] * scale, 1)
        bars.append(
            {
                **row,
                "y": y,
                "text_y": y + BAR_HEIGHT * 0.68,
                "x": LABEL_WIDTH,
                "width": width,
                "value_x": round(LABEL_WIDTH + width + 6, 1),
            }
        )
    return {
        "width": LABEL_WIDTH + BAR_AREA + VALUE_WIDTH,
        "height": max(len(rows) * (BAR_HEIGHT + BAR_GAP) - BAR_GAP, BAR_HEIGHT),
        "bar_height": BAR_HEIGHT,
        "label_x": LABEL_WIDTH - 8,
        "bars": bars,
    }


def trend(points: list[dict]) -> dict:
    """Return a line of net scores (−100 to 100) across rounds: [{title, net_score}]."""
    inner_width = TREND_WIDTH - 2 * TREND_MARGIN
    inner_height = TREND_HEIGHT - 2 * TREND_MARGIN
    step = inner_width / max(len(points) - 1, 1)
    dots = []
    for index, point in enumerate(points):
        x = round(TREND_MARGIN + index * step, 1)
        y = round(TREND_MARGIN + inner_height * (100 - point["net_score"]) / 200, 1)
        dots.append({**point, "x": x, "y": y, "label_y": y - 8})
    return {
        "width": TREND_WIDTH,
        "height": TREND_HEIGHT,
        "zero_y": TREND_MARGIN + inner_height / 2,
        "left": TREND_MARGIN,
        "right": TREND_WIDTH - TREND_MARGIN,
        "line": " ".join(f"{dot['x']},{dot['y']}" for dot in dots),
        "dots": dots,
    }
