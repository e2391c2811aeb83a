"""A training run's settings, without spaCy: the app's Train dialog makes them on its GUI thread, the command line
from its options; ``train.train_project`` runs them."""

from __future__ import annotations

from dataclasses import dataclass, replace

from annotator.model import FINISHED

NER_EPOCHS = 8  # passes over the documents when updating the entity pipeline
EVENT_EPOCHS = 5  # passes when training the event suggester
# a quick try: one pass of each. On 8 events-dev articles 35 s CPU against the defaults' 150 s, held-out scores a
# little lower or equal (docs/learning.md, session 7)
QUICK_EPOCHS = 1
LEAST_DOCUMENTS = 2  # finished documents a run needs: one to learn from, one to hold out and score on


def is_quick(ner_epochs: int, event_epochs: int) -> bool:
    """Were these a quick try's settings (a run's, or a version's manifest's)?"""
    return (ner_epochs, event_epochs) == (QUICK_EPOCHS, QUICK_EPOCHS)


@dataclass
class TrainOptions:
    statuses: tuple[str, ...] = FINISHED
    base: str | None = None  # the original spaCy pipeline (default: the one pre-annotation uses)
    ner_epochs: int = NER_EPOCHS
    event_epochs: int = EVENT_EPOCHS
    folds: int = 5
    seed: int = 0
    make_default: bool | None = None  # None: only if not worse than the current model; True: always; False: never
    # rehearsal against forgetting: up to this many words of the project's other (unfinished) documents join the
    # NER update with the original pipeline's own entities as complete annotations (0: none). On the 8 seed
    # documents (bench/seed_entities.py, 6 trained on per fold), entity F1 original 0.850 -> trained 0.822-0.826
    # without rehearsal, 0.845-0.855 with ~5,000 words, 0.841 with ~10,000 (runs vary by ~0.01)
    rehearsal_words: int = 10_000

    def quick(self) -> TrainOptions:
        """The same run as a quick try (``--ner-epochs 1 --event-epochs 1``)."""
        return replace(self, ner_epochs=QUICK_EPOCHS, event_epochs=QUICK_EPOCHS)

    @property
    def is_quick(self) -> bool:
        return is_quick(self.ner_epochs, self.event_epochs)
