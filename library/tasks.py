"""Background work of the library, run by `manage.py db_worker`."""

from django.tasks import task

from library.harvest import result_line, sources_harvest
from library.models import Source


@task
def harvest_sources(source_ids: list[int]) -> list[str]:
    """Harvest the sources into the curation queue; return a line on each."""
    results = sources_harvest(sources=Source.objects.filter(pk__in=source_ids))
    return [result_line(result) for result in results]
