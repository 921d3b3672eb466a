title: A School Day

## alarm
The alarm rings before any chapter begins.
* Get up -> wake

# Morning

## wake
You wake up.
* Have breakfast -> breakfast

## breakfast
Toast and tea.
* Go to school -> lessons

# An empty chapter {#empty}

# Lessons at School {#school}

## lessons
Maths, then art.
* Go home -> home

# After School: Part 2

## home
ending: safety
Home at last.
