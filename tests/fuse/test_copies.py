"""Near-copy detection: which stored article a new one copies."""

from peacewatch.fuse.copies import CopyIndex, signature

REPORT = ("Russian missiles struck the centre of the city on Sunday morning, killing at least twenty people "
          "and wounding dozens more, regional officials said, as rescuers searched the rubble of a school.")


def test_a_spun_copy_finds_its_original_and_an_unrelated_report_does_not():
    index = CopyIndex()
    index.add("original", signature(REPORT))
    spun = REPORT.replace("struck", "hit").replace("regional officials said", "officials in the region said")
    found = index.find_original(signature(spun))
    assert found is not None and found[0] == "original" and found[1] >= index.threshold
    other = "The finance ministers met in Brussels on Tuesday to discuss the budget for the coming year."
    assert index.find_original(signature(other)) is None


def test_equally_similar_originals_the_earliest_indexed_wins():
    # Two stored articles with the same text are equally similar to a copy: the one indexed first
    # is the original whatever order the LSH returns them in (a set's order follows the hash seed).
    for first, second in (("a" * 16, "b" * 16), ("b" * 16, "a" * 16), ("article-9", "article-1")):
        index = CopyIndex()
        index.add(first, signature(REPORT))
        index.add(second, signature(REPORT))
        assert index.find_original(signature(REPORT))[0] == first
