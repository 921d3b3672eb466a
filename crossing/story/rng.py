"""The random generator both runtimes share, bit for bit (docs/story-language.md, "Chance").

xoshiro128** (Blackman and Vigna, 2018) on four 32-bit words, seeded from a 32-bit seed
by four outputs of a SplitMix32-style mixer. A draw from a chance with integer weights
summing to `total` takes 32-bit outputs until one falls below the largest multiple of
`total` (rejection, so every outcome has exactly its weight's share), then uses the
remainder.
"""

from __future__ import annotations

MASK = 0xFFFFFFFF
GOLDEN = 0x9E3779B9

RngState = tuple[int, int, int, int]


def _mix(z: int) -> int:
    z = ((z ^ (z >> 16)) * 0x85EBCA6B) & MASK
    z = ((z ^ (z >> 13)) * 0xC2B2AE35) & MASK
    return z ^ (z >> 16)


def seed_state(seed: int) -> RngState:
    """The generator state for a seed from 0 to 2**32 - 1."""
    if not 0 <= seed <= MASK:
        raise ValueError(f"seed must be from 0 to {MASK}")
    words = []
    x = seed
    for _ in range(4):
        x = (x + GOLDEN) & MASK
        words.append(_mix(x))
    if not any(words):  # the all-zero state never changes; it cannot come from _mix, but be sure
        words[0] = 1
    return (words[0], words[1], words[2], words[3])


def _rotl(x: int, k: int) -> int:
    return ((x << k) | (x >> (32 - k))) & MASK


def next_u32(state: RngState) -> tuple[int, RngState]:
    s0, s1, s2, s3 = state
    result = (_rotl((s1 * 5) & MASK, 7) * 9) & MASK
    t = (s1 << 9) & MASK
    s2 ^= s0
    s3 ^= s1
    s1 ^= s2
    s0 ^= s3
    s2 ^= t
    s3 = _rotl(s3, 11)
    return result, (s0, s1, s2, s3)


def draw(state: RngState, total: int) -> tuple[int, RngState]:
    """A uniform integer in [0, total), and the next state."""
    limit = (1 << 32) - ((1 << 32) % total)
    while True:
        value, state = next_u32(state)
        if value < limit:
            return value % total, state


def valid_state(data: object) -> bool:
    return (
        isinstance(data, list | tuple)
        and len(data) == 4
        and all(isinstance(w, int) and not isinstance(w, bool) and 0 <= w <= MASK for w in data)
        and any(data)
    )
