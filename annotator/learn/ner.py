"""Update a pipeline's ``ner`` from finished documents with spaCy's training API, starting from its weights."""

from __future__ import annotations

import random
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, Callable, Sequence

from annotator.errors import TrainingCancelled
from annotator.learn.data import FinishedDoc


def _overlaps(s: int, e: int, spans: Sequence[tuple[int, int, str]]) -> bool:
    return any(a < e and s < b for a, b, _ in spans)


def gold_tags(doc: Any, fd: FinishedDoc, original: Sequence[tuple[int, int, str]]) -> list[str]:
    """BILUO tags for ``doc`` (the document's text, tokenized): people's entities; tokens of rejected suggestions
    are O (negative evidence); a reviewed document's other tokens are O, an annotated one's are missing ("-")
    except where the original pipeline's own prediction touches nothing a person decided (the guard against
    forgetting what nobody corrected)."""
    from spacy.training import offsets_to_biluo_tags
    from spacy.util import filter_spans

    spans = []
    for s, e, label in fd.entities:
        sp = doc.char_span(s, e, label=label, alignment_mode="expand")
        if sp is not None and len(sp):
            spans.append(sp)
    keep = filter_spans(spans)
    positives = [(sp.start_char, sp.end_char, sp.label_) for sp in keep]
    decided = list(fd.entities) + list(fd.rejected)
    if not fd.complete:
        for s, e, label in original:
            if not _overlaps(s, e, decided):
                sp = doc.char_span(s, e, label=label, alignment_mode="expand")
                if sp is not None and len(sp) and not _overlaps(sp.start_char, sp.end_char, positives):
                    positives.append((sp.start_char, sp.end_char, label))
    tags = offsets_to_biluo_tags(doc, sorted(positives), missing="O" if fd.complete else "-")
    if not fd.complete:
        for s, e, _label in fd.rejected:
            sp = doc.char_span(s, e, alignment_mode="expand")
            if sp is None:
                continue
            for i in range(sp.start, sp.end):
                if tags[i] == "-":
                    tags[i] = "O"
    return tags


def make_examples(
    nlp: Any,
    docs: Sequence[FinishedDoc],
    original: Sequence[Sequence[tuple[int, int, str]]],
    cancelled: Callable[[], bool] | None = None,
) -> list[Any]:
    """One spaCy Example per finished document ("-" tags are missing: no loss on them); ``cancelled`` looked at
    before each (the documents and the rehearsal's words tokenized: 0.3 s of CPU on 12 news articles, session 43)."""
    from spacy.training import Example

    out = []
    for fd, orig in zip(docs, original):
        if cancelled and cancelled():
            raise TrainingCancelled()
        pred = nlp.make_doc(fd.text)
        out.append(Example.from_dict(pred, {"entities": gold_tags(pred, fd, orig)}))
    return out


def update_ner(
    nlp: Any,
    examples: Sequence[Any],
    labels: Sequence[str],
    epochs: int = 10,
    seed: int = 0,
    batch_size: int = 8,
    dropout: float = 0.2,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> dict[str, float]:
    """Train ``nlp``'s ``ner`` in place from its current weights; new labels are added first."""
    from spacy.util import minibatch

    ner = nlp.get_pipe("ner")
    for label in labels:
        if label not in ner.labels:
            ner.add_label(label)
    optimizer = nlp.resume_training()
    rng = random.Random(seed)
    order = list(examples)
    losses: dict[str, float] = {}
    other = [p for p in nlp.pipe_names if p != "ner"]
    with nlp.select_pipes(disable=other), cancel_inside(ner.model, cancelled):
        for epoch in range(epochs):
            rng.shuffle(order)
            losses = {}
            for batch in minibatch(order, size=batch_size):
                if cancelled and cancelled():
                    raise TrainingCancelled()
                nlp.update(batch, sgd=optimizer, drop=dropout, losses=losses)
            if progress:
                progress(epoch + 1, epochs)
    return losses


@contextmanager
def cancel_inside(model: Any, cancelled: Callable[[], bool] | None) -> Iterator[None]:
    """``cancelled()`` looked at before each forward and each backward pass of every layer of ``model`` (a thinc
    model: the ``ner``'s) while inside: one ``nlp.update`` of a batch of eight news articles is 0.5-0.8 s of CPU
    (2.5-4 s wall under load, session 41), and the cancel was looked at only between batches. Each layer's forward
    function is wrapped in place (thinc's ``Model._func``: a wrapper layer would change the model's structure, which
    the parser's step model reads by position and its saved form by shape) and put back on the way out; the wrapper
    draws no random number and changes no value, so the weights trained are the same. Raises TrainingCancelled from
    the layer it was seen before (the batch's gradients are dropped with the model)."""
    if cancelled is None:
        yield
        return
    looked = cancelled

    def wrapped(forward: Callable[..., Any]) -> Callable[..., Any]:
        def looking(layer: Any, X: Any, is_train: bool) -> Any:
            if looked():
                raise TrainingCancelled()
            Y, backprop = forward(layer, X, is_train)

            def backward(*args: Any, **kwargs: Any) -> Any:
                if looked():
                    raise TrainingCancelled()
                return backprop(*args, **kwargs)

            return Y, backward

        return looking

    layers = [(layer, layer._func) for layer in model.walk()]
    for layer, forward in layers:
        layer._func = wrapped(forward)
    try:
        yield
    finally:
        for layer, forward in layers:
            layer._func = forward
