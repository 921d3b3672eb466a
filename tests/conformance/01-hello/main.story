title: Hello, World!

## start
Good morning.
* Say hello -> reply

## reply
ending: safety
Hello back.
