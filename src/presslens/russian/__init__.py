"""Russian-language articles, analysed with natasha into the same `Document` contract.

spaCy's Russian models are not installable here; natasha 1.6 ships its
embeddings and its slovnet NER and morphology models inside the wheel, so a
Russian article is segmented (razdel), tagged for morphology and named
entities, and its names are lemmatised ("Ильхама Мамедова" -> "Ильхам
Мамедов") and placed through the same gazetteer as English ones. What this
path does not extract yet (time expressions, claims, events, persuasion) is
said on the record by a `partial_analysis` flag, never left as a silent empty
list.

`RussianAnalyser` is what `presslens.pipeline.Pipeline` calls for articles
detected as Russian; the models are loaded once per process
(``russian_models``).
"""

from presslens.russian.analyser import RussianAnalyser
from presslens.russian.models import RussianUnavailable, russian_models

__all__ = ["RussianAnalyser", "RussianUnavailable", "russian_models"]
