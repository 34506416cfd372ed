"""The commitment radar: the community's levels per commitment, never small groups."""

from collections import defaultdict
from dataclasses import dataclass, field

from django_countries import countries

from pledges import charts
from pledges.models import MIN_GROUP_SIZE, Answer, Assessment, Commitment, Level


@dataclass
class CommitmentRow:
    commitment: Commitment
    counts: list[int]
    average: float | None

    @property
    def answered(self):
        return sum(self.counts)


@dataclass
class CountryRow:
    code: str
    name: str
    contributors: int
    averages: list[float | None] = field(default_factory=list)


@dataclass
class Radar:
    year: int
    contributors: int
    shown: bool
    rows: list[CommitmentRow]
    countries: list[CountryRow]
    chart: dict | None

    @property
    def weakest_first(self):
        return sorted(self.rows, key=lambda row: (row.average is None, row.average or 0))


def commitment_radar(*, year: int, with_countries: bool) -> Radar:
    """Return the year's radar; averages only when at least MIN_GROUP_SIZE contributed."""
    commitments = list(Commitment.objects.for_list())
    contributors = Assessment.objects.submitted().filter(year=year).count()
    shown = contributors >= MIN_GROUP_SIZE
    rows = [CommitmentRow(c, [0] * len(Level.values), None) for c in commitments]
    country_rows = []
    if shown:
        answers = Answer.objects.submitted_in(year)
        # With countries, one pass gives both the levels and the averages per country.
        items = list(
            answers.level_counts_by_country() if with_countries else answers.level_counts()
        )
        by_id = {row.commitment.pk: row for row in rows}
        for item in items:
            by_id[item["commitment_id"]].counts[item["level"]] += item["count"]
        for row in rows:
            if row.answered:
                levels = sum(level * n for level, n in enumerate(row.counts))
                row.average = round(levels / row.answered, 2)
        if with_countries:
            country_rows = _country_rows(year, items, commitments)
    chart = (
        charts.radar(
            [(str(row.commitment.number), row.commitment.title, row.average) for row in rows]
        )
        if shown
        else None
    )
    return Radar(year, contributors, shown, rows, country_rows, chart)


def _country_rows(year, items, commitments) -> list[CountryRow]:
    """Return per-country averages, leaving out countries with too few organisations."""
    rows = {
        item["country"]: CountryRow(item["country"], countries.name(item["country"]), item["count"])
        for item in Assessment.objects.contributors_by_country(year)
        if item["count"] >= MIN_GROUP_SIZE
    }
    sums = defaultdict(lambda: [0, 0])
    for item in items:
        if item["country"] in rows:
            total = sums[item["country"], item["commitment_id"]]
            total[0] += item["level"] * item["count"]
            total[1] += item["count"]
    averages = {key: round(levels / n, 2) for key, (levels, n) in sums.items()}
    for code, row in rows.items():
        row.averages = [averages.get((code, c.pk)) for c in commitments]
    return sorted(rows.values(), key=lambda row: row.name)
