"""The side of a new speaker, from evidence in the text that describes them: titles,
employers and nationality words ("U.S. Assistant Secretary of State", "a retired U.S. Army
colonel", "a Democratic Party lawmaker", "an analyst at the Asan Institute").

Only the words that describe the speaker count (the noun phrase that names them and its
appositive), never the rest of the sentence; without evidence the side is ``unknown``.
"""

from __future__ import annotations

import re

_US = re.compile(
    r"\b(?:U\.S\.|US|USA|American|Americans|Washington(?:-based)?|Pentagon|State Department|Department of State"
    r"|Defense Department|Department of Defense|USFK|U\.S\. Forces Korea|United States Forces Korea|Forces Korea"
    r"|White House|Congress(?:ional|man|woman)?|Senate|Senator|Sen\.|Rep\.|Republican|GOP|Heritage Foundation"
    r"|Brookings|RAND|CSIS|Center for Strategic and International Studies|Council on Foreign Relations|CFR"
    r"|Stimson|Wilson Center|Hudson Institute|American Enterprise Institute|Cato|Atlantic Council"
    r"|Center for a New American Security|CNAS|Georgetown|Harvard|Johns Hopkins|Tufts|Columbia University"
    r"|Stanford|Pacific Forum|Korea Economic Institute of America|Korea Society|Trump|Biden|Obama|INDOPACOM"
    r"|Indo-Pacific Command|Eighth Army|8th Army|Seventh Air Force|7th Air Force|Camp Humphreys|Army|Navy"
    r"|Marine Corps|Air Force)\b"
)
_ROK = re.compile(
    r"\b(?:South Korea(?:n|ns|'s|’s)?|S\. Korea(?:n|'s|’s)?|ROK|Seoul(?:'s|’s)?|Blue House|Cheong Wa Dae"
    r"|National Assembly|Democratic Party of Korea|Democratic Party|DP|People Power Party|PPP|Liberty Korea Party"
    r"|United Future Party|Justice Party|Minjoo|Asan Institute|Sejong Institute|Korea Institute for Defense Analyses"
    r"|KIDA|Korea National Diplomatic Academy|KNDA|Institute for National Security Strategy|INSS"
    r"|Korea Institute for National Unification|KINU|Korea Research Institute for National Strategy|Yonsei"
    r"|Korea University|Seoul National University|Kookmin University|Ewha|Hankuk University|Kyungnam University"
    r"|Ministry of National Defense|Ministry of Foreign Affairs|Foreign Ministry|Defense Ministry|Unification Ministry"
    r"|Moon Jae-in|Yoon Suk Yeol|Korean)\b"
)
_OTHER = re.compile(
    r"\b(?:North Korea(?:n|ns|'s|’s)?|N\. Korea(?:n|'s|’s)?|DPRK|KCNA|Pyongyang|China|Chinese|Beijing|Japan(?:ese)?"
    r"|Tokyo|Russia(?:n)?|Moscow|NATO|Germany|German|Philippines)\b"
)
_US_RETIRED = re.compile(r"\bretired\s+(?:U\.S\.|US|American)\b")


def side_from_evidence(*texts: str) -> str:
    """``US`` | ``ROK`` | ``other`` | ``unknown`` from the descriptions of one speaker."""
    us = rok = other = 0
    for text in texts:
        if not text:
            continue
        other += len(_OTHER.findall(text))
        us += len(_US.findall(text)) + len(_US_RETIRED.findall(text))
        rok += len(_ROK.findall(text))
    if other and other >= max(us, rok):
        return "other"
    if us > rok:
        return "US"
    if rok > us:
        return "ROK"
    return "unknown"
