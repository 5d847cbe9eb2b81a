"""One module per question type, each with ``answer(turn, tools) -> Answer | None``; the order in which
they are tried is the table in knowledge/policy.py."""
