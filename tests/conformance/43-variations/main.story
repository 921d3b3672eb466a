title: The Waiting Room
sources: sources.toml
var days = 0

## wait
~ days += 1
{once: The clerk says the papers will take a week.}

Day {days}. {seq: You sit down. | You sit again. | You know the chair by now.}

{cycle: It rains. | The sun comes out.}

{if days > 2: {once: A letter arrives at last.[^office] | A second letter.}}
* Wait another day -> wait if days < 4
* {seq: Ask the clerk | Ask again} -> ask
* Leave -> gone

## ask
{seq: The clerk shrugs. | The clerk does not look up.}
-> wait

## gone
ending: safety
You leave after {days} days.

epilogue:
{once: The papers came a month later. | never shown}
