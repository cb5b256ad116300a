"""The words the site's scripts show, written into ``assets/qisite/words.js`` at build time.

The scripts hold no words of their own: they look each one up by the key used
here, in the academy's language, from ``window.qisiteWords``. One generated
file, loaded before the scripts, serves every page (the words are not repeated
in thousands of pages) and works from a plain folder too. A message with a
plural is given in each CLDR plural category of the language ("one", "other",
"few"...), which the browser's ``Intl.PluralRules`` picks from.
"""

from __future__ import annotations

from typing import Any

from qisite.i18n import Words
from qisite.i18n.markers import N_, NN_

SCRIPT_WORDS: dict[str, str | tuple[str, str]] = {
    # calendar.js: the status line above the filtered list
    "sessionsShown": NN_("%(num)s session shown", "%(num)s sessions shown"),
    "upcomingOnly": N_("%(shown)s (upcoming only)"),
    "statusSentence": N_("%(shown)s."),
    "noneMatch": N_("No sessions match. %(shown)s."),
    "pastLabel": N_("Past:"),
    # whats-on.js: What's on, the bulletin snippet and posters
    "sessionsListed": NN_("%(num)s session", "%(num)s sessions"),
    "whatsOnAll": N_("%(shown)s from %(from)s to %(to)s."),
    "whatsOnForPathway": N_("%(shown)s for %(pathway)s from %(from)s to %(to)s."),
    "copied": N_("Copied. Paste it into your bulletin or news item."),
    "copyByHand": N_("This browser would not copy it: the text is selected, so copy it by hand."),
    "moreSessions": NN_(
        "And %(num)s more session: scan the code or visit the address below.",
        "And %(num)s more sessions: scan the code or visit the address below.",
    ),
    # pages.js: the pathway chooser
    "groupsListed": NN_(
        "%(num)s group listed for %(staff)s.", "%(num)s groups listed for %(staff)s."
    ),
    "chooseGroupFirst": N_("Choose a group from the list first."),
    # pages.js: the copy box of a feed's address
    "addressCopied": N_("Address copied."),
    "addressSelected": N_("Address selected: press Ctrl+C (or Cmd+C) to copy it."),
    # learning-record.js: marks, progress and the My learning page
    "done": N_("Done"),
    "inProgress": N_("In progress"),
    "notStarted": N_("Not started"),
    "stateOn": N_("%(state)s on %(date)s"),
    "forTitle": N_(": %(title)s"),
    "myProgressOn": N_("My progress: %(title)s"),
    "myProgressPathway": N_("My progress on this pathway"),
    "modulesDone": NN_("%(done)s of %(num)s module done", "%(done)s of %(num)s modules done"),
    "andInProgress": N_("%(counts)s, %(started)s in progress"),
    "progressOn": N_("Progress on %(pathway)s"),
    "noLongerInCurriculum": N_("%(id)s (no longer in the curriculum)"),
    "retiredOn": N_("(retired on %(date)s)"),
    "modulesCaption": N_("Modules you have marked, oldest first"),
    "moduleHeading": N_("Module"),
    "statusHeading": N_("Status"),
    "dateHeading": N_("Date"),
    "pathwaysHeading": N_("Pathways"),
    "noPathway": N_("None"),
    "noModulesMarked": N_(
        "Nothing marked yet. Use the Done and In progress buttons on your pathway page."
    ),
    "coursesCaption": N_("IHI Open School courses you have marked"),
    "codeHeading": N_("Code"),
    "courseHeading": N_("Course"),
    "noCoursesMarked": N_("Nothing marked yet. Mark courses on the IHI Open School page."),
    "listUnavailable": N_(
        "The list of this academy's modules and courses could not be loaded, so your marks "
        "are shown by their ids only. Reload the page to try again."
    ),
    "markedDone": N_("%(name)s: done."),
    "markedInProgress": N_("%(name)s: in progress."),
    "markRemoved": N_("%(name)s: mark removed."),
    "thisPathway": N_("This pathway: %(counts)s."),
    "notKept": N_(
        "This browser would not keep your record (its storage is full or turned off), "
        "so it will be lost when you close the page. Save it to a file on My learning to "
        "keep it."
    ),
    # Translators: a file name: keep it free of spaces and of / \ : * ? " < > |
    "fileName": N_("learning-record-%(academy)s-%(date)s.json"),
    "savedToFile": N_("Your record was saved to a file named %(file)s."),
    "tooLarge": N_("Nothing was loaded: %(file)s is too large to be a learning record."),
    "notJson": N_("the file is not JSON"),
    "notARecord": N_("the file does not hold a learning record"),
    "otherVersion": N_("the file is not a learning record of this version (schema %(schema)s)"),
    "nothingLoaded": N_("Nothing was loaded: %(reason)s."),
    "loaded": NN_(
        "Loaded %(file)s: %(num)s entry added or updated.",
        "Loaded %(file)s: %(num)s entries added or updated.",
    ),
    "skipped": NN_(
        "%(num)s unreadable entry was left out.", "%(num)s unreadable entries were left out."
    ),
    "confirmOtherAcademy": N_(
        "This file is a learning record from %(academy)s, not from %(ours)s. Add its "
        "entries to your record for %(ours)s anyway?"
    ),
    "notMixed": N_("Nothing was loaded from %(file)s: it belongs to another academy."),
    "confirmClear": N_(
        "Remove your learning record for %(academy)s from this browser? This cannot be "
        "undone."
    ),
    "cleared": N_(
        "Your learning record for this academy was removed from this browser. Records "
        "of other academies' portals are kept."
    ),
}


def _samples(words: Words) -> dict[str, int]:
    """A count in each plural category of the language: {'one': 1, 'other': 0}."""
    found: dict[str, int] = {}
    for count in range(1000):
        found.setdefault(words.locale.plural_form(count), count)
    return found


def script_words(words: Words) -> dict[str, Any]:
    """Every script word in ``words``' language, and the language tag for Intl."""
    samples = _samples(words)
    table: dict[str, str | dict[str, str]] = {}
    for key, message in SCRIPT_WORDS.items():
        if isinstance(message, tuple):
            singular, plural = message
            table[key] = {
                category: words.translations.ngettext(singular, plural, count)
                for category, count in samples.items()
            }
        else:
            table[key] = words.translations.gettext(message)
    return {"locale": words.tag, "words": table}

