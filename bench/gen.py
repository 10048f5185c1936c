#!/usr/bin/env python3
"""Generate benchmark inputs for dangxue from the built-in content.

  gen.py units N DIR         N study units (bodies cycled from content/, ~3.8 KB each)
  gen.py long BYTES DIR      one unit whose body is at least BYTES long (id bench-long)
  gen.py body BYTES FILE     the same body as plain text, for `less`
  gen.py completions N DIR   N completion files for cycle 2026-11 over the built-in units

Everything is deterministic: the same arguments give the same files.
"""

import os
import re
import sys
import tomllib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CYCLE = "2026-11"


def builtin_units():
    """(front matter dict, body) of every built-in unit, sorted by id."""
    units = []
    for dirpath, dirnames, filenames in os.walk(os.path.join(ROOT, "content")):
        dirnames[:] = sorted(d for d in dirnames if d != "sources")
        for name in sorted(filenames):
            if not name.endswith(".md") or name == "README.md":
                continue
            with open(os.path.join(dirpath, name), encoding="utf-8") as f:
                text = f.read()
            m = re.match(r"\+\+\+\n(.*?)\n\+\+\+\n(.*)", text, re.S)
            if not m:
                continue
            units.append((tomllib.loads(m.group(1)), m.group(2)))
    units.sort(key=lambda u: u[0]["id"])
    if not units:
        sys.exit("gen.py: no built-in units under content/")
    return units


def q(s):
    """A TOML basic string."""
    out = ['"']
    for ch in s:
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch == "\n":
            out.append("\\n")
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append("\\u%04x" % ord(ch))
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def unit_text(uid, title, body, n):
    return (
        "+++\n"
        f"id = {q(uid)}\n"
        f"title = {q(title)}\n"
        'kind = "article"\n'
        'source = "bench"\n'
        f'tags = ["基准", "第{n % 97}组"]\n'
        "\n[[questions]]\n"
        'id = "q1"\n'
        'type = "judge"\n'
        'prompt = "本单元由基准脚本生成。"\n'
        "answer = true\n"
        'explain = "见正文。"\n'
        "+++\n" + body
    )


def gen_units(n, out):
    os.makedirs(out, exist_ok=True)
    src = builtin_units()
    for i in range(n):
        meta, body = src[i % len(src)]
        uid = f"gen-{i:06d}"
        title = f"{meta['title']} ({i})"
        path = os.path.join(out, f"{uid}.md")
        with open(path, "w", encoding="utf-8") as f:
            f.write(unit_text(uid, title, body, i))


def long_body(size):
    parts, total = [], 0
    src = builtin_units()
    i = 0
    while total < size:
        meta, body = src[i % len(src)]
        chunk = f"## {meta['title']}\n\n{body.strip()}\n\n"
        parts.append(chunk)
        total += len(chunk.encode("utf-8"))
        i += 1
    return "".join(parts)


def gen_long(size, out):
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "bench-long.md"), "w", encoding="utf-8") as f:
        f.write(unit_text("bench-long", "benchlong 长文基准", long_body(size), 0))


def gen_body(size, path):
    with open(path, "w", encoding="utf-8") as f:
        f.write(long_body(size))


# The cycle test draw, as SPEC.md fixes it.
MASK = (1 << 64) - 1


def fnv1a64(s):
    h = 0xCBF29CE484222325
    for b in s.encode("utf-8"):
        h ^= b
        h = (h * 0x100000001B3) & MASK
    return h


class SplitMix64:
    def __init__(self, seed):
        self.state = seed

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)


def draw(member_id, pool, k=10):
    pool = sorted(pool, key=lambda p: (p[0].encode(), p[1].encode()))
    rng = SplitMix64(fnv1a64(f"{member_id}/{CYCLE}"))
    for i in range(len(pool) - 1, 0, -1):
        j = rng.next() % (i + 1)
        pool[i], pool[j] = pool[j], pool[i]
    return pool[: min(k, len(pool))]


