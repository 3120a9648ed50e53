"""Retraining the shipped models; the only package that needs the ``train`` extra.

- `presslens.training.persuasion`: the persuasion CRF span tagger and technique
  classifier, trained on the Propaganda Techniques Corpus (``presslens train
  persuasion``); python-crfsuite and scikit-learn are imported when training
  starts, so importing the module needs neither.
- `presslens.training.scoring`: the official SemEval-2020 Task 11 metrics, used
  to pick the decoding threshold and by ``evaluation/persuasion.py``.

Inference never imports this package: the analysis reads the shipped model
files through `presslens.extract.persuasion`.
"""
