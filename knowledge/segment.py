"""Chinese word segmentation with a dedicated jieba tokenizer that knows the notice's vocabulary.

jieba's bundled dictionary has 349,046 words and takes ~0.5 s and ~80 MB to load even from its
cache. The engine only needs the words that occur in the notice (to find them in questions) plus
its own names, aliases and question words; anything else may fall to jieba's HMM, since a word the
notice never uses cannot match it anyway. So the dictionary is jieba's own, filtered to those words
(about 1,400), written once into a cache directory we control and named by a hash of its inputs:
start-up then costs a few milliseconds.
"""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import jieba

# Names, groups, units and aliases must never be split; this frequency outweighs any path through
# smaller words in the filtered dictionary (whose total is about 2.5 million).
_DOMAIN_FREQ = 200_000
# Question words are ordinary words: frequent enough to be kept whole, not enough to swallow a name.
_GENERAL_FREQ = 2_000
_LONGEST_WORD = 12

jieba.setLogLevel(logging.WARNING)


@dataclass(frozen=True)
class Segmenter:
    tokenizer: jieba.Tokenizer
    vocabulary: frozenset[str]

    def cut(self, text: str) -> list[str]:
        """Tokens of ``text`` without spaces, in order."""
        return [token for token in self.tokenizer.lcut(text, HMM=True) if token.strip()]


_DICTIONARY_FORM = "3"  # how _dictionary builds it: a new form is a new file, never a stale cache


def default_cache_dir() -> Path:
    """``$ZHENGWU_CACHE_DIR``, else ``$XDG_CACHE_HOME/zhengwu-bot``, else ``~/.cache/zhengwu-bot``."""
    if env := os.environ.get("ZHENGWU_CACHE_DIR"):
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "zhengwu-bot"


def build_segmenter(
    notice: str, domain_words: Iterable[str], general_words: Iterable[str], cache_dir: Path | None = None
) -> Segmenter:
    domain = sorted({w for w in domain_words if len(w) > 1 and " " not in w})
    general = sorted({w for w in general_words if len(w) > 1 and " " not in w} - set(domain))
    inputs = [_DICTIONARY_FORM, jieba.__version__, notice, *domain, "|", *general]
    key = hashlib.sha256("\n".join(inputs).encode()).hexdigest()[:16]
    name = f"dict-{key}.txt"
    directory = cache_dir or default_cache_dir()
    if not (directory / name).exists():  # a read-only cache built in advance (the image) is fine
        directory = _writable(directory)
        _write_atomically(directory / name, _dictionary(notice, domain, general))
    path = directory / name
    tokenizer = jieba.Tokenizer(dictionary=str(path))
    tokenizer.tmp_dir = str(directory)
    tokenizer.initialize()
    return Segmenter(tokenizer, frozenset(w for w, f in tokenizer.FREQ.items() if f > 0))


def _dictionary(notice: str, domain: list[str], general: list[str]) -> str:
    """jieba's dictionary filtered to the words of the notice and the lexicon, plus our own words."""
    wanted = {notice[i : i + n] for n in range(2, _LONGEST_WORD + 1) for i in range(len(notice) - n + 1)}
    wanted.update(general)
    known = set(general)
    lines = []
    bundled = Path(jieba.__file__).parent / jieba.DEFAULT_DICT_NAME
    with bundled.open(encoding="utf-8") as stream:
        for line in stream:
            word, freq, *_ = line.split(" ")
            # (组组长 of 搞审批改革的组组长: a group's 组 and its 组长, never one word)
            glued = word == "组组" or (word.startswith("组") and (word[1:] in domain or word[1:] in known))
            if word in wanted and word not in domain and not glued:
                lines.append(f"{word} {max(int(freq), _GENERAL_FREQ if word in general else 1)}\n")
                wanted.discard(word)
    lines += [f"{word} {_GENERAL_FREQ}\n" for word in general if word in wanted]
    lines += [f"{word} {_DOMAIN_FREQ}\n" for word in domain]
    return "".join(lines)


def _writable(directory: Path) -> Path:
    """The cache directory, or a private temporary one when it cannot be created or written."""
    try:
        directory.mkdir(parents=True, exist_ok=True)
        if os.access(directory, os.W_OK):
            return directory
    except OSError:
        pass
    return Path(tempfile.mkdtemp(prefix="zhengwu-bot-"))


def _write_atomically(path: Path, text: str) -> None:
    fd, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as stream:
        stream.write(text)
    os.replace(temporary, path)
