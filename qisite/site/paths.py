"""Where each generated page and file lives in the site: the one place that names them."""

from __future__ import annotations

HOME = "index.md"
PATHWAYS_INDEX = "pathways/index.md"
MODULES_INDEX = "modules/index.md"
MATRIX = "dosing-matrix.md"
CALENDAR = "calendar.md"
IHI_OPEN_SCHOOL = "ihi-open-school.md"
MY_LEARNING = "my-learning.md"
CAPACITY = "capacity.md"
PROJECTS_BY_STAGE = "capacity/projects-by-stage.md"
"""The run charts of projects by stage, a point a month: linked from the capacity page,
kept out of the nav."""
ASSETS = "assets/qisite"
LEARNING_DATA = f"{ASSETS}/learning-data.js"
"""What My learning lists a learner's record against (pathways, modules, courses), a
script the learning record loads only when the learner has something to list."""
PUBLICATION = "publication.json"
"""The publication manifest of the build (``qisite.publication``)."""
FEEDS = "feeds"
FEED_ALL = f"{FEEDS}/all.ics"
PRIVACY = "privacy.md"
PROJECTS_INDEX = "projects/index.md"
COACHING = "coaching/index.md"
NETWORK = "network.md"


def redirect(page_src: str, use_directory_urls: bool) -> str:
    """The plain HTML file that stands at a page's address when the page has moved:
    ``modules/old/index.html`` (or ``modules/old.html`` without directory URLs)."""
    stem = page_src.removesuffix(".md")
    return f"{stem}/index.html" if use_directory_urls else f"{stem}.html"


def target_progress(audience_id: str) -> str:
    """The run chart of one staff group's progress against its target (a group has one
    target): linked from the capacity page, kept out of the nav."""
    return f"capacity/progress/{audience_id}.md"


def pathway(audience_id: str) -> str:
    return f"pathways/{audience_id}.md"


def pathway_part(audience_id: str, number: int) -> str:
    """A later page of a pathway too long for one (2, 3...); the first is the pathway's
    own page. Kept out of the nav."""
    return f"pathways/{audience_id}/parts/{number}.md" if number > 1 else pathway(audience_id)


def matrix_part(number: int) -> str:
    """A later part of the dosing matrix's grid (2, 3...), when it has too many cells for
    one page; the first part is on the matrix page. Kept out of the nav."""
    return f"dosing-matrix/parts/{number}.md" if number > 1 else MATRIX


def matrix_group(audience_id: str) -> str:
    """One staff group's column of the dosing matrix, a page a phone shows whole; kept out
    of the nav, reached from the matrix page and the group's pathway."""
    return f"dosing-matrix/{audience_id}.md"


def module(module_id: str) -> str:
    return f"modules/{module_id}.md"


def module_body(module_id: str) -> str:
    """Where an organiser may write a module's long description, inside the docs folder."""
    return f"modules/{module_id}.md"


def audience_feed(audience_id: str) -> str:
    return f"{FEEDS}/audiences/{audience_id}.ics"


def module_feed(module_id: str) -> str:
    return f"{FEEDS}/modules/{module_id}.ics"


def session_feed(occurrence_slug: str) -> str:
    """One sitting's own .ics (its UID without the academy part), for 'add to calendar'."""
    return f"{FEEDS}/sessions/{occurrence_slug}.ics"


def calendar_page(key: str) -> str:
    """One month's sittings ('2027-01'), or a later part of a busy month ('2027-01-16');
    kept out of the nav, reached from the calendar page."""
    return f"calendar/{key}.md"


def project(project_id: str) -> str:
    """One project's page, reached from the projects index; kept out of the nav."""
    return f"projects/{project_id}.md"


def project_filter(facet: str, key: str) -> str:
    """The projects kept by one filter ('stage', 'idea'): a page, so filters work without
    scripts."""
    return f"projects/by-{facet}/{key}.md"


def coach(coach_id: str) -> str:
    return f"coaching/{coach_id}.md"


WHATS_ON = "whats-on.md"
BULLETIN = "bulletin.md"
"""The bulletin snippet for communications teams, reached from What's on."""
WHATS_ON_FEED = "whats-on.atom"
"""The Atom feed of sittings newly announced or changed (``site.atom_feed``), at the site's
root beside What's on, so that its relative links resolve without ``site_url``."""
POSTERS = "posters"
"""Printable posters: plain HTML files with their own print stylesheet, not theme pages."""


def month_poster(month_key: str) -> str:
    """The poster of one month's sittings ('2027-03')."""
    return f"{POSTERS}/month-{month_key}.html"


def pathway_poster(audience_id: str) -> str:
    return f"{POSTERS}/pathway-{audience_id}.html"


def session_poster(session_id: str) -> str:
    """The poster of one session: every sitting of it (a cohort's parts, a repeat's dates)."""
    return f"{POSTERS}/session-{session_id}.html"
