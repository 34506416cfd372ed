"""Geometry for the plan's and the pulse's SVG charts, on the pledges charts' grid."""

import datetime

from pledges.charts import BAR_AREA, BAR_GAP, BAR_HEIGHT, LABEL_WIDTH, VALUE_WIDTH


def bars(rows: list[tuple[str, int]]) -> dict:
    """Return horizontal bars, one per (label, value), scaled to the largest value."""
    largest = max((value for _label, value in rows), default=0) or 1
    scale = BAR_AREA / largest
    drawn = []
    for index, (label, value) in enumerate(rows):
        y = index * (BAR_HEIGHT + BAR_GAP)
        width = round(value * scale, 1)
        drawn.append(
            {
                "label": label,
                "value": value,
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
        "bars": drawn,
    }


def timeline(items: list, start: datetime.date, end: datetime.date) -> dict:
    """Return one bar per plan item between its start and end, over the period's months."""
    days = max((end - start).days, 1)

    def x(day):
        day = min(max(day, start), end)
        return round(LABEL_WIDTH + BAR_AREA * (day - start).days / days, 1)

    rows = []
    for index, item in enumerate(items):
        y = index * (BAR_HEIGHT + BAR_GAP) + BAR_HEIGHT
        left = x(item.starts_on)
        rows.append(
            {
                "item": item,
                "y": y,
                "text_y": y + BAR_HEIGHT * 0.68,
                "x": left,
                "width": max(round(x(item.ends_on) - left, 1), 3),
            }
        )
    months = []
    month = start.replace(day=1)
    while month <= end:
        if month >= start:
            months.append({"x": x(month), "date": month})
        month = (month + datetime.timedelta(days=32)).replace(day=1)
    return {
        "width": LABEL_WIDTH + BAR_AREA + VALUE_WIDTH,
        "height": (len(items) + 1) * (BAR_HEIGHT + BAR_GAP),
        "bar_height": BAR_HEIGHT,
        "label_x": LABEL_WIDTH - 8,
        "rows": rows,
        "months": months,
    }
