"""Typed loader of data/speech_words.yaml: the words that tell what a quote or a reported clause
does (condemns, warns, blames), read by extract/speech.py; validated once, at first use."""

from __future__ import annotations

from peacewatch.data import DataFile, Word

__all__ = ["SpeechWords"]


class SpeechWords(DataFile):
    """data/speech_words.yaml: word classes of the speech acts read from what is said."""

    FILE = "speech_words.yaml"

    contempt_words: frozenset[Word]
    harm_verbs: frozenset[Word]
    readiness_words: frozenset[Word]
    readiness_copulas: frozenset[Word]
    defence_verbs: frozenset[Word]
    scenario_nouns: frozenset[Word]
    treatment_verbs: frozenset[Word]
    postponing_verbs: frozenset[Word]
    hosting_verbs: frozenset[Word]
    push_nouns: frozenset[Word]
    peacemaking_verbs: frozenset[Word]
    onset_verbs: frozenset[Word]
    onset_phrases: dict[Word, frozenset[Word]]
    breaking_verbs: frozenset[Word]
    commitment_nouns: frozenset[Word]
    assurance_nouns: frozenset[Word]
    obtaining_verbs: frozenset[Word]
    responsibility_words: frozenset[Word]
    bearing_verbs: frozenset[Word]
    harm_nouns: frozenset[Word]
    recording_verbs: frozenset[Word]
    violation_nouns: frozenset[Word]
    response_nouns: frozenset[Word]
    labelling_verbs: frozenset[Word]
    label_words: frozenset[Word]
    price_nouns: frozenset[Word]
    acceptance_verbs: frozenset[Word]
    complaint_verbs: frozenset[Word]