def right_answer(question):
    a = question["answer"]
    if question["type"] == "judge":
        return "true" if a else "false"
    if question["type"] == "fill":
        return a[0]
    return a


def wrong_answer(question):
    if question["type"] == "judge":
        return "false" if question["answer"] else "true"
    if question["type"] == "fill":
        return "不知道"
    return "A" if question["answer"] != "A" else "B"


REFLECTION = "通过学习，我深刻认识到党的基层组织是党在社会基层组织中的战斗堡垒。" * 12
SURVEY = "本次调研走访了社区、物业企业和居民代表，了解红色物业运行情况。" * 12
OUTLINE = "一、学习内容概述；二、结合本职工作的体会；三、今后努力方向。" * 4


def completion_text(i, units):
    member_id = f"m{i:06d}"
    # Each member reads 4 to 7 units, finishing most of them.
    count = 4 + i % 4
    picked = [units[(i * 7 + k * 13) % len(units)] for k in range(count)]
    picked = sorted({u[0]["id"]: u for u in picked}.values(), key=lambda u: u[0]["id"])
    lines = [
        'format = "dangxue-completion/1"',
        f"member_id = {q(member_id)}",
        f'member = "党员{i}"',
        f'cycle = "{CYCLE}"',
        "exported = 2026-11-30T21:04:00+08:00",
    ]
    finished_ids = []
    for k, (meta, _) in enumerate(picked):
        lines += ["", "[[read]]", f"unit = {q(meta['id'])}", f"seconds = {130 + (i * 31 + k * 17) % 900}"]
        if (i + k) % 6 != 5:
            lines.append(f"finished = 2026-11-{3 + k:02d}T20:11:09+08:00")
            finished_ids.append(meta["id"])
    lines += ["", "[reflection]", f"unit = {q(picked[0][0]['id'])}", f"text = {q(REFLECTION)}"]
    lines += ["", "[talk]", 'topic = "党建引领基层治理"', f"outline = {q(OUTLINE)}", "delivered = 2026-11-20"]
    by_id = {u[0]["id"]: u[0] for u in units}
    pool = [
        (uid, qq["id"]) for uid in finished_ids for qq in by_id[uid].get("questions", [])
    ]
    drawn = draw(member_id, pool)
    correct = 0
    answers = []
    for n, (uid, qid) in enumerate(drawn):
        question = next(x for x in by_id[uid]["questions"] if x["id"] == qid)
        ok = (i + n) % 9 != 0
        given = right_answer(question) if ok else wrong_answer(question)
        correct += ok
        answers.append(f"{{ unit = {q(uid)}, question = {q(qid)}, given = {q(given)} }}")
    lines += ["", "[test]", "taken = 2026-11-28T19:30:00+08:00"]
    lines.append("answers = [\n  " + ",\n  ".join(answers) + ",\n]" if answers else "answers = []")
    lines += ["", "[survey]", 'title = "社区红色物业调研"', f"text = {q(SURVEY)}"]
    score = 100 * correct // len(drawn) if drawn else 0
    read_done = len(finished_ids) >= 4
    study_done = score >= 80
    # One file in twenty claims more than its evidence shows.
    claimed_read = read_done or i % 20 == 0
    lines += [
        "",
        "[claimed]",
        f"read = {str(claimed_read).lower()}",
        "talk = true",
        f"study = {str(study_done).lower()}",
        f"score = {score}",
        "",
    ]
    return member_id, "\n".join(lines)


def gen_completions(n, out):
    os.makedirs(out, exist_ok=True)
    units = builtin_units()
    for i in range(n):
        member_id, text = completion_text(i, units)
        with open(os.path.join(out, f"{member_id}-{CYCLE}.toml"), "w", encoding="utf-8") as f:
            f.write(text)


def main(argv):
    if len(argv) != 4:
        sys.exit(__doc__)
    what, n, out = argv[1], int(argv[2]), argv[3]
    {"units": gen_units, "long": gen_long, "body": gen_body, "completions": gen_completions}[what](n, out)


if __name__ == "__main__":
    main(sys.argv)
