"""What makes suggestions: entity spans from spaCy's NER, events from rules or a trained model."""
