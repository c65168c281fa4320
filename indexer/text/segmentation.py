"""Vietnamese word segmentation with pyvi: the only module that imports it.

pyvi (a CRF over syllables with a dictionary of two- and three-syllable words) joins the
syllables of a word: "chuyển_đổi số", "chính_phủ điện_tử". Search does not need it (every
adjacent pair of syllables is a key, indexer.text.tokens); what a result set or an article is
about does: its key terms are words, not syllable pairs across a word boundary ("phủ số").
`segment` gives pyvi's own output several times faster than `ViTokenizer.tokenize`.
"""

from __future__ import annotations

import string


def segment(text: str) -> list[str]:
    """pyvi's words of the text, syllables joined by "_", exactly as `ViTokenizer.tokenize` splits it.

    pyvi builds a feature dict per syllable with repeated string work; here each
    syllable's properties and each adjacent pair's dictionary lookups are computed once.
    """
    from pyvi.ViTokenizer import ViTokenizer  # deferred: loading the model costs a second

    _, sylls = ViTokenizer.sylabelize(text)
    if not sylls:
        return []
    labels = ViTokenizer.model.tagger_.tag(_features(sylls, ViTokenizer.bi_grams, ViTokenizer.tri_grams))
    words = [sylls[0]]
    for i in range(1, len(labels)):
        here, before = sylls[i], sylls[i - 1]
        if (labels[i] == "I_W" and here not in string.punctuation and before not in string.punctuation
                and not here[0].isdigit() and not before[0].isdigit()
                and not (here[0].istitle() and not before[0].istitle())):
            words[-1] += "_" + here
        else:
            words.append(here)
    return words


def _features(sylls: list[str], bi_grams: set[str], tri_grams: set[str]) -> list[list[str]]:
    """pyvi's `word2features` for each syllable, as crfsuite feature names.

    crfsuite reads a feature dict {name: "text"} as the feature "name:text" and
    {name: True} as "name" (False adds nothing), so the lists below give the model the
    same input as pyvi's dicts, several times faster.
    """
    n = len(sylls)
    lower = [w.lower() for w in sylls]
    upper = [w.isupper() for w in sylls]
    title = [w.istitle() for w in sylls]
    bigram = [f"{lower[i]} {lower[i + 1]}" in bi_grams for i in range(n - 1)]
    trigram = [f"{lower[i]} {lower[i + 1]} {lower[i + 2]}" in tri_grams for i in range(n - 2)]
    features = []
    for i in range(n):
        item = ["bias", "word.lower():" + lower[i]]
        if upper[i]:
            item.append("word.isupper()")
        if title[i]:
            item.append("word.istitle()")
        if sylls[i].isdigit():
            item.append("word.isdigit()")
        if i > 0:
            item.append("-1:word.lower():" + lower[i - 1])
            if title[i - 1]:
                item.append("-1:word.istitle()")
            if upper[i - 1]:
                item.append("-1:word.isupper()")
            if bigram[i - 1]:
                item.append("-1:word.bi_gram()")
            if i > 1 and trigram[i - 2]:
                item.append("-2:word.tri_gram()")
        if i < n - 1:
            item.append("+1:word.lower():" + lower[i + 1])
            if title[i + 1]:
                item.append("+1:word.istitle()")
            if upper[i + 1]:
                item.append("+1:word.isupper()")
            if bigram[i]:
                item.append("+1:word.bi_gram()")
            if i < n - 2 and trigram[i]:
                item.append("+2:word.tri_gram()")
        features.append(item)
    return features


def tag_words(text: str) -> list[tuple[str, str]]:
    """pyvi's words of the text with their part-of-speech tags ("Np" a proper noun, "V" a verb)."""
    from pyvi.ViPosTagger import ViPosTagger  # deferred: loading the model costs a second

    words = segment(text)
    return list(zip(words, ViPosTagger.postagging_tokens(words)[1])) if words else []
