"""Learning from the annotators: training examples from finished documents, trained entity and event models,
versions kept beside the project file, and held-out scores measured before a model is used."""
