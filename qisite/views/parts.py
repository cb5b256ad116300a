"""Cut a list that is too heavy for one page into pages of about the same weight.

A page sent to a phone over a slow link paints a round trip later for each extra
slice of HTML it needs (issue 14): a long list is cut into the fewest parts that each
stay within a budget, and the cuts are placed so the parts weigh about the same
rather than leaving a short last page.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import accumulate, pairwise
from math import ceil


def even_parts(weights: Sequence[int], budget: int) -> tuple[range, ...]:
    """Ranges of indexes into ``weights``, in order, covering every item once.

    Uses the fewest parts whose every part weighs at most ``budget`` when the cuts fall
    near equal shares of the total (an item heavier than the budget gets a part alone).
    One range when the whole fits or the list is empty.
    """
    total = sum(weights)
    if total <= budget or len(weights) < 2:
        return (range(len(weights)),)
    count = ceil(total / budget)
    while True:
        parts = _cut(weights, count)
        heaviest = max(
            (sum(weights[i] for i in part) for part in parts if len(part) > 1), default=0
        )
        if heaviest <= budget or count >= len(weights):
            return parts
        count += 1


def _cut(weights: Sequence[int], count: int) -> tuple[range, ...]:
    """``count`` non-empty ranges, each cut at the item boundary nearest its equal share."""
    running = list(accumulate(weights))  # running[i]: weight of items 0..i
    total = running[-1]
    cuts = [0]
    for share in range(1, count):
        target = total * share / count
        # Leave at least one item for this part and for each part still to come.
        lowest, highest = cuts[-1] + 1, len(weights) - (count - share)
        cut = min(range(lowest, highest + 1), key=lambda c: abs(running[c - 1] - target))
        cuts.append(cut)
    cuts.append(len(weights))
    return tuple(range(a, b) for a, b in pairwise(cuts))
