sources: hours.toml

## entrance
The library opens at nine[^hours].
* Pick two books -> desk
  ~ books += 2
