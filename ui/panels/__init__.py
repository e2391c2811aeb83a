"""Side panels: item models and views over core data."""
