"""How far a release's translations are from the memory's, by sacrebleu: BLEU (with its
Chinese tokenizer when the translation is Chinese), chrF and TER, per segment and overall."""

from __future__ import annotations

from typing import Any

from tm import lang as langs
from tm.checks.core import CheckPair, Memory
from tm.fuzzy.score import key as fold  # exact copies as fuzzy matching sees them


def score_pairs(pairs: list[CheckPair], store: Memory) -> dict[str, Any]:
    from sacrebleu.metrics import BLEU, CHRF, TER

    rows: list[dict[str, Any]] = []
    hypotheses: list[str] = []
    references: list[str] = []
    tables: dict[tuple[str, str], dict[str, str]] = {}
    chinese = False
    for pair in pairs:
        if not pair.bilingual or pair.target_lang is None:
            continue
        key = (langs.canonical(pair.source_lang), langs.canonical(pair.target_lang))
        if key not in tables:
            tables[key] = {
                fold(s.unit.variants[0].text): s.unit.variants[1].text
                for s in store.units(kind="segment", src=key[0], tgt=key[1])
                if len(s.unit.variants) == 2
            }
        reference = tables[key].get(fold(pair.source))
        if reference is None:
            continue
        chinese = langs.is_chinese(pair.target_lang)
        bleu = BLEU(tokenize="zh" if chinese else "13a", effective_order=True)
        hypothesis = pair.target or ""
        rows.append(
            {
                "location": str(pair.location),
                "source": pair.source,
                "target": hypothesis,
                "memory": reference,
                "bleu": round(bleu.sentence_score(hypothesis, [reference]).score, 2),
                "chrf": round(CHRF().sentence_score(hypothesis, [reference]).score, 2),
                "ter": round(
                    TER(normalized=chinese, asian_support=chinese)
                    .sentence_score(hypothesis, [reference])
                    .score,
                    2,
                ),
            }
        )
        hypotheses.append(hypothesis)
        references.append(reference)
    overall: dict[str, Any] = {
        "checked": sum(1 for p in pairs if p.bilingual),
        "segments": len(rows),
    }
    if rows:
        overall["bleu"] = round(
            BLEU(tokenize="zh" if chinese else "13a").corpus_score(hypotheses, [references]).score,
            2,
        )
        overall["chrf"] = round(CHRF().corpus_score(hypotheses, [references]).score, 2)
        overall["ter"] = round(
            TER(normalized=chinese, asian_support=chinese)
            .corpus_score(hypotheses, [references])
            .score,
            2,
        )
    return {"segments": rows, "overall": overall}
